package archive

import (
	"context"
	"strings"
)

// Ranking under a selective filter.
//
// When the filters of a query leave at most rankWindow articles, every
// result can be ranked: the full-text matches are walked once, each
// looked up in the set of articles passing the filters, and bm25 is
// computed for the results only (ORDER BY +rank: FTS5 does not take over
// the ordering, which would rank every match before the filters apply).
// One statement gives the page and, by a window count, the total.

// filteredSize returns the number of articles passing p's filters,
// counting no further than limit.
func (s *Store) filteredSize(ctx context.Context, p *plan, limit int) (int, error) {
	var n int
	q := `SELECT count(*) FROM (SELECT a.id FROM articles a WHERE ` + strings.Join(p.where, " AND ") + ` LIMIT ?)`
	err := s.db.QueryRowContext(ctx, q, append(append([]any{}, p.args...), limit)...).Scan(&n)
	return n, err
}

// rankedFiltered fills res with a page of p's results best first when
// p's filters leave no more than rankWindow articles, and reports whether
// it did.
func (s *Store) rankedFiltered(ctx context.Context, p *plan, opt SearchOptions, res *Results) (bool, error) {
	n, err := s.filteredSize(ctx, p, rankWindow+1)
	if err != nil || n > rankWindow {
		return false, err
	}
	limit, offset := page(opt.Offset, opt.Limit)
	q := `SELECT rowid, rank, count(*) OVER () FROM articles_fts
WHERE articles_fts MATCH ? AND +rowid IN (SELECT a.id FROM articles a WHERE ` + strings.Join(p.where, " AND ") + `)
ORDER BY +rank LIMIT ? OFFSET ?`
	args := append(append([]any{p.match}, p.args...), limit, offset)
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return false, err
	}
	defer rows.Close()
	var ids []int64
	ranks := map[int64]float64{}
	for rows.Next() {
		var id int64
		var rank float64
		if err := rows.Scan(&id, &rank, &res.Total); err != nil {
			return false, err
		}
		ids, ranks[id] = append(ids, id), rank
	}
	if err := rows.Err(); err != nil {
		return false, err
	}
	rows.Close()
	if len(ids) == 0 && offset > 0 { // a page past the end: count them
		if res.Total, _, err = s.countSplit(ctx, p, true, 0); err != nil {
			return false, err
		}
	}
	if res.Hits, err = s.hits(ctx, ids); err != nil {
		return false, err
	}
	for i := range res.Hits {
		res.Hits[i].Rank = ranks[res.Hits[i].ID]
	}
	return true, s.goSnippets(ctx, p, res.Hits)
}
