package archive

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"sync/atomic"
	"testing"
)

// TestCloseWaitsForCounts checks that Close returns only once the counts
// a search started on other connections have stopped, also a count
// started by a count.
func TestCloseWaitsForCounts(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := mustOpen(t) // its cleanup closes it again, which does nothing
	e := s.engine()
	release := make(chan struct{})
	var stopped atomic.Int32
	count := func(context.Context) (int, strategy, error) {
		<-release
		stopped.Add(1)
		return 0, countMatches, nil
	}
	e.meanwhile(ctx, func(ctx context.Context) (int, strategy, error) {
		e.meanwhile(ctx, count)
		return count(ctx)
	})
	closed := make(chan int32)
	go func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
		closed <- stopped.Load()
	}()
	close(release)
	if n := <-closed; n != 2 {
		t.Errorf("Close returned when %d of 2 counts had stopped", n)
	}
}

// TestCloseLeavesNoConnection checks that after searches whose counts
// were no longer needed (cancelled, on other connections), Close leaves
// no connection open: SQLite removes the -wal file when the last one
// closes. A connection closing later would hold the archive's lock while
// the next command opens it.
func TestCloseLeavesNoConnection(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := mustOpen(t)
	path := s.Path()
	for i, text := range []string{"A walrus on the ice.", "A seal on the ice.", "A walrus and a seal."} {
		mustAdd(t, s, newCapture(text, text, &Article{Title: string(rune('A' + i)), Blocks: []Block{{Kind: Paragraph, Text: text}}}))
	}
	for _, q := range []string{"walrus", "ice -seal", "walrus is:unread", "sort:title ice"} {
		if _, err := s.Find(ctx, q, SearchOptions{Limit: 1}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + "-wal"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("after Close: %s-wal: %v, want it removed", path, err)
	}
}
