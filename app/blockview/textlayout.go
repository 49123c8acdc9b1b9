package blockview

import (
	"sort"
	"unicode"

	"fyne.io/fyne/v2"
)

// Text layout for the reader. Fyne's RichText wraps text where it cannot
// be seen, so the reader lays its text out itself: it knows where every
// character is, which selection and highlights need.

// spanStyle is how a run of text is drawn: a theme text size, a style and
// a theme colour.
type spanStyle struct {
	size  fyne.ThemeSizeName
	style fyne.TextStyle
	color fyne.ThemeColorName

	underline bool // a link
	shade     bool // code: a shade behind
	shift     int8 // shiftSub or shiftSup: drawn below or above the line
}

// span is a run of a text in one style: runes [previous span's end, end).
type span struct {
	end   int
	style spanStyle
}

// textLine is one laid-out line: runes [start, end) of the text, its top
// and its height. end includes the spaces at a wrap and the newline of a
// hard break; they are not drawn.
type textLine struct {
	start, end int
	y, height  float32
}

// measureFunc returns the width and height of s drawn in style at the
// reader's scale.
type measureFunc func(s string, st spanStyle) fyne.Size

// token is a run of a text in one style that is either a word, spaces or
// a newline, with its width.
type token struct {
	start, end int
	w          float32
	space      bool // spaces or a newline
	newline    bool
}

// textLayout is a text with its styles, wrapped to a width. Each word is
// measured once (measuring is text shaping, the costly part); wrapping
// adds the widths up, so a new width costs no measuring.
type textLayout struct {
	runes   []rune
	spans   []span
	tokens  []token // nil until measured
	lines   []textLine
	height  float32
	measure measureFunc
}

// newTextLayout prepares text in spans for layout; spans must cover it.
func newTextLayout(runes []rune, spans []span, measure measureFunc) *textLayout {
	return &textLayout{runes: runes, spans: spans, measure: measure}
}

// remeasure forgets the widths (the text size or the font changed).
func (t *textLayout) remeasure() { t.tokens = nil }

// styleAt returns the span of rune i, and the rune where it ends.
func (t *textLayout) styleAt(i int) (spanStyle, int) {
	for _, s := range t.spans {
		if i < s.end {
			return s.style, s.end
		}
	}
	last := t.spans[len(t.spans)-1]
	return last.style, len(t.runes)
}

// tokenize splits the text into words, spaces and newlines, each in one
// style, and measures them.
func (t *textLayout) tokenize() {
	t.tokens = t.tokens[:0]
	for i := 0; i < len(t.runes); {
		st, spanEnd := t.styleAt(i)
		spanEnd = max(spanEnd, i+1)
		tok := token{start: i, space: unicode.IsSpace(t.runes[i]), newline: t.runes[i] == '\n'}
		j := i + 1
		for !tok.newline && j < spanEnd && j < len(t.runes) && unicode.IsSpace(t.runes[j]) == tok.space && t.runes[j] != '\n' {
			j++
		}
		tok.end = j
		if !tok.newline {
			tok.w = t.measure(drawable(t.runes[i:j]), st).Width
		}
		t.tokens = append(t.tokens, tok)
		i = j
	}
}

// tokenAt returns the index of the token holding rune i.
func (t *textLayout) tokenAt(i int) int {
	return sort.Search(len(t.tokens), func(k int) bool { return t.tokens[k].end > i })
}

// width returns the drawn width of runes [a, b): whole tokens by their
// measured width, a token cut by a or b by measuring its piece.
func (t *textLayout) width(a, b int) float32 {
	if t.tokens == nil {
		t.tokenize()
	}
	w := float32(0)
	for k := t.tokenAt(a); k < len(t.tokens) && t.tokens[k].start < b; k++ {
		tok := t.tokens[k]
		if tok.start >= a && tok.end <= b {
			w += tok.w
			continue
		}
		if tok.newline {
			continue
		}
		st, _ := t.styleAt(tok.start)
		w += t.measure(drawable(t.runes[max(a, tok.start):min(b, tok.end)]), st).Width
	}
	return w
}

// lineHeight returns the height of a line holding runes [a, b).
func (t *textLayout) lineHeight(a, b int) float32 {
	h := float32(0)
	for {
		st, end := t.styleAt(a)
		h = max(h, t.measure("M", st).Height)
		if end >= b || end <= a {
			return h
		}
		a = end
	}
}

