package export

import (
	"fmt"
	"math"

	"github.com/clippings/clippings/archive"
	"github.com/go-text/typesetting/shaping"
)

// Tables in the PDF: a grid as wide as its text needs, up to the width of
// the page, its caption above, a rule under each row, header cells in
// bold, each cell's text wrapped inside it (and clipped to it). Columns
// are sized as browsers size them: each gets at least its longest word,
// and the width left is shared by how much more each column's longest
// text wants. A row that does not fit below the cursor starts a new page,
// where the header rows are set again; a row taller than a page is set
// over as many pages as it needs. A table whose longest words alone are
// far wider than the page is set as lines of text, its cells joined by
// " | ", as the archive's own text has it.

var (
	stCell     = textStyle{font: regular, size: 8.5, lead: 11.5}
	stCellHead = textStyle{font: bold, size: 8.5, lead: 11.5}
)

const (
	cellPad      = 3.0  // points inside each side of a cell
	minColumn    = 18.0 // the narrowest column, points
	tooWideTable = 1.6  // the longest words' width over the page's at which a table is set as text
)

// pdfCell is one cell as laid out.
type pdfCell struct {
	col, span int
	segs      []segment
	st        textStyle
	lines     []textLine
}

// pdfTable is a table being set: its cells by row, the columns' left
// ends and widths (points, from the table's side where lines start).
type pdfTable struct {
	rows   [][]pdfCell
	head   int // the leading rows of header cells
	x, w   []float64
	rtl    bool
	width  float64
	heads  float64 // the height of the header rows
	height []float64
}

// table writes a table block whose highlighted segments are segs.
func (d *pdfDoc) table(b archive.Block, segs []segment) {
	t := b.Table
	d.writeLine(t.Caption, stCaption, 3)
	tb := d.tableCells(b, segs)
	if len(tb.rows) == 0 {
		return
	}
	avail := pageW - 2*marginX
	if !d.sizeColumns(tb, avail) {
		d.tableAsText(tb)
		return
	}
	tb.rtl = isRTL(langTag(d.lang))
	tb.height = make([]float64, len(tb.rows))
	for r, row := range tb.rows {
		n := 1
		for i := range row {
			c := &row[i]
			c.lines = d.layout(c.segs, c.st, tb.spanWidth(c)-2*cellPad, d.lang)
			n = max(n, len(c.lines))
		}
		tb.height[r] = float64(n)*stCell.lead + 2*cellPad
		if r < tb.head {
			tb.heads += tb.height[r]
		}
	}
	d.gap(2)
	d.room(min(tb.height[0], pageH-marginTop-marginBottom))
	d.rule(tb, 0.8)
	for r := range tb.rows {
		d.tableRow(tb, r)
	}
	d.gap(9)
}

// tableCells gathers the cells of b, each with its segments: its inline
// marks and, when its text was found in the block's text, the highlights
// over it.
func (d *pdfDoc) tableCells(b archive.Block, segs []segment) *pdfTable {
	t := b.Table
	at := cellSpans(b.Text, t)
	tb := &pdfTable{}
	for tb.head < len(t.Rows) && allHeaders(t.Rows[tb.head]) {
		tb.head++
	}
	if tb.head == len(t.Rows) {
		tb.head = 0 // a table of header cells only: nothing to repeat
	}
	for r, row := range t.Rows {
		var cells []pdfCell
		col := 0
		for c, cell := range row {
			pc := pdfCell{col: col, span: max(1, cell.ColSpan), st: stCell}
			if cell.Header {
				pc.st = stCellHead
			}
			if off := at[r][c]; off >= 0 {
				pc.segs = pdfSegments(segs, off, off+len(cell.Text), shiftMarks(cell.Inline, off))
			} else {
				pc.segs = pdfSegments([]segment{{Text: cell.Text}}, 0, len(cell.Text), cell.Inline)
			}
			col += pc.span
			cells = append(cells, pc)
		}
		if len(cells) > 0 {
			tb.rows = append(tb.rows, cells)
		} else if r < tb.head {
			tb.head--
		}
	}
	return tb
}

// sizeColumns sets the columns' widths within avail; false when the
// longest words alone need far more than it.
func (d *pdfDoc) sizeColumns(tb *pdfTable, avail float64) bool {
	n := 0
	for _, row := range tb.rows {
		for _, c := range row {
			n = max(n, c.col+c.span)
		}
	}
	least, most := make([]float64, n), make([]float64, n)
	for i := range least {
		least[i], most[i] = minColumn, minColumn
	}
	for _, row := range tb.rows {
		for _, c := range row {
			if c.span != 1 {
				continue
			}
			least[c.col] = max(least[c.col], d.widest(c, 1, shaping.Never)+2*cellPad)
			most[c.col] = max(most[c.col], d.widest(c, math.MaxInt32/128, shaping.WhenNecessary)+2*cellPad)
		}
	}
	sumLeast, sumMost := sum(least), sum(most)
	if sumLeast > tooWideTable*avail {
		return false
	}
	tb.w = make([]float64, n)
	for i := range tb.w {
		switch {
		case sumMost <= avail:
			tb.w[i] = most[i]
		case sumLeast >= avail:
			tb.w[i] = least[i] * avail / sumLeast
		default:
			tb.w[i] = least[i] + (most[i]-least[i])*(avail-sumLeast)/(sumMost-sumLeast)
		}
	}
	tb.x = make([]float64, n)
	for i := 1; i < n; i++ {
		tb.x[i] = tb.x[i-1] + tb.w[i-1]
	}
	tb.width = sum(tb.w)
	return true
}

