package blockview

import (
	"sort"

	"fyne.io/fyne/v2/theme"
)

// Inline structure: the runs of an item's text that are links,
// emphasis, code, sub- or superscripts. They change only how the text is
// drawn, never the text, so that selection and highlights count the same
// runes with or without them.

// SpanKind says how a run of an item's text is drawn.
type SpanKind int

// The kinds of span.
const (
	SpanEm     SpanKind = iota + 1 // emphasis: italic
	SpanStrong                     // strong emphasis: bold
	SpanCode                       // code: monospace on a shade
	SpanSub                        // subscript: smaller, lowered
	SpanSup                        // superscript: smaller, raised
	SpanLink                       // a link: the hyperlink colour, underlined; tapping it calls View.OnHref
)

// Span marks runes [Start, End) of an item's text (its prefix, a list
// marker, counted) or of a table cell's text. Spans may nest.
type Span struct {
	Start, End int
	Kind       SpanKind
	Href       string // links: the address
}

// shiftSub and shiftSup move a run of text below or above the line.
const (
	shiftSup int8 = -1
	shiftSub int8 = 1
)

// applySpans returns the runs of base (covering n runes) with the styles
// of marks laid over them: cut where a mark starts or ends, each run in
// its base style changed by the marks covering it.
func applySpans(base []span, n int, marks []Span) []span {
	if len(marks) == 0 || n == 0 {
		return base
	}
	cuts := []int{n}
	for _, s := range base {
		cuts = append(cuts, min(s.end, n))
	}
	for _, m := range marks {
		cuts = append(cuts, min(max(m.Start, 0), n), min(max(m.End, 0), n))
	}
	sort.Ints(cuts)
	var out []span
	start := 0
	for _, c := range cuts {
		if c <= start {
			continue
		}
		st := styleIn(base, start)
		for _, m := range marks {
			if m.Start <= start && c <= m.End {
				st = st.with(m.Kind)
			}
		}
		if k := len(out); k > 0 && out[k-1].style == st {
			out[k-1].end = c
		} else {
			out = append(out, span{end: c, style: st})
		}
		start = c
	}
	return out
}

// styleIn returns the style of rune i in spans.
func styleIn(spans []span, i int) spanStyle {
	for _, s := range spans {
		if i < s.end {
			return s.style
		}
	}
	if len(spans) == 0 {
		return styleBody
	}
	return spans[len(spans)-1].style
}

// with returns st changed as a span of kind k draws it.
func (st spanStyle) with(k SpanKind) spanStyle {
	switch k {
	case SpanEm:
		st.style.Italic = !st.style.Italic // emphasis in italic text stands upright
	case SpanStrong:
		st.style.Bold = true
	case SpanCode:
		st.style.Monospace = true
		st.shade = true
	case SpanSub, SpanSup:
		st.size = theme.SizeNameCaptionText
		st.shift = shiftSub
		if k == SpanSup {
			st.shift = shiftSup
		}
	case SpanLink:
		st.color = theme.ColorNameHyperlink
		st.underline = true
	}
	return st
}

// linkAt returns the link over rune i of runes (styled by spans): its
// address and its text.
func linkAt(runes []rune, spans []Span, i int) (href, text string, found bool) {
	for _, s := range spans {
		if s.Kind == SpanLink && s.Start <= i && i < s.End && s.End <= len(runes) {
			href, text, found = s.Href, string(runes[max(s.Start, 0):s.End]), true // the innermost, spans being in order of start
		}
	}
	return href, text, found
}

// drawLayout draws layout l: code shades, then what under draws
// (highlights, the selection), then the text (drawRuns).
func (v *View) drawLayout(d *boxDrawer, l *textLayout, under func()) {
	v.drawShades(d, l)
	under()
	v.drawRuns(d, l)
}

// drawShades draws the shade behind the runs of code of layout l.
func (v *View) drawShades(d *boxDrawer, l *textLayout) {
	for _, line := range l.lines {
		for _, f := range l.fragments(line) {
			if f.style.shade {
				d.rect(f.x, line.y, f.w, line.height, theme.ColorForWidget(theme.ColorNameInputBackground, v))
			}
		}
	}
}

// drawRuns draws the text of layout l, raised and lowered runs moved,
// then the lines under links.
func (v *View) drawRuns(d *boxDrawer, l *textLayout) {
	var links []fragment
	var at []textLine
	for _, line := range l.lines {
		for _, f := range l.fragments(line) {
			y, h := line.y, line.height
			if f.style.shift != 0 {
				small := v.measure("M", f.style).Height
				if f.style.shift == shiftSub {
					y += h - small
				}
				h = small
			}
			d.text(f.text, f.x, y, f.w, h, v.textSize(f.style), f.style.style, theme.ColorForWidget(f.style.color, v))
			if f.style.underline {
				links, at = append(links, f), append(at, line)
			}
		}
	}
	thick := max(v.scale, 1)
	for k, f := range links {
		base := at[k].y + v.measure("M", f.style).Height*underlineAt
		d.rect(f.x, base, f.w, thick, theme.ColorForWidget(f.style.color, v))
	}
}

// underlineAt is where a link's line is drawn, as a fraction of its
// text's height from the top.
const underlineAt = 0.86
