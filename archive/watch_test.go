package archive

import (
	"context"
	"path/filepath"
	"testing"
)

// openTwo opens two Stores on one archive file, as two processes would.
func openTwo(t *testing.T) (*Store, *Store) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "archive.db")
	var stores [2]*Store
	for i := range stores {
		s, err := Open(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			if err := s.Close(); err != nil {
				t.Error(err)
			}
		})
		stores[i] = s
	}
	return stores[0], stores[1]
}

// mustChanged calls w.Changed and compares its answer with want.
func mustChanged(t *testing.T, w *Watcher, want bool, when string) {
	t.Helper()
	got, err := w.Changed(context.Background())
	if err != nil {
		t.Fatalf("%s: %v", when, err)
	}
	if got != want {
		t.Errorf("%s: Changed = %v, want %v", when, got, want)
	}
}

func TestWatcher(t *testing.T) {
	ctx := context.Background()
	window, cmdline := openTwo(t)
	w, err := window.Watch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()

	mustChanged(t, w, false, "nothing written")
	// Reading, by either store, changes nothing.
	if _, err := cmdline.List(ctx, ListFilter{}); err != nil {
		t.Fatal(err)
	}
	if _, err := window.List(ctx, ListFilter{}); err != nil {
		t.Fatal(err)
	}
	mustChanged(t, w, false, "after reads")

	// Another store (another process) imports.
	ids := mustAdd(t, cmdline, newCapture("a.html", "a", &Article{Title: "Plague ships"}))
	mustChanged(t, w, true, "after an import by the other store")
	mustChanged(t, w, false, "asked again")

	// Two commits between looks are one change.
	if err := cmdline.SetStarred(ctx, true, ids...); err != nil {
		t.Fatal(err)
	}
	if err := cmdline.SetNote(ctx, ids[0], "read again"); err != nil {
		t.Fatal(err)
	}
	mustChanged(t, w, true, "after two edits by the other store")

	// The watching store's own writes go through other connections of
	// its pool: they count too.
	if err := window.SetStarred(ctx, false, ids...); err != nil {
		t.Fatal(err)
	}
	mustChanged(t, w, true, "after an edit by the watching store")
	mustChanged(t, w, false, "asked again")

	// A write that fails changes nothing.
	if err := window.SetNote(ctx, 999, "no such article"); err == nil {
		t.Fatal("SetNote of a missing article: no error")
	}
	mustChanged(t, w, false, "after a failed write")
}

func TestWatcherClose(t *testing.T) {
	ctx := context.Background()
	s, other := openTwo(t)
	w, err := s.Watch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	w2, err := s.Watch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if _, err := w.Changed(ctx); err == nil {
		t.Error("Changed after Close: no error")
	}
	// w2 is left open: the store's Close closes it, so that the other
	// store can still take the write lock and, closing last, check-point
	// and remove the WAL.
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := w2.Changed(ctx); err == nil {
		t.Error("Changed after the store closed: no error")
	}
	mustAdd(t, other, newCapture("b.html", "b", &Article{Title: "After"}))
}

// BenchmarkWatcherChanged measures the idle check: nothing changes.
func BenchmarkWatcherChanged(b *testing.B) {
	s := mustOpen(b)
	mustAdd(b, s, newCapture("a.html", "a", &Article{Title: "Plague ships"}))
	w, err := s.Watch(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	defer w.Close()
	for b.Loop() {
		if changed, err := w.Changed(context.Background()); err != nil || changed {
			b.Fatal(changed, err)
		}
	}
}
