package archive

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"maps"
	"slices"
	"sync"
	"testing"
)

// timingRecords makes s write its timing log (search_engine.go) as JSON
// and returns a function that reads the records written so far.
func timingRecords(s *Store) func(t *testing.T) []map[string]any {
	var mu sync.Mutex
	var buf bytes.Buffer
	s.log = slog.New(slog.NewJSONHandler(lockedWriter{&mu, &buf}, nil))
	return func(t *testing.T) []map[string]any {
		t.Helper()
		mu.Lock()
		defer mu.Unlock()
		var out []map[string]any
		for _, line := range bytes.Split(bytes.TrimSpace(buf.Bytes()), []byte("\n")) {
			rec := map[string]any{}
			if err := json.Unmarshal(line, &rec); err != nil {
				t.Fatalf("timing log %q: %v", line, err)
			}
			out = append(out, rec)
		}
		return out
	}
}

type lockedWriter struct {
	mu  *sync.Mutex
	buf *bytes.Buffer
}

func (w lockedWriter) Write(b []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.Write(b)
}

// mustPlan returns the plan of the query q on s.
func mustPlan(t *testing.T, s *Store, q string) *plan {
	t.Helper()
	pr, err := s.engine().prepare(context.Background(), Selection{Query: q})
	if err != nil {
		t.Fatal(err)
	}
	return pr.p
}

