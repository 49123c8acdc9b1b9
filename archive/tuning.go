package archive

// tuning holds the numbers the search engine chooses and bounds its
// strategies by (docs/search-engine.md says why each is what it is). Open
// sets defaultTuning; a test sets its own on its store, before searching.
type tuning struct {
	// rankWindow is how many results, at most, relevance ranking scores:
	// the newest ones; older results follow them, newest first. A word
	// found in most of a large archive would otherwise cost time in
	// proportion to the archive (docs/archive-bench.md).
	rankWindow int
	// phraseWindow is rankWindow for queries with a phrase: finding a
	// phrase and ranking it reads the positions of its words, which for
	// common words costs several times what a word costs.
	phraseWindow int
	// bigMatches is the number of full-text matches from which filters
	// are evaluated as one set of articles, each match looked up in it,
	// rather than checked match by match.
	bigMatches int
	// denseSample is how many of the newest articles are sampled to
	// estimate what share of the archive matches (walkDense) or passes
	// the filters (denseFilters).
	denseSample int
	// walkRatio is the cost of checking an article against the full-text
	// index over that of collecting a match, rounded up (walkDense).
	walkRatio float64
	// walkSlack is how many more articles than the sample predicts
	// walkDense checks before it gives up: all of them are checked (the
	// page is then sorted), so that the order never depends on how SQLite
	// runs the walk.
	walkSlack float64
	// denseTagRows is the number of articles tagged with a tag (or below
	// it) from which a search checks the tag match by match as a lookup
	// of the article's tags (about 1 µs), not in the set of the tag's
	// articles, which SQLite builds once per statement (about 0.13 µs an
	// article: 25 ms for a tag on 190,000 articles, docs/archive-bench.md).
	denseTagRows int
	// facetSample is the number of results beyond which facets are
	// counted over a sample (facets.go).
	facetSample int
	// maxCounts bounds the remembered match counts (countcache.go).
	maxCounts int
}

// defaultTuning is the tuning of every store.
func defaultTuning() tuning {
	return tuning{
		rankWindow:   5_000,
		phraseWindow: 1_000,
		bigMatches:   2_000,
		denseSample:  2_000,
		walkRatio:    150,
		walkSlack:    1.5,
		denseTagRows: 25_000,
		facetSample:  2_000,
		maxCounts:    256,
	}
}

// window returns how many matches of p relevance ranking scores at most.
func (t tuning) window(p *plan) int {
	if p.phrase {
		return t.phraseWindow
	}
	return t.rankWindow
}

// inSet reports whether the filters of a query with this many full-text
// matches are evaluated as one set of articles (see bigMatches).
func (t tuning) inSet(matches int) bool { return matches > t.bigMatches }
