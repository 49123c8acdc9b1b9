package archive

import (
	"bytes"
	"context"
	"sync"
)

// Remembered match counts.
//
// Counting the matches of a phrase of common words is a pass over their
// positions in every article that holds both (107 ms for "of the" at
// 100,000 articles, docs/archive-bench.md), and the window asks for the
// same count again for every page of the list, for the facets and for
// each change of order. So counts are kept per FTS5 expression for as
// long as the full-text index is unchanged. FTS5 rewrites its structure
// record (the list of segments, with a counter of segments written) and
// its averages record (rows and tokens) with every change to the index;
// the two together are the key. A count is kept only when the key is the
// same before and after counting, so it belongs to one state of the
// index, whatever other connections or processes wrote meanwhile.

// countCache holds the counts of one state of the full-text index.
type countCache struct {
	mu     sync.Mutex
	state  []byte
	counts map[string]int
}

// indexState returns the key of the full-text index's present state.
func (e *engine) indexState(ctx context.Context) ([]byte, error) {
	var state []byte
	err := e.db.QueryRowContext(ctx, `SELECT group_concat(block, x'00') FROM articles_fts_data WHERE id IN (1, 10)`).Scan(&state)
	return state, err
}

// lookup returns the count of expr remembered for state.
func (c *countCache) lookup(state []byte, expr string) (int, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !bytes.Equal(c.state, state) {
		return 0, false
	}
	n, ok := c.counts[expr]
	return n, ok
}

// keep remembers the count of expr for state, forgetting the counts of
// any other state, and all of them when max are remembered.
func (c *countCache) keep(state []byte, expr string, n, max int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !bytes.Equal(c.state, state) || len(c.counts) >= max {
		c.state, c.counts = state, map[string]int{}
	}
	c.counts[expr] = n
}

// forget drops every remembered count (for benchmarks of a first search).
func (c *countCache) forget() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.state, c.counts = nil, nil
}
