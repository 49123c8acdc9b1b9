-- 0009_checksums: a checksum of every article's and earlier version's
-- cleaned record, so that "clippings check" finds a byte changed in a
-- text, its blocks or its details as it finds one changed in an original
-- or an image (whose SHA-256 name them). The checksum covers the columns
-- articles and article_versions share (recordColumns in checksum.go):
-- title, standfirst, byline, site, address, language, dates, provenance,
-- blocks, figures, related links, text and captions; not the states, the
-- notes or the bigrams, which change as the reader works. They live in
-- tables of their own, so that writing one does not rewrite the (large)
-- article row; the step in Go after this file (fillChecksums) computes
-- them for the rows stored before.
CREATE TABLE article_sums (
	article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	sum        TEXT    NOT NULL
);

CREATE TABLE version_sums (
	version_id INTEGER PRIMARY KEY REFERENCES article_versions(id) ON DELETE CASCADE,
	sum        TEXT    NOT NULL
);
