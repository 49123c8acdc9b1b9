package importer

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/clippings/clippings/archive"
)

// openStore opens a fresh archive in a temporary folder.
func openStore(t testing.TB) *archive.Store {
	t.Helper()
	s, err := archive.Open(context.Background(), filepath.Join(t.TempDir(), "archive.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// countingSink counts the captures a store is asked to add.
type countingSink struct {
	*archive.Store
	added atomic.Int64
}

func (c *countingSink) AddCapture(ctx context.Context, cp *archive.Capture) (archive.AddResult, error) {
	c.added.Add(1)
	return c.Store.AddCapture(ctx, cp)
}

func (c *countingSink) AddCaptures(ctx context.Context, cs []*archive.Capture) ([]archive.AddResult, error) {
	c.added.Add(int64(len(cs)))
	return c.Store.AddCaptures(ctx, cs)
}

// newsPage is a small article page at its own address; extra changes its
// text.
func newsPage(n int, extra string) []byte {
	return []byte(fmt.Sprintf(`<html><head><title>Story %[1]d</title>
<link rel="canonical" href="https://news.example.com/2024/story-%[1]d"></head><body><article><h1>Story number %[1]d</h1>
<p>The council met on Tuesday evening to discuss item %[1]d of its agenda, which had been postponed twice since the spring.</p>
<p>Residents filled the public gallery, and several of them spoke for the three minutes the rules allow each speaker. %[2]s</p>
<p>The vote was carried by seven votes to four, and the work will start in the autumn, the chair of the committee said.</p>
</article></body></html>`, n, extra))
}

func writeFile(t testing.TB, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func gzipped(t testing.TB, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	zw.Close()
	return buf.Bytes()
}

func TestImportBadFiles(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "good.html"), newsPage(1, ""))
	writeFile(t, filepath.Join(dir, "copy-of-good.html"), newsPage(1, ""))
	writeFile(t, filepath.Join(dir, "zipped.html.gz"), gzipped(t, newsPage(2, "")))
	writeFile(t, filepath.Join(dir, "empty.html"), nil)
	writeFile(t, filepath.Join(dir, "photo.jpg"), append([]byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00"), make([]byte, 500)...))
	writeFile(t, filepath.Join(dir, "data.json"), []byte(`{"title": "not an article", "items": [1, 2, 3]}`))
	writeFile(t, filepath.Join(dir, "bomb.html.gz"), gzipped(t, make([]byte, MaxFileSize+1024)))
	writeFile(t, filepath.Join(dir, "nav.html"), []byte(`<html><body><nav><a href="/">Home</a></nav><script>x()</script></body></html>`))
	huge, err := os.Create(filepath.Join(dir, "huge.txt"))
	if err != nil {
		t.Fatal(err)
	}
	huge.Truncate(MaxFileSize + 1)
	huge.Close()

	store := openStore(t)
	rep, err := Import(context.Background(), store, []string{dir}, Options{Workers: 2}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Imported != 2 || rep.Present != 1 || rep.Failed != 6 || len(rep.Files) != 9 {
		t.Errorf("report: %d imported, %d present, %d failed of %d; want 2, 1, 6 of 9", rep.Imported, rep.Present, rep.Failed, len(rep.Files))
	}
	want := map[string]error{"empty.html": ErrEmpty, "photo.jpg": ErrBinary, "data.json": ErrJSON,
		"bomb.html.gz": ErrTooLarge, "nav.html": ErrNotArticle, "huge.txt": ErrTooLarge}
	for _, f := range rep.Failures() {
		name := filepath.Base(f.Path)
		if !errors.Is(f.Err, want[name]) || !strings.Contains(f.Err.Error(), name) {
			t.Errorf("%s: %v, want an error naming the file and wrapping %v", name, f.Err, want[name])
		}
		delete(want, name)
	}
	if len(want) > 0 {
		t.Errorf("not reported as failed: %v", want)
	}
}

func TestImportAgainSkipsCleaning(t *testing.T) {
	dir := t.TempDir()
	for i := range 5 {
		writeFile(t, filepath.Join(dir, fmt.Sprintf("p%d.html", i)), newsPage(i, ""))
	}
	sink := &countingSink{Store: openStore(t)}
	ctx := context.Background()
	if rep, err := Import(ctx, sink, []string{dir}, Options{}, nil); err != nil || rep.Imported != 5 {
		t.Fatalf("first import: %+v, %v", rep, err)
	}
	sink.added.Store(0)
	rep, err := Import(ctx, sink, []string{dir}, Options{}, nil)
	if err != nil || rep.Present != 5 || rep.Imported != 0 {
		t.Fatalf("second import: %d present, %d imported, %v; want 5, 0", rep.Present, rep.Imported, err)
	}
	if n := sink.added.Load(); n != 0 {
		t.Errorf("%d files were cleaned and sent to the store again, want none", n)
	}
}

func TestImportNewVersion(t *testing.T) {
	store := openStore(t)
	ctx := context.Background()
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "monday.html"), newsPage(7, ""))
	if _, err := Import(ctx, store, []string{dir}, Options{}, nil); err != nil {
		t.Fatal(err)
	}
	later := filepath.Join(t.TempDir(), "tuesday.html")
	writeFile(t, later, newsPage(7, "A correction was added on Wednesday."))
	rep, err := Import(ctx, store, []string{later}, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Versions != 1 || rep.Imported != 0 || rep.Files[0].Outcome != archive.NewVersion {
		t.Fatalf("report %+v, want one new version", rep)
	}
	vs, err := store.Versions(ctx, rep.Files[0].IDs[0])
	if err != nil || len(vs) != 2 {
		t.Fatalf("versions = %+v, %v; want 2", vs, err)
	}
	if n, _ := store.Count(ctx); n != 1 {
		t.Errorf("%d articles, want 1 with two versions", n)
	}
}

func TestImportInterrupted(t *testing.T) {
	const files = 3 * batchFiles // more than the two workers' first batches
	dir := t.TempDir()
	for i := range files {
		writeFile(t, filepath.Join(dir, fmt.Sprintf("p%03d.html", i)), newsPage(i, ""))
	}
	store := openStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	rep, err := Import(ctx, store, []string{dir}, Options{Workers: 2}, func(p Progress) {
		if p.Done == 1 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	stored, _ := store.Count(context.Background())
	if rep.Imported != stored || rep.Failed != 0 || stored >= files {
		t.Fatalf("interrupted: report says %d imported (%d failed), archive holds %d of %d", rep.Imported, rep.Failed, stored, files)
	}
	rep2, err := Import(context.Background(), store, []string{dir}, Options{Workers: 2}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep2.Present != stored || rep2.Imported != files-stored || rep2.Failed != 0 {
		t.Errorf("second run: %d present, %d imported, %d failed; want %d, %d, 0", rep2.Present, rep2.Imported, rep2.Failed, stored, files-stored)
	}
	if n, _ := store.Count(context.Background()); n != files {
		t.Errorf("archive holds %d articles, want %d: no duplicates, none missing", n, files)
	}
}

// optimizingSink stores nothing and counts the calls to Optimize.
type optimizingSink struct {
	added, optimized atomic.Int64
}

func (s *optimizingSink) AddCapture(context.Context, *archive.Capture) (archive.AddResult, error) {
	return archive.AddResult{Outcome: archive.Imported, IDs: []int64{s.added.Add(1)}}, nil
}

func (s *optimizingSink) Optimize(context.Context) error {
	s.optimized.Add(1)
	return nil
}

func TestImportOptimizesLargeImports(t *testing.T) {
	dir := t.TempDir()
	for i := range optimizeAfter {
		writeFile(t, filepath.Join(dir, fmt.Sprintf("n%03d.txt", i)),
			[]byte(fmt.Sprintf("Note %d\n\nThe body of note number %d, which is a sentence.\n", i, i)))
	}
	small := &optimizingSink{}
	if _, err := Import(context.Background(), small, []string{filepath.Join(dir, "n000.txt")}, Options{}, nil); err != nil {
		t.Fatal(err)
	}
	large := &optimizingSink{}
	rep, err := Import(context.Background(), large, []string{dir}, Options{}, nil)
	if err != nil || rep.Imported != optimizeAfter {
		t.Fatalf("import: %d imported, %v", rep.Imported, err)
	}
	if small.optimized.Load() != 0 || large.optimized.Load() != 1 {
		t.Errorf("optimized %d times after 1 file and %d after %d, want 0 and 1", small.optimized.Load(), large.optimized.Load(), optimizeAfter)
	}
}

// batchingSink records the size of every transaction it is asked for.
type batchingSink struct {
	*archive.Store
	mu      sync.Mutex
	batches []int
}

func (s *batchingSink) AddCaptures(ctx context.Context, cs []*archive.Capture) ([]archive.AddResult, error) {
	s.mu.Lock()
	s.batches = append(s.batches, len(cs))
	s.mu.Unlock()
	return s.Store.AddCaptures(ctx, cs)
}

// AddCapture is a transaction of one: the writer stores a batch of one file
// so, and which batches hold one depends on how fast the cleaners are.
func (s *batchingSink) AddCapture(ctx context.Context, c *archive.Capture) (archive.AddResult, error) {
	s.mu.Lock()
	s.batches = append(s.batches, 1)
	s.mu.Unlock()
	return s.Store.AddCapture(ctx, c)
}

// The writer stores many files to a transaction, never more than
// batchFiles, and every cleaned file exactly once.
func TestImportBatchesWrites(t *testing.T) {
	const files = 2*batchFiles + 7
	dir := t.TempDir()
	for i := range files {
		writeFile(t, filepath.Join(dir, fmt.Sprintf("p%03d.html", i)), newsPage(i, ""))
	}
	sink := &batchingSink{Store: openStore(t)}
	rep, err := Import(context.Background(), sink, []string{dir}, Options{Workers: 3}, nil)
	if err != nil || rep.Imported != files {
		t.Fatalf("imported %d of %d: %v", rep.Imported, files, err)
	}
	total := 0
	for _, n := range sink.batches {
		if n > batchFiles {
			t.Errorf("a transaction of %d files, limit %d", n, batchFiles)
		}
		total += n
	}
	if total != files {
		t.Errorf("transactions held %d files, want %d (each once)", total, files)
	}
	if len(sink.batches) > files/4 {
		t.Errorf("%d transactions for %d files: hardly batched (%v)", len(sink.batches), files, sink.batches)
	}
	if n, _ := sink.Count(context.Background()); n != files {
		t.Errorf("archive holds %d articles, want %d", n, files)
	}
}

// failingSink stores the first ok captures, then fails every further one
// with err; writable is what CheckWritable returns.
type failingSink struct {
	ok       int64
	err      error
	writable error
	calls    atomic.Int64
}

func (s *failingSink) AddCapture(context.Context, *archive.Capture) (archive.AddResult, error) {
	n := s.calls.Add(1)
	if n > s.ok {
		return archive.AddResult{}, fmt.Errorf("add: %w", s.err)
	}
	return archive.AddResult{Outcome: archive.Imported, IDs: []int64{n}}, nil
}

func (s *failingSink) CheckWritable(context.Context) error { return s.writable }

// TestImportStopsWhenArchiveUnwritable: when the archive cannot be
// written (disk full, read-only, damaged, busy) the import stops and
// returns the error, the files left are not reported failed; another
// store error fails only its file.
func TestImportStopsWhenArchiveUnwritable(t *testing.T) {
	dir := t.TempDir()
	const pages, workers = 40, 2
	for i := range pages {
		writeFile(t, filepath.Join(dir, fmt.Sprintf("p%02d.html", i)), newsPage(i, ""))
	}
	writeFile(t, filepath.Join(dir, "empty.html"), nil)
	for _, kind := range []error{archive.ErrDiskFull, archive.ErrReadOnly, archive.ErrDamaged, archive.ErrBusy} {
		t.Run(kind.Error(), func(t *testing.T) {
			sink := &failingSink{ok: 10, err: kind}
			rep, err := Import(context.Background(), sink, []string{dir}, Options{Workers: workers}, nil)
			if !errors.Is(err, kind) {
				t.Fatalf("import: %v, want an error wrapping %v", err, kind)
			}
			if rep.Imported != 10 {
				t.Errorf("%d imported, want 10", rep.Imported)
			}
			for _, f := range rep.Failures() {
				if errors.Is(f.Err, kind) {
					t.Errorf("%s reported failed: %v", f.Path, f.Err)
				}
			}
			if n := sink.calls.Load(); n > 10+workers {
				t.Errorf("the sink was asked %d times, want the import to stop after the first failure", n)
			}
			sink = &failingSink{ok: pages, writable: kind}
			rep, err = Import(context.Background(), sink, []string{dir}, Options{Workers: workers}, nil)
			if !errors.Is(err, kind) || sink.calls.Load() != 0 || len(rep.Files) != 0 {
				t.Errorf("unwritable from the start: %v, %d calls, %d files; want the error before any file", err, sink.calls.Load(), len(rep.Files))
			}
		})
	}
	t.Run("other store error", func(t *testing.T) {
		sink := &failingSink{ok: 10, err: errors.New("constraint failed")}
		rep, err := Import(context.Background(), sink, []string{dir}, Options{Workers: workers}, nil)
		if err != nil || rep.Imported != 10 || rep.Failed != pages-10+1 {
			t.Errorf("import: %d imported, %d failed, %v; want 10, %d, nil (the import goes on)", rep.Imported, rep.Failed, err, pages-10+1)
		}
	})
}