// engineFixture is rankFixture with states to filter by: five of the
// articles with "the" starred (few), ten read (most unread).
func engineFixture(t *testing.T) *Store {
	t.Helper()
	s := rankFixture(t)
	ctx := context.Background()
	ids, err := s.SearchIDs(ctx, "the")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetStarred(ctx, true, ids[:5]...); err != nil {
		t.Fatal(err)
	}
	if err := s.SetRead(ctx, true, ids[3:13]...); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestPagesCoverResults pages through the results of queries with words,
// filters or both, in every order and under tunings that make each
// strategy of the decision tables run: each result comes exactly once,
// the total is their number, and the orders other than relevance give the
// same sequence whatever the strategy. The results and their number are
// those SearchIDs finds, with the default tuning: the model every fast
// path is checked against.
func TestPagesCoverResults(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := engineFixture(t)
	long := []string{`the`, `"the"`, `the of`, `"the of"`, `"of the"`, `walrus`, `ice OR boat`, `the -walrus`, `title:the`}
	queries := append(slices.Clone(long), `the is:unread`, `the -is:starred`, `the is:starred`, `"of the" is:starred`, `is:unread`, `-is:starred`)
	want := map[string][]int64{}
	for _, q := range queries {
		ids, err := s.SearchIDs(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		want[q] = ids
	}
	records := timingRecords(s)
	seqs := map[string][]int64{} // query and order: the results in that order
	for _, tune := range []func(*tuning){
		func(t *tuning) { t.rankWindow, t.phraseWindow = 7, 5 },
		func(t *tuning) { t.walkRatio = 0 },   // always walk the order's index
		func(t *tuning) { t.bigMatches = 5 },  // filters as sets of articles
		func(t *tuning) { t.denseSample = 1 }, // filters judged on the newest article alone
	} {
		tune(&s.tune)
		for _, q := range queries {
			if slices.Contains(long, q) && len(want[q]) <= s.tune.rankWindow {
				t.Fatalf("%q: %d results, want more than the window", q, len(want[q]))
			}
			for _, order := range []Sort{SortRelevance, SortNewest, SortTitle, SortSite} {
				got := pageThrough(t, s, q, order, len(want[q]))
				key := q + " " + order.String()
				if prev, ok := seqs[key]; ok && order != SortRelevance && !slices.Equal(got, prev) {
					t.Errorf("%s: %v, before %v", key, got, prev)
				}
				seqs[key] = got
				if !slices.Equal(sorted(got), sorted(want[q])) {
					t.Errorf("%s: results %v, want %v", key, sorted(got), sorted(want[q]))
				}
			}
		}
	}
	pages, counts := map[string]bool{}, map[string]bool{}
	for _, rec := range records(t) {
		if rec["what"] == "archive find" {
			pages[rec["page"].(string)], counts[rec["count"].(string)] = true, true
		}
	}
	for _, st := range allStrategies(pageTable) {
		if !pages[string(st)] {
			t.Errorf("page strategy %s never ran (ran %v)", st, slices.Sorted(maps.Keys(pages)))
		}
	}
	for _, st := range append(allStrategies(countTable), countInPage) {
		if !counts[string(st)] {
			t.Errorf("count strategy %s never ran (ran %v)", st, slices.Sorted(maps.Keys(counts)))
		}
	}
}

// pageThrough returns the results of q in order o, four at a time,
// checking that none comes twice and that every page gives the total.
func pageThrough(t *testing.T, s *Store, q string, o Sort, total int) []int64 {
	t.Helper()
	var got []int64
	seen := map[int64]bool{}
	for off := 0; off < total+4; off += 4 {
		res, err := s.Find(context.Background(), q, SearchOptions{Offset: off, Limit: 4, Sort: o})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != total {
			t.Fatalf("%q %v @%d: total %d, want %d", q, o, off, res.Total, total)
		}
		for _, h := range res.Hits {
			if seen[h.ID] {
				t.Errorf("%q %v: %d twice", q, o, h.ID)
			}
			seen[h.ID] = true
			got = append(got, h.ID)
		}
	}
	return got
}

// allStrategies returns the strategies of a decision table.
func allStrategies[S pageStrategy | countStrategy](table map[shape][]S) []strategy {
	seen := map[strategy]bool{}
	for _, row := range table {
		for _, st := range row {
			switch st := any(st).(type) {
			case pageStrategy:
				seen[st.name] = true
			case countStrategy:
				seen[st.name] = true
			}
		}
	}
	return slices.Sorted(maps.Keys(seen))
}

// TestDecisionTables checks that every shape a search can have has a row
// in each table, and that each row ends with a strategy that never
// declines.
func TestDecisionTables(t *testing.T) {
	t.Parallel()
	final := map[strategy]bool{rankNewest: true, sortMatches: true, sortFiltered: true,
		countFiltered: true, countMatches: true, countMisses: true}
	for _, words := range []bool{false, true} {
		for _, filters := range []bool{false, true} {
			for _, ranked := range []bool{false, true} {
				sh := shape{words: words, filters: filters, ranked: ranked}
				if row := pageTable[sh]; len(row) > 0 && !final[row[len(row)-1].name] {
					t.Errorf("page %+v: the last strategy %s may decline", sh, row[len(row)-1].name)
				} else if len(row) == 0 && (words || !ranked) { // relevance needs words
					t.Errorf("page %+v: no row", sh)
				}
				if ranked {
					continue
				}
				if row := countTable[sh]; len(row) == 0 || !final[row[len(row)-1].name] {
					t.Errorf("count %+v: row %v", sh, row)
				}
			}
		}
	}
}

// TestTimingLog checks that a search logs, when the timing log is on,
// which strategies found and counted its results.
func TestTimingLog(t *testing.T) {
	t.Parallel()
	s := engineFixture(t)
	records := timingRecords(s)
	ctx := context.Background()
	if _, err := s.Find(ctx, "the is:starred", SearchOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SearchCount(ctx, "the"); err != nil {
		t.Fatal(err)
	}
	recs := records(t)
	if len(recs) != 2 {
		t.Fatalf("%d records, want 2: %v", len(recs), recs)
	}
	find, count := recs[0], recs[1]
	if find["msg"] != "timing" || find["what"] != "archive find" || find["query"] != "the is:starred" ||
		find["page"] != string(rankAll) || find["count"] != string(countInPage) || find["sort"] != "relevance" {
		t.Errorf("find logged %v", find)
	}
	if _, ok := find["ms"].(float64); !ok {
		t.Errorf("find logged no time: %v", find)
	}
	if count["what"] != "archive count" || count["count"] != string(countMatches) {
		t.Errorf("count logged %v", count)
	}
}
