package export

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"sort"
	"unicode"

	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/bidi"
)

// Text layout for the PDF with go-text/typesetting: a paragraph is split
// into runs by writing direction (the Unicode bidirectional algorithm),
// script and font (runFonts picks one per character), each run is
// shaped by HarfBuzz (ligatures, Arabic joining, marks, kerning), and
// lines are broken where UAX #14 allows (so no line starts with "，" or
// "。") and ordered for display. A right-to-left paragraph is set flush
// right.

// textStyle is how a kind of paragraph is set.
type textStyle struct {
	font   fontStyle
	size   float64 // points
	lead   float64 // line height, points
	indent float64 // from the side where lines start, points
	grey   bool
}

var (
	stTitle   = textStyle{font: bold, size: 18, lead: 23}
	stSub     = textStyle{font: italic, size: 12, lead: 17}
	stMeta    = textStyle{font: regular, size: 9, lead: 13, grey: true}
	stBody    = textStyle{font: regular, size: 10.5, lead: 14.7}
	stHead    = textStyle{font: bold, size: 12.5, lead: 18}
	stQuote   = textStyle{font: italic, size: 10.5, lead: 14.7, indent: 22}
	stCode    = textStyle{font: mono, size: 9, lead: 12.5, indent: 11}
	stCaption = textStyle{font: italic, size: 9, lead: 13, grey: true}
	stFooter  = textStyle{font: regular, size: 8, lead: 10, grey: true}
)

// placedRun is a run of shaped glyphs on a line.
type placedRun struct {
	face   *pdfFace
	x      float64 // from the line's left end, points
	glyphs []shaping.Glyph
	text   []rune   // the paragraph's text, which the glyphs' clusters index
	rtl    bool     // the run is right to left
	marks  []bool   // highlighted, by character of text
	links  []string // the address each character of text links to, or ""
}

// textLine is one line, its runs from left to right.
type textLine struct {
	runs  []placedRun
	width float64
	rtl   bool
}

// runFonts chooses the face of each character for the segmenter.
type runFonts struct {
	book   *fontBook
	style  fontStyle
	lang   string
	script language.Script
}

func (m *runFonts) ResolveFace(r rune) *font.Face {
	if p := m.book.resolve(r, m.style, m.lang, m.script); p != nil {
		return p.face
	}
	return m.book.base[m.style].face // draws nothing: reported as missing
}

func (m *runFonts) SetScript(s language.Script) { m.script = s }

// Bidirectional isolates: ltr wraps text that reads left to right
// whatever surrounds it (a date in an Arabic line) in private-use
// characters that cleanText keeps and layout turns into LRI … PDI.
const (
	lri, pdi         = '\u2066', '\u2069'
	ltrStart, ltrEnd = '\uf8f0', '\uf8f1'
)

// ltr marks s as left-to-right text for layout, "" staying "".
func ltr(s string) string {
	if s == "" {
		return ""
	}
	return string(ltrStart) + s + string(ltrEnd)
}

// toFixed and fromFixed convert points.
func toFixed(v float64) fixed.Int26_6   { return fixed.Int26_6(math.Round(v * 64)) }
func fromFixed(v fixed.Int26_6) float64 { return float64(v) / 64 }

// layout sets segments as lines no wider than width; a newline in the
// text starts a new line.
func (d *pdfDoc) layout(segs []segment, st textStyle, width float64, lang string) []textLine {
	return d.layoutWith(segs, st, width, lang, shaping.WhenNecessary)
}

// layoutWith is layout breaking words inside when policy says so (a word
// wider than the line is broken, or left whole: shaping.Never).
func (d *pdfDoc) layoutWith(segs []segment, st textStyle, width float64, lang string, policy shaping.LineBreakPolicy) []textLine {
	var text []rune
	var marks []bool
	var links []string
	for _, s := range segs {
		for _, r := range cleanText(s.Text) {
			if r == lri || r == pdi {
				continue // only isolates of Clippings' own (ltr) are kept
			}
			if r == ltrStart || r == ltrEnd {
				r = map[rune]rune{ltrStart: lri, ltrEnd: pdi}[r]
			}
			text = append(text, r)
			marks = append(marks, s.Mark)
			links = append(links, s.Link)
		}
	}
	var lines []textLine
	start := 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == '\n' {
			lines = append(lines, d.layoutParagraph(text[start:i], marks[start:i], links[start:i], st, width, lang, policy)...)
			start = i + 1
		}
	}
	return lines
}

