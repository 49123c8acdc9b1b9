package archive

import (
	"bytes"
	"context"
	"strings"
)

// Counting the results of a search: the strategies of countTable
// (search_engine.go), and the match count they share.

// matchCount returns the number of full-text matches of p (0 without),
// remembered while the full-text index is unchanged (countcache.go).
func (e *engine) matchCount(ctx context.Context, p *plan) (int, error) {
	if p.match == "" {
		return 0, nil
	}
	before, err := e.indexState(ctx)
	if err != nil {
		return 0, err
	}
	if n, ok := e.s.counts.lookup(before, p.match); ok {
		return n, nil
	}
	n, err := e.countFTS(ctx, p)
	if err != nil {
		return 0, err
	}
	if after, err := e.indexState(ctx); err == nil && bytes.Equal(before, after) {
		e.s.counts.keep(before, p.match, n, e.tune.maxCounts)
	}
	return n, nil
}

// countFTS counts the full-text matches of p. A phrase is counted in two
// halves of the archive at once, on two connections: its count compares
// the positions of its words in every article holding them all, which
// for the commonest words ("of the") is the longest part of a search.
func (e *engine) countFTS(ctx context.Context, p *plan) (int, error) {
	const q = `SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ? AND rowid > ? AND rowid <= ?`
	maxID, err := e.maxID(ctx)
	if err != nil {
		return 0, err
	}
	if !p.phrase {
		var n int
		err = e.db.QueryRowContext(ctx, q, p.match, 0, maxID).Scan(&n)
		return n, err
	}
	mid := maxID / 2
	older := e.meanwhile(ctx, func(ctx context.Context) (int, strategy, error) {
		var n int
		err := e.db.QueryRowContext(ctx, q, p.match, 0, mid).Scan(&n)
		return n, countMatches, err
	})
	var n int
	err = e.db.QueryRowContext(ctx, q, p.match, mid, maxID).Scan(&n)
	c := <-older
	if err == nil {
		err = c.err
	}
	return n + c.n, err
}

// idsQuery returns a query of the IDs (column id) of p's results, in no
// particular order; inSet says how to evaluate filters (tuning.inSet).
func (p *plan) idsQuery(inSet bool) (string, []any) {
	where := strings.Join(p.where, " AND ")
	switch {
	case p.match == "":
		if where == "" {
			where = "1"
		}
		return `SELECT a.id AS id FROM articles a WHERE ` + where, p.args
	case where == "":
		return `SELECT rowid AS id FROM articles_fts WHERE articles_fts MATCH ?`, []any{p.match}
	case inSet:
		return `SELECT rowid AS id FROM articles_fts WHERE articles_fts MATCH ?
AND +rowid IN (SELECT a.id FROM articles a WHERE ` + where + `)`, append([]any{p.match}, p.args...)
	}
	meta := ` INDEXED BY articles_meta`
	if p.uncovered {
		meta = ""
	}
	return `SELECT a.id AS id FROM articles a` + meta + `
WHERE a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?) AND ` + where, append([]any{p.match}, p.args...)
}

// total returns the number of p's results; inSet says how to evaluate
// filters.
func (e *engine) total(ctx context.Context, p *plan, inSet bool) (int, error) {
	q, args := p.idsQuery(inSet)
	var n int
	err := e.db.QueryRowContext(ctx, `SELECT count(*) FROM (`+q+`)`, args...).Scan(&n)
	return n, err
}

// countFiltered is the strategy of that name (search_engine.go).
func (e *engine) countFiltered(ctx context.Context, p *plan) (int, bool, error) {
	n, err := e.total(ctx, p, false)
	return n, true, err
}

// countMatches is the strategy of that name.
func (e *engine) countMatches(ctx context.Context, p *plan) (int, bool, error) {
	n, err := e.matchCount(ctx, p)
	return n, true, err
}

// countChecked is the strategy of that name: it declines when the words
// match more than tuning.bigMatches articles.
func (e *engine) countChecked(ctx context.Context, p *plan) (int, bool, error) {
	var few int
	err := e.db.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?)`,
		p.match, e.tune.bigMatches+1).Scan(&few)
	if err != nil || e.tune.inSet(few) {
		return 0, err != nil, err
	}
	n, err := e.total(ctx, p, false)
	return n, true, err
}

// countInSet is the strategy of that name: it declines when the filters
// pass most articles (denseFilters).
func (e *engine) countInSet(ctx context.Context, p *plan) (int, bool, error) {
	dense, err := e.denseFilters(ctx, p)
	if err != nil || dense {
		return 0, err != nil, err
	}
	n, err := e.total(ctx, p, true)
	return n, true, err
}

// countMisses is the strategy of that name. When the filters pass most
// articles (a date range over most years, a tag on most articles,
// is:unread) and the words match many, it counts the matches that fail
// the filters, a smaller set, while the matches are counted, and takes
// the one from the other: at 100,000 articles about a third of the time
// of counting those that pass.
func (e *engine) countMisses(ctx context.Context, p *plan) (int, bool, error) {
	missed := e.meanwhile(ctx, func(ctx context.Context) (int, strategy, error) {
		var n int
		err := e.db.QueryRowContext(ctx, `SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?
AND +rowid IN (SELECT a.id FROM articles a WHERE NOT coalesce((`+strings.Join(p.where, " AND ")+`), 0))`,
			append([]any{p.match}, p.args...)...).Scan(&n)
		return n, countMisses, err
	})
	matches, err := e.matchCount(ctx, p)
	m := <-missed
	if err == nil {
		err = m.err
	}
	return matches - m.n, true, err
}

// denseFilters reports whether p's filters pass more than half of the
// newest tuning.denseSample articles.
func (e *engine) denseFilters(ctx context.Context, p *plan) (bool, error) {
	var k int
	maxID, err := e.maxID(ctx)
	if err == nil {
		err = e.db.QueryRowContext(ctx, `SELECT count(*) FROM articles a WHERE a.id > ? AND `+strings.Join(p.rowConds(), " AND "),
			append([]any{maxID - int64(e.tune.denseSample)}, p.args...)...).Scan(&k)
	}
	return 2*k > int(min(int64(e.tune.denseSample), maxID)), err
}

// maxID returns the largest article ID (0 in an empty archive): the
// newest article, and the end of the range of IDs.
func (e *engine) maxID(ctx context.Context) (int64, error) {
	var id int64
	err := e.db.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM articles`).Scan(&id)
	return id, err
}

// countResult is a count made meanwhile, and how it was made.
type countResult struct {
	n   int
	how strategy
	err error
}

// meanwhile starts count on another goroutine (and so, through the pool,
// on another connection) and returns where its result will arrive.
// Cancelling ctx stops it; Close waits for it.
func (e *engine) meanwhile(ctx context.Context, count func(context.Context) (int, strategy, error)) <-chan countResult {
	c := make(chan countResult, 1)
	e.s.bg.goWork(func() {
		n, how, err := count(ctx)
		c <- countResult{n, how, err}
	})
	return c
}
