-- 0011_citation_keys: every article's citation key, given once when the
-- article is first stored (citekey.go makes it: first author, year, first
-- significant word of the title, in ASCII) and kept for ever, so that a
-- paper's [@key] survives every later export. The user may change it;
-- no two articles share one (compared without case, as BibTeX does).
-- Articles stored before get theirs in the migration (a Go step).
CREATE TABLE citation_keys (
	article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	key        TEXT NOT NULL UNIQUE COLLATE NOCASE
);
