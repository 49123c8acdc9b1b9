package archive

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// The 100,000-article benchmark:
//
//	go test -tags sqlite_fts5 -run '^$' -bench Archive100k -benchtime 1x -timeout 60m ./archive/
//
// It builds a generated archive once per run (in a temporary directory,
// removed at the end), then measures each kind of query many times and
// reports p50 and p99 in milliseconds, and prints a table. -archive-n
// changes the size.
var (
	benchN    = flag.Int("archive-n", 100_000, "articles in the generated archive of BenchmarkArchive100k")
	benchKeep = flag.String("archive-dir", "", "build the benchmark archive in `dir` and keep it; reuse it when it is there")
)

// benchDir holds the generated archive; TestMain removes it.
var benchDir string

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

// vocabulary is the generator's words, most frequent first: a few real
// ones, then made-up words of two to four syllables.
var vocabulary = func() []string {
	w := []string{"the", "of", "and", "to", "in", "harbour", "minister", "talks", "said", "year"}
	cons, vow := "bdfghklmnprstvz", "aeiou"
	syl := func(k int) string { return string(cons[k%len(cons)]) + string(vow[(k/len(cons))%len(vow)]) }
	for i := 0; len(w) < 50_000; i++ {
		n := i
		var b strings.Builder
		for first := true; first || n > 0; first = false {
			b.WriteString(syl(n % 75))
			n /= 75
		}
		if s := b.String(); len(s) >= 4 {
			w = append(w, s)
		}
	}
	return w
}()

// genArticle returns the capture of generated article n: a ten-word title,
// seven paragraphs of a hundred words from a Zipf-like vocabulary, one of
// 60 sites, a date from 2010 to 2024, and for about a third of the
// articles one to three tags from a two-level hierarchy.
func genArticle(r *rand.Rand, zipf *rand.Zipf, n int) *Capture {
	text := func(k int) string {
		ws := make([]string, k)
		for i := range ws {
			ws[i] = vocabulary[zipf.Uint64()]
		}
		return strings.Join(ws, " ")
	}
	site := fmt.Sprintf("site%d.example", int(r.ExpFloat64()*10)%60)
	a := &Article{
		Title: text(10), Byline: "By " + text(2), Site: site, Language: "en",
		URL:       fmt.Sprintf("https://%s/a/%d", site, n),
		Published: time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(r.Int64N(15*365*24)) * time.Hour),
	}
	for range 7 {
		a.Blocks = append(a.Blocks, Block{Kind: Paragraph, Text: text(100)})
	}
	if r.IntN(3) == 0 {
		for range 1 + r.IntN(3) {
			a.Tags = append(a.Tags, fmt.Sprintf("topic%d/sub%d", r.IntN(20), r.IntN(10)))
		}
	}
	data := fmt.Sprintf("<html><!-- %d --><h1>%s</h1>%s</html>", n, a.Title, a.Text())
	return newCapture(fmt.Sprintf("%d.html", n), data, a)
}

// benchArchive is the generated archive and what building it measured.
type benchArchive struct {
	s         *Store
	n         int
	insert    float64 // articles per second, through AddCaptures, wall clock
	insertCPU float64 // the same, by the process's CPU time
	optimize  time.Duration
	bytes     int64
}

var (
	benchOnce  sync.Once
	benchStore *benchArchive
	benchErr   error
)

// buildBenchArchive builds the archive once per process.
func buildBenchArchive(b *testing.B) *benchArchive {
	benchOnce.Do(func() { benchStore, benchErr = newBenchArchive(*benchN) })
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchStore
}

// benchBatch is how many captures the build stores per transaction.
const benchBatch = 100

