-- 0008_settings: settings that belong to the archive rather than to one
-- window or command line, such as how many automatic backups to keep
-- (backups.go), so that the window and the command line agree.
CREATE TABLE settings (
	name  TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

-- The full-text index deletes for real: a deleted or changed article's
-- words are taken out of the index's pages at once, rather than marked
-- deleted and kept until the index is next merged (delete.go). The index
-- made anew leaves out what earlier versions only marked deleted (a merge
-- would too, but keeps words a later secure delete cannot take out:
-- compact.go, rebuildQuery).
INSERT INTO articles_fts(articles_fts, rank) VALUES ('secure-delete', 1);
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
