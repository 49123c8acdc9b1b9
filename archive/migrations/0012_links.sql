-- 0012_links: the sites each article's body links to, for the links:
-- filter ("which articles cite this site"). One row per article and host
-- of an inline link of its current version (lower case, without "www."
-- or port); rkey is the host's labels reversed with a trailing dot
-- ("uk.co.bbc."), so that a site and its subdomains are one range of the
-- index. Articles stored before this migration carry no inline links
-- (`clippings reextract` rebuilds them and fills this table).
CREATE TABLE article_links (
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	rkey       TEXT    NOT NULL,
	host       TEXT    NOT NULL,
	PRIMARY KEY (article_id, rkey)
) WITHOUT ROWID;

CREATE INDEX article_links_rkey ON article_links(rkey, article_id);