// wrap breaks the text into lines no wider than width, at spaces where
// possible, and at newlines always.
func (t *textLayout) wrap(width float32) {
	if t.tokens == nil {
		t.tokenize()
	}
	t.lines = t.lines[:0]
	y := float32(0)
	add := func(start, end int) {
		h := t.lineHeight(start, max(end, start+1))
		t.lines = append(t.lines, textLine{start: start, end: end, y: y, height: h})
		y += h
	}
	start, x, words := 0, float32(0), 0 // the line being filled: its start, width, words
	for _, tok := range t.tokens {
		switch {
		case tok.newline:
			add(start, tok.end)
			start, x, words = tok.end, 0, 0
		case tok.space:
			x += tok.w // spaces hang at the end of a line
		case x+tok.w <= width || words == 0 && tok.w <= width:
			x += tok.w
			words++
		case words > 0: // the word goes to the next line
			add(start, tok.start)
			start, x, words = tok.start, tok.w, 1
			if tok.w > width {
				start, x = t.breakLong(tok, width, add)
			}
		default: // a word longer than the line, at its start
			start, x = t.breakLong(tok, width, add)
			words = 1
		}
	}
	if start < len(t.runes) || len(t.lines) == 0 || t.runes[len(t.runes)-1] == '\n' {
		add(start, len(t.runes))
	}
	t.height = y
}

// breakLong cuts a word longer than width into lines, adding all but the
// last piece, and returns where the last piece starts and its width.
func (t *textLayout) breakLong(tok token, width float32, add func(start, end int)) (int, float32) {
	start := tok.start
	for t.width(start, tok.end) > width {
		end := t.breakWord(start, tok.end, width)
		add(start, end)
		start = end
	}
	return start, t.width(start, tok.end)
}

// breakWord returns the end of the longest run of [start, w) that fits in
// width; at least one rune.
func (t *textLayout) breakWord(start, w int, width float32) int {
	lo, hi := start+1, w
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if t.width(start, mid) <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

// lineAt returns the index of the line at height y (clamped).
func (t *textLayout) lineAt(y float32) int {
	for i, l := range t.lines {
		if y < l.y+l.height {
			return i
		}
	}
	return len(t.lines) - 1
}

// xAt returns the x of rune i, which is on line l.
func (t *textLayout) xAt(l textLine, i int) float32 {
	return t.width(l.start, min(max(i, l.start), l.end))
}

// hit returns the rune boundary nearest to p: the index of the rune
// before which a caret at p stands.
func (t *textLayout) hit(p fyne.Position) int {
	if len(t.lines) == 0 {
		return 0
	}
	if p.Y < 0 {
		return 0
	}
	if p.Y >= t.height {
		return len(t.runes)
	}
	l := t.lines[t.lineAt(p.Y)]
	last := l.end
	if last > l.start && last < len(t.runes) || last > l.start && t.runes[last-1] == '\n' {
		last-- // a caret after a wrapped line's last space is the next line's start
	}
	lo, hi := l.start, last
	for lo < hi { // the first boundary at or right of p
		mid := (lo + hi) / 2
		if t.width(l.start, mid) < p.X {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo > l.start && p.X-t.width(l.start, lo-1) < t.width(l.start, lo)-p.X {
		return lo - 1
	}
	return lo
}

// wordAt returns the word around rune i: letters, digits and the marks
// and joiners inside words. It is empty (i, i) when i is not in a word.
func (t *textLayout) wordAt(i int) (int, int) {
	in := func(k int) bool {
		r := t.runes[k]
		return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '_' || r == '\'' || r == '’'
	}
	if i >= len(t.runes) || !in(i) {
		if i > 0 && i <= len(t.runes) && in(i-1) {
			i-- // just after a word: that word
		} else {
			return i, i
		}
	}
	s, e := i, i
	for s > 0 && in(s-1) {
		s--
	}
	for e < len(t.runes) && in(e) {
		e++
	}
	return s, e
}

// fragment is a piece of a line in one style, ready to draw.
type fragment struct {
	text  string
	x, w  float32
	style spanStyle
}

// fragments returns what to draw of line l.
func (t *textLayout) fragments(l textLine) []fragment {
	var out []fragment
	for a := l.start; a < l.end; {
		st, end := t.styleAt(a)
		end = min(max(end, a+1), l.end)
		if s := drawable(t.runes[a:end]); s != "" {
			out = append(out, fragment{text: s, x: t.width(l.start, a), w: t.width(a, end), style: st})
		}
		a = end
	}
	return out
}

// drawable is runes as drawn: a newline is not, a tab is one space.
func drawable(rs []rune) string {
	out := make([]rune, 0, len(rs))
	for _, r := range rs {
		switch r {
		case '\n':
			continue
		case '\t':
			r = ' '
		}
		out = append(out, r)
	}
	return string(out)
}

// eachLine calls f for each line holding runes of [s, e), with the x
// range they take on it (at least a pixel wide).
func (t *textLayout) eachLine(s, e int, f func(line textLine, x1, x2 float32)) {
	for _, line := range t.lines {
		if line.end <= s || line.start >= e {
			continue
		}
		x1 := t.xAt(line, s)
		var x2 float32
		if e >= line.end {
			x2 = t.width(line.start, line.end)
		} else {
			x2 = t.xAt(line, e)
		}
		if x2-x1 >= 1 {
			f(line, x1, x2)
		}
	}
}
