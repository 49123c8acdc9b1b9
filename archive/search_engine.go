package archive

import (
	"context"
	"database/sql"
	"log/slog"
	"os"
	"time"
)

// The search engine: how a compiled query (a plan) is run.
//
// Rows of articles are large (body and blocks), so reading them is what
// costs; the index articles_meta holds the columns filters and facets need
// and is read instead wherever possible. There are several ways to find a
// page of results and several ways to count them, each fastest for some
// queries (numbers in docs/archive-bench.md). Which one runs is chosen
// here only, by two decision tables read from the shape of the query
// (docs/search-engine.md explains them), within the bounds of the store's
// tuning (tuning.go). A strategy may decline once it has measured what it
// needs (its comment says when); the next one in the row then runs, and
// the last of each row never declines.

// engine runs the searches of a store with one tuning, copied when the
// search starts, so that counts still running on other connections never
// see it change.
type engine struct {
	s    *Store
	db   *sql.DB
	tune tuning
	log  *slog.Logger // the timing log; nil when off
}

// engine returns the store's search engine.
func (s *Store) engine() *engine {
	return &engine{s: s, db: s.db, tune: s.tune, log: s.log}
}

// timingEnv, when set to 1, makes every search log the strategies it ran
// and how long it took, beside the window's own timings.
const timingEnv = "CLIPPINGS_TIMING"

// timingLog returns the logger of the timing log, nil when it is off.
func timingLog() *slog.Logger {
	if os.Getenv(timingEnv) == "1" {
		return slog.Default()
	}
	return nil
}

// strategy names a way to find a page of results or to count them.
type strategy string

// The strategies that find a page.
const (
	// rankAll ranks every result in one statement, which counts them too.
	// It declines when the filters pass more articles than the rank window.
	rankAll strategy = "rankAll"
	// rankNewest ranks the newest results (the rank window); older ones
	// follow newest first; the total is counted meanwhile.
	rankNewest strategy = "rankNewest"
	// walkOrder walks the order's index, checking each article against
	// the full-text index, and stops at the page's end. It declines when
	// a sample of the newest articles says the matches are too sparse for
	// that to pay, or when the walk ends before the page is full.
	walkOrder strategy = "walkOrder"
	// walkSet walks the order's index over the set of results. It
	// declines up to bigMatches matches.
	walkSet strategy = "walkSet"
	// sortMatches collects the results, filters checked match by match
	// through articles_meta, and sorts them.
	sortMatches strategy = "sortMatches"
	// sortFiltered (no words) reads the articles passing the filters —
	// every article when there are none — in the order.
	sortFiltered strategy = "sortFiltered"
)

// The strategies that count results.
const (
	// countFiltered (no words) counts the articles passing the filters.
	countFiltered strategy = "countFiltered"
	// countMatches (no filters) counts the full-text matches, remembered
	// while the index is unchanged (countcache.go).
	countMatches strategy = "countMatches"
	// countChecked checks the filters match by match. It declines beyond
	// bigMatches matches.
	countChecked strategy = "countChecked"
	// countInSet looks each match up in the set of articles passing the
	// filters. It declines when the filters pass most articles.
	countInSet strategy = "countInSet"
	// countMisses counts the matches failing the filters, meanwhile the
	// matches, and takes the one from the other.
	countMisses strategy = "countMisses"
	// countInPage: the statement that found the page counted the results.
	countInPage strategy = "inPage"
)

// shape is what the decision tables read of a query: whether it has
// words (a full-text match), filters (conditions on articles), and
// whether its results are ranked by relevance.
type shape struct {
	words, filters, ranked bool
}

func (p *plan) shape(o Sort) shape {
	return shape{words: p.match != "", filters: len(p.where) > 0, ranked: o == SortRelevance}
}

// pageStrategy finds a page of a search: a ranked one fills r.res, one in
// another order sets r.ids. It reports false when it declines.
type pageStrategy struct {
	name strategy
	run  func(e *engine, ctx context.Context, r *search) (bool, error)
}

