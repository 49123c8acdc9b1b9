// Package query is the search language of Clippings: it reads what a user
// types into a tree (Parse), and says what is wrong and where when it
// cannot (Error). It knows nothing of the database: the archive package
// compiles the tree into SQL.
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
//	links:reuters.com  linksto:…               the body links to the site (or its subdomains)
//	tag:korea           tagged korea or korea/anything (tags nest with /)
//	collection:Reading/Summits                  in the collection (or its sub-collections), by path
//	saved:NAME          what a saved search finds
//	lang:en             language en or en-*
//	key:lindqvist2024libraries  key:lindqvist*      the citation key (without case), or keys starting so
//	is:starred is:unstarred is:read is:unread
//	has:notes has:highlights has:note has:tags has:versions
//	published:2019  published:2019-01..2019-03  published:>2019-01-01  published:<=2019-03-05
//	captured:last-30-days  captured:today  (capture date, else import date)
//	date:…              published, else captured, else imported
//	sort:relevance sort:newest sort:oldest sort:title sort:site
//
// Words AND, OR, NOT are operators only in capitals. A word made only of
// punctuation is ignored, as the index would ignore it. Dates are UTC days.
package query

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Query limits, so that no query costs unbounded time or stack.
const (
	maxQueryLen   = 10_000
	maxQueryTerms = 1_000
	maxQueryDepth = 40
)

// ErrBadQuery is wrapped by every error about a malformed query.
var ErrBadQuery = errors.New("bad search query")

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

// Error is a query that cannot be parsed or run: what is wrong and
// where. It wraps ErrBadQuery.
type Error struct {
	Query string // the query as parsed (invalid UTF-8 and control characters turned into spaces)
	Pos   int    // byte offset in Query of the problem
	Msg   string
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s (at character %d)", e.Msg, e.Column())
}

// Unwrap returns ErrBadQuery.
func (e *Error) Unwrap() error { return ErrBadQuery }

// Column returns the position of the problem in characters, from 1.
func (e *Error) Column() int {
	p := min(max(e.Pos, 0), len(e.Query))
	return utf8.RuneCountInString(e.Query[:p]) + 1
}

// Caret returns the query and, below it, a caret under the problem.
func (e *Error) Caret() string {
	return e.Query + "\n" + strings.Repeat(" ", e.Column()-1) + "^"
}

// Query is a parsed search.
type Query struct {
	text    string
	root    *Node
	sort    Sort
	sorted  bool // a sort: filter was given
	inNotes bool
	now     time.Time
}

// String returns the query as it was given (cleaned).
func (q *Query) String() string { return q.text }

// Root returns the tree of the query's words and filters; nil when it has
// none.
func (q *Query) Root() *Node { return q.root }

// Sort returns the order a sort: filter asked for, and whether there was
// one.
func (q *Query) Sort() (Sort, bool) { return q.sort, q.sorted }

// InNotes reports whether in:notes was given: words search highlights
// and notes only.
func (q *Query) InNotes() bool { return q.inNotes }

// Now returns the time relative dates were counted from.
func (q *Query) Now() time.Time { return q.now }

// Empty reports whether the query has nothing to search for: no words, no
// filters (a sort: alone, for instance).
func (q *Query) Empty() bool { return q.root == nil && !q.inNotes }

// Terms returns the words and phrases the query looks for (not those it
// excludes), for highlighting them in an article.
func (q *Query) Terms() []string {
	var out []string
	WalkPositive(q.root, func(n *Node) { out = append(out, n.Text) })
	return out
}

// Kind says what a node of a parsed query is.
type Kind int

// The kinds of nodes.
const (
	And    Kind = iota // every kid
	Or                 // any kid
	Not                // not the only kid
	Text               // a word or phrase, possibly in one field
	Filter             // a field filter other than a text column
)

// Node is a parsed query.
type Node struct {
	Kind   Kind
	Kids   []*Node
	Pos    int    // byte offset in the query
	Field  string // Text: "", "title", "byline" or "notes"; Filter: the filter's name
	Text   string // Text: the word or phrase; Filter: the value
	Phrase bool
	Prefix bool
	From   time.Time // date filters: [From, To); zero = open
	To     time.Time
}

// WalkPositive calls fn for each text node of n not under a NOT.
func WalkPositive(n *Node, fn func(*Node)) { walkPositive(n, false, fn) }

func walkPositive(n *Node, neg bool, fn func(*Node)) {
	if n == nil {
		return
	}
	switch n.Kind {
	case Text:
		if !neg {
			fn(n)
		}
	case Not:
		walkPositive(n.Kids[0], !neg, fn)
	default:
		for _, k := range n.Kids {
			walkPositive(k, neg, fn)
		}
	}
}

// Join returns kids (nil ones left out) joined by kind, nil for none,
// the only one alone.
func Join(kind Kind, kids []*Node) *Node {
	var keep []*Node
	for _, k := range kids {
		if k != nil {
			keep = append(keep, k)
		}
	}
	switch len(keep) {
	case 0:
		return nil
	case 1:
		return keep[0]
	}
	return &Node{Kind: kind, Kids: keep, Pos: keep[0].Pos}
}

// Parse parses a query in the search language; relative dates count from
// now. It returns an error of type *Error (wrapping ErrBadQuery) saying
// what is wrong and where.
func Parse(q string, now time.Time) (*Query, error) {
	q = cleanQuery(q)
	if len(q) > maxQueryLen {
		return nil, &Error{Query: q[:maxQueryLen], Pos: maxQueryLen, Msg: fmt.Sprintf("query longer than %d characters", maxQueryLen)}
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

// Searchable reports whether s holds a character the unicode61 tokenizer
// keeps (letters, numbers, private use); others are separators.
func Searchable(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool {
		return unicode.In(r, unicode.L, unicode.N, unicode.Co)
	}) >= 0
}

// NormTag cleans a tag name: white space trimmed around each level, empty
// levels dropped ("/a//b " → "a/b"). Tags nest with "/".
func NormTag(s string) string {
	parts := strings.Split(s, "/")
	keep := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, "/")
}
