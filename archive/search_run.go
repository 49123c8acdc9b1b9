package archive

import (
	"bytes"
	"context"
	"fmt"
	"strings"
)

// How a search runs (numbers in docs/archive-bench.md).
//
// Rows of articles are large (body and blocks), so reading them is what
// costs; the index articles_meta holds the columns filters and facets need
// and is read instead wherever possible. Ranked by relevance, a search
// reads its newest results first, filters checked match by match, and
// ranks them; beyond the rank window (tuning.rankWindow, phraseWindow with a phrase) only
// the newest are ranked (Results.Window says so), and the total is
// counted meanwhile. Counting, and the orders by date, title and site,
// check filters match by match up to tuning.bigMatches matches; beyond, the
// articles passing the filters are collected once and each match is
// looked up in that set, and results are read from the order's index,
// stopping at the page's end.

// matchCount returns the number of full-text matches of p (0 without),
// remembered while the full-text index is unchanged (countcache.go).
func (s *Store) matchCount(ctx context.Context, p *plan) (int, error) {
	if p.match == "" {
		return 0, nil
	}
	before, err := s.indexState(ctx)
	if err != nil {
		return 0, err
	}
	if n, ok := s.counts.lookup(before, p.match); ok {
		return n, nil
	}
	n, err := s.countFTS(ctx, p)
	if err != nil {
		return 0, err
	}
	if after, err := s.indexState(ctx); err == nil && bytes.Equal(before, after) {
		s.counts.keep(before, p.match, n, s.tune.maxCounts)
	}
	return n, nil
}

// countFTS counts the full-text matches of p. A phrase is counted in two
// halves of the archive at once, on two connections: its count compares
// the positions of its words in every article holding them all, which
// for the commonest words ("of the") is the longest part of a search.
func (s *Store) countFTS(ctx context.Context, p *plan) (int, error) {
	const q = `SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ? AND rowid > ? AND rowid <= ?`
	maxID, err := s.maxID(ctx)
	if err != nil {
		return 0, err
	}
	if !p.phrase {
		var n int
		err = s.db.QueryRowContext(ctx, q, p.match, 0, maxID).Scan(&n)
		return n, err
	}
	mid := maxID / 2
	older := meanwhile(ctx, func(ctx context.Context) (int, error) {
		var n int
		err := s.db.QueryRowContext(ctx, q, p.match, 0, mid).Scan(&n)
		return n, err
	})
	var n int
	err = s.db.QueryRowContext(ctx, q, p.match, mid, maxID).Scan(&n)
	c := <-older
	if err == nil {
		err = c.err
	}
	return n + c.n, err
}