func newBenchArchive(n int) (*benchArchive, error) {
	ctx := context.Background()
	dir, err := benchDirectory()
	if err != nil {
		return nil, err
	}
	path := filepath.Join(dir, "archive.db")
	_, statErr := os.Stat(path)
	s, err := Open(ctx, path)
	if err != nil {
		return nil, err
	}
	ba := &benchArchive{s: s, n: n}
	if statErr == nil { // reused
		ba.n = s.mustCount(ctx)
		return ba, ba.size(ctx)
	}
	r := rand.New(rand.NewPCG(7, 11))
	zipf := rand.NewZipf(r, 1.07, 2, uint64(len(vocabulary)-1))
	var spent, cpu time.Duration
	for i := 0; i < n; i += benchBatch {
		batch := make([]*Capture, 0, benchBatch)
		for j := i; j < min(i+benchBatch, n); j++ {
			batch = append(batch, genArticle(r, zipf, j))
		}
		start, startCPU := time.Now(), processCPU()
		if _, err := s.AddCaptures(ctx, batch); err != nil {
			return nil, err
		}
		spent, cpu = spent+time.Since(start), cpu+processCPU()-startCPU
	}
	ba.insert, ba.insertCPU = float64(n)/spent.Seconds(), float64(n)/cpu.Seconds()
	if err := benchAnnotate(ctx, s, r, n/100); err != nil {
		return nil, err
	}
	start := time.Now()
	if err := s.Optimize(ctx); err != nil {
		return nil, err
	}
	ba.optimize = time.Since(start)
	return ba, ba.size(ctx)
}

// benchDirectory returns -archive-dir, or a new temporary directory that
// TestMain removes.
func benchDirectory() (string, error) {
	if *benchKeep != "" {
		return *benchKeep, os.MkdirAll(*benchKeep, 0o700)
	}
	dir, err := os.MkdirTemp("", "clippings-bench-")
	benchDir = dir
	return dir, err
}

// size records the size of the database file, after a checkpoint.
func (ba *benchArchive) size(ctx context.Context) error {
	if _, err := ba.s.db.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		return err
	}
	fi, err := os.Stat(ba.s.path)
	if err != nil {
		return err
	}
	ba.bytes = fi.Size()
	return nil
}

