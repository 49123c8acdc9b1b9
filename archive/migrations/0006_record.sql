-- 0006_record: the richer record the importer gives each article: its
-- authors one by one and how much the page reads as an article, kept for
-- the current content (articles) and for each earlier version
-- (article_versions), which hold the record of their own capture. Then a
-- step in Go (migrate.go: rekeyURLs) computes every articles.url_key again
-- with the one address normaliser the importer uses too (urlnorm.Key:
-- percent-escapes in one case, the union of both tracking-parameter
-- lists, AMP and mobile hosts folded), so that the keys stored by earlier
-- releases match those of new captures of the same pages.
--
-- Existing rows get no authors and an unknown confidence: the archive does
-- not parse bylines; `clippings reextract` cleans the stored originals
-- again and fills them in.

-- JSON []Author, in the order the page names them: {"name", "kind"
-- ("person", "organization" or ""), "role" (job title or affiliation,
-- left out when none)}; '[]' when unknown. The byline column stays the
-- display string; the program makes it show every author's name, so the
-- full-text index (byline:, author:) finds each of them.
ALTER TABLE articles ADD COLUMN authors TEXT NOT NULL DEFAULT '[]';
-- 'article', 'page' (readable text that does not read as an article:
-- lists, tables, a front page), 'stub' (little text), or '' when not
-- measured. Checked by the program, not by a CHECK constraint, so that a
-- later release can add a value without rebuilding the table.
ALTER TABLE articles ADD COLUMN confidence TEXT NOT NULL DEFAULT '';

ALTER TABLE article_versions ADD COLUMN authors TEXT NOT NULL DEFAULT '[]';
ALTER TABLE article_versions ADD COLUMN confidence TEXT NOT NULL DEFAULT '';
