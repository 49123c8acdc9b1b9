package archive

import (
	"context"
	"fmt"
	"strings"
)

// Ranking by relevance: the strategies rankAll and rankNewest
// (search_engine.go). Ranking costs time in proportion to the results, so
// when there are more than the rank window of them (tuning.window) only
// the newest are ranked; the older results follow, newest first
// (Results.Window says so). When the filters leave no more articles than
// that, rankAll ranks them all.

// rankAll is the strategy of that name. When the filters of a query leave
// no more articles than its rank window, as a tag and a date range
// usually do, its results are all ranked in one statement, which also
// gives the total by a window count; the rank window then does not apply.
// The matches are walked once, each looked up in the set of articles
// passing the filters, and the rank is computed for the results only:
// ORDER BY +rank keeps FTS5 from taking over the ordering, which would
// rank every match before the filters apply. It declines when the
// filters leave more articles than the window.
func (e *engine) rankAll(ctx context.Context, r *search) (bool, error) {
	// Ranking starts meanwhile on another connection, into a Results of
	// its own, and is cancelled when the filters leave too many articles.
	allCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	all := &Results{}
	ranked := make(chan error, 1)
	e.s.bg.goWork(func() { ranked <- e.rankEvery(allCtx, r.p, r.offset, r.limit, all) })
	w := e.tune.window(r.p)
	n, err := e.filteredSize(ctx, r.p, w+1)
	if err != nil || n > w {
		return false, err
	}
	if err := <-ranked; err != nil {
		return true, err
	}
	r.res.Hits, r.res.Total, r.count = all.Hits, all.Total, countInPage
	return true, nil
}

// filteredSize returns the number of articles passing p's filters,
// counting no further than limit.
func (e *engine) filteredSize(ctx context.Context, p *plan, limit int) (int, error) {
	var n int
	q := `SELECT count(*) FROM (SELECT a.id FROM articles a WHERE ` + strings.Join(p.rowConds(), " AND ") + ` LIMIT ?)`
	err := e.db.QueryRowContext(ctx, q, append(append([]any{}, p.args...), limit)...).Scan(&n)
	return n, err
}

