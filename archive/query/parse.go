package query

import (
	"fmt"
	"strings"
	"time"
)

// parser reads tokens into a tree:
//
//	and     = or { ["AND"] or }
//	or      = unary { "OR" unary }
//	unary   = ("-" | "NOT") unary | primary
//	primary = "(" and ")" | phrase | word | field
type parser struct {
	query string
	toks  []token
	i     int
	now   time.Time
	out   *Query
	terms int
}

func (p *parser) peek() token { return p.toks[p.i] }

func (p *parser) next() token {
	t := p.toks[p.i]
	if t.kind != tEOF {
		p.i++
	}
	return t
}

func (p *parser) errAt(pos int, format string, args ...any) error {
	return &Error{Query: p.query, Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

// startsTerm reports whether t can begin an operand.
func startsTerm(t token) bool {
	switch t.kind {
	case tLParen, tWord, tPhrase, tField, tNot, tMinus:
		return true
	}
	return false
}

// endsTerm reports whether t can end an operand.
func endsTerm(t token) bool {
	switch t.kind {
	case tRParen, tWord, tPhrase, tField:
		return true
	}
	return false
}

func (p *parser) parseAnd(depth int) (*Node, error) {
	var kids []*Node
	for {
		t := p.peek()
		switch t.kind {
		case tEOF, tRParen:
			return Join(And, kids), nil
		case tOr:
			return nil, p.errAt(t.pos, "OR needs something before it")
		case tAnd:
			p.next()
			if p.i < 2 || !endsTerm(p.toks[p.i-2]) {
				return nil, p.errAt(t.pos, "AND needs something before it")
			}
			if !startsTerm(p.peek()) {
				return nil, p.errAt(t.pos, "AND needs something after it")
			}
			continue
		}
		n, err := p.parseOr(depth)
		if err != nil {
			return nil, err
		}
		if n != nil {
			kids = append(kids, n)
		}
	}
}

func (p *parser) parseOr(depth int) (*Node, error) {
	first, err := p.parseUnary(depth)
	if err != nil {
		return nil, err
	}
	kids := []*Node{first}
	for p.peek().kind == tOr {
		t := p.next()
		if !startsTerm(p.peek()) {
			return nil, p.errAt(t.pos, "OR needs something after it")
		}
		n, err := p.parseUnary(depth)
		if err != nil {
			return nil, err
		}
		kids = append(kids, n)
	}
	return Join(Or, kids), nil
}

func (p *parser) parseUnary(depth int) (*Node, error) {
	t := p.peek()
	if t.kind != tNot && t.kind != tMinus {
		return p.parsePrimary(depth)
	}
	p.next()
	if depth >= maxQueryDepth {
		return nil, p.errAt(t.pos, "query nested too deeply")
	}
	if !startsTerm(p.peek()) {
		if t.kind == tNot {
			return nil, p.errAt(t.pos, "NOT needs something after it")
		}
		return nil, p.errAt(t.pos, "- needs something after it")
	}
	n, err := p.parseUnary(depth + 1)
	if err != nil || n == nil {
		return nil, err
	}
	return &Node{Kind: Not, Kids: []*Node{n}, Pos: t.pos}, nil
}

func (p *parser) parsePrimary(depth int) (*Node, error) {
	t := p.next()
	switch t.kind {
	case tLParen:
		if depth >= maxQueryDepth {
			return nil, p.errAt(t.pos, "query nested too deeply")
		}
		inner, err := p.parseAnd(depth + 1)
		if err != nil {
			return nil, err
		}
		if p.peek().kind != tRParen {
			return nil, p.errAt(t.pos, "unclosed (")
		}
		p.next()
		return inner, nil
	case tWord, tPhrase:
		return p.text(t, "")
	case tField:
		return p.field(t)
	}
	return nil, p.errAt(t.pos, "expected a word, a phrase or a filter")
}

// text returns the node of a word or phrase in field ("" for all
// columns), nil when it holds nothing the index keeps.
func (p *parser) text(t token, field string) (*Node, error) {
	if !Searchable(t.text) {
		return nil, nil
	}
	if p.terms++; p.terms > maxQueryTerms {
		return nil, p.errAt(t.pos, "more than %d terms", maxQueryTerms)
	}
	return &Node{Kind: Text, Pos: t.pos, Field: field, Text: t.text,
		Phrase: t.kind == tPhrase || t.phrase, Prefix: t.prefix}, nil
}

// field returns the node of a field filter; in: and sort: set options of
// the query and return nil.
func (p *parser) field(t token) (*Node, error) {
	v := strings.TrimSpace(t.text)
	lv := strings.ToLower(v)
	switch t.field {
	case "title":
		return p.text(t, "title")
	case "byline", "author":
		return p.text(t, "byline")
	case "in":
		if lv != "notes" {
			return nil, p.errAt(t.pos, "in: takes notes")
		}
		p.out.inNotes = true
		return nil, nil
	case "sort":
		return nil, p.sortBy(t, lv)
	case "is":
		return p.choice(t, lv, "starred", "unstarred", "read", "unread")
	case "has":
		return p.choice(t, lv, "notes", "highlights", "note", "tags", "versions")
	case "published", "captured", "date":
		return p.dates(t, lv)
	case "tag":
		v = NormTag(v)
	case "lang", "language":
		t.field, v = "lang", lv
	case "links", "linksto":
		t.field, v = "links", lv
	}
	if v == "" {
		return nil, p.errAt(t.pos, "%s: needs a value", t.field)
	}
	return &Node{Kind: Filter, Pos: t.pos, Field: t.field, Text: v, Prefix: t.prefix}, nil
}

// choice returns a filter whose value must be one of choices.
func (p *parser) choice(t token, v string, choices ...string) (*Node, error) {
	for _, c := range choices {
		if v == c {
			return &Node{Kind: Filter, Pos: t.pos, Field: t.field, Text: v}, nil
		}
	}
	return nil, p.errAt(t.pos, "%s: takes %s", t.field, strings.Join(choices, ", "))
}

func (p *parser) sortBy(t token, v string) error {
	switch v {
	case "relevance", "rank":
		p.out.sort = SortRelevance
	case "newest", "date", "new":
		p.out.sort = SortNewest
	case "oldest", "old":
		p.out.sort = SortOldest
	case "title":
		p.out.sort = SortTitle
	case "site":
		p.out.sort = SortSite
	default:
		return p.errAt(t.pos, "sort: takes relevance, newest, oldest, title or site")
	}
	p.out.sorted = true
	return nil
}

// dates returns a date filter.
func (p *parser) dates(t token, v string) (*Node, error) {
	from, to, err := dateRange(v, p.now)
	if err != nil {
		return nil, p.errAt(t.pos+len(t.field)+1, "%s: %v", t.field, err)
	}
	return &Node{Kind: Filter, Pos: t.pos, Field: t.field, Text: v, From: from, To: to}, nil
}
