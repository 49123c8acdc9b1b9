package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/importer"
)

// slowestRead is the longest a read may wait while an import writes: the
// window must stay usable.
const slowestRead = 10 * time.Second

// TestReadsDuringImport does what the window does while a large import
// runs in the same process: list pages, open articles (with their
// figures' images), search, count, facets. Every read must succeed,
// return whole articles, never see the count go down, and not wait long.
func TestReadsDuringImport(t *testing.T) {
	size := sizeOf(t)
	ctx := context.Background()
	dir := t.TempDir()
	c := writeCorpus(t, filepath.Join(dir, "pages"), size.concurrent, false)
	store, err := archive.Open(ctx, filepath.Join(dir, "archive.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()

	done := make(chan struct{})
	var rep importer.Report
	var importErr error
	start := time.Now()
	go func() {
		defer close(done)
		rep, importErr = importer.Import(ctx, store, []string{c.dir}, importer.Options{}, nil)
	}()
	var wg sync.WaitGroup
	stats := make([]readStats, 3)
	for r := range stats {
		wg.Add(1)
		go func() {
			defer wg.Done()
			readWhileImporting(t, store, done, rand.New(rand.NewPCG(uint64(r), 9)), &stats[r])
		}()
	}
	wg.Wait()
	took := time.Since(start)
	if importErr != nil {
		t.Fatalf("import: %v", importErr)
	}
	if rep.Failed != c.bad {
		t.Errorf("import: %d failed, want %d: %v", rep.Failed, c.bad, rep.Failures())
	}
	var total readStats
	for _, s := range stats {
		total.reads += s.reads
		total.slowest = max(total.slowest, s.slowest)
	}
	if total.slowest > slowestRead {
		t.Errorf("a read waited %v while the import ran", total.slowest)
	}
	rc, err := store.Check(ctx)
	if err != nil || !rc.OK() {
		t.Fatalf("check after the import: %v %v", err, rc)
	}
	if n, _ := store.Count(ctx); n < rep.Imported {
		t.Errorf("%d articles after importing %d files", n, rep.Imported)
	}
	t.Logf("%d files imported in %v while 3 readers made %d reads (slowest %v)", c.pages, took.Round(time.Millisecond), total.reads, total.slowest.Round(time.Millisecond))
}

type readStats struct {
	reads   int
	slowest time.Duration
}

// readWhileImporting reads until done is closed, checking what it reads.
func readWhileImporting(t *testing.T, s *archive.Store, done <-chan struct{}, rng *rand.Rand, st *readStats) {
	ctx := context.Background()
	lastCount := 0
	timed := func(what string, fn func() error) {
		begin := time.Now()
		if err := fn(); err != nil {
			t.Errorf("%s during the import: %v", what, err)
		}
		st.reads++
		st.slowest = max(st.slowest, time.Since(begin))
	}
	for {
		select {
		case <-done:
			return
		default:
		}
		var list []archive.Summary
		timed("count", func() error {
			n, err := s.Count(ctx)
			if err == nil && n < lastCount {
				err = fmt.Errorf("count went down from %d to %d", lastCount, n)
			}
			lastCount = n
			return err
		})
		timed("list", func() (err error) {
			list, err = s.List(ctx, archive.ListFilter{Offset: rng.IntN(lastCount + 1), Limit: 20})
			return err
		})
		for _, sum := range list[:min(len(list), 5)] {
			timed("article", func() error { return wholeArticle(ctx, s, sum.ID) })
		}
		word := vocabulary[rng.IntN(len(vocabulary))]
		timed("search", func() error {
			hits, err := s.Search(ctx, word, archive.SearchOptions{Limit: 20})
			for _, h := range hits {
				if h.ID <= 0 || h.Title == "" {
					return fmt.Errorf("search %q: hit %+v", word, h.Summary)
				}
			}
			return err
		})
		timed("facets", func() error { _, err := s.Facets(ctx, word); return err })
	}
}

// wholeArticle reads article id and fails unless it has text, provenance
// and every image its figures name.
func wholeArticle(ctx context.Context, s *archive.Store, id int64) error {
	a, err := s.Article(ctx, id)
	if err != nil {
		return err
	}
	if a.Text() == "" || a.OriginalSHA == "" || a.FileName == "" {
		return fmt.Errorf("article %d is not whole: text %d bytes, original %q, file %q", id, len(a.Text()), a.OriginalSHA, a.FileName)
	}
	for _, f := range a.Figures {
		if f.ImageSHA == "" {
			continue
		}
		if _, err := s.Image(ctx, f.ImageSHA); err != nil {
			return fmt.Errorf("article %d: image %s: %w", id, f.ImageSHA, err)
		}
	}
	return nil
}

// TestSecondProcessDuringImport opens the archive from other processes
// while one imports a large folder: reading and organising commands, a
// second import of another folder at the same time, and two imports of
// one folder at once. Each must work, or fail saying the archive is in
// use; none may corrupt the archive or store a file twice.
func TestSecondProcessDuringImport(t *testing.T) {
	size := sizeOf(t)
	dir := t.TempDir()
	big := writeCorpus(t, filepath.Join(dir, "big"), size.concurrent, false)
	small := writeCorpus(t, filepath.Join(dir, "small"), 0, true) // zyte pages: other addresses
	db := filepath.Join(dir, "archive.db")
	if code, out, errs := inProcess("import", "--archive", db, filepath.Join(big.dir, "gen", "00")); code != 0 {
		t.Fatalf("first import: exit %d\n%s%s", code, out, errs)
	}
	first := startChild(t, "cli", nil, "import", "--archive", db, big.dir)
	second := startChild(t, "cli", nil, "import", "--archive", db, small.dir)
	outcomes := map[string]int{}
	tagged := 0
	for i := 0; ; i++ {
		select {
		case <-first.exited:
		default:
			args := [][]string{{"list", "--limit", "5"}, {"search", "harbour"}, {"show", "1"},
				{"tag", "add", "during-import", "1"}, {"star", "2"}, {"note", "set", "3", "written during the import " + strconv.Itoa(i)}}[i%6]
			code, out, errs := runChild(t, time.Minute, append([]string{args[0], "--archive", db}, args[1:]...)...)
			outcomes[fmt.Sprintf("%s exit %d", args[0], code)]++
			switch {
			case code == 0 && args[0] == "tag":
				tagged++
			case code != 0 && !inUse(errs):
				t.Errorf("%v while another process imports: exit %d, unclear error:\n%s%s", args, code, out, errs)
			}
			continue
		}
		break
	}
	for name, ch := range map[string]*child{"first import": first, "second import": second} {
		if code := ch.wait(importTimeout); code != 0 {
			t.Errorf("%s: exit %d\n%s", name, code, ch.stderr.String())
		}
	}
	st := mustBeWhole(t, db, "after two imports and other processes")
	if want := big.pages - big.bad + small.pages - small.bad; st.originals != want {
		t.Errorf("%d originals stored, want one per good file: %d", st.originals, want)
	}
	if tagged == 0 {
		t.Errorf("no tag could be added while the import ran: %v", outcomes)
	}
	t.Logf("other processes during the import: %v", outcomes)

	t.Run("same folder twice at once", func(t *testing.T) {
		db := filepath.Join(t.TempDir(), "twice.db")
		a := startChild(t, "cli", nil, "import", "--archive", db, small.dir)
		b := startChild(t, "cli", nil, "import", "--archive", db, small.dir)
		for _, ch := range []*child{a, b} {
			if code := ch.wait(importTimeout); code != 0 && !inUse(ch.stderr.String()) {
				t.Errorf("exit %d\n%s", code, ch.stderr.String())
			}
		}
		code, _, errs := runChild(t, importTimeout, "import", "--archive", db, small.dir)
		if code != 0 {
			t.Fatalf("import again: exit %d %s", code, errs)
		}
		st := mustBeWhole(t, db, "after two imports of one folder at once")
		if want := small.pages - small.bad; st.originals != want || st.articles != want {
			t.Errorf("%d originals, %d articles; want %d of each (no file twice)", st.originals, st.articles, want)
		}
	})
}

// inUse reports whether an error message says clearly that another
// process holds the archive.
func inUse(msg string) bool {
	msg = strings.ToLower(msg)
	return strings.Contains(msg, "in use") && strings.Contains(msg, "archive")
}
