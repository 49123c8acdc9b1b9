-- 0004_delete: what deleting articles needs. An image is stored once and
-- referred to only from the figures (JSON) of articles and their earlier
-- versions; these partial indexes hold that JSON for the rows that have
-- figures, so that finding whether any row still refers to an image reads
-- the small index instead of every (large) article row.
CREATE INDEX articles_figures ON articles(figures) WHERE figures <> '[]';
CREATE INDEX article_versions_figures ON article_versions(figures) WHERE figures <> '[]';
