package archive

import (
	"context"
	"strings"
)

// Compiling a parsed query into SQL.
//
// The words and phrases joined by AND at the top of the query, when FTS5
// can express them (every NOT next to something positive, no CJK word
// restricted to a column), become one FTS5 expression: the MATCH of the
// ranked query. Everything else becomes a WHERE condition on articles a:
// filters as conditions with bound arguments, text inside them as
// a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?).
// User text reaches FTS5 only inside "strings" (quotes doubled) and SQL
// only as bound arguments; column names come from fixed tables here.

// plan is a compiled query.
type plan struct {
	match  string   // the FTS5 expression to rank by; "" when there is none
	where  []string // conditions on articles a, ANDed
	args   []any    // arguments of where, in order
	terms  []*node  // text not under a NOT, for highlighting
	cjk    bool     // some term holds CJK text: snippets are made in Go
	notes  bool     // in:notes: snippets come from the notes first
	phrase bool     // the match holds a phrase: see phraseWindow
	// uncovered: where reads columns of articles that the index
	// articles_meta does not hold.
	uncovered bool
	// rowWhere is where as checked match by match, when that differs: a
	// tag on many articles as a lookup of the article's tags, instead of
	// the set of the tag's articles (see denseTag). Same arguments.
	rowWhere []string
}

// rowConds returns the conditions of p to check match by match.
func (p *plan) rowConds() []string {
	if p.rowWhere != nil {
		return p.rowWhere
	}
	return p.where
}

// ftsColumns maps a text field to its FTS5 column and articles column.
var ftsColumns = map[string]struct{ fts, sql string }{
	"title":  {"title", "a.title"},
	"byline": {"byline", "a.byline"},
	"notes":  {"notes", "a.notes"},
}

// compiler holds what compiling one query needs.
type compiler struct {
	ctx     context.Context
	s       *Store
	q       *Query
	p       *plan
	inNotes bool
	saved   map[string]bool // saved searches being expanded, against loops
	row     bool            // compiling plan.rowWhere
}

// compile turns q into a plan. Collections and saved searches are looked
// up in the store; an unknown one is a *QueryError.
func (s *Store) compile(ctx context.Context, q *Query) (*plan, error) {
	p := &plan{}
	c := &compiler{ctx: ctx, s: s, q: q, p: p, inNotes: q.inNotes, saved: map[string]bool{}}
	walkPositive(q.root, false, func(n *node) {
		p.terms = append(p.terms, n)
		p.cjk = p.cjk || hasCJK(n.text)
	})
	if q.root == nil {
		return p, nil
	}
	conj := []*node{q.root}
	if q.root.kind == nAnd {
		conj = q.root.kids
	}
	var text, rest []*node
	for _, n := range conj {
		if pureText(n) {
			text = append(text, n)
		} else {
			rest = append(rest, n)
		}
	}
	if e, ok := c.fts(join(nAnd, text)); ok {
		p.match = e
		for _, n := range text {
			p.phrase = p.phrase || (n.kind == nText && n.phrase && len(strings.FieldsFunc(n.text, notWordChar)) > 1)
		}
	} else {
		rest = append(rest, text...)
	}
	rowDiffers := false
	for _, n := range rest {
		cond, args, err := c.sql(n)
		if err != nil {
			return nil, err
		}
		p.where = append(p.where, cond)
		p.args = append(p.args, args...)
		rowCond := cond
		if hasTagFilter(n) {
			c.row = true
			rc, rargs, err := c.sql(n)
			c.row = false
			if err == nil && len(rargs) == len(args) {
				rowCond, rowDiffers = rc, rowDiffers || rc != cond
			}
		}
		p.rowWhere = append(p.rowWhere, rowCond)
	}
	if !rowDiffers {
		p.rowWhere = nil
	}
	return p, nil
}

// hasTagFilter reports whether n holds a tag: filter.
func hasTagFilter(n *node) bool {
	if n.kind == nFilter {
		return n.field == "tag"
	}
	for _, k := range n.kids {
		if hasTagFilter(k) {
			return true
		}
	}
	return false
}

// pureText reports whether n holds words and phrases only, no filters.
func pureText(n *node) bool {
	if n == nil {
		return false
	}
	switch n.kind {
	case nText:
		return true
	case nFilter:
		return false
	}
	for _, k := range n.kids {
		if !pureText(k) {
			return false
		}
	}
	return true
}

