package blockview

import (
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
)

// Drawing a table, and scrolling it sideways: with a sideways wheel or
// trackpad, Shift and the wheel, or by dragging the bar under it.

// drawTable draws table item i: header shades, rules, the cells' text
// with highlights and the selection, clipped to the text's width; and
// the bar under a table that scrolls.
func (v *View) drawTable(d *boxDrawer, i int) {
	b, t, it := d.b, v.tables[i], &v.items[i]
	if b.clip == nil {
		b.grid = container.NewWithoutLayout()
		b.clip = container.NewClip(b.grid)
	}
	outer := d.objs
	d.objs = b.grid.Objects[:0]
	rule := theme.ColorForWidget(theme.ColorNameSeparator, v)
	header := theme.ColorForWidget(theme.ColorNameHeaderBackground, v)
	b.rows = v.rowsInView(i)
	cells := t.cellsOf(b.rows[0], b.rows[1])
	for _, c := range cells {
		x := c.x - t.offset
		if c.Header {
			d.rect(x, c.y, c.w, c.h, header)
		}
		d.rect(x, c.y, c.w, 1, rule)
		d.rect(x, c.y, 1, c.h, rule)
	}
	gridH := t.rowTops[len(t.rowTops)-1]
	d.rect(0, gridH-1, t.width-t.offset, 1, rule)
	d.rect(t.width-t.offset-1, 0, 1, gridH, rule)
	for _, c := range cells {
		v.drawCell(d, i, it, c)
	}
	b.grid.Objects = d.objs
	d.objs = append(outer, b.clip)
	b.clip.Move(fyne.Position{})
	b.clip.Resize(fyne.NewSize(t.shown, gridH))
	b.grid.Refresh()
	if t.scrolls() {
		v.drawTableBar(d, t, gridH)
	}
}

// rowsInView returns the rows [first, last) of table item i that are in
// view: a long table draws only those, like the view its items.
func (v *View) rowsInView(i int) [2]int {
	t, ok := v.tables[i]
	if !ok || len(t.rowTops) < 2 {
		return [2]int{}
	}
	top := v.scroll.Offset.Y - v.tops[i]
	bottom := top + v.scroll.Size().Height
	n := len(t.rowTops) - 1
	first := sort.Search(n, func(r int) bool { return t.rowTops[r+1] > top })
	last := sort.Search(n, func(r int) bool { return t.rowTops[r] >= bottom })
	return [2]int{first, max(last, first)}
}

// cellsOf returns the cells of rows [first, last); cells are in row order.
func (t *tableLayout) cellsOf(first, last int) []*tableCell {
	a := sort.Search(len(t.cells), func(k int) bool { return t.cells[k].row >= first })
	b := sort.Search(len(t.cells), func(k int) bool { return t.cells[k].row >= last })
	return t.cells[a:b]
}

// drawCell draws the text of cell c of table item i, with the highlights
// and the selection over it.
func (v *View) drawCell(d *boxDrawer, i int, it *Item, c *tableCell) {
	l, from := c.layout, len(d.objs)
	n := len(l.runes)
	inCell := func(s, e int) (int, int, bool) {
		s, e = max(s, c.Start)-c.Start, min(e, c.Start+n)-c.Start
		return s, e, c.Start >= 0 && s < e
	}
	v.drawLayout(d, l, func() {
		for _, m := range v.marks {
			if s, e, ok := v.markRange(it, v.itemLen(i), m); ok {
				if s, e, ok := inCell(s, e); ok {
					v.rangeRects(d, l, s, e, HighlightColor(m.Color))
				}
			}
		}
		if s, e, ok := v.sel.inItem(i, v.itemLen(i)); ok {
			if s, e, ok := inCell(s, e); ok {
				v.rangeRects(d, l, s, e, theme.ColorForWidget(theme.ColorNameSelection, v))
			}
		}
	})
	o := v.tables[i].origin(c, v.scale)
	for _, obj := range d.objs[from:] {
		obj.Move(obj.Position().Add(o))
	}
}

// drawTableBar draws the bar under a table that scrolls: its track, and
// the thumb showing which part is in view.
func (v *View) drawTableBar(d *boxDrawer, t *tableLayout, gridH float32) {
	y := gridH + tableBar/2
	d.rect(0, y, t.shown, tableBar, theme.ColorForWidget(theme.ColorNameInputBackground, v))
	x, w := t.thumb()
	d.rect(x, y, w, tableBar, theme.ColorForWidget(theme.ColorNameScrollBar, v))
}

// thumb returns where the bar's thumb is and its width.
func (t *tableLayout) thumb() (float32, float32) {
	return t.offset / t.width * t.shown, t.shown / t.width * t.shown
}

// onTableBar returns the table item whose bar is at p (page
// coordinates), -1 when none.
func (v *View) onTableBar(p fyne.Position) int {
	i := v.itemAt(p.Y)
	if i < 0 || v.items[i].Kind != Table || !v.tables[i].scrolls() {
		return -1
	}
	t := v.tables[i]
	y := p.Y - v.tops[i]
	if top := t.rowTops[len(t.rowTops)-1]; y < top || y > top+2*tableBar {
		return -1
	}
	return i
}

// Scrolled scrolls a wide table under the pointer sideways when the
// scroll is sideways (or Shift is held); any other scroll moves the
// article.
func (p *Page) Scrolled(ev *fyne.ScrollEvent) {
	dx := ev.Scrolled.DX
	if dx == 0 && shiftHeld() {
		dx = ev.Scrolled.DY
	}
	if dx != 0 {
		if i := p.v.itemAt(ev.Position.Y); i >= 0 && p.v.scrollTable(i, -dx) {
			return
		}
	}
	p.v.scroll.Scrolled(ev)
}

// shiftHeld reports whether Shift is held down.
func shiftHeld() bool {
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		return d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0
	}
	return false
}

// dragBar moves the thumb of table item i's bar by dx.
func (v *View) dragBar(i int, dx float32) {
	if t, ok := v.tables[i]; ok && t.shown > 0 {
		v.scrollTable(i, dx*t.width/t.shown)
	}
}
