package versiondiff

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokenize splits s into the units the diff compares: runs of letters,
// digits and marks (a word), runs of white space, and single other
// characters (punctuation). Chinese, Japanese and Korean characters are
// one token each, as their text has no spaces between words. The tokens
// joined give s back.
func tokenize(s string) []string {
	var toks []string
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		j := i + size
		switch {
		case isCJK(r):
		case isWordRune(r):
			j = runEnd(s, j, func(r rune) bool { return isWordRune(r) && !isCJK(r) })
		case unicode.IsSpace(r):
			j = runEnd(s, j, unicode.IsSpace)
		}
		toks = append(toks, s[i:j])
		i = j
	}
	return toks
}

// runEnd returns where the run of runes for which in is true, starting
// at byte i of s, ends.
func runEnd(s string, i int, in func(rune) bool) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !in(r) {
			break
		}
		i += size
	}
	return i
}

// isWordRune reports whether r is part of a word.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// isCJK reports whether r is written without spaces between words.
func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// tokenizer maps tokens to runes, one rune per distinct token, so that
// go-diff's character diff compares tokens. The runes avoid the
// surrogate range, which a Go string cannot hold.
type tokenizer struct {
	runeOf map[string]rune
	tokens []string // by rune index (see runeAt)
	full   bool     // more distinct tokens than runes: the diff is not word by word
}

// maxTokens is how many distinct tokens runes can stand for (a variable
// for the tests).
var maxTokens = 0x10FFFF - (0xE000 - 0xD800)

// runeAt is the rune of the i-th distinct token.
func runeAt(i int) rune {
	r := rune(i + 1)
	if r >= 0xD800 {
		r += 0xE000 - 0xD800
	}
	return r
}

// indexOf is the inverse of runeAt.
func indexOf(r rune) int {
	if r >= 0xE000 {
		r -= 0xE000 - 0xD800
	}
	return int(r) - 1
}

// runes returns the runes of toks, adding new tokens to the map.
func (t *tokenizer) runes(toks []string) []rune {
	if t.runeOf == nil {
		t.runeOf = map[string]rune{}
	}
	out := make([]rune, len(toks))
	for i, tok := range toks {
		r, ok := t.runeOf[tok]
		if !ok && len(t.tokens) == maxTokens {
			t.full, r = true, runeAt(0)
		} else if !ok {
			r = runeAt(len(t.tokens))
			t.runeOf[tok] = r
			t.tokens = append(t.tokens, tok)
		}
		out[i] = r
	}
	return out
}

// text returns the tokens of the runes of s, joined.
func (t *tokenizer) text(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteString(t.tokens[indexOf(r)])
	}
	return b.String()
}

// token returns the token of rune r.
func (t *tokenizer) token(r rune) string { return t.tokens[indexOf(r)] }
