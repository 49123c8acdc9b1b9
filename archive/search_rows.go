package archive

import (
	"context"
	"fmt"
)

// Reading the rows of results: IDs, summaries, snippets.

// ids runs a query of IDs.
func (s *Store) ids(ctx context.Context, q string, args ...any) ([]int64, error) {
	return listIDs(ctx, s.db, q, args...)
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
func (e *engine) goSnippets(ctx context.Context, p *plan, hits []Hit) error {
	if len(hits) == 0 {
		return nil
	}
	args := make([]any, len(hits))
	for i, h := range hits {
		args[i] = h.ID
	}
	rows, err := e.db.QueryContext(ctx, `SELECT id, text, captions, notes, subtitle, title, byline
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
