-- 0001_init: originals, images, articles, tags and the full-text index.
--
-- Times are UTC text in one fixed layout, 'YYYY-MM-DDTHH:MM:SS.SSSZ', so
-- that they sort as text, read well in the sqlite3 shell and work with
-- SQLite's date functions; NULL means unknown.

-- A saved file exactly as it was imported, kept for provenance.
CREATE TABLE originals (
	id       INTEGER PRIMARY KEY,
	sha256   TEXT    NOT NULL UNIQUE CHECK (length(sha256) = 64), -- lower-case hex of the uncompressed bytes
	name     TEXT    NOT NULL,                  -- base name of the file
	format   TEXT    NOT NULL,                  -- reader that read it: "html", "mhtml", …
	size     INTEGER NOT NULL,                  -- uncompressed size in bytes
	encoding TEXT    NOT NULL DEFAULT 'gzip',   -- how data is stored: 'gzip' or 'identity'
	data     BLOB    NOT NULL,
	imported TEXT    NOT NULL
);

-- An image held by a capture, stored once by its SHA-256; figures refer to
-- it from articles.figures (JSON, key "image_sha").
CREATE TABLE images (
	sha256 TEXT    NOT NULL PRIMARY KEY CHECK (length(sha256) = 64), -- lower-case hex of data
	mime   TEXT    NOT NULL,
	size   INTEGER NOT NULL,
	data   BLOB    NOT NULL
);

-- One cleaned article. Its id is also the rowid of articles_fts, so it must
-- stay an INTEGER PRIMARY KEY (stable across VACUUM). Later versions of the
-- same page share url_key.
CREATE TABLE articles (
	id          INTEGER PRIMARY KEY,
	original_id INTEGER NOT NULL REFERENCES originals(id),
	position    INTEGER NOT NULL DEFAULT 0,     -- order within the original (a WARC may hold many)
	title       TEXT    NOT NULL DEFAULT '',
	subtitle    TEXT    NOT NULL DEFAULT '',    -- standfirst
	byline      TEXT    NOT NULL DEFAULT '',
	site        TEXT    NOT NULL DEFAULT '',
	url         TEXT    NOT NULL DEFAULT '',    -- canonical URL
	url_key     TEXT    NOT NULL DEFAULT '',    -- normalised url (or capture_url) for dedupe and versions
	language    TEXT    NOT NULL DEFAULT '',
	published   TEXT,
	modified    TEXT,
	captured    TEXT,
	imported    TEXT    NOT NULL,
	capture_url TEXT    NOT NULL DEFAULT '',
	file_name   TEXT    NOT NULL DEFAULT '',
	format      TEXT    NOT NULL DEFAULT '',
	blocks      TEXT    NOT NULL DEFAULT '[]',  -- JSON []Block
	figures     TEXT    NOT NULL DEFAULT '[]',  -- JSON []Figure
	related     TEXT    NOT NULL DEFAULT '[]',  -- JSON []Link
	text        TEXT    NOT NULL DEFAULT '',    -- plain body, for the index and snippets
	captions    TEXT    NOT NULL DEFAULT '',    -- figure captions and credits, one a line
	starred     INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1)),
	read        INTEGER NOT NULL DEFAULT 0 CHECK (read IN (0, 1))
);

CREATE INDEX articles_original  ON articles(original_id, position);
CREATE INDEX articles_imported  ON articles(imported);   -- newest first: imported DESC, id DESC
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_url_key   ON articles(url_key) WHERE url_key <> '';

CREATE TABLE tags (
	id   INTEGER PRIMARY KEY,
	name TEXT    NOT NULL UNIQUE COLLATE NOCASE
);

CREATE TABLE article_tags (
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	tag_id     INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
	PRIMARY KEY (article_id, tag_id)
) WITHOUT ROWID;

CREATE INDEX article_tags_tag ON article_tags(tag_id, article_id);

-- Full-text index over the articles table (external content). The column
-- names must match those of articles. Rows are inserted by the program in
-- the same transaction as the article (an insert trigger would flush FTS5's
-- buffer for every article); deletes and updates are kept in sync here.
CREATE VIRTUAL TABLE articles_fts USING fts5(
	title, subtitle, byline, text, captions,
	content='articles', content_rowid='id',
	tokenize='unicode61 remove_diacritics 2'
);

-- Default ranking for ORDER BY rank: title above standfirst above byline
-- above captions above body.
INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(10.0, 5.0, 3.0, 1.0, 2.0)');

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, subtitle, byline, text, captions)
	VALUES ('delete', old.id, old.title, old.subtitle, old.byline, old.text, old.captions);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, subtitle, byline, text, captions ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, subtitle, byline, text, captions)
	VALUES ('delete', old.id, old.title, old.subtitle, old.byline, old.text, old.captions);
	INSERT INTO articles_fts(rowid, title, subtitle, byline, text, captions)
	VALUES (new.id, new.title, new.subtitle, new.byline, new.text, new.captions);
END;
