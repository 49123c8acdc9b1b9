package blockview

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// itemBox holds the objects that draw one item: highlight and selection
// rectangles behind the lines of text, or an image. Its objects are
// reused for whatever item it shows next.
type itemBox struct {
	box   *fyne.Container // placed by the view; the objects are placed inside it
	item  int             // the item drawn; -1 when it must be drawn again
	texts []*canvas.Text
	rects []*canvas.Rectangle
	img   *canvas.Image
	clip  *container.Clip // a table: clips its grid to the text's width
	grid  *fyne.Container // a table: what the clip holds
	rows  [2]int          // a table: the rows drawn, [first, last)
}

func newItemBox() *itemBox {
	return &itemBox{box: container.NewWithoutLayout(), item: -1}
}

// clear forgets the item shown.
func (b *itemBox) clear() {
	b.item = -1
	if b.img != nil {
		b.img.Image = nil // do not keep the picture alive
	}
	b.box.Objects = b.box.Objects[:0]
}

// boxDrawer fills an item box, reusing its objects.
type boxDrawer struct {
	b      *itemBox
	objs   []fyne.CanvasObject
	nr, nt int
}

// rect draws a rectangle with rounded corners.
func (d *boxDrawer) rect(x, y, w, h float32, c color.Color) { d.rectangle(x, y, w, h, 2, c) }

// bar draws a rectangle with square corners (a line).
func (d *boxDrawer) bar(x, y, w, h float32, c color.Color) { d.rectangle(x, y, w, h, 0, c) }

func (d *boxDrawer) rectangle(x, y, w, h, radius float32, c color.Color) {
	if d.nr == len(d.b.rects) {
		d.b.rects = append(d.b.rects, &canvas.Rectangle{})
	}
	r := d.b.rects[d.nr]
	d.nr++
	r.FillColor = c
	r.CornerRadius = radius
	r.Move(fyne.NewPos(x, y))
	r.Resize(fyne.NewSize(w, h))
	d.objs = append(d.objs, r)
}

func (d *boxDrawer) text(s string, x, y, w, h, size float32, st fyne.TextStyle, c color.Color) {
	if d.nt == len(d.b.texts) {
		d.b.texts = append(d.b.texts, &canvas.Text{})
	}
	t := d.b.texts[d.nt]
	d.nt++
	t.Text, t.TextSize, t.TextStyle, t.Color = s, size, st, c
	t.Move(fyne.NewPos(x, y))
	t.Resize(fyne.NewSize(w, h)) // measured by the layout: MinSize would shape the text again
	d.objs = append(d.objs, t)
}

// drawItem places box b for item i and, unless it shows item i already,
// draws it.
func (v *View) drawItem(b *itemBox, i int) {
	it := &v.items[i]
	b.box.Move(fyne.NewPos(v.left(it), v.tops[i]))
	b.box.Resize(fyne.NewSize(v.textWidth(it, v.width), v.tops[i+1]-v.tops[i]))
	if b.item == i && (it.Kind != Table || b.rows == v.rowsInView(i)) {
		return
	}
	b.item = i
	d := &boxDrawer{b: b, objs: b.box.Objects[:0]}
	switch it.Kind {
	case Image:
		v.drawImage(d, it)
	case Table:
		v.drawTable(d, i)
	default:
		v.drawText(d, i)
	}
	b.box.Objects = d.objs
	b.box.Refresh()
}

func (v *View) drawImage(d *boxDrawer, it *Item) {
	if d.b.img == nil {
		d.b.img = &canvas.Image{FillMode: canvas.ImageFillContain, ScaleMode: canvas.ImageScaleSmooth}
	}
	img := d.b.img
	w := v.textWidth(it, v.width)
	h := imageHeight(it, w)
	img.Image = it.Img
	img.Move(fyne.NewPos(0, 0))
	img.Resize(fyne.NewSize(w, h))
	img.Refresh()
	d.objs = append(d.objs, img)
}

func (v *View) drawText(d *boxDrawer, i int) {
	l, it := v.layouts[i], &v.items[i]
	v.drawShades(d, l)
	for _, m := range v.marks {
		if s, e, ok := v.markRange(it, len(l.runes), m); ok {
			v.rangeRects(d, l, s, e, HighlightColor(m.Color))
		}
	}
	for _, c := range it.Changes {
		v.changeRects(d, l, c)
	}
	if s, e, ok := v.sel.inItem(i, len(l.runes)); ok {
		v.rangeRects(d, l, s, e, theme.ColorForWidget(theme.ColorNameSelection, v))
	}
	v.drawRuns(d, l)
}

// markRange returns the runes of item it (of n runes) that mark m covers.
func (v *View) markRange(it *Item, n int, m Mark) (int, int, bool) {
	bs, be, ok := it.bodyRange(n)
	if !ok || m.End <= bs || m.Start >= be {
		return 0, 0, false
	}
	return it.Prefix + max(m.Start, bs) - bs, it.Prefix + min(m.End, be) - bs, true
}

// rangeRects draws rectangles behind runes [s, e) of layout l.
func (v *View) rangeRects(d *boxDrawer, l *textLayout, s, e int, c color.Color) {
	l.eachLine(s, e, func(line textLine, x1, x2 float32) {
		d.rect(x1, line.y, x2-x1, line.height, c)
	})
}

// Colours of the changes between versions: a tint behind the text, and
// a line through deleted text or under inserted text, so that the two
// differ without colour too.
var (
	insertedTint = color.NRGBA{R: 0x2e, G: 0xa0, B: 0x43, A: 0x45}
	insertedLine = color.NRGBA{R: 0x1f, G: 0x88, B: 0x35, A: 0xff}
	deletedTint  = color.NRGBA{R: 0xe5, G: 0x39, B: 0x35, A: 0x40}
	deletedLine  = color.NRGBA{R: 0xc6, G: 0x28, B: 0x28, A: 0xff}
)

// changeRects draws change c of layout l: the tint behind its runes and
// its line.
func (v *View) changeRects(d *boxDrawer, l *textLayout, c Change) {
	tint, stroke, at := insertedTint, insertedLine, float32(1)
	if c.Deleted {
		tint, stroke, at = deletedTint, deletedLine, 0.55
	}
	thick := max(v.scale, 1)
	l.eachLine(c.Start, c.End, func(line textLine, x1, x2 float32) {
		d.rect(x1, line.y, x2-x1, line.height, tint)
		d.bar(x1, line.y+line.height*at-thick, x2-x1, thick, stroke)
	})
}