// pageTable is the decision table of pages: for each shape, the
// strategies to try, in order. Relevance without words is newest first,
// so a ranked shape always has words.
var pageTable = map[shape][]pageStrategy{
	{ranked: true, words: true, filters: true}: {{rankAll, (*engine).rankAll}, {rankNewest, (*engine).rankNewest}},
	{ranked: true, words: true}:                {{rankNewest, (*engine).rankNewest}},
	{words: true}:                              {{walkOrder, (*engine).walkOrder}, {walkSet, (*engine).walkSet}, {sortMatches, (*engine).sortMatches}},
	{words: true, filters: true}:               {{walkSet, (*engine).walkSet}, {sortMatches, (*engine).sortMatches}},
	{filters: true}:                            {{sortFiltered, (*engine).sortFiltered}},
	{}:                                         {{sortFiltered, (*engine).sortFiltered}},
}

// countStrategy counts the results of p. It reports false when it
// declines.
type countStrategy struct {
	name strategy
	run  func(e *engine, ctx context.Context, p *plan) (int, bool, error)
}

// countTable is the decision table of counts: for each shape (ranked or
// not alike), the strategies to try, in order.
var countTable = map[shape][]countStrategy{
	{words: true, filters: true}: {{countChecked, (*engine).countChecked}, {countInSet, (*engine).countInSet}, {countMisses, (*engine).countMisses}},
	{words: true}:                {{countMatches, (*engine).countMatches}},
	{filters: true}:              {{countFiltered, (*engine).countFiltered}},
	{}:                           {{countFiltered, (*engine).countFiltered}},
}

// find fills r's results: ranked by the strategy pageTable chooses, in
// other orders through ordered, which counts meanwhile.
func (e *engine) find(ctx context.Context, r *search) error {
	if r.res.Sort == SortRelevance {
		return e.page(ctx, r)
	}
	return e.ordered(ctx, r)
}

// page finds a page of r by the first strategy of its row of pageTable
// that does not decline, and notes which one it was.
func (e *engine) page(ctx context.Context, r *search) error {
	for _, st := range pageTable[r.p.shape(r.res.Sort)] {
		done, err := st.run(e, ctx, r)
		if done || err != nil {
			r.page = st.name
			return err
		}
	}
	panic("archive: no page strategy for " + r.p.match) // the last of each row never declines
}

// resultCount returns the number of p's results, counted by the first
// strategy of its row of countTable that does not decline, and which one
// it was.
func (e *engine) resultCount(ctx context.Context, p *plan) (int, strategy, error) {
	for _, st := range countTable[p.shape(SortNewest)] {
		n, done, err := st.run(e, ctx, p)
		if done || err != nil {
			return n, st.name, err
		}
	}
	panic("archive: no count strategy for " + p.match) // the last of each row never declines
}

// search is one search being run: what it asks for, the results as they
// are filled, and what it did, for the timing log.
type search struct {
	p             *plan
	offset, limit int
	res           *Results
	// ids is the page of an order other than relevance, as its strategy
	// found it.
	ids []int64
	// awaitMatches returns the number of full-text matches, counted
	// meanwhile for the orders other than relevance, once it has arrived;
	// then the total starts being counted meanwhile, when it is not the
	// same (engine.ordered). The strategies that read their page from
	// every result call it first, so that the total is counted while the
	// page is read.
	awaitMatches func() (int, error)
	page         strategy // the strategy that found the page
	count        strategy // the strategy that counted the results
}

func newSearch(p *plan, opt SearchOptions, res *Results) *search {
	offset, limit := page(opt.Offset, opt.Limit)
	return &search{p: p, offset: offset, limit: limit, res: res}
}

// logRun writes one line to the timing log: what ran, the strategies
// chosen, how long it took.
func (e *engine) logRun(what, text string, start time.Time, attrs ...any) {
	if e.log == nil {
		return
	}
	args := append([]any{"what", "archive " + what, "query", text}, attrs...)
	args = append(args, "ms", float64(time.Since(start).Microseconds())/1000)
	e.log.Info("timing", args...)
}