// idsQuery returns a query of the IDs (column id) of p's results, in no
// particular order; big says how to evaluate filters (see above).
func (p *plan) idsQuery(big bool) (string, []any) {
	where := strings.Join(p.where, " AND ")
	switch {
	case p.match == "":
		if where == "" {
			where = "1"
		}
		return `SELECT a.id AS id FROM articles a WHERE ` + where, p.args
	case where == "":
		return `SELECT rowid AS id FROM articles_fts WHERE articles_fts MATCH ?`, []any{p.match}
	case big:
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

// total returns the number of p's results; big says how to evaluate
// filters.
func (s *Store) total(ctx context.Context, p *plan, big bool) (int, error) {
	q, args := p.idsQuery(big)
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM (`+q+`)`, args...).Scan(&n)
	return n, err
}

// ranked fills res with a page of p's results best first. Ranking costs
// time in proportion to the results, so when there are more than the
// rank window of them only the newest are ranked; the older results
// follow, newest first. When the filters leave no more articles
// than that, rankedAtOnce ranks them all.
func (s *Store) ranked(ctx context.Context, p *plan, opt SearchOptions, res *Results) error {
	if len(p.where) > 0 {
		if done, err := s.rankedAtOnce(ctx, p, opt, res); done || err != nil {
			return err
		}
	}
	return s.rankedNewest(ctx, p, opt, res)
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

// rankedNewest fills res with a page of p's results best first. One
// statement reads the newest w+1 results (w the rank window), ranks them
// and counts them: with no more than w, those are all the results, ranked,
// and counted. With more, the oldest of them is left out, the rest is
// the window, and the total is counted apart: for a phrase of common
// words or filters over most of the archive that costs as much as the
// ranking, so it runs meanwhile on another connection, and is cancelled
// when not needed.
func (s *Store) rankedNewest(ctx context.Context, p *plan, opt SearchOptions, res *Results) error {
	countCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	counted := meanwhile(countCtx, func(ctx context.Context) (int, error) { return s.resultCount(ctx, p) })
	w := s.tune.window(p)
	newest, args := p.newestResults(w + 1)
	q := `SELECT rowid, r, n, lo FROM (
  SELECT rowid, r, count(*) OVER () AS n, min(rowid) OVER () AS lo FROM (` + newest + `))
WHERE n <= ? OR rowid > lo ORDER BY r LIMIT ? OFFSET ?`
	offset, limit := page(opt.Offset, opt.Limit)
	rows, err := s.db.QueryContext(ctx, q, append(args, w, limit, offset)...)
	if err != nil {
		return err
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
			return err
		}
		ids, ranks[id] = append(ids, id), rank
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()
	if len(ids) == 0 && offset > 0 { // a page past the window or the end
		q := `SELECT count(*), coalesce(min(rowid), 0) FROM (` + newest + `)`
		if err := s.db.QueryRowContext(ctx, q, args...).Scan(&n, &lo); err != nil {
			return fmt.Errorf("count: %w", err)
		}
	}
	var cutoff int64
	res.Total = n
	if n > w {
		c := <-counted
		if c.err != nil {
			return fmt.Errorf("count: %w", c.err)
		}
		cutoff, res.Total, res.Window = lo+1, c.n, w
	}
	cancel()
	if res.Hits, err = s.hits(ctx, ids); err != nil {
		return err
	}
	for i := range res.Hits {
		res.Hits[i].Rank = ranks[res.Hits[i].ID]
	}
	if rest := limit - len(res.Hits); cutoff != 0 && rest > 0 {
		q, args := olderQuery(p, cutoff, rest, max(offset-w, 0))
		older, err := s.hitRows(ctx, q, args...)
		if err != nil {
			return err
		}
		res.Hits = append(res.Hits, older...)
	}
	return s.goSnippets(ctx, p, res.Hits)
}

// resultCount returns the number of p's results. When the filters pass
// most articles (a date range over most years, a tag on most articles,
// is:unread) and the words match many, it counts the matches that fail
// the filters, a smaller set, while the matches are counted, and takes
// the one from the other: at 100,000 articles about a third of the time
// of counting those that pass.
func (s *Store) resultCount(ctx context.Context, p *plan) (int, error) {
	if p.match == "" {
		return s.total(ctx, p, false)
	}
	if len(p.where) == 0 {
		return s.matchCount(ctx, p)
	}
	var few int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?)`,
		p.match, s.tune.bigMatches+1).Scan(&few)
	if err != nil || !s.tune.inSet(few) {
		if err != nil {
			return 0, err
		}
		return s.total(ctx, p, false)
	}
	if dense, err := s.denseFilters(ctx, p); err != nil || !dense {
		if err != nil {
			return 0, err
		}
		return s.total(ctx, p, true)
	}
	missed := meanwhile(ctx, func(ctx context.Context) (int, error) {
		var n int
		err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?
AND +rowid IN (SELECT a.id FROM articles a WHERE NOT coalesce((`+strings.Join(p.where, " AND ")+`), 0))`,
			append([]any{p.match}, p.args...)...).Scan(&n)
		return n, err
	})
	matches, err := s.matchCount(ctx, p)
	m := <-missed
	if err == nil {
		err = m.err
	}
	return matches - m.n, err
}

// denseFilters reports whether p's filters pass more than half of the
// newest tuning.denseSample articles.
func (s *Store) denseFilters(ctx context.Context, p *plan) (bool, error) {
	var k int
	maxID, err := s.maxID(ctx)
	if err == nil {
		err = s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles a WHERE a.id > ? AND `+strings.Join(p.rowConds(), " AND "),
			append([]any{maxID - int64(s.tune.denseSample)}, p.args...)...).Scan(&k)
	}
	return 2*k > int(min(int64(s.tune.denseSample), maxID)), err
}

// maxID returns the largest article ID (0 in an empty archive): the
// newest article, and the end of the range of IDs.
func (s *Store) maxID(ctx context.Context) (int64, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM articles`).Scan(&id)
	return id, err
}

// countResult is a count made meanwhile.
type countResult struct {
	n   int
	err error
}

// meanwhile starts count on another goroutine (and so, through the pool,
// on another connection) and returns where its result will arrive.
// Cancelling ctx stops it.
func meanwhile(ctx context.Context, count func(context.Context) (int, error)) <-chan countResult {
	c := make(chan countResult, 1)
	go func() {
		n, err := count(ctx)
		c <- countResult{n, err}
	}()
	return c
}

// hitRows runs a query of summaryColumns and a rank.
func (s *Store) hitRows(ctx context.Context, q string, args ...any) ([]Hit, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var hits []Hit
	for rows.Next() {
		var h Hit
		if err := scanSummary(rows, &h.Summary, &h.Rank); err != nil {
			return nil, err
		}
		hits = append(hits, h)
	}
	return hits, rows.Err()
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

// inOrder fills res with a page of p's results in an order other than
// relevance: by date, title or site.
func (s *Store) inOrder(ctx context.Context, p *plan, opt SearchOptions, res *Results) error {
	offset, limit := page(opt.Offset, opt.Limit)
	countCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	counted := meanwhile(countCtx, func(ctx context.Context) (int, error) { return s.matchCount(ctx, p) })
	var ids []int64
	walked := false
	if p.match != "" && len(p.where) == 0 {
		var err error
		if ids, walked, err = s.walkDense(ctx, p, res.Sort, limit, offset); err != nil {
			return err
		}
	}
	c := <-counted
	if c.err != nil {
		return fmt.Errorf("count: %w", c.err)
	}
	matches := c.n
	// The total: the matches when there are no filters, else counted on
	// another connection while the page is read.
	var totalled <-chan countResult
	if p.match == "" || len(p.where) > 0 {
		totalled = meanwhile(countCtx, func(ctx context.Context) (int, error) { return s.resultCount(ctx, p) })
	}
	if !walked {
		order := ` ORDER BY ` + orderBy(res.Sort) + ` LIMIT ? OFFSET ?`
		var q string
		var args []any
		switch {
		case p.match == "":
			q, args = p.idsQuery(false)
			q += order
		case s.tune.inSet(matches):
			ids, idArgs := p.idsQuery(true)
			q, args = `SELECT a.id FROM articles a INDEXED BY `+orderIndex(res.Sort)+` WHERE a.id IN (`+ids+`)`+order, idArgs
		default:
			ids, idArgs := p.idsQuery(false)
			q, args = `SELECT a.id FROM articles a INDEXED BY articles_meta WHERE a.id IN (`+ids+`)`+order, idArgs
		}
		var err error
		if ids, err = s.ids(ctx, q, append(args, limit, offset)...); err != nil {
			return err
		}
	}
	var err error
	if res.Hits, err = s.hits(ctx, ids); err != nil {
		return err
	}
	if err := s.goSnippets(ctx, p, res.Hits); err != nil {
		return err
	}
	if totalled == nil {
		res.Total = matches
		return nil
	}
	if c = <-totalled; c.err != nil {
		return fmt.Errorf("count: %w", c.err)
	}
	res.Total = c.n
	return nil
}

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

// walkDense returns a page of p's results (a query without filters) in
// order o, walking the order's index, and reports whether it did: only
// when a sample of the newest articles says the matches are dense enough
// for that to pay, and only over walkSlack times as many articles as the
// sample predicts; when the page is not full by then (the matches may be
// unevenly spread along the order, as a word of one year is by date), it
// gives up.
func (s *Store) walkDense(ctx context.Context, p *plan, o Sort, limit, offset int) ([]int64, bool, error) {
	var k int
	maxID, err := s.maxID(ctx)
	if err == nil {
		err = s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ? AND rowid > ?`,
			p.match, maxID-int64(s.tune.denseSample)).Scan(&k)
	}
	if err != nil || k == 0 {
		return nil, false, err
	}
	f, need := float64(k)/float64(min(int64(s.tune.denseSample), maxID)), offset+limit
	budget := int(s.tune.walkSlack*float64(need)/f) + 20
	if f*float64(maxID) < s.tune.walkRatio*float64(budget) {
		return nil, false, nil
	}
	order := orderBy(o)
	q := `SELECT id, count(*) OVER () FROM (
  SELECT a.id, a.title, a.site, a.published, a.captured, a.imported
  FROM articles a INDEXED BY ` + orderIndex(o) + ` ORDER BY ` + order + ` LIMIT ?) a
WHERE EXISTS (SELECT 1 FROM articles_fts f WHERE f.articles_fts MATCH ? AND f.rowid = a.id)
ORDER BY ` + order + ` LIMIT ? OFFSET ?`
	rows, err := s.db.QueryContext(ctx, q, budget, p.match, limit, offset)
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

