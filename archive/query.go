package archive

import (
	"strings"
	"unicode"
)

// ftsQuery turns what a user typed into a safe FTS5 expression: every word
// and every "quoted phrase" becomes an FTS5 string (internal quotes
// doubled), so operators (AND, OR, NOT, NEAR), column filters (title:x),
// parentheses and other syntax are searched for as text, never obeyed. A
// trailing * on a word, or right after a closing quote, keeps prefix
// search. Terms are joined by spaces, which FTS5 reads as AND. It returns
// "" when nothing searchable remains. This is the place a richer search
// language will grow from.
func ftsQuery(q string) string {
	q = cleanQuery(q)
	var terms []string
	add := func(text string, prefix bool) {
		if !searchable(text) {
			return
		}
		t := `"` + strings.ReplaceAll(text, `"`, `""`) + `"`
		if prefix {
			t += "*"
		}
		terms = append(terms, t)
	}
	for {
		q = strings.TrimLeftFunc(q, unicode.IsSpace)
		if q == "" {
			break
		}
		if q[0] == '"' {
			phrase, rest, closed := strings.Cut(q[1:], `"`)
			prefix := closed && strings.HasPrefix(rest, "*")
			add(phrase, prefix)
			q = strings.TrimLeft(rest, "*")
			continue
		}
		end := strings.IndexFunc(q, func(r rune) bool { return r == '"' || unicode.IsSpace(r) })
		if end < 0 {
			end = len(q)
		}
		word := q[:end]
		q = q[end:]
		add(strings.TrimRight(word, "*"), strings.HasSuffix(word, "*"))
	}
	return strings.Join(terms, " ")
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
