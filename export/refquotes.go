package export

import (
	"strings"
	"unicode"
)

// Quotation marks in a title, set as CSL processors set them: a pair of
// straight or curly quotes becomes typographic quotes that alternate with
// their depth (double outside, single inside; inside the quotes that
// Chicago puts around a title the first level is single), and an
// apostrophe, or a quote that never closes, becomes ’.

// quoteMark is one quotation mark found in a title.
type quoteMark struct {
	at     int  // index in the runes
	double bool // a double quote, else a single one
	open   bool
	depth  int // 1 for a pair not inside another
}

// smartQuotes returns s with its quotation marks set for a title inside
// base levels of quotes (0 or 1), and whether it ends with a closing
// quote.
func smartQuotes(s string, base int) (string, bool) {
	rs := []rune(s)
	marks := pairQuotes(rs)
	for _, m := range marks {
		rs[m.at] = quoteRune(m, base)
	}
	endsQuoted := len(marks) > 0 && marks[len(marks)-1].at == len(rs)-1 && !marks[len(marks)-1].open
	for i, r := range rs {
		if r == '\'' {
			rs[i] = '’'
		}
	}
	return string(rs), endsQuoted
}

// pairQuotes finds the pairs of quotation marks of rs, in order; a mark
// that opens no pair or closes none is left out (an apostrophe).
func pairQuotes(rs []rune) []quoteMark {
	var stack, out []quoteMark
	for i, r := range rs {
		double, single := r == '"' || r == '“' || r == '”', r == '\'' || r == '‘' || r == '’'
		if !double && !single {
			continue
		}
		before, after := runeAt(rs, i-1), runeAt(rs, i+1)
		wordBefore, wordAfter := isWordRune(before), isWordRune(after)
		closes := len(stack) > 0 && stack[len(stack)-1].double == double && r != '“' && r != '‘'
		switch {
		case wordBefore && wordAfter: // We're, o'clock
		case closes && !wordAfter && before != 0 && !unicode.IsSpace(before):
			open := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			out = append(out, open, quoteMark{at: i, double: double, depth: open.depth})
		case !wordBefore && !unicode.IsSpace(after) && after != 0 && r != '”' && r != '’':
			stack = append(stack, quoteMark{at: i, double: double, open: true, depth: len(stack) + 1})
		}
	}
	// sorted by position
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].at < out[j-1].at; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// quoteRune is the typographic mark of m inside base levels of quotes.
func quoteRune(m quoteMark, base int) rune {
	double := (base+m.depth)%2 == 1
	switch {
	case double && m.open:
		return '“'
	case double:
		return '”'
	case m.open:
		return '‘'
	}
	return '’'
}

func runeAt(rs []rune, i int) rune {
	if i < 0 || i >= len(rs) {
		return 0
	}
	return rs[i]
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// quoteEnd puts a sentence's period inside the closing quote it ends
// with, as American styles do: “Whole title quoted.”
func quoteEnd(s string) string {
	if strings.HasSuffix(s, "”") || strings.HasSuffix(s, "’") {
		r := []rune(s)
		last := r[len(r)-1]
		body := string(r[:len(r)-1])
		if !strings.ContainsAny(body[len(body)-1:], ".?!") {
			body += "."
		}
		return body + string(last)
	}
	return s
}