// rankEvery fills res with a page of p's results best first, ranking
// every result, and the total, in one statement. The caller knows that
// there are no more than about the rank window of results.
func (e *engine) rankEvery(ctx context.Context, p *plan, offset, limit int, res *Results) error {
	cond, args := `articles_fts MATCH ? AND rank MATCH ?`, []any{p.match, rankFunction}
	if len(p.where) > 0 {
		cond += ` AND +rowid IN (SELECT a.id FROM articles a WHERE ` + strings.Join(p.where, " AND ") + `)`
		args = append(args, p.args...)
	}
	q := `SELECT rowid, rank, count(*) OVER () FROM articles_fts WHERE ` + cond + ` ORDER BY +rank LIMIT ? OFFSET ?`
	rows, err := e.db.QueryContext(ctx, q, append(args, limit, offset)...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var ids []int64
	ranks := map[int64]float64{}
	for rows.Next() {
		var id int64
		var rank float64
		if err := rows.Scan(&id, &rank, &res.Total); err != nil {
			return err
		}
		ids, ranks[id] = append(ids, id), rank
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()
	if len(ids) == 0 && offset > 0 { // a page past the end: count them
		if res.Total, err = e.total(ctx, p, true); err != nil {
			return err
		}
	}
	if res.Hits, err = e.s.hits(ctx, ids); err != nil {
		return err
	}
	for i := range res.Hits {
		res.Hits[i].Rank = ranks[res.Hits[i].ID]
	}
	return e.goSnippets(ctx, p, res.Hits)
}

// newestResults returns the query of p's newest n results (filters
// checked match by match, newest first), as rowid and rank r, and its
// arguments.
func (p *plan) newestResults(n int) (string, []any) {
	args := []any{p.match, rankFunction}
	q := `SELECT articles_fts.rowid, articles_fts.rank AS r FROM articles_fts`
	if len(p.where) > 0 {
		q += ` JOIN articles a ON a.id = articles_fts.rowid`
	}
	q += ` WHERE articles_fts MATCH ? AND articles_fts.rank MATCH ?`
	if len(p.where) > 0 {
		q += ` AND ` + strings.Join(p.rowConds(), " AND ")
		args = append(args, p.args...)
	}
	return q + ` ORDER BY articles_fts.rowid DESC LIMIT ?`, append(args, n)
}

// rankNewest is the strategy of that name. One statement reads the newest
// w+1 results (w the rank window), ranks them and counts them: with no
// more than w, those are all the results, ranked, and counted. With more,
// the oldest of them is left out, the rest is the window, and the total
// is counted apart: for a phrase of common words or filters over most of
// the archive that costs as much as the ranking, so it runs meanwhile on
// another connection, and is cancelled when not needed. It never
// declines.
func (e *engine) rankNewest(ctx context.Context, r *search) (bool, error) {
	p, res, offset, limit := r.p, r.res, r.offset, r.limit
	countCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	counted := e.meanwhile(countCtx, func(ctx context.Context) (int, strategy, error) { return e.resultCount(ctx, p) })
	w := e.tune.window(p)
	newest, args := p.newestResults(w + 1)
	q := `SELECT rowid, r, n, lo FROM (
  SELECT rowid, r, count(*) OVER () AS n, min(rowid) OVER () AS lo FROM (` + newest + `))
WHERE n <= ? OR rowid > lo ORDER BY r LIMIT ? OFFSET ?`
	rows, err := e.db.QueryContext(ctx, q, append(args, w, limit, offset)...)
	if err != nil {
		return true, err
	}
	defer rows.Close()
	var ids []int64
	ranks := map[int64]float64{}
	var n int
	var lo int64
	for rows.Next() {
		var id int64
		var rank float64
		if err := rows.Scan(&id, &rank, &n, &lo); err != nil {
			return true, err
		}
		ids, ranks[id] = append(ids, id), rank
	}
	if err := rows.Err(); err != nil {
		return true, err
	}
	rows.Close()
	if len(ids) == 0 && offset > 0 { // a page past the window or the end
		q := `SELECT count(*), coalesce(min(rowid), 0) FROM (` + newest + `)`
		if err := e.db.QueryRowContext(ctx, q, args...).Scan(&n, &lo); err != nil {
			return true, fmt.Errorf("count: %w", err)
		}
	}
	var cutoff int64
	res.Total, r.count = n, countInPage
	if n > w {
		c := <-counted
		if c.err != nil {
			return true, fmt.Errorf("count: %w", c.err)
		}
		cutoff, res.Total, res.Window, r.count = lo+1, c.n, w, c.how
	}
	cancel()
	return true, e.rankedHits(ctx, r, ids, ranks, cutoff)
}

// rankedHits fills r's hits: those of ids, with their ranks, then, when
// the page goes on past the rank window, which ends at cutoff, the older
// results, newest first.
func (e *engine) rankedHits(ctx context.Context, r *search, ids []int64, ranks map[int64]float64, cutoff int64) error {
	res := r.res
	var err error
	if res.Hits, err = e.s.hits(ctx, ids); err != nil {
		return err
	}
	for i := range res.Hits {
		res.Hits[i].Rank = ranks[res.Hits[i].ID]
	}
	if rest := r.limit - len(res.Hits); cutoff != 0 && rest > 0 {
		q, args := olderQuery(r.p, cutoff, rest, max(r.offset-e.tune.window(r.p), 0))
		older, err := e.s.hitRows(ctx, q, args...)
		if err != nil {
			return err
		}
		res.Hits = append(res.Hits, older...)
	}
	return e.goSnippets(ctx, r.p, res.Hits)
}

// olderQuery returns the query of p's results older than cutoff, newest
// first, filters checked match by match.
func olderQuery(p *plan, cutoff int64, limit, offset int) (string, []any) {
	cond, args := `articles_fts MATCH ? AND articles_fts.rowid < ?`, []any{p.match, cutoff}
	if where := strings.Join(p.rowConds(), " AND "); where != "" {
		cond += ` AND ` + where
	}
	return `SELECT ` + summaryColumns + `, 0
FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
WHERE ` + cond + ` ORDER BY articles_fts.rowid DESC LIMIT ? OFFSET ?`, append(append(args, p.args...), limit, offset)
}
