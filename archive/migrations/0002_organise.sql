-- 0002_organise: annotations, collections, saved searches and article
-- versions; two derived columns for the full-text index (notes, cjk); the
-- indexes that search filters, facets and date sorting use. The old
-- full-text table is dropped here and made again, with the new columns, by
-- 0003_fts.sql, after the program has filled articles.cjk (a step in Go
-- that runs in this migration's transaction; see migrate.go).

-- Text of the article's annotations (highlighted passages, their notes and
-- the free note), one a line, kept up to date by the program for the index.
ALTER TABLE articles ADD COLUMN notes TEXT NOT NULL DEFAULT '';
-- Overlapping two-character pieces of the Chinese, Japanese and Korean
-- runs of the indexed columns (see cjk.go), so that words in scripts
-- written without spaces can be found; '' for other text.
ALTER TABLE articles ADD COLUMN cjk TEXT NOT NULL DEFAULT '';

DROP TRIGGER articles_fts_delete;
DROP TRIGGER articles_fts_update;
DROP TABLE articles_fts;

-- Dates used by search: "captured" falls back to the import time, and an
-- article's date (for sorting, facets and the timeline) to both. Queries
-- must spell these expressions exactly as here to use the indexes.
CREATE INDEX articles_captured ON articles(coalesce(captured, imported));
CREATE INDEX articles_date     ON articles(coalesce(published, captured, imported), id);
CREATE INDEX articles_starred  ON articles(id) WHERE starred = 1;
CREATE INDEX articles_site     ON articles(site COLLATE NOCASE);
-- site: filters compare url_key by range; the partial index of 0001 cannot
-- serve them.
DROP INDEX articles_url_key;
CREATE INDEX articles_url_key  ON articles(url_key);
-- The columns that filters, facets and date sorting read, by article: rows
-- of articles are large (body, blocks), this index is small, so looking
-- an article's metadata up here is many times cheaper.
CREATE INDEX articles_meta ON articles(id, published, captured, imported, site, url_key, language, starred, read);

-- A highlight (kind 'highlight') is a passage of the article's current
-- text, held as a W3C TextQuoteSelector (exact, prefix, suffix) and as
-- offsets in characters (Unicode code points) of that text, [start, end).
-- When the text changes the program finds the passage again by its quote;
-- one it cannot find keeps its quote, gets orphaned = 1 and start_char =
-- end_char = -1. A free note (kind 'note', at most one per article) has no quote.
CREATE TABLE annotations (
	id         INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	kind       TEXT    NOT NULL CHECK (kind IN ('highlight', 'note')),
	exact      TEXT    NOT NULL DEFAULT '',
	prefix     TEXT    NOT NULL DEFAULT '',
	suffix     TEXT    NOT NULL DEFAULT '',
	start_char INTEGER NOT NULL DEFAULT -1,
	end_char   INTEGER NOT NULL DEFAULT -1,
	color      TEXT    NOT NULL DEFAULT '',
	note       TEXT    NOT NULL DEFAULT '',
	orphaned   INTEGER NOT NULL DEFAULT 0 CHECK (orphaned IN (0, 1)),
	created    TEXT    NOT NULL,
	modified   TEXT    NOT NULL
);

CREATE INDEX annotations_article ON annotations(article_id, start_char);
CREATE UNIQUE INDEX annotations_note ON annotations(article_id) WHERE kind = 'note';

-- Collections nest (parent_id NULL at the top) and hold articles in the
-- order the user gives them; an article may be in many.
CREATE TABLE collections (
	id        INTEGER PRIMARY KEY,
	parent_id INTEGER REFERENCES collections(id) ON DELETE CASCADE,
	name      TEXT    NOT NULL CHECK (name <> '' AND instr(name, '/') = 0),
	created   TEXT    NOT NULL
);

CREATE UNIQUE INDEX collections_name ON collections(coalesce(parent_id, 0), name COLLATE NOCASE);

CREATE TABLE collection_articles (
	collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
	article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	position      INTEGER NOT NULL,
	added         TEXT    NOT NULL,
	PRIMARY KEY (collection_id, article_id)
) WITHOUT ROWID;

CREATE INDEX collection_articles_order   ON collection_articles(collection_id, position);
CREATE INDEX collection_articles_article ON collection_articles(article_id);

-- A saved search: a name for a query, usable as a smart collection and in
-- other queries as saved:NAME.
CREATE TABLE saved_searches (
	id      INTEGER PRIMARY KEY,
	name    TEXT    NOT NULL UNIQUE COLLATE NOCASE CHECK (name <> ''),
	query   TEXT    NOT NULL,
	created TEXT    NOT NULL
);

-- Earlier versions of an article: when a capture brings an article whose
-- address (url_key) is already stored but whose text differs, the stored
-- content moves here and the articles row takes the new one, so that the
-- article keeps its id, tags, annotations and collections.
CREATE TABLE article_versions (
	id          INTEGER PRIMARY KEY,
	article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	original_id INTEGER NOT NULL REFERENCES originals(id),
	position    INTEGER NOT NULL DEFAULT 0,
	title       TEXT    NOT NULL DEFAULT '',
	subtitle    TEXT    NOT NULL DEFAULT '',
	byline      TEXT    NOT NULL DEFAULT '',
	site        TEXT    NOT NULL DEFAULT '',
	url         TEXT    NOT NULL DEFAULT '',
	language    TEXT    NOT NULL DEFAULT '',
	published   TEXT,
	modified    TEXT,
	captured    TEXT,
	imported    TEXT    NOT NULL,
	capture_url TEXT    NOT NULL DEFAULT '',
	file_name   TEXT    NOT NULL DEFAULT '',
	format      TEXT    NOT NULL DEFAULT '',
	blocks      TEXT    NOT NULL DEFAULT '[]',
	figures     TEXT    NOT NULL DEFAULT '[]',
	related     TEXT    NOT NULL DEFAULT '[]',
	text        TEXT    NOT NULL DEFAULT '',
	captions    TEXT    NOT NULL DEFAULT '',
	superseded  TEXT    NOT NULL              -- when a newer version replaced it
);

CREATE INDEX article_versions_article  ON article_versions(article_id, id);
CREATE INDEX article_versions_original ON article_versions(original_id);
