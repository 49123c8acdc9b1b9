package archive

import (
	"context"
	"strings"

	"github.com/clippings/clippings/archive/query"
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
	match  string        // the FTS5 expression to rank by; "" when there is none
	where  []string      // conditions on articles a, ANDed
	args   []any         // arguments of where, in order
	terms  []*query.Node // text not under a NOT, for highlighting
	cjk    bool          // some term holds CJK text: snippets are made in Go
	notes  bool          // in:notes: snippets come from the notes first
	phrase bool          // the match holds a phrase: see tuning.phraseWindow
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
	e       *engine
	q       *Query
	p       *plan
	inNotes bool
	saved   map[string]bool // saved searches being expanded, against loops
	row     bool            // compiling plan.rowWhere
}

// compile turns q, and the filters of values ANDed to it, into a plan.
// Collections and saved searches are looked up in the store; an unknown
// one is a *QueryError (an error wrapping ErrNotFound for a value).
func (e *engine) compile(ctx context.Context, q *Query, values ...*query.Node) (*plan, error) {
	p := &plan{}
	c := &compiler{ctx: ctx, e: e, q: q, p: p, inNotes: q.InNotes(), saved: map[string]bool{}}
	query.WalkPositive(q.Root(), func(n *query.Node) {
		p.terms = append(p.terms, n)
		p.cjk = p.cjk || hasCJK(n.Text)
	})
	conj := conjuncts(q.Root(), values)
	if len(conj) == 0 {
		return p, nil
	}
	var text, rest []*query.Node
	for _, n := range conj {
		if pureText(n) {
			text = append(text, n)
		} else {
			rest = append(rest, n)
		}
	}
	if e, ok := c.fts(query.Join(query.And, text)); ok {
		p.match = e
		for _, n := range text {
			p.phrase = p.phrase || (n.Kind == query.Text && n.Phrase && len(strings.FieldsFunc(n.Text, notWordChar)) > 1)
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

// conjuncts returns the parts of root ANDed at its top, then values.
func conjuncts(root *query.Node, values []*query.Node) []*query.Node {
	var conj []*query.Node
	switch {
	case root != nil && root.Kind == query.And:
		conj = append(conj, root.Kids...)
	case root != nil:
		conj = append(conj, root)
	}
	return append(conj, values...)
}

// hasTagFilter reports whether n holds a tag: filter.
func hasTagFilter(n *query.Node) bool {
	if n.Kind == query.Filter {
		return n.Field == "tag"
	}
	for _, k := range n.Kids {
		if hasTagFilter(k) {
			return true
		}
	}
	return false
}

// pureText reports whether n holds words and phrases only, no filters.
func pureText(n *query.Node) bool {
	if n == nil {
		return false
	}
	switch n.Kind {
	case query.Text:
		return true
	case query.Filter:
		return false
	}
	for _, k := range n.Kids {
		if !pureText(k) {
			return false
		}
	}
	return true
}

// fts returns the FTS5 expression of a pure-text n, and false when FTS5
// cannot express it (a NOT with nothing positive beside it, a CJK word in
// one column).
func (c *compiler) fts(n *query.Node) (string, bool) {
	if n == nil {
		return "", false
	}
	switch n.Kind {
	case query.Text:
		return c.ftsText(n, false)
	case query.Or:
		parts := make([]string, len(n.Kids))
		for i, k := range n.Kids {
			e, ok := c.fts(k)
			if !ok {
				return "", false
			}
			parts[i] = e
		}
		return "(" + strings.Join(parts, " OR ") + ")", true
	case query.And:
		return c.ftsAnd(n)
	}
	return "", false
}

func (c *compiler) ftsAnd(n *query.Node) (string, bool) {
	var pos, neg []string
	for _, k := range n.Kids {
		if k.Kind == query.Not {
			e, ok := c.fts(k.Kids[0])
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
func (c *compiler) ftsText(n *query.Node, loose bool) (string, bool) {
	col := n.Field
	if col == "" && c.inNotes {
		col = "notes"
	}
	segs := scriptRuns(n.Text)
	var parts []string
	for i, sg := range segs {
		switch {
		case sg.cjk && col != "" && !loose:
			return "", false
		case sg.cjk:
			phrase, prefix := cjkQuery(sg.text)
			parts = append(parts, "{cjk} : "+ftsString(phrase, prefix))
		case query.Searchable(sg.text):
			e := ftsString(sg.text, n.Prefix && i == len(segs)-1)
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
func (c *compiler) sql(n *query.Node) (string, []any, error) {
	if pureText(n) {
		if e, ok := c.fts(n); ok {
			return inFTS, []any{e}, nil
		}
	}
	switch n.Kind {
	case query.Text:
		return c.sqlText(n)
	case query.Filter:
		return c.filter(n)
	case query.Not:
		cond, args, err := c.sql(n.Kids[0])
		return "NOT (" + cond + ")", args, err
	}
	op := " AND "
	if n.Kind == query.Or {
		op = " OR "
	}
	parts := make([]string, len(n.Kids))
	var args []any
	for i, k := range n.Kids {
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
func (c *compiler) sqlText(n *query.Node) (string, []any, error) {
	e, ok := c.ftsText(n, true)
	if !ok {
		return "0", nil, nil // nothing searchable: matches nothing
	}
	col := n.Field
	if col == "" {
		col = "notes" // only in:notes leaves a column-less word here
	}
	c.p.uncovered = true
	return "(" + inFTS + " AND instr(" + ftsColumns[col].sql + ", ?) > 0)", []any{e, n.Text}, nil
}

func notWordChar(r rune) bool { return !isWordChar(r) }