// widest is the widest line of cell c's text set width points wide: its
// longest word when width is tiny (and words are never broken), its
// longest line when it is huge.
func (d *pdfDoc) widest(c pdfCell, width float64, policy shaping.LineBreakPolicy) float64 {
	w := 0.0
	for _, l := range d.layoutWith(c.segs, c.st, width, d.lang, policy) {
		w = max(w, l.width)
	}
	return w
}

// spanWidth is the width of the columns cell c spans.
func (tb *pdfTable) spanWidth(c *pdfCell) float64 {
	end := min(c.col+c.span, len(tb.w))
	return tb.x[end-1] + tb.w[end-1] - tb.x[c.col]
}

// left is the PDF x of the left end of a stretch of the table that starts
// from at points from the table's side where lines start and is w wide.
func (tb *pdfTable) left(from, w float64) float64 {
	if tb.rtl {
		return pageW - marginX - from - w
	}
	return marginX + from
}

// tableRow writes row r below the cursor: on this page when it fits, else
// from a new page with the header rows again; a row taller than a page
// goes on over the next ones.
func (d *pdfDoc) tableRow(tb *pdfTable, r int) {
	h := tb.height[r]
	body := pageH - marginTop - marginBottom
	if d.y+h > pageH-marginBottom && h <= body {
		d.newPage()
		d.rule(tb, 0.8)
		if r >= tb.head && tb.heads+h <= body/2 {
			for i := range tb.head {
				d.rowLines(tb, i, 0, math.MaxInt)
			}
		}
	}
	n := int(math.Round((h - 2*cellPad) / stCell.lead))
	for from := 0; from < n; {
		fit := int((pageH - marginBottom - d.y - 2*cellPad) / stCell.lead)
		if fit < 1 {
			d.newPage()
			d.rule(tb, 0.8)
			continue
		}
		d.rowLines(tb, r, from, fit)
		from += fit
	}
}

// rowLines writes lines [from, from+count) of the cells of row r below
// the cursor, then a rule under them, and moves the cursor below it.
func (d *pdfDoc) rowLines(tb *pdfTable, r, from, count int) {
	top := d.y
	n := 0
	for i := range tb.rows[r] {
		c := &tb.rows[r][i]
		w := tb.spanWidth(c)
		x := tb.left(tb.x[c.col], w)
		lines := c.lines[min(from, len(c.lines)):min(from+count, len(c.lines))]
		n = max(n, len(lines))
		if len(lines) == 0 {
			continue
		}
		bottom := pageH - top - 2*cellPad - float64(len(lines))*stCell.lead
		fmt.Fprintf(&d.page.content, "q %s %s %s %s re W n\n", num(x), num(bottom), num(w), num(pageH-top-bottom))
		for k, l := range lines {
			lx := x + cellPad
			if l.rtl {
				lx = x + w - cellPad - l.width
			}
			base := pageH - top - cellPad - float64(k)*stCell.lead - stCell.lead*0.76
			d.drawLine(d.page, l, c.st, lx, base)
			d.linkRuns(l, c.st, lx, base)
		}
		d.page.content.WriteString("Q\n")
	}
	d.y = top + float64(max(n, 1))*stCell.lead + 2*cellPad
	width := 0.5
	if r == tb.head-1 {
		width = 0.8
	}
	d.rule(tb, width)
}

// rule draws a grey line across the table at the cursor.
func (d *pdfDoc) rule(tb *pdfTable, width float64) {
	x := tb.left(0, tb.width)
	y := pageH - d.y
	fmt.Fprintf(&d.page.content, "0.6 G %s w %s %s m %s %s l S 0 G\n", num(width), num(x), num(y), num(x+tb.width), num(y))
}

// tableAsText writes a table too wide for the page as lines of text,
// each row's cells joined by " | ", header rows in bold.
func (d *pdfDoc) tableAsText(tb *pdfTable) {
	for _, row := range tb.rows {
		var segs []segment
		st := stCell
		for i, c := range row {
			if i > 0 {
				segs = append(segs, segment{Text: " | "})
			}
			segs = append(segs, c.segs...)
			if c.st.font == bold {
				st = stCellHead
			}
		}
		d.writeText(segs, st, 2, "")
	}
	d.gap(7)
}

// sum adds xs.
func sum(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}
