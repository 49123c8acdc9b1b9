package blockview

import (
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Tables. A Table item is laid out as a grid: each column as wide as its
// cells want, up to the width of the text; when the cells' longest words
// do not fit even so, the table keeps its width and scrolls sideways
// (table_draw.go draws it clipped, with a bar under it). Each cell is a
// text layout of its own; the item's runes are the body's text of the
// table, in which each cell knows where its text is, so that selection,
// highlights and copying count the same runes as without the grid.

// Cell is a cell of a Table item.
type Cell struct {
	Text    string
	Header  bool
	ColSpan int    // more than 1 when the cell spans columns
	Spans   []Span // over the runes of Text
	Start   int    // where Text starts in the item's Text, in runes; -1 when it is not there
}

// maxCellMin bounds the width a column takes for its longest word; a
// longer word is broken.
const maxCellMin = 220

// tableBar is the height of the bar under a table that scrolls sideways.
const tableBar = 6

// tableCell is a cell placed in its table.
type tableCell struct {
	Cell
	row, col, span int
	layout         *textLayout
	x, y, w, h     float32 // in the table, before it scrolls
}

// tableLayout is a Table item laid out for a width.
type tableLayout struct {
	cells   []*tableCell
	cols    int
	rowTops []float32 // rowTops[r] is the y of row r; the last, the grid's height
	width   float32   // of the grid; more than shown when it scrolls
	shown   float32   // the width it is shown in
	offset  float32   // how far it is scrolled sideways
}

// newTableLayout prepares the cells of item it.
func newTableLayout(it *Item, measure measureFunc) *tableLayout {
	t := &tableLayout{rowTops: make([]float32, len(it.Cells)+1)}
	for r, row := range it.Cells {
		col := 0
		for _, c := range row {
			st := styleBody
			if c.Header {
				st.style.Bold = true
			}
			rs := []rune(c.Text)
			tc := &tableCell{Cell: c, row: r, col: col, span: max(c.ColSpan, 1),
				layout: newTextLayout(rs, applySpans([]span{{end: len(rs), style: st}}, len(rs), c.Spans), measure)}
			t.cells = append(t.cells, tc)
			col += tc.span
		}
		t.cols = max(t.cols, col)
	}
	return t
}

// remeasure forgets the widths of the cells' text.
func (t *tableLayout) remeasure() {
	for _, c := range t.cells {
		c.layout.remeasure()
	}
}

// cellPad is the space around a cell's text.
func cellPad(scale float32) float32 { return theme.Padding() * 1.5 * scale }

// layout sizes the columns for a width, wraps the cells and returns the
// height of the item.
func (t *tableLayout) layout(width, scale float32) float32 {
	pad := cellPad(scale)
	widths := t.columnWidths(width, pad)
	t.shown = width
	t.width = 0
	for _, w := range widths {
		t.width += w
	}
	t.offset = min(t.offset, max(t.width-width, 0))
	heights := make([]float32, len(t.rowTops)-1)
	for _, c := range t.cells {
		c.x, c.w = 0, 0
		for k := 0; k < c.col+c.span && k < len(widths); k++ {
			if k < c.col {
				c.x += widths[k]
			} else {
				c.w += widths[k]
			}
		}
		c.layout.wrap(max(c.w-2*pad, 1))
		heights[c.row] = max(heights[c.row], c.layout.height+2*pad)
	}
	for r, h := range heights {
		t.rowTops[r+1] = t.rowTops[r] + max(h, 2*pad)
	}
	for _, c := range t.cells {
		c.y, c.h = t.rowTops[c.row], t.rowTops[c.row+1]-t.rowTops[c.row]
	}
	h := t.rowTops[len(t.rowTops)-1]
	if t.scrolls() {
		h += tableBar * 2
	}
	return h
}

// scrolls reports whether the table is wider than it is shown.
func (t *tableLayout) scrolls() bool { return t.width > t.shown+0.5 }

// columnWidths gives each column the width its cells want when the table
// fits, the width of their longest words when even that does not fit (the
// table scrolls), and in between a share of what is left over in
// proportion to what each column wants more.
func (t *tableLayout) columnWidths(width, pad float32) []float32 {
	least, most := make([]float32, t.cols), make([]float32, t.cols)
	cells := append([]*tableCell(nil), t.cells...)
	sort.SliceStable(cells, func(a, b int) bool { return cells[a].span < cells[b].span })
	for _, c := range cells {
		lo, hi := c.layout.widest()
		lo, hi = min(lo, maxCellMin)+2*pad, hi+2*pad
		spread(least[c.col:min(c.col+c.span, t.cols)], lo)
		spread(most[c.col:min(c.col+c.span, t.cols)], hi)
	}
	var sumLeast, sumMost float32
	for k := range least {
		most[k] = max(most[k], least[k])
		sumLeast += least[k]
		sumMost += most[k]
	}
	switch {
	case sumMost <= width:
		return most
	case sumLeast >= width:
		return least
	}
	share := (width - sumLeast) / (sumMost - sumLeast)
	out := make([]float32, t.cols)
	for k := range out {
		out[k] = least[k] + (most[k]-least[k])*share
	}
	return out
}

// spread widens the columns cols so that together they are at least w,
// sharing the difference equally.
func spread(cols []float32, w float32) {
	if len(cols) == 0 {
		return
	}
	var sum float32
	for _, c := range cols {
		sum += c
	}
	if sum >= w {
		return
	}
	more := (w - sum) / float32(len(cols))
	for k := range cols {
		cols[k] += more
	}
}

// widest returns the width of the text's widest word and of its widest
// line unwrapped.
func (t *textLayout) widest() (word, line float32) {
	if t.tokens == nil {
		t.tokenize()
	}
	var run float32
	for _, tok := range t.tokens {
		if tok.newline {
			run = 0
			continue
		}
		run += tok.w
		line = max(line, run)
		if !tok.space {
			word = max(word, tok.w)
		}
	}
	return word, line
}

// cellAt returns the cell at p (in the table as shown), or the last cell
// of the row at p when p is beside the row's cells; nil when the table
// has no cells.
func (t *tableLayout) cellAt(p fyne.Position) *tableCell {
	x := p.X + t.offset
	r := sort.Search(len(t.rowTops)-1, func(r int) bool { return t.rowTops[r+1] > p.Y })
	r = min(r, len(t.rowTops)-2)
	var last *tableCell
	for _, c := range t.cells {
		if c.row != r {
			continue
		}
		if x < c.x+c.w {
			return c
		}
		last = c
	}
	if last == nil && len(t.cells) > 0 {
		return t.cells[len(t.cells)-1]
	}
	return last
}

// origin is where cell c's text starts in the table as shown.
func (t *tableLayout) origin(c *tableCell, scale float32) fyne.Position {
	pad := cellPad(scale)
	return fyne.NewPos(c.x-t.offset+pad, c.y+pad)
}

// tableHit returns the rune of table item i nearest to p (item
// coordinates).
func (v *View) tableHit(i int, p fyne.Position) int {
	t := v.tables[i]
	c := t.cellAt(p)
	if c == nil || c.Start < 0 {
		return 0
	}
	return c.Start + c.layout.hit(p.Subtract(t.origin(c, v.scale)))
}

// tableHrefAt returns the address and text of the link under p (item
// coordinates) in table item i.
func (v *View) tableHrefAt(i int, p fyne.Position) (href, text string, ok bool) {
	t := v.tables[i]
	c := t.cellAt(p)
	if c == nil {
		return "", "", false
	}
	k := c.layout.runeAt(p.Subtract(t.origin(c, v.scale)))
	if k < 0 {
		return "", "", false
	}
	return linkAt(c.layout.runes, c.Spans, k)
}

// tablePoint returns where rune k of table item i is, in item
// coordinates: half-way down its line, just right of it.
func (v *View) tablePoint(i, k int) fyne.Position {
	t := v.tables[i]
	for _, c := range t.cells {
		n := len(c.layout.runes)
		if c.Start < 0 || k < c.Start || k > c.Start+n {
			continue
		}
		l := c.layout
		line := l.lines[len(l.lines)-1]
		for _, ln := range l.lines {
			if k-c.Start < ln.end {
				line = ln
				break
			}
		}
		o := t.origin(c, v.scale)
		return fyne.NewPos(o.X+l.xAt(line, k-c.Start)+1, o.Y+line.y+line.height/2)
	}
	return fyne.Position{}
}

// scrollTable scrolls table item i sideways by dx; false when it does
// not scroll (or no further).
func (v *View) scrollTable(i int, dx float32) bool {
	t, ok := v.tables[i]
	if !ok || !t.scrolls() {
		return false
	}
	off := min(max(t.offset+dx, 0), t.width-t.shown)
	if off == t.offset {
		return false
	}
	t.offset = off
	if b, ok := v.shown[i]; ok {
		b.item = -1
		v.drawItem(b, i)
	}
	return true
}

// itemAt returns the item at height y of the page, -1 when none.
func (v *View) itemAt(y float32) int {
	n := len(v.items)
	if n == 0 || len(v.tops) <= n || y < v.tops[0] {
		return -1
	}
	i := sort.Search(n, func(i int) bool { return v.tops[i+1] > y })
	if i >= n {
		return -1
	}
	return i
}