// layoutParagraph sets text (no newline) as lines.
func (d *pdfDoc) layoutParagraph(text []rune, marks []bool, links []string, st textStyle, width float64, lang string, policy shaping.LineBreakPolicy) []textLine {
	rtl := paragraphRTL(text, lang)
	if len(text) == 0 {
		return []textLine{{rtl: rtl}}
	}
	dir := di.DirectionLTR
	if rtl {
		dir = di.DirectionRTL
	}
	tag := langTag(lang)
	if tag == "" {
		tag = "en"
	}
	in := shaping.Input{Text: text, RunEnd: len(text), Direction: dir, Size: toFixed(st.size), Language: language.NewLanguage(tag)}
	items := slices.Clone(d.seg.Split(in, &runFonts{book: d.fonts, style: st.font, lang: lang}))
	outs := make([]shaping.Output, 0, len(items))
	for _, it := range items {
		out := d.shaper.Shape(it)
		d.noteMissing(out, text)
		outs = append(outs, out)
	}
	wrapped, _ := d.wrap.WrapParagraphF(shaping.WrapConfig{Direction: dir, BreakPolicy: policy}, toFixed(width), text, shaping.NewSliceIterator(outs))
	lines := make([]textLine, 0, len(wrapped))
	for _, l := range wrapped {
		runs := slices.Clone(l)
		sort.SliceStable(runs, func(i, j int) bool { return runs[i].VisualIndex < runs[j].VisualIndex })
		tl := textLine{rtl: rtl}
		for _, r := range runs {
			tl.runs = append(tl.runs, placedRun{face: d.fonts.byFace[r.Face], x: tl.width,
				glyphs: slices.Clone(r.Glyphs), text: text, marks: marks, links: links, rtl: r.Direction.Progression() == di.TowardTopLeft})
			tl.width += fromFixed(r.Advance)
		}
		lines = append(lines, tl)
	}
	return lines
}

// paragraphRTL reports whether text is a right-to-left paragraph: its
// first strong character is, or it has none and lang is written so.
func paragraphRTL(text []rune, lang string) bool {
	for _, r := range text {
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.L:
			return false
		case bidi.R, bidi.AL:
			return true
		}
	}
	return isRTL(langTag(lang))
}

// noteMissing records the characters of out that no font could draw.
func (d *pdfDoc) noteMissing(out shaping.Output, text []rune) {
	for _, g := range out.Glyphs {
		if g.GlyphID != 0 {
			continue
		}
		for _, r := range text[g.ClusterIndex:min(g.ClusterIndex+g.RuneCount, len(text))] {
			if !ignorable(r) {
				d.missing[r] = true
			}
		}
	}
}

// drawLine draws line l with its left end at x and its baseline at y
// (PDF coordinates) into page pg.
func (d *pdfDoc) drawLine(pg *pdfPage, l textLine, st textStyle, x, y float64) {
	d.drawMarks(pg, l, st, x, y)
	c := &pg.content
	if st.grey {
		c.WriteString("0.35 g\n")
	}
	c.WriteString("BT\n")
	for _, r := range l.runs {
		fmt.Fprintf(c, "/%s %s Tf\n", d.usePage(pg, r.face), num(st.size))
		t := tjWriter{c: c, face: r.face, size: st.size, pen: x + r.x, y: y}
		t.run(r)
		t.close()
	}
	c.WriteString("ET\n")
	if st.grey {
		c.WriteString("0 g\n")
	}
}

// drawMarks fills the background of highlighted text.
func (d *pdfDoc) drawMarks(pg *pdfPage, l textLine, st textStyle, x, y float64) {
	start, end := -1.0, -1.0
	flush := func() {
		if end > start {
			fmt.Fprintf(&pg.content, "1 0.925 0.55 rg %s %s %s %s re f 0 g\n", num(start), num(y-st.size*0.25), num(end-start), num(st.size*1.15))
		}
		start, end = -1, -1
	}
	for _, r := range l.runs {
		pen := x + r.x
		for _, g := range r.glyphs {
			adv := fromFixed(g.Advance)
			if g.ClusterIndex < len(r.marks) && r.marks[g.ClusterIndex] {
				if start < 0 || pen > end+0.5 {
					flush()
					start = pen
				}
				end = pen + adv
			}
			pen += adv
		}
	}
	flush()
}

// tjWriter writes the glyphs of a run as TJ arrays, each glyph where
// the shaper put it: a glyph's advance differing from its width in the
// font is an adjustment inside the array, a glyph moved off the
// baseline (a mark) is placed on its own.
type tjWriter struct {
	c      *bytes.Buffer
	face   *pdfFace
	size   float64
	pen, y float64
	open   bool
}

func (t *tjWriter) close() {
	if t.open {
		t.c.WriteString("] TJ\n")
		t.open = false
	}
}

