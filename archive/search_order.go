package archive

import (
	"context"
	"fmt"
)

// Orders other than relevance (date, title, site): the strategies
// walkOrder, walkSet, sortMatches and sortFiltered (search_engine.go).
// Each finds the IDs of a page; ordered reads their rows and the total.

// ordered fills r's results with a page in an order other than relevance.
// The full-text matches are counted meanwhile on another connection; the
// total is that count when there are no filters, else it is counted on a
// third connection while the page is read (see search.awaitMatches).
func (e *engine) ordered(ctx context.Context, r *search) error {
	p, res := r.p, r.res
	countCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	counted := e.meanwhile(countCtx, func(ctx context.Context) (int, strategy, error) {
		n, err := e.matchCount(ctx, p)
		return n, countMatches, err
	})
	var matches *countResult
	var totalled <-chan countResult
	r.awaitMatches = func() (int, error) {
		if matches == nil {
			c := <-counted
			if c.err != nil {
				c.err = fmt.Errorf("count: %w", c.err)
			} else if p.match == "" || len(p.where) > 0 {
				totalled = e.meanwhile(countCtx, func(ctx context.Context) (int, strategy, error) { return e.resultCount(ctx, p) })
			}
			matches = &c
		}
		return matches.n, matches.err
	}
	if err := e.page(ctx, r); err != nil {
		return err
	}
	n, err := r.awaitMatches() // when the page was walked, the count is still on its way
	if err != nil {
		return err
	}
	if res.Hits, err = e.s.hits(ctx, r.ids); err != nil {
		return err
	}
	if err := e.goSnippets(ctx, p, res.Hits); err != nil {
		return err
	}
	if totalled == nil {
		res.Total, r.count = n, countMatches
		return nil
	}
	c := <-totalled
	if c.err != nil {
		return fmt.Errorf("count: %w", c.err)
	}
	res.Total, r.count = c.n, c.how
	return nil
}

// orderBy returns the ORDER BY terms of an order other than relevance.
// Every order ends with the id, so that pages never overlap.
func orderBy(o Sort) string {
	switch o {
	case SortOldest:
		return dateExpr + `, a.id`
	case SortTitle:
		return `a.title COLLATE NOCASE, a.id`
	case SortSite:
		return `a.site COLLATE NOCASE, ` + dateExpr + ` DESC, a.id DESC`
	}
	return dateExpr + ` DESC, a.id DESC`
}

// orderIndex names the index that walks an order other than relevance:
// over many matches, walking it and keeping the matching rows stops after
// one page, where sorting would first read every matching row.
func orderIndex(o Sort) string {
	switch o {
	case SortTitle:
		return "articles_title"
	case SortSite:
		return "articles_site_date"
	}
	return "articles_date"
}

// pageIDs sets r.ids to the page of q (a query of the IDs of the results
// ending in ORDER BY and LIMIT ? OFFSET ?).
func (e *engine) pageIDs(ctx context.Context, r *search, q string, args []any) error {
	var err error
	r.ids, err = e.s.ids(ctx, q, append(args, r.limit, r.offset)...)
	return err
}

// walkSet is the strategy of that name: it declines up to
// tuning.bigMatches matches.
func (e *engine) walkSet(ctx context.Context, r *search) (bool, error) {
	matches, err := r.awaitMatches()
	if err != nil || !e.tune.inSet(matches) {
		return err != nil, err
	}
	ids, args := r.p.idsQuery(true)
	q := `SELECT a.id FROM articles a INDEXED BY ` + orderIndex(r.res.Sort) + ` WHERE a.id IN (` + ids + `)` + orderClause(r.res.Sort)
	return true, e.pageIDs(ctx, r, q, args)
}

// sortMatches is the strategy of that name; it never declines.
func (e *engine) sortMatches(ctx context.Context, r *search) (bool, error) {
	if _, err := r.awaitMatches(); err != nil {
		return true, err
	}
	ids, args := r.p.idsQuery(false)
	q := `SELECT a.id FROM articles a INDEXED BY articles_meta WHERE a.id IN (` + ids + `)` + orderClause(r.res.Sort)
	return true, e.pageIDs(ctx, r, q, args)
}

// sortFiltered is the strategy of that name; it never declines.
func (e *engine) sortFiltered(ctx context.Context, r *search) (bool, error) {
	if _, err := r.awaitMatches(); err != nil {
		return true, err
	}
	q, args := r.p.idsQuery(false)
	return true, e.pageIDs(ctx, r, q+orderClause(r.res.Sort), args)
}

// orderClause is the ORDER BY and LIMIT of a page in order o.
func orderClause(o Sort) string { return ` ORDER BY ` + orderBy(o) + ` LIMIT ? OFFSET ?` }

// Walking an order's index for dense matches.
//
// Collecting every match of a query before walking an order's index costs
// about 0.2 µs a match for a word (20 ms for a word in 100,000 articles)
// and, for a phrase, a pass over its words' positions (over 100 ms for
// "of the"). Checking one article against the full-text index costs about
// 30 µs (60 for a phrase). When the matches are a large part of the
// archive, walking the index and checking each article finds a page
// sooner: with a share f of N articles matching, a page that ends at
// result k costs about k/f checks, against f·N collected matches.

// walkOrder is the strategy of that name (a query without filters): see
// walkDense for when it declines.
func (e *engine) walkOrder(ctx context.Context, r *search) (bool, error) {
	ids, walked, err := e.walkDense(ctx, r.p, r.res.Sort, r.limit, r.offset)
	if err != nil || !walked {
		return err != nil, err
	}
	r.ids = ids
	return true, nil
}

// walkDense returns a page of p's results (a query without filters) in
// order o, walking the order's index, and reports whether it did: only
// when a sample of the newest articles says the matches are dense enough
// for that to pay, and only over tuning.walkSlack times as many articles
// as the sample predicts; when the page is not full by then (the matches
// may be unevenly spread along the order, as a word of one year is by
// date), it gives up.
func (e *engine) walkDense(ctx context.Context, p *plan, o Sort, limit, offset int) ([]int64, bool, error) {
	var k int
	maxID, err := e.maxID(ctx)
	if err == nil {
		err = e.db.QueryRowContext(ctx, `SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ? AND rowid > ?`,
			p.match, maxID-int64(e.tune.denseSample)).Scan(&k)
	}
	if err != nil || k == 0 {
		return nil, false, err
	}
	f, need := float64(k)/float64(min(int64(e.tune.denseSample), maxID)), offset+limit
	budget := int(e.tune.walkSlack*float64(need)/f) + 20
	if f*float64(maxID) < e.tune.walkRatio*float64(budget) {
		return nil, false, nil
	}
	order := orderBy(o)
	q := `SELECT id, count(*) OVER () FROM (
  SELECT a.id, a.title, a.site, a.published, a.captured, a.imported
  FROM articles a INDEXED BY ` + orderIndex(o) + ` ORDER BY ` + order + ` LIMIT ?) a
WHERE EXISTS (SELECT 1 FROM articles_fts f WHERE f.articles_fts MATCH ? AND f.rowid = a.id)
ORDER BY ` + order + ` LIMIT ? OFFSET ?`
	rows, err := e.db.QueryContext(ctx, q, budget, p.match, limit, offset)
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	var ids []int64
	found := 0
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id, &found); err != nil {
			return nil, false, err
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, false, err
	}
	if found < need && int64(budget) < maxID { // the page may go on past the walk
		return nil, false, nil
	}
	return ids, true, nil
}
