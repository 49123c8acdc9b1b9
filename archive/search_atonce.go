package archive

import (
	"context"
	"strings"
)

// Ranking every result at once.
//
// When the filters of a query leave no more articles than its rank window
// (tuning.window), as a tag and a date range usually do, its results are all
// ranked in one statement, which also gives the total by a window count;
// the rank window then does not apply. The matches are walked once, each
// looked up in the set of articles passing the filters, and the rank is
// computed for the results only: ORDER BY +rank keeps FTS5 from taking
// over the ordering, which would rank every match before the filters
// apply. Otherwise rankedNewest (search_run.go) ranks the newest results,
// filters checked match by match.

// filteredSize returns the number of articles passing p's filters,
// counting no further than limit.
func (s *Store) filteredSize(ctx context.Context, p *plan, limit int) (int, error) {
	var n int
	q := `SELECT count(*) FROM (SELECT a.id FROM articles a WHERE ` + strings.Join(p.rowConds(), " AND ") + ` LIMIT ?)`
	err := s.db.QueryRowContext(ctx, q, append(append([]any{}, p.args...), limit)...).Scan(&n)
	return n, err
}

// rankedAtOnce fills res with a page of p's results best first, and
// reports that it did, when p's filters leave no more articles than its
// rank window.
func (s *Store) rankedAtOnce(ctx context.Context, p *plan, opt SearchOptions, res *Results) (bool, error) {
	// Ranking starts meanwhile on another connection, into a Results of
	// its own, and is cancelled when the filters leave too many articles.
	allCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	all := &Results{}
	ranked := make(chan error, 1)
	go func() { ranked <- s.rankAll(allCtx, p, opt, all) }()
	n, err := s.filteredSize(ctx, p, s.tune.window(p)+1)
	if err != nil || n > s.tune.window(p) {
		return false, err
	}
	if err := <-ranked; err != nil {
		return true, err
	}
	res.Hits, res.Total = all.Hits, all.Total
	return true, nil
}

// rankAll fills res with a page of p's results best first, ranking every
// result, and the total, in one statement. The caller knows that there
// are no more than about the rank window of results.
func (s *Store) rankAll(ctx context.Context, p *plan, opt SearchOptions, res *Results) error {
	offset, limit := page(opt.Offset, opt.Limit)
	cond, args := `articles_fts MATCH ? AND rank MATCH ?`, []any{p.match, rankFunction}
	if len(p.where) > 0 {
		cond += ` AND +rowid IN (SELECT a.id FROM articles a WHERE ` + strings.Join(p.where, " AND ") + `)`
		args = append(args, p.args...)
	}
	q := `SELECT rowid, rank, count(*) OVER () FROM articles_fts WHERE ` + cond + ` ORDER BY +rank LIMIT ? OFFSET ?`
	rows, err := s.db.QueryContext(ctx, q, append(args, limit, offset)...)
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
		if res.Total, err = s.total(ctx, p, true); err != nil {
			return err
		}
	}
	if res.Hits, err = s.hits(ctx, ids); err != nil {
		return err
	}
	for i := range res.Hits {
		res.Hits[i].Rank = ranks[res.Hits[i].ID]
	}
	return s.goSnippets(ctx, p, res.Hits)
}