// ids runs a query of IDs.
func (s *Store) ids(ctx context.Context, q string, args ...any) ([]int64, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// hits returns hits without snippets for ids, in that order.
func (s *Store) hits(ctx context.Context, ids []int64) ([]Hit, error) {
	hits := make([]Hit, 0, len(ids))
	if len(ids) == 0 {
		return hits, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	list, err := s.summaries(ctx, `SELECT `+summaryColumns+` FROM articles a WHERE a.id IN (`+placeholders(len(ids))+`)`, args...)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]Summary, len(list))
	for _, sum := range list {
		byID[sum.ID] = sum
	}
	for _, id := range ids {
		if sum, ok := byID[id]; ok {
			hits = append(hits, Hit{Summary: sum})
		}
	}
	return hits, nil
}

// goSnippets makes the snippets of hits in Go (see snippet.go).
func (s *Store) goSnippets(ctx context.Context, p *plan, hits []Hit) error {
	if len(hits) == 0 {
		return nil
	}
	args := make([]any, len(hits))
	for i, h := range hits {
		args[i] = h.ID
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, text, captions, notes, subtitle, title, byline
FROM articles WHERE id IN (`+placeholders(len(hits))+`)`, args...)
	if err != nil {
		return fmt.Errorf("snippets: %w", err)
	}
	defer rows.Close()
	hl := newHighlighter(p.terms)
	byID := make(map[int64][]Span, len(hits))
	for rows.Next() {
		var id int64
		var f [6]string
		if err := rows.Scan(&id, &f[0], &f[1], &f[2], &f[3], &f[4], &f[5]); err != nil {
			return fmt.Errorf("snippets: %w", err)
		}
		if p.notes {
			f[0], f[2] = f[2], f[0]
		}
		byID[id] = hl.snippet(f[:]...)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("snippets: %w", err)
	}
	for i := range hits {
		hits[i].Snippet = byID[hits[i].ID]
	}
	return nil
}
