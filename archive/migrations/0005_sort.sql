-- 0005_sort: indexes in the orders the list offers besides dates, so that
-- a page sorted by title or by site walks an index instead of reading and
-- sorting every matching article row (at 100,000 articles: 400 ms → 15 ms
-- for the whole archive; docs/archive-bench.md).
CREATE INDEX articles_title ON articles(title COLLATE NOCASE, id);
-- Site, then newest first: the order of SortSite. It also serves what the
-- index on the site alone did (site: filters, site facets).
CREATE INDEX articles_site_date ON articles(site COLLATE NOCASE, coalesce(published, captured, imported) DESC, id DESC);
DROP INDEX articles_site;
