package archive

import (
	"context"
	"fmt"
	"strings"
)

// Hit is one search result.
type Hit struct {
	Summary
	Snippet []Span  `json:"snippet"`
	Rank    float64 `json:"rank"` // bm25 as FTS5 gives it: the more negative, the better
}

// Span is a piece of a snippet; Match marks a matched term.
type Span struct {
	Text  string `json:"text"`
	Match bool   `json:"match,omitempty"`
}

// SearchOptions selects a page of results. A Limit of 0 or less means
// DefaultLimit.
type SearchOptions struct {
	Offset, Limit int
}

// Snippet delimiters: control characters that do not occur in clean text.
const (
	matchStart = "\x02"
	matchEnd   = "\x03"
)

// snippetTokens is the length of a snippet in tokens (FTS5 allows 1–64).
const snippetTokens = 24

// searchQuery ranks with the table's default rank (bm25 with the weights
// set in 0001_init.sql), which FTS5 sorts itself, so snippet() runs only
// for the rows returned. snippet(…, -1, …) picks the best-matching column.
const searchQuery = `
SELECT ` + summaryColumns + `,
	snippet(articles_fts, -1, ?, ?, '…', ?), articles_fts.rank
FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
WHERE articles_fts MATCH ?
ORDER BY articles_fts.rank
LIMIT ? OFFSET ?`

// Search returns the articles matching query, best first, each with a
// snippet of the text around the matches. Every word must occur (in the
// title, standfirst, byline, body or captions); "quoted words" must occur
// as a phrase; a word ending in * matches as a prefix. Operators and
// column filters are not interpreted, so any text is safe. A query with
// nothing to search for returns no hits and no error.
//
// It returns an error mentioning the query, wrapping ErrBadQuery when the
// index rejects it, or the context's error when ctx ends first.
func (s *Store) Search(ctx context.Context, query string, opt SearchOptions) ([]Hit, error) {
	expr := ftsQuery(query)
	if expr == "" {
		return []Hit{}, nil
	}
	limit, offset := page(opt.Offset, opt.Limit)
	hits, err := s.search(ctx, expr, limit, offset)
	switch {
	case err == nil:
		return hits, nil
	case ctx.Err() != nil:
		return nil, fmt.Errorf("search %q: %w", query, ctx.Err())
	case isQueryError(err):
		return nil, fmt.Errorf("search %q: %w: %w", query, ErrBadQuery, err)
	}
	return nil, fmt.Errorf("search %q: %w", query, err)
}

// search runs the FTS5 expression expr.
func (s *Store) search(ctx context.Context, expr string, limit, offset int) ([]Hit, error) {
	rows, err := s.db.QueryContext(ctx, searchQuery,
		matchStart, matchEnd, snippetTokens, expr, limit, offset)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	hits := make([]Hit, 0, min(limit, 256))
	for rows.Next() {
		var h Hit
		var snip string
		if err := scanSummary(rows, &h.Summary, &snip, &h.Rank); err != nil {
			return nil, err
		}
		h.Snippet = spans(snip)
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return hits, nil
}

// isQueryError reports whether err is FTS5 rejecting a query expression.
func isQueryError(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "fts5:") || strings.Contains(msg, "unterminated string")
}

// spans splits a snippet marked with matchStart and matchEnd into pieces.
// A stray delimiter only switches the state; it never fails.
func spans(snip string) []Span {
	var out []Span
	add := func(text string, match bool) {
		if text == "" {
			return
		}
		if n := len(out); n > 0 && out[n-1].Match == match {
			out[n-1].Text += text
			return
		}
		out = append(out, Span{Text: text, Match: match})
	}
	match := false
	for {
		i := strings.IndexAny(snip, matchStart+matchEnd)
		if i < 0 {
			add(snip, match)
			return out
		}
		add(snip[:i], match)
		match = snip[i] == matchStart[0]
		snip = snip[i+1:]
	}
}
