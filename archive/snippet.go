package archive

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clippings/clippings/archive/query"
	"golang.org/x/text/unicode/norm"
)

// Snippets made in Go, for the hits whose snippet FTS5 cannot make well:
// results sorted by date (snippet() needs the ranked FTS5 cursor),
// queries with CJK words (FTS5 would show the bigram column) and queries
// of filters only (no match: the article's opening is shown). Words
// compare as the index compares them, case and diacritics folded; CJK
// words compare as they are.

// Snippet window, in characters.
const (
	snippetBefore = 60
	snippetLength = 200
)

// highlighter finds the terms of a query in text: words and phrases
// token by token (a phrase's words in a row, the last one a prefix for
// prefix*), CJK runs as they are.
type highlighter struct {
	phrases  []hlPhrase
	literals []string // CJK runs
}

// hlPhrase is a term as folded words.
type hlPhrase struct {
	words  []string
	prefix bool
}

func newHighlighter(terms []*query.Node) *highlighter {
	h := &highlighter{}
	for _, t := range terms {
		var words []string
		for _, sg := range scriptRuns(t.Text) {
			if sg.cjk {
				h.literals = append(h.literals, sg.text)
				continue
			}
			for _, w := range strings.FieldsFunc(sg.text, func(r rune) bool { return !isWordChar(r) }) {
				words = append(words, foldWord(w))
			}
		}
		if len(words) > 0 {
			h.phrases = append(h.phrases, hlPhrase{words, t.Prefix})
		}
	}
	return h
}