// fts returns the FTS5 expression of a pure-text n, and false when FTS5
// cannot express it (a NOT with nothing positive beside it, a CJK word in
// one column).
func (c *compiler) fts(n *node) (string, bool) {
	if n == nil {
		return "", false
	}
	switch n.kind {
	case nText:
		return c.ftsText(n, false)
	case nOr:
		parts := make([]string, len(n.kids))
		for i, k := range n.kids {
			e, ok := c.fts(k)
			if !ok {
				return "", false
			}
			parts[i] = e
		}
		return "(" + strings.Join(parts, " OR ") + ")", true
	case nAnd:
		return c.ftsAnd(n)
	}
	return "", false
}

func (c *compiler) ftsAnd(n *node) (string, bool) {
	var pos, neg []string
	for _, k := range n.kids {
		if k.kind == nNot {
			e, ok := c.fts(k.kids[0])
			if !ok {
				return "", false
			}
			neg = append(neg, e)
			continue
		}
		e, ok := c.fts(k)
		if !ok {
			return "", false
		}
		pos = append(pos, e)
	}
	if len(pos) == 0 {
		return "", false
	}
	expr := "(" + strings.Join(pos, " AND ") + ")"
	for _, e := range neg {
		expr += " NOT (" + e + ")"
	}
	return expr, true
}

// ftsText returns the expression of one word or phrase. CJK runs search
// the bigram column; in a column other than all of them they cannot be
// expressed, unless loose, which searches them in every column.
func (c *compiler) ftsText(n *node, loose bool) (string, bool) {
	col := n.field
	if col == "" && c.inNotes {
		col = "notes"
	}
	segs := scriptRuns(n.text)
	var parts []string
	for i, sg := range segs {
		switch {
		case sg.cjk && col != "" && !loose:
			return "", false
		case sg.cjk:
			phrase, prefix := cjkQuery(sg.text)
			parts = append(parts, "{cjk} : "+ftsString(phrase, prefix))
		case searchable(sg.text):
			e := ftsString(sg.text, n.prefix && i == len(segs)-1)
			if col != "" {
				e = "{" + ftsColumns[col].fts + "} : " + e
			}
			parts = append(parts, e)
		}
	}
	switch len(parts) {
	case 0:
		return "", false
	case 1:
		return parts[0], true
	}
	return "(" + strings.Join(parts, " AND ") + ")", true
}

// ftsString quotes s as an FTS5 string (a phrase of its tokens).
func ftsString(s string, prefix bool) string {
	e := `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	if prefix {
		e += "*"
	}
	return e
}

// run is a stretch of text in CJK scripts or in others.
type run struct {
	text string
	cjk  bool
}

// scriptRuns splits s into CJK and other runs.
func scriptRuns(s string) []run {
	var out []run
	start, cur := 0, false
	for i, r := range s {
		if c := isCJK(r); i == 0 {
			cur = c
		} else if c != cur {
			out = append(out, run{s[start:i], cur})
			start, cur = i, c
		}
	}
	if start < len(s) {
		out = append(out, run{s[start:], cur})
	}
	return out
}

// inFTS is the condition "a matches the FTS5 expression ?".
const inFTS = `a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)`

// sql returns the WHERE condition of n and its arguments.
func (c *compiler) sql(n *node) (string, []any, error) {
	if pureText(n) {
		if e, ok := c.fts(n); ok {
			return inFTS, []any{e}, nil
		}
	}
	switch n.kind {
	case nText:
		return c.sqlText(n)
	case nFilter:
		return c.filter(n)
	case nNot:
		cond, args, err := c.sql(n.kids[0])
		return "NOT (" + cond + ")", args, err
	}
	op := " AND "
	if n.kind == nOr {
		op = " OR "
	}
	parts := make([]string, len(n.kids))
	var args []any
	for i, k := range n.kids {
		cond, a, err := c.sql(k)
		if err != nil {
			return "", nil, err
		}
		parts[i] = cond
		args = append(args, a...)
	}
	return "(" + strings.Join(parts, op) + ")", args, nil
}

// sqlText is a CJK word in one column: found through the bigrams, then
// checked in the column itself.
func (c *compiler) sqlText(n *node) (string, []any, error) {
	e, ok := c.ftsText(n, true)
	if !ok {
		return "0", nil, nil // nothing searchable: matches nothing
	}
	col := n.field
	if col == "" {
		col = "notes" // only in:notes leaves a column-less word here
	}
	c.p.uncovered = true
	return "(" + inFTS + " AND instr(" + ftsColumns[col].sql + ", ?) > 0)", []any{e, n.text}, nil
}

func notWordChar(r rune) bool { return !isWordChar(r) }
