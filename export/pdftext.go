package export

import (
	"strings"
	"unicode"

	"github.com/go-pdf/fpdf"
)

// Text layout for the PDF. fpdf's own Write breaks lines only at spaces
// and draws with one font; here a paragraph is cut into pieces (a word
// with the space after it, or one CJK character), each in the font that
// has its characters, and the pieces are set in lines greedily.

// textStyle is how a kind of paragraph is set.
type textStyle struct {
	fam    string  // famText or famMono
	style  string  // "", "B", "I" or "BI"
	size   float64 // points
	line   float64 // line height, mm
	indent float64 // from the left margin, mm
	grey   bool
}

var (
	stTitle   = textStyle{fam: famText, style: "B", size: 18, line: 8}
	stSub     = textStyle{fam: famText, style: "I", size: 12, line: 6}
	stMeta    = textStyle{fam: famText, size: 9, line: 4.6, grey: true}
	stBody    = textStyle{fam: famText, size: 10.5, line: 5.2}
	stHead    = textStyle{fam: famText, style: "B", size: 12.5, line: 6.5}
	stQuote   = textStyle{fam: famText, style: "I", size: 10.5, line: 5.2, indent: 8}
	stCode    = textStyle{fam: famMono, size: 9, line: 4.4, indent: 4}
	stCaption = textStyle{fam: famText, style: "I", size: 9, line: 4.6, grey: true}
)

// piece is a unit of line breaking.
type piece struct {
	fam        string
	text       string
	w          float64 // width, mm
	mark       bool    // highlighted
	breakAfter bool    // a line may end after it
	newline    bool    // a forced line break (and no text)
}

// writeText sets segments as a paragraph in style st, then leaves gap mm.
func (d *pdfDoc) writeText(segs []segment, st textStyle, gap float64) {
	width := d.width - st.indent
	pieces := d.pieces(segs, st, width)
	for _, line := range breakLines(pieces, width) {
		d.emitLine(line, st)
	}
	d.f.Ln(gap)
}

// writeLine is writeText of plain text.
func (d *pdfDoc) writeLine(text string, st textStyle, gap float64) {
	if strings.TrimSpace(text) == "" {
		return
	}
	d.writeText([]segment{{Text: text}}, st, gap)
}

// pieces cuts segments into pieces no wider than width.
func (d *pdfDoc) pieces(segs []segment, st textStyle, width float64) []piece {
	var out []piece
	var cur strings.Builder
	curFam, curMark := "", false
	flush := func(breakAfter bool) {
		if cur.Len() > 0 {
			out = append(out, piece{fam: curFam, text: cur.String(), mark: curMark, breakAfter: breakAfter})
			cur.Reset()
		}
	}
	for _, s := range segs {
		for _, r := range cleanText(s.Text) {
			if r == '\n' {
				flush(true)
				out = append(out, piece{newline: true})
				continue
			}
			fam := d.fonts.family(st.fam, r)
			if fam == "" {
				continue // no font has it: counted as missing
			}
			wide := isWide(r)
			if fam != curFam || s.Mark != curMark || wide {
				flush(wide)
				curFam, curMark = fam, s.Mark
			}
			cur.WriteRune(r)
			if r == ' ' || r == '\t' || wide {
				flush(true)
			}
		}
	}
	flush(true)
	return d.measure(out, st, width)
}

// isWide reports whether r is written without spaces between words
// (Chinese, Japanese, Korean), so that a line may break around it.
func isWide(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		(r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef)
}

// measure sets the width of each piece, splitting those wider than width.
func (d *pdfDoc) measure(ps []piece, st textStyle, width float64) []piece {
	out := make([]piece, 0, len(ps))
	for _, p := range ps {
		if p.newline {
			out = append(out, p)
			continue
		}
		d.setFont(p.fam, st)
		p.w = d.f.GetStringWidth(p.text)
		if p.w <= width {
			out = append(out, p)
			continue
		}
		out = append(out, d.split(p, width)...)
	}
	return out
}

// split cuts a piece wider than width into pieces that fit (the font is set).
func (d *pdfDoc) split(p piece, width float64) []piece {
	var out []piece
	var cur []rune
	for _, r := range p.text {
		next := append(cur, r)
		if len(cur) > 0 && d.f.GetStringWidth(string(next)) > width {
			out = append(out, piece{fam: p.fam, text: string(cur), mark: p.mark, breakAfter: true,
				w: d.f.GetStringWidth(string(cur))})
			next = []rune{r}
		}
		cur = next
	}
	last := piece{fam: p.fam, text: string(cur), mark: p.mark, breakAfter: p.breakAfter, w: d.f.GetStringWidth(string(cur))}
	return append(out, last)
}

// breakLines sets pieces in lines no wider than width, breaking after a
// piece that allows it where possible.
func breakLines(ps []piece, width float64) [][]piece {
	var lines [][]piece
	var cur []piece
	w := 0.0
	for _, p := range ps {
		if p.newline {
			lines, cur, w = append(lines, cur), nil, 0
			continue
		}
		if w+p.w > width && len(cur) > 0 {
			cut := len(cur)
			for cut > 0 && !cur[cut-1].breakAfter {
				cut--
			}
			if cut == 0 {
				cut = len(cur)
			}
			lines = append(lines, cur[:cut:cut])
			cur = append([]piece(nil), cur[cut:]...)
			w = 0
			for _, q := range cur {
				w += q.w
			}
		}
		cur = append(cur, p)
		w += p.w
	}
	if len(cur) > 0 {
		lines = append(lines, cur)
	}
	return lines
}

// emitLine draws one line, merging neighbouring pieces of the same font
// and highlight into one cell.
func (d *pdfDoc) emitLine(line []piece, st textStyle) {
	if d.f.GetY()+st.line > d.bottom {
		d.f.AddPage()
	}
	d.f.SetX(d.left + st.indent)
	if st.grey {
		d.f.SetTextColor(90, 90, 90)
		defer d.f.SetTextColor(0, 0, 0)
	}
	for i := 0; i < len(line); {
		j, w, text := i, 0.0, ""
		for ; j < len(line) && line[j].fam == line[i].fam && line[j].mark == line[i].mark; j++ {
			w += line[j].w
			text += line[j].text
		}
		if j == len(line) {
			text = strings.TrimRight(text, " \t")
		}
		d.setFont(line[i].fam, st)
		d.f.CellFormat(w, st.line, text, "", 0, "L", line[i].mark, 0, "")
		i = j
	}
	d.f.Ln(st.line)
}

// setFont selects family fam in style st.
func (d *pdfDoc) setFont(fam string, st textStyle) {
	style := st.style
	if fam != famText {
		style = "" // the mono and fallback fonts are registered in one style
	}
	d.f.SetFont(fam, style, st.size)
}

// newPDF makes an A4 document with margins, page numbers in the footer
// and no cell padding.
func newPDF(title string) *fpdf.Fpdf {
	f := fpdf.New("P", "mm", "A4", "")
	f.SetMargins(20, 18, 20)
	f.SetAutoPageBreak(true, 18)
	f.SetCellMargin(0)
	f.SetFillColor(255, 236, 140)
	f.SetTitle(title, true)
	f.SetCreator("Clippings", true)
	f.AliasNbPages("{nb}")
	return f
}