// foldWord lower-cases w and strips its diacritics, as unicode61
// remove_diacritics 2 does.
func foldWord(w string) string {
	if isASCII(w) {
		return strings.ToLower(w)
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(w) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// sameWord reports whether the token tok is the folded word w (or starts
// with it, for a prefix).
func sameWord(tok, w string, prefix bool) bool {
	if isASCII(tok) {
		if prefix {
			return len(tok) >= len(w) && strings.EqualFold(tok[:len(w)], w)
		}
		return len(tok) == len(w) && strings.EqualFold(tok, w)
	}
	f := foldWord(tok)
	if prefix {
		return strings.HasPrefix(f, w)
	}
	return f == w
}

// interval is a matched stretch of a text, in bytes.
type interval struct{ start, end int }

// matches returns the matched stretches of s that start before limit, in
// order; first stops at the first. Words are read one by one, so that the
// search for the first match reads no further than it.
func (h *highlighter) matches(s string, limit int, first bool) []interval {
	var out, toks []interval
	for i := 0; i < len(s) && i < limit; {
		j := wordEnd(s, i)
		if j == i {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
			continue
		}
		toks = append(toks, interval{i, j})
		if h.phrasesEndingAt(s, toks, &out) && first {
			break
		}
		i = j
	}
	out = append(out, h.literalMatches(s, limit)...)
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	if first && len(out) > 1 {
		out = out[:1]
	}
	return out
}

// phrasesEndingAt adds to out the phrases that end with the last of toks,
// and reports whether there were any.
func (h *highlighter) phrasesEndingAt(s string, toks []interval, out *[]interval) bool {
	found := false
	for _, p := range h.phrases {
		if i := len(toks) - len(p.words); i >= 0 && h.phraseAt(s, toks, i, p) > 0 {
			*out = append(*out, interval{toks[i].start, toks[len(toks)-1].end})
			found = true
		}
	}
	return found
}

// wordEnd returns the end of the word (outside CJK runs) starting at i,
// i when none does.
func wordEnd(s string, i int) int {
	for i < len(s) {
		r, size := rune(s[i]), 1
		if r >= 0x80 {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if !isWordChar(r) || isCJK(r) {
			break
		}
		i += size
	}
	return i
}

// literalMatches returns the places of the CJK runs in s before limit.
func (h *highlighter) literalMatches(s string, limit int) []interval {
	var out []interval
	for _, lit := range h.literals {
		for off := 0; off < limit; {
			i := strings.Index(s[off:], lit)
			if i < 0 || off+i >= limit {
				break
			}
			out = append(out, interval{off + i, off + i + len(lit)})
			off += i + len(lit)
		}
	}
	return out
}

// phraseAt returns the number of tokens from toks[i] that make phrase p,
// 0 when they do not.
func (h *highlighter) phraseAt(s string, toks []interval, i int, p hlPhrase) int {
	if i+len(p.words) > len(toks) {
		return 0
	}
	for k, w := range p.words {
		t := toks[i+k]
		if !sameWord(s[t.start:t.end], w, p.prefix && k == len(p.words)-1) {
			return 0
		}
	}
	return len(p.words)
}

// snippet returns a stretch of the first of fields holding a match, with
// the matches marked; without any match, the opening of the first field
// that is not empty.
func (h *highlighter) snippet(fields ...string) []Span {
	for _, f := range fields {
		first := h.matches(f, len(f), true)
		if len(first) == 0 {
			continue
		}
		from := backRunes(f, first[0].start, snippetBefore)
		to := forwardRunes(f, from, snippetLength+snippetBefore)
		var m []interval
		for _, iv := range h.matches(f[:to], to, false) {
			if iv.start >= first[0].start {
				m = append(m, iv)
			}
		}
		return window(f, m)
	}
	for _, f := range fields {
		if strings.TrimSpace(f) != "" {
			return window(f, nil)
		}
	}
	return nil
}

// window cuts about snippetLength characters of s around the first match
// (or from the start) at word boundaries, marking the matches.
func window(s string, m []interval) []Span {
	from := 0
	if len(m) > 0 {
		from = backRunes(s, m[0].start, snippetBefore)
	}
	to := len(s)
	if n := forwardRunes(s, from, snippetLength); n < len(s) {
		to = n
	}
	if len(m) > 0 && to < m[0].end {
		to = m[0].end
	}
	from, to = snapStart(s, from, m), snapEnd(s, to, m)
	var out []Span
	if from > 0 {
		out = append(out, Span{Text: "…"})
	}
	pos := from
	for _, iv := range m {
		if iv.start < pos || iv.end > to {
			continue
		}
		out = appendSpan(out, s[pos:iv.start], false)
		out = appendSpan(out, s[iv.start:iv.end], true)
		pos = iv.end
	}
	out = appendSpan(out, s[pos:to], false)
	if to < len(s) {
		out = appendSpan(out, "…", false)
	}
	return out
}

// appendSpan adds text to spans, joining it to the last span of its kind.
func appendSpan(out []Span, text string, match bool) []Span {
	if text == "" {
		return out
	}
	if n := len(out); n > 0 && out[n-1].Match == match {
		out[n-1].Text += text
		return out
	}
	return append(out, Span{Text: text, Match: match})
}

// backRunes returns the offset n characters before i in s.
func backRunes(s string, i, n int) int {
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return i
}

// forwardRunes returns the offset n characters after i in s.
func forwardRunes(s string, i, n int) int {
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return i
}

// snapStart moves a cut forward to the start of a word (at most 20 bytes,
// never past a match).
func snapStart(s string, i int, m []interval) int {
	if i == 0 {
		return 0
	}
	limit := min(i+20, len(s))
	if len(m) > 0 {
		limit = min(limit, m[0].start)
	}
	for j := i; j < limit; j++ {
		if s[j] == ' ' || s[j] == '\n' {
			return j + 1
		}
	}
	return i
}

// snapEnd moves a cut back to the end of a word (at most 20 bytes, never
// into a match).
func snapEnd(s string, i int, m []interval) int {
	if i >= len(s) {
		return len(s)
	}
	floor := max(i-20, 0)
	for _, iv := range m {
		if iv.start < i {
			floor = max(floor, iv.end)
		}
	}
	for j := i; j > floor; j-- {
		if s[j] == ' ' || s[j] == '\n' {
			return j
		}
	}
	return i
}
