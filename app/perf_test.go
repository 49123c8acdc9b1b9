package app

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/clippings/clippings/archive"
)

// The GUI's performance on a large archive, measured headless:
//
//	CLIPPINGS_PERF=/tmp/perf go test -tags sqlite_fts5 -run TestPerf -timeout 60m -v ./app/
//
// builds (once; later runs reuse it) an archive of CLIPPINGS_PERF_N
// articles (100,000 by default) in the folder CLIPPINGS_PERF names, then
// measures the time from New to the first list, to open an article, from
// the last keystroke of a search to the list showing its hits, and the
// memory in use. docs/gui-performance.md has the numbers and how the real
// window was measured.

// perfVocabulary is the generator's words, most frequent first: a few real
// ones, then made-up words of two to four syllables.
var perfVocabulary = func() []string {
	w := []string{"the", "of", "and", "to", "in", "a", "harbour", "minister", "talks", "said", "year", "summit",
		"government", "election", "climate", "court", "police", "market"}
	cons, vow := "bdfghklmnprstvz", "aeiou"
	for i := 0; len(w) < 40_000; i++ {
		var b strings.Builder
		for n, first := i, true; first || n > 0; n, first = n/75, false {
			b.WriteByte(cons[(n%75)%len(cons)])
			b.WriteByte(vow[((n%75)/len(cons))%len(vow)])
		}
		if s := b.String(); len(s) >= 4 {
			w = append(w, s)
		}
	}
	return w
}()

// perfArticle returns generated article n: a ten-word title, seven
// paragraphs of a hundred words from a Zipf-like vocabulary, one of 60
// sites, a date from 2005 to 2024.
func perfArticle(r *rand.Rand, zipf *rand.Zipf, n int) *archive.Capture {
	text := func(k int) string {
		ws := make([]string, k)
		for i := range ws {
			ws[i] = perfVocabulary[zipf.Uint64()]
		}
		return strings.Join(ws, " ")
	}
	site := fmt.Sprintf("site%d.example", int(r.ExpFloat64()*10)%60)
	a := &archive.Article{
		Title: text(10), Byline: "By " + text(2), Site: site, Language: "en",
		URL:       fmt.Sprintf("https://%s/a/%d", site, n),
		Published: time.Date(2005, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(r.Int64N(20*365*24)) * time.Hour),
	}
	for range 7 {
		a.Blocks = append(a.Blocks, archive.Block{Kind: archive.Paragraph, Text: text(100)})
	}
	data := []byte(a.URL + "\n" + a.Title)
	return &archive.Capture{Original: archive.Original{SHA256: sha(data), Name: strconv.Itoa(n) + ".txt", Format: "text", Data: data},
		Articles: []*archive.Article{a}}
}

