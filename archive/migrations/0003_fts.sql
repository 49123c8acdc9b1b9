-- 0003_fts: the full-text index again, now also over the annotations'
-- text (notes) and the CJK bigrams (cjk), rebuilt from the articles.
-- External content as before: rows are inserted by the program, deletes
-- and updates are kept in sync by the triggers.
CREATE VIRTUAL TABLE articles_fts USING fts5(
	title, subtitle, byline, text, captions, notes, cjk,
	content='articles', content_rowid='id',
	tokenize='unicode61 remove_diacritics 2'
);

-- Default ranking for ORDER BY rank: title above standfirst above byline
-- above captions and notes above body and bigrams.
INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(10.0, 5.0, 3.0, 1.0, 2.0, 2.0, 1.0)');

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, subtitle, byline, text, captions, notes, cjk)
	VALUES ('delete', old.id, old.title, old.subtitle, old.byline, old.text, old.captions, old.notes, old.cjk);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, subtitle, byline, text, captions, notes, cjk ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, subtitle, byline, text, captions, notes, cjk)
	VALUES ('delete', old.id, old.title, old.subtitle, old.byline, old.text, old.captions, old.notes, old.cjk);
	INSERT INTO articles_fts(rowid, title, subtitle, byline, text, captions, notes, cjk)
	VALUES (new.id, new.title, new.subtitle, new.byline, new.text, new.captions, new.notes, new.cjk);
END;

INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
