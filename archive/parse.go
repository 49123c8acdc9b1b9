package archive

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// The search language.
//
//	walrus ice          both words (anywhere: title, standfirst, byline, body, captions, annotations)
//	"lone walrus"       the phrase
//	walr*               a word starting with walr
//	walrus OR seal      either; OR binds tighter than the implicit AND: a b OR c = a AND (b OR c)
//	-walrus, NOT walrus not this word (or phrase, group, filter)
//	(a OR b) -(c d)     grouping
//	title:walrus  byline:pérez  author:pérez   in one column (a word or a "phrase")
//	in:notes            text terms search highlights and notes only
//	site:bbc.co.uk  site:"The Guardian"        the site's name, or its host and subdomains… of the URL
//	tag:korea           tagged korea or korea/anything (tags nest with /)
//	collection:Reading/Summits                  in the collection (or its sub-collections), by path
//	saved:NAME          what a saved search finds
//	lang:en             language en or en-*
//	is:starred is:unstarred is:read is:unread
//	has:notes has:highlights has:note has:tags has:versions
//	published:2019  published:2019-01..2019-03  published:>2019-01-01  published:<=2019-03-05
//	captured:last-30-days  captured:today  (capture date, else import date)
//	date:…              published, else captured, else imported
//	sort:relevance sort:newest sort:oldest sort:title sort:site
//
// Words AND, OR, NOT are operators only in capitals. A word made only of
// punctuation is ignored, as the index would ignore it. Dates are UTC days.

// Query limits, so that no query costs unbounded time or stack.
const (
	maxQueryLen   = 10_000
	maxQueryTerms = 1_000
	maxQueryDepth = 40
)

// Sort is the order of search results.
type Sort int

// The orders of search results.
const (
	SortRelevance Sort = iota // best match first (bm25, title weighted); newest first when there are no words
	SortNewest                // by date (published, else captured, else imported), newest first
	SortOldest                // by date, oldest first
	SortTitle                 // by title, A to Z (case folded)
	SortSite                  // by site, A to Z, newest first within a site
)

func (s Sort) String() string {
	switch s {
	case SortNewest:
		return "newest"
	case SortOldest:
		return "oldest"
	case SortTitle:
		return "title"
	case SortSite:
		return "site"
	}
	return "relevance"
}

// QueryError is a query that cannot be parsed or run: what is wrong and
// where. It wraps ErrBadQuery.
type QueryError struct {
	Query string // the query as parsed (invalid UTF-8 and control characters turned into spaces)
	Pos   int    // byte offset in Query of the problem
	Msg   string
}

func (e *QueryError) Error() string {
	return fmt.Sprintf("%s (at character %d)", e.Msg, e.Column())
}

// Unwrap returns ErrBadQuery.
func (e *QueryError) Unwrap() error { return ErrBadQuery }

// Column returns the position of the problem in characters, from 1.
func (e *QueryError) Column() int {
	p := min(max(e.Pos, 0), len(e.Query))
	return utf8.RuneCountInString(e.Query[:p]) + 1
}

// Caret returns the query and, below it, a caret under the problem.
func (e *QueryError) Caret() string {
	return e.Query + "\n" + strings.Repeat(" ", e.Column()-1) + "^"
}

// Query is a parsed search.
type Query struct {
	text    string
	root    *node
	sort    Sort
	sorted  bool // a sort: filter was given
	inNotes bool
	now     time.Time
}

// String returns the query as it was given (cleaned).
func (q *Query) String() string { return q.text }

// Empty reports whether the query has nothing to search for: no words, no
// filters (a sort: alone, for instance).
func (q *Query) Empty() bool { return q.root == nil && !q.inNotes }

// Terms returns the words and phrases the query looks for (not those it
// excludes), for highlighting them in an article.
func (q *Query) Terms() []string {
	var out []string
	walkPositive(q.root, false, func(n *node) { out = append(out, n.text) })
	return out
}

// nodeKind says what a node of a parsed query is.
type nodeKind int

const (
	nAnd nodeKind = iota
	nOr
	nNot
	nText   // a word or phrase, possibly in one field
	nFilter // a field filter other than a text column
)

// node is a parsed query.
type node struct {
	kind   nodeKind
	kids   []*node
	pos    int
	field  string // nText: "", "title", "byline" or "notes"; nFilter: the filter's name
	text   string // nText: the word or phrase; nFilter: the value
	phrase bool
	prefix bool
	from   time.Time // date filters: [from, to); zero = open
	to     time.Time
}

// walkPositive calls fn for each text node not under a NOT.
func walkPositive(n *node, neg bool, fn func(*node)) {
	if n == nil {
		return
	}
	switch n.kind {
	case nText:
		if !neg {
			fn(n)
		}
	case nNot:
		walkPositive(n.kids[0], !neg, fn)
	default:
		for _, k := range n.kids {
			walkPositive(k, neg, fn)
		}
	}
}

// ParseQuery parses a query in the search language. It returns an error
// of type *QueryError (wrapping ErrBadQuery) saying what is wrong and
// where. Relative dates count from now.
func ParseQuery(q string) (*Query, error) { return parseQuery(q, time.Now()) }

func parseQuery(q string, now time.Time) (*Query, error) {
	q = cleanQuery(q)
	if len(q) > maxQueryLen {
		return nil, &QueryError{Query: q[:maxQueryLen], Pos: maxQueryLen, Msg: fmt.Sprintf("query longer than %d characters", maxQueryLen)}
	}
	toks, err := lex(q)
	if err != nil {
		return nil, err
	}
	p := &parser{query: q, toks: toks, now: now, out: &Query{text: q, now: now}}
	root, err := p.parseAnd(0)
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tEOF {
		return nil, p.errAt(t.pos, "unexpected )")
	}
	p.out.root = root
	return p.out, nil
}

// cleanQuery replaces invalid UTF-8 and control characters (FTS5 stops
// reading a query at a NUL) with spaces.
func cleanQuery(q string) string {
	q = strings.ToValidUTF8(q, " ")
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, q)
}

// searchable reports whether s holds a character the unicode61 tokenizer
// keeps (letters, numbers, private use); others are separators.
func searchable(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool {
		return unicode.In(r, unicode.L, unicode.N, unicode.Co)
	}) >= 0
}
