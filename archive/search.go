package archive

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Hit is one search result.
type Hit struct {
	Summary
	Snippet []Span  `json:"snippet"`
	Rank    float64 `json:"rank"` // relevance (bm25, see cliprank.c): the more negative, the better; 0 when sorted by date
}

// Span is a piece of a snippet; Match marks a matched term.
type Span struct {
	Text  string `json:"text"`
	Match bool   `json:"match,omitempty"`
}

// SearchOptions selects the order and a page of results. A Limit of 0 or
// less means DefaultLimit. A sort: in the query overrides Sort.
type SearchOptions struct {
	Offset, Limit int
	Sort          Sort
}

// Results is a page of search results.
type Results struct {
	Hits  []Hit `json:"hits"`
	Total int   `json:"total"` // articles the query finds, on all pages
	Sort  Sort  `json:"sort"`  // the order used (relevance falls back to newest without words)
	// Window, when not 0, says that the query found too many articles to
	// rank them all quickly: only the Window most recently added results
	// are ranked; the older results follow them, newest first (Total
	// counts them all).
	Window int `json:"window,omitempty"`
}

// Search returns a page of the articles the query finds, each with a
// snippet with the matched terms marked. See the search language in
// archive/query: words, "phrases", prefix*, OR, -NOT, (groups) and field
// filters. A query with nothing to search for (no words, no filters, no
// sort:) returns no hits; a query of only a sort: lists every article in
// that order.
//
// It returns a *QueryError (wrapping ErrBadQuery) saying what is wrong
// and where when the query is malformed or names an unknown collection or
// saved search, the context's error when ctx ends first, or an error when
// the database fails.
func (s *Store) Search(ctx context.Context, query string, opt SearchOptions) ([]Hit, error) {
	res, err := s.Find(ctx, query, opt)
	if err != nil {
		return nil, err
	}
	return res.Hits, nil
}

// Find is Search that also counts the results and says how they were
// ordered. It returns the errors of Search.
func (s *Store) Find(ctx context.Context, query string, opt SearchOptions) (*Results, error) {
	return s.find(ctx, Selection{Query: query}, opt, true)
}

// find is Select; blankNone says that a blank selection finds nothing.
func (s *Store) find(ctx context.Context, sel Selection, opt SearchOptions, blankNone bool) (*Results, error) {
	start, e := time.Now(), s.engine()
	pr, err := e.prepare(ctx, sel)
	if err != nil {
		return nil, err
	}
	res := &Results{Hits: []Hit{}, Sort: opt.Sort}
	if o, ok := pr.q.Sort(); ok {
		res.Sort = o
	}
	if pr.blank && blankNone {
		return res, nil
	}
	if pr.p.match == "" && res.Sort == SortRelevance {
		res.Sort = SortNewest
	}
	r := newSearch(pr.p, opt, res)
	if err := e.find(ctx, r); err != nil {
		return nil, searchError(ctx, sel.Query, err)
	}
	e.logSel("find", sel, start, "sort", res.Sort.String(), "page", r.page, "count", r.count)
	return res, nil
}

// searchError wraps err for the query; FTS5 rejecting an expression (which
// the compiler should prevent) wraps ErrBadQuery.
func searchError(ctx context.Context, query string, err error) error {
	var qe *QueryError
	switch {
	case errors.As(err, &qe):
	case ctx.Err() != nil:
		err = ctx.Err()
	case isQueryError(err):
		err = fmt.Errorf("%w: %w", ErrBadQuery, err)
	}
	return fmt.Errorf("search %q: %w", query, err)
}

// SearchCount returns how many articles the query finds (0 for a query
// with nothing to search for). It returns the errors of Search.
func (s *Store) SearchCount(ctx context.Context, query string) (int, error) {
	return s.count(ctx, Selection{Query: query}, true)
}

// count is SelectCount; blankNone says that a blank selection finds
// nothing.
func (s *Store) count(ctx context.Context, sel Selection, blankNone bool) (int, error) {
	start, e := time.Now(), s.engine()
	pr, err := e.prepare(ctx, sel)
	if err != nil || (pr.blank && blankNone) {
		return 0, err
	}
	n, how, err := e.resultCount(ctx, pr.p)
	if err != nil {
		return 0, searchError(ctx, sel.Query, err)
	}
	e.logSel("count", sel, start, "count", how)
	return n, nil
}

// SearchIDs returns the IDs of every article the query finds, the most
// recently added first (none for a query with nothing to search for). It
// returns the errors of Search.
func (s *Store) SearchIDs(ctx context.Context, query string) ([]int64, error) {
	return s.searchIDs(ctx, Selection{Query: query}, true)
}

// searchIDs is SelectIDs; blankNone says that a blank selection finds
// nothing.
func (s *Store) searchIDs(ctx context.Context, sel Selection, blankNone bool) ([]int64, error) {
	start, e := time.Now(), s.engine()
	pr, err := e.prepare(ctx, sel)
	if err != nil || (pr.blank && blankNone) {
		return nil, err
	}
	matches, err := e.matchCount(ctx, pr.p)
	if err != nil {
		return nil, searchError(ctx, sel.Query, err)
	}
	inSet := e.tune.inSet(matches)
	sub, args := pr.p.idsQuery(inSet)
	ids, err := s.ids(ctx, `SELECT id FROM (`+sub+`) ORDER BY id DESC`, args...)
	if err != nil {
		return nil, searchError(ctx, sel.Query, err)
	}
	e.logSel("ids", sel, start, "inSet", inSet)
	return ids, nil
}

// isQueryError reports whether err is FTS5 rejecting a query expression.
func isQueryError(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "fts5:") || strings.Contains(msg, "unterminated string")
}