// perfArchive opens the archive of n generated articles in dir, building
// it when missing.
func perfArchive(t *testing.T, dir string, n int) *archive.Store {
	path := filepath.Join(dir, fmt.Sprintf("archive-%d.db", n))
	_, statErr := os.Stat(path)
	s, err := archive.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	if statErr == nil {
		return s
	}
	start := time.Now()
	r := rand.New(rand.NewPCG(1, 2))
	zipf := rand.NewZipf(r, 1.1, 2, uint64(len(perfVocabulary)-1))
	const batch = 500
	for i := 0; i < n; i += batch {
		var cs []*archive.Capture
		for k := i; k < min(i+batch, n); k++ {
			cs = append(cs, perfArticle(r, zipf, k))
		}
		if _, err := s.AddCaptures(context.Background(), cs); err != nil {
			t.Fatal(err)
		}
	}
	ctx := context.Background()
	tags := []string{"politics", "politics/elections", "science/climate", "economy", "korea/diplomacy"}
	for i, tag := range tags {
		if _, err := s.TagSearch(ctx, perfVocabulary[20+i*7], tag); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Optimize(ctx); err != nil {
		t.Fatal(err)
	}
	t.Logf("built %d articles in %v", n, time.Since(start).Round(time.Second))
	return s
}

// stopwatch waits for a condition on the UI queue, checking every
// millisecond, and returns how long it took.
func stopwatch(t *testing.T, q *uiQueue, start time.Time, what string, cond func() bool) time.Duration {
	t.Helper()
	deadline := start.Add(30 * time.Second)
	for {
		q.drain()
		if cond() {
			return time.Since(start)
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(time.Millisecond)
	}
}

func TestPerf(t *testing.T) {
	dir := os.Getenv("CLIPPINGS_PERF")
	if dir == "" {
		t.Skip("CLIPPINGS_PERF not set")
	}
	n := 100_000
	if v, err := strconv.Atoi(os.Getenv("CLIPPINGS_PERF_N")); err == nil {
		n = v
	}
	s := perfArchive(t, dir, n)

	a := test.NewTempApp(t)
	q := &uiQueue{}
	start := time.Now()
	u := New(a, s, func(u *UI) { u.do = q.do })
	u.win.Resize(fyne.NewSize(1280, 800))
	t.Cleanup(u.Close)
	first := stopwatch(t, q, start, "the first list", func() bool { return u.ready && u.list.length() == n })
	sidebar := stopwatch(t, q, start, "the sidebar", func() bool { return u.sidebar.data.nodes[nodeAll].count == n })
	facets := stopwatch(t, q, start, "the facets", func() bool { return len(u.search.facets.timeline.months) > 0 })
	t.Logf("start: first list %v, sidebar counts %v, facets %v", ms(first), ms(sidebar), ms(facets))

	var opens []time.Duration
	for i := range 41 {
		id := int64(1 + (i*7919)%n)
		start := time.Now()
		u.reader.show(id)
		opens = append(opens, stopwatch(t, q, start, "the article", func() bool { return u.reader.doc != nil && u.reader.doc.id == id }))
	}
	t.Logf("open article: first %v, then p50 %v p99 %v (of %d)", ms(opens[0]), ms(pct(opens[1:], 50)), ms(pct(opens[1:], 99)), len(opens)-1)

	var keys, keysCPU []time.Duration
	queries := []string{"summit", "minister talks", "harbour", "government", "zavo", "\"said the\"",
		"police tag:politics", "climate published:2019", "market court", "talks summit"}
	for _, query := range queries {
		u.search.entry.SetText("")
		stopwatch(t, q, time.Now(), "the list to clear", func() bool { return u.list.cur.sel.IsZero() && u.list.next == nil })
		settle(q)
		cpu := processCPU()
		for _, r := range query {
			u.search.entry.TypedRune(r)
			time.Sleep(40 * time.Millisecond) // a fast typist
			q.drain()
		}
		want := liveQuery(query)
		start := time.Now() // the last keystroke
		keys = append(keys, stopwatch(t, q, start, query, func() bool { return u.list.cur.sel.Query == want && u.list.next == nil }))
		settle(q)
		keysCPU = append(keysCPU, processCPU()-cpu)
	}
	t.Logf("keystroke to list (debounce %v included): p50 %v p90 %v p99 %v (of %d)", u.debounce,
		ms(pct(keys, 50)), ms(pct(keys, 90)), ms(pct(keys, 99)), len(keys))
	t.Logf("CPU of the process per query (typing, searches, the list and what follows it, facets excepted): p50 %v p90 %v, total %v",
		ms(pct(keysCPU, 50)), ms(pct(keysCPU, 90)), ms(sum(keysCPU)))
	var finds []time.Duration
	for _, query := range queries {
		start := time.Now()
		if _, err := s.Find(context.Background(), liveQuery(query), archive.SearchOptions{Limit: pageSize}); err != nil {
			t.Fatal(err)
		}
		finds = append(finds, time.Since(start))
	}
	t.Logf("of which the archive's Find of the first page: p50 %v p99 %v", ms(pct(finds, 50)), ms(pct(finds, 99)))

	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	t.Logf("memory: heap in use %d MB, from the OS %d MB, RSS %s", m.HeapInuse>>20, m.Sys>>20, rss())
}

// settle runs the UI queue for a while, so that work a list update
// leaves behind (the page's details) is done and counted with it. The
// facets wait longer than this after the list and are not counted.
func settle(q *uiQueue) {
	for range 20 {
		q.drain()
		time.Sleep(5 * time.Millisecond)
	}
}

func sum(ds []time.Duration) time.Duration {
	var s time.Duration
	for _, d := range ds {
		s += d
	}
	return s
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }

// pct returns the p-th percentile of ds.
func pct(ds []time.Duration, p int) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[min(len(s)-1, (len(s)*p+99)/100-1)]
}

// rss returns the resident memory of the process, from /proc (Linux).
func rss() string {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "VmRSS:") {
			return strings.TrimSpace(strings.TrimPrefix(line, "VmRSS:"))
		}
	}
	return "unknown"
}