// run writes the glyphs of r, cluster by cluster, recording the text
// each glyph stands for; a cluster whose glyphs already stand for other
// text is marked with the text it has here (ActualText).
func (t *tjWriter) run(r placedRun) {
	gs := r.glyphs
	for i := 0; i < len(gs); {
		j := i + 1
		for j < len(gs) && gs[j].ClusterIndex == gs[i].ClusterIndex {
			j++
		}
		ci := gs[i].ClusterIndex
		runes := r.text[ci:min(ci+gs[i].RuneCount, len(r.text))]
		texts := clusterTexts(t.face, gs[i:j], runes, r.rtl)
		if !slices.ContainsFunc(runes, func(r rune) bool { return !invisible(r) }) {
			for _, g := range gs[i:j] { // bidi controls, joiners: no glyph, no text
				t.pen += fromFixed(g.Advance)
			}
			t.close()
		} else if t.claim(gs[i:j], texts) {
			t.glyphs(gs[i:j])
		} else {
			t.close()
			fmt.Fprintf(t.c, "/Span <</ActualText %s>> BDC\n", pdfText(string(runes)))
			t.glyphs(gs[i:j])
			t.close()
			t.c.WriteString("EMC\n")
		}
		i = j
	}
}

// claim records texts as what the glyphs stand for, and reports whether
// each glyph stands for that text alone.
func (t *tjWriter) claim(gs []shaping.Glyph, texts []string) bool {
	ok := true
	for k, g := range gs {
		if g.GlyphID == 0 {
			continue
		}
		if have, seen := t.face.used[g.GlyphID]; seen && have != texts[k] {
			ok = false
		} else if !seen {
			t.face.used[g.GlyphID] = texts[k]
		}
	}
	return ok
}

// glyphs writes glyphs (a glyph no font has is left out, its place kept).
func (t *tjWriter) glyphs(gs []shaping.Glyph) {
	for _, g := range gs {
		adv := fromFixed(g.Advance)
		if g.GlyphID == 0 {
			t.pen += adv
			t.close()
			continue
		}
		if g.XOffset != 0 || g.YOffset != 0 {
			t.close()
			fmt.Fprintf(t.c, "1 0 0 1 %s %s Tm <%04X> Tj\n", num(t.pen+fromFixed(g.XOffset)), num(t.y+fromFixed(g.YOffset)), g.GlyphID)
			t.pen += adv
			continue
		}
		if !t.open {
			fmt.Fprintf(t.c, "1 0 0 1 %s %s Tm [", num(t.pen), num(t.y))
			t.open = true
		}
		fmt.Fprintf(t.c, "<%04X>", g.GlyphID)
		natural := float64(t.face.width(g.GlyphID)) * t.size / 1000
		if adj := (natural - adv) * 1000 / t.size; math.Abs(adj) > 0.5 {
			fmt.Fprintf(t.c, "%s", num(adj))
		}
		t.pen += adv
	}
}

// clusterTexts shares the characters of a cluster among its glyphs: a
// glyph that is a character's own glyph stands for it, the rest go to
// the first glyph in reading order (a ligature stands for all its
// characters). In a right-to-left run a glyph standing for several
// characters lists them from left to right as drawn (a lam-alef ligature
// is alef, lam), as text extraction reads glyphs in the order they
// appear and puts right-to-left text back in reading order as a whole.
func clusterTexts(p *pdfFace, gs []shaping.Glyph, runes []rune, rtl bool) []string {
	out := make([]string, len(gs))
	if len(gs) == 1 {
		out[0] = string(runes)
		if rtl {
			out[0] = string(reversed(runes))
		}
		return out
	}
	rest := []rune{}
	taken := make([]bool, len(gs))
	for _, r := range runes {
		g, ok := p.face.NominalGlyph(r)
		k := slices.IndexFunc(gs, func(x shaping.Glyph) bool { return x.GlyphID == g })
		if ok && k >= 0 && !taken[k] {
			out[k], taken[k] = string(r), true
		} else {
			rest = append(rest, r)
		}
	}
	if len(rest) > 0 {
		first := slices.Index(taken, false)
		if first < 0 {
			first = 0
		}
		out[first] = string(rest) + out[first]
	}
	return out
}

// reversed is rs in reverse order.
func reversed(rs []rune) []rune {
	out := slices.Clone(rs)
	slices.Reverse(out)
	return out
}

// invisible reports whether r is a formatting character drawn with
// nothing: bidi controls, joiners, variation selectors.
func invisible(r rune) bool {
	return unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Variation_Selector, r)
}
