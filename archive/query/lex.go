package query

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind says what a token of a query is.
type tokKind int

const (
	tEOF tokKind = iota
	tLParen
	tRParen
	tOr
	tAnd
	tNot
	tMinus
	tWord
	tPhrase
	tField
)

// token is a piece of a query.
type token struct {
	kind   tokKind
	pos    int    // byte offset in the query
	text   string // a word (without trailing *), a phrase's content, a field's value
	field  string // tField: the field's name, lower case
	phrase bool   // tField: the value was quoted
	prefix bool   // ended with *
}

// fields are the names a field filter may have; others (as in 10:30 or
// http://…) are searched for as text.
var fields = map[string]bool{
	"title": true, "byline": true, "author": true, "in": true, "site": true, "tag": true,
	"collection": true, "saved": true, "lang": true, "language": true, "is": true, "has": true,
	"published": true, "captured": true, "date": true, "sort": true, "key": true,
	"links": true, "linksto": true,
}

// lexer splits a query into tokens.
type lexer struct {
	q    string
	i    int
	toks []token
}

// lex returns the tokens of q, ending with tEOF, or an *Error for an
// unclosed quote or a field without a value.
func lex(q string) ([]token, error) {
	l := &lexer{q: q}
	for {
		l.skipSpace()
		if l.i >= len(q) {
			l.toks = append(l.toks, token{kind: tEOF, pos: len(q)})
			return l.toks, nil
		}
		if err := l.token(); err != nil {
			return nil, err
		}
	}
}

func (l *lexer) skipSpace() {
	for l.i < len(l.q) {
		r, n := utf8.DecodeRuneInString(l.q[l.i:])
		if !unicode.IsSpace(r) {
			return
		}
		l.i += n
	}
}

// token reads one token at l.i.
func (l *lexer) token() error {
	start := l.i
	switch c := l.q[l.i]; {
	case c == '(':
		l.i++
		l.emit(token{kind: tLParen, pos: start})
	case c == ')':
		l.i++
		l.emit(token{kind: tRParen, pos: start})
	case c == '"':
		text, prefix, err := l.phrase()
		if err != nil {
			return err
		}
		l.emit(token{kind: tPhrase, pos: start, text: text, prefix: prefix})
	case c == '-' && l.i+1 < len(l.q) && !l.boundary(l.i+1) && l.q[l.i+1] != '-':
		l.i++
		l.emit(token{kind: tMinus, pos: start})
		if c := l.q[l.i]; c == '(' || c == '"' {
			return nil
		}
		return l.word(true)
	default:
		return l.word(false)
	}
	return nil
}

func (l *lexer) emit(t token) { l.toks = append(l.toks, t) }

// boundary reports whether the byte at i ends a word.
func (l *lexer) boundary(i int) bool {
	r, _ := utf8.DecodeRuneInString(l.q[i:])
	return unicode.IsSpace(r) || r == ')'
}

// phrase reads a quoted phrase at l.i, and a * after it.
func (l *lexer) phrase() (text string, prefix bool, err error) {
	start := l.i
	end := strings.IndexByte(l.q[start+1:], '"')
	if end < 0 {
		return "", false, &Error{Query: l.q, Pos: start, Msg: "unclosed quote"}
	}
	text = l.q[start+1 : start+1+end]
	l.i = start + end + 2
	for l.i < len(l.q) && l.q[l.i] == '*' {
		l.i++
		prefix = true
	}
	return text, prefix, nil
}

// word reads a word, an operator or a field filter at l.i. After a minus
// sign (plain) the word is never an operator.
func (l *lexer) word(plain bool) error {
	start := l.i
	end := strings.IndexFunc(l.q[start:], func(r rune) bool {
		return unicode.IsSpace(r) || r == '(' || r == ')' || r == '"'
	})
	if end < 0 {
		end = len(l.q) - start
	}
	w := l.q[start : start+end]
	l.i = start + end
	if !plain {
		switch w {
		case "OR":
			l.emit(token{kind: tOr, pos: start})
			return nil
		case "AND":
			l.emit(token{kind: tAnd, pos: start})
			return nil
		case "NOT":
			l.emit(token{kind: tNot, pos: start})
			return nil
		}
	}
	if k, v, ok := strings.Cut(w, ":"); ok && fields[strings.ToLower(k)] {
		return l.field(start, strings.ToLower(k), v)
	}
	text := strings.TrimRight(w, "*")
	l.emit(token{kind: tWord, pos: start, text: text, prefix: len(text) < len(w)})
	return nil
}

// field emits a field filter whose value v has been read, or whose quoted
// value follows.
func (l *lexer) field(start int, name, v string) error {
	t := token{kind: tField, pos: start, field: name}
	switch {
	case v == "" && l.i < len(l.q) && l.q[l.i] == '"':
		text, prefix, err := l.phrase()
		if err != nil {
			return err
		}
		t.text, t.prefix, t.phrase = text, prefix, true
	case strings.TrimRight(v, "*") == "":
		return &Error{Query: l.q, Pos: start, Msg: name + ": needs a value"}
	default:
		t.text = strings.TrimRight(v, "*")
		t.prefix = len(t.text) < len(v)
	}
	l.emit(t)
	return nil
}