// benchAnnotate highlights a passage, with a note, in k random articles.
func benchAnnotate(ctx context.Context, s *Store, r *rand.Rand, k int) error {
	n := s.mustCount(ctx)
	for range k {
		id := 1 + r.Int64N(int64(n))
		text, err := articleText(ctx, s.db, id)
		if err != nil {
			return err
		}
		start := r.IntN(len(text) / 2)
		_, err = s.AddHighlight(ctx, id, NewHighlight{Start: start, End: start + 40, Note: "check zeppelin sources"})
		if err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) mustCount(ctx context.Context) int {
	n, _ := s.Count(ctx)
	return n
}

// benchCase is one kind of query, run over several queries in turn.
type benchCase struct {
	name    string
	queries []string
	run     func(ctx context.Context, s *Store, q string) (int, error) // returns the result count
}

func word(i int) string { return vocabulary[i] }

// withSort appends a sort: to each query.
func withSort(qs []string, order string) []string {
	out := make([]string, len(qs))
	for i, q := range qs {
		out[i] = q + " sort:" + order
	}
	return out
}

// withFilter appends a filter to each query.
func withFilter(qs []string, filter string) []string {
	out := make([]string, len(qs))
	for i, q := range qs {
		out[i] = q + " " + filter
	}
	return out
}

// words returns count words of the vocabulary from rank from, step apart.
func words(from, step, count int) []string {
	var out []string
	for i := range count {
		out = append(out, word(from+i*step))
	}
	return out
}

// mostPhrase are phrases of the commonest words: "of the".
var mostPhrase = []string{`"of the"`, `"the of"`, `"and the"`, `"the and"`}

// nextPage is searchCase for the second page of results, after the first:
// the match count is remembered (countcache.go).
func nextPage(ctx context.Context, s *Store, q string) (int, error) {
	res, err := s.Find(ctx, q, SearchOptions{Offset: 50, Limit: 50})
	if err != nil {
		return 0, err
	}
	return res.Total, nil
}

// searchCase searches as for the first time: no match count is
// remembered (countcache.go).
func searchCase(ctx context.Context, s *Store, q string) (int, error) {
	s.counts.forget()
	res, err := s.Find(ctx, q, SearchOptions{Limit: 50})
	if err != nil {
		return 0, err
	}
	return res.Total, nil
}

func benchCases() []benchCase {
	var and, phrase, stopPhrase, prefix, filtered, facet []string
	for i := range 20 {
		and = append(and, word(20+i)+" "+word(200+i*7))
		phrase = append(phrase, `"`+word(i%3)+" "+word(300+i*11)+`"`)
		stopPhrase = append(stopPhrase, `"`+word(10+i)+" "+word(11+i)+`"`)
		prefix = append(prefix, vocabulary[500+i*13][:3]+"*")
		filtered = append(filtered, fmt.Sprintf("%s tag:topic%d published:2015..2018", word(30+i), i%20))
		facet = append(facet, word(40+i))
	}
	browse := func(ctx context.Context, s *Store, _ string) (int, error) {
		l, err := s.List(ctx, ListFilter{Limit: 100})
		return len(l), err
	}
	facets := func(ctx context.Context, s *Store, q string) (int, error) {
		s.counts.forget()
		f, err := s.Facets(ctx, q)
		if err != nil {
			return 0, err
		}
		return f.Total, nil
	}
	return append([]benchCase{
		{"rare term", words(20_000, 97, 20), searchCase},
		{"common term", []string{"the", "of", "and", "to", "in"}, searchCase},
		{"mid term", words(100, 3, 20), searchCase},
		{"two-term AND", and, searchCase},
		{"phrase", phrase, searchCase},
		{"phrase of common words", stopPhrase, searchCase},
		{"phrase in most articles", mostPhrase, searchCase},
		{"the same, next page", mostPhrase, nextPage},
		{"prefix", prefix, searchCase},
		{"tag + date filters", filtered, searchCase},
		{"filters passing most", withFilter(words(30, 1, 20), "published:2010..2023"), searchCase},
		{"common term by date", []string{"the sort:newest", "of sort:newest"}, searchCase},
		{"common term by title", []string{"the sort:title", "of sort:title"}, searchCase},
		{"mid term by site", withSort(words(100, 3, 20), "site"), searchCase},
		{"whole archive by title", []string{"date:<9999-01-01 sort:title"}, searchCase},
		{"facets (mid term)", facet, facets},
		{"facets (whole archive)", []string{""}, facets},
		{"browse newest 100", []string{""}, browse},
	}, writeCases()...)
}

// writeCases measure what a user does to one article, on the large
// archive: highlight a passage, tag it, star it, and store a new capture.
func writeCases() []benchCase {
	n, total := 0, 0
	next := func(s *Store) int64 {
		if total == 0 {
			total = s.mustCount(context.Background())
		}
		n++
		return int64(1 + (n*7919)%total)
	}
	seed := uint64(time.Now().UnixNano()) // new articles on every run, even on a kept archive
	r := rand.New(rand.NewPCG(seed, 5))
	zipf := rand.NewZipf(r, 1.07, 2, uint64(len(vocabulary)-1))
	fresh := func() *Capture { n++; return genArticle(r, zipf, int(seed%1e9)*1000+n) }
	return []benchCase{
		{"add highlight", []string{""}, func(ctx context.Context, s *Store, _ string) (int, error) {
			_, err := s.AddHighlight(ctx, next(s), NewHighlight{Start: 10, End: 50, Note: "bench"})
			return 1, err
		}},
		{"add tag", []string{""}, func(ctx context.Context, s *Store, _ string) (int, error) {
			return s.AddTags(ctx, []int64{next(s)}, "bench/tagged")
		}},
		{"star", []string{""}, func(ctx context.Context, s *Store, _ string) (int, error) {
			return 1, s.SetStarred(ctx, true, next(s))
		}},
		{"add capture", []string{""}, func(ctx context.Context, s *Store, _ string) (int, error) {
			res, err := s.AddCapture(ctx, fresh())
			if err == nil && res.Outcome != Imported {
				err = fmt.Errorf("outcome %v", res.Outcome)
			}
			return 1, err
		}},
		{"add 100 captures, 1 tx", []string{""}, func(ctx context.Context, s *Store, _ string) (int, error) {
			batch := make([]*Capture, 100)
			for i := range batch {
				batch[i] = fresh()
			}
			_, err := s.AddCaptures(ctx, batch)
			return 100, err
		}},
	}
}

// benchRow is a line of the printed table: wall-clock and CPU
// percentiles in milliseconds.
type benchRow struct {
	name         string
	p50, p99     float64
	cpu50, cpu99 float64
	results      int
}

func BenchmarkArchive100k(b *testing.B) {
	ba := buildBenchArchive(b)
	ctx := context.Background()
	var rows []benchRow
	for _, c := range benchCases() {
		b.Run(strings.ReplaceAll(c.name, " ", "_"), func(b *testing.B) {
			for b.Loop() {
				runs := 200
				if strings.HasPrefix(c.name, "add 100") {
					runs = 20
				}
				row, err := measure(ctx, ba.s, c, runs)
				if err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(row.p50, "p50-ms")
				b.ReportMetric(row.p99, "p99-ms")
				b.ReportMetric(row.cpu50, "cpu-p50-ms")
				b.ReportMetric(row.cpu99, "cpu-p99-ms")
				rows = append(rows, row)
			}
		})
	}
	printBenchTable(ba, rows)
}

// measure runs the queries of c in turn, runs times in all (after one
// warm-up round), and returns the percentiles.
func measure(ctx context.Context, s *Store, c benchCase, runs int) (benchRow, error) {
	row := benchRow{name: c.name}
	for _, q := range c.queries {
		if _, err := c.run(ctx, s, q); err != nil {
			return row, fmt.Errorf("%s %q: %w", c.name, q, err)
		}
	}
	ds, cs := make([]float64, 0, runs), make([]float64, 0, runs)
	total := 0
	for i := range runs {
		q := c.queries[i%len(c.queries)]
		start, startCPU := time.Now(), processCPU()
		n, err := c.run(ctx, s, q)
		if err != nil {
			return row, err
		}
		ds = append(ds, float64(time.Since(start).Microseconds())/1000)
		cs = append(cs, float64((processCPU()-startCPU).Microseconds())/1000)
		total += n
	}
	sort.Float64s(ds)
	sort.Float64s(cs)
	row.p50, row.p99 = ds[len(ds)/2], ds[len(ds)*99/100]
	row.cpu50, row.cpu99 = cs[len(cs)/2], cs[len(cs)*99/100]
	row.results = total / runs
	return row, nil
}

func printBenchTable(ba *benchArchive, rows []benchRow) {
	fmt.Printf("\n%d articles, %s bytes per article (%.1f MB)", ba.n, strconv.FormatInt(ba.bytes/int64(ba.n), 10), float64(ba.bytes)/1e6)
	if ba.insert > 0 {
		fmt.Printf("; insert %.0f articles/s wall, %.0f/s by CPU time (AddCaptures, %d a transaction); optimize %v",
			ba.insert, ba.insertCPU, benchBatch, ba.optimize.Round(time.Millisecond))
	}
	fmt.Printf("\n\n| %-24s | %8s | %8s | %8s | %8s | %8s |\n", "query", "p50 ms", "p99 ms", "CPU p50", "CPU p99", "results")
	fmt.Printf("|%s|%s|%s|%s|%s|%s|\n", strings.Repeat("-", 26), strings.Repeat("-", 10), strings.Repeat("-", 10),
		strings.Repeat("-", 10), strings.Repeat("-", 10), strings.Repeat("-", 10))
	for _, r := range rows {
		fmt.Printf("| %-24s | %8.2f | %8.2f | %8.2f | %8.2f | %8d |\n", r.name, r.p50, r.p99, r.cpu50, r.cpu99, r.results)
	}
}
