package app

import (
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

const (
	indentStep     = 24  // width of one level of list nesting or quotation
	maxImageHeight = 480 // figures taller than this are scaled down
	maxTextWidth   = 760 // lines no longer than this, for reading
)

// blockView shows an article as a column of items of varying height inside
// a vertical scroll. Like widget.List it draws only the items in view and
// reuses their objects as the reader scrolls, so a long article costs no
// more to draw than a short one; unlike List it measures each item's height
// for the current width. It lays its text out itself (textlayout.go), so
// that the reader can select text across items with the mouse or the
// keyboard (readerpage.go) and draw highlights behind it (itembox.go).
type blockView struct {
	widget.BaseWidget

	items   []readerItem
	layouts []*textLayout // by item; nil for images
	tops    []float32     // tops[i] is the y of item i; tops[len(items)] the total height
	width   float32       // the width tops were measured at; 0 when they must be measured again
	scale   float32       // text size relative to the theme's; 1 by default

	scroll *container.Scroll
	page   *readerPage
	shown  map[int]*itemBox // objects of the items in view, by item index
	spare  []*itemBox

	sel   selection
	marks []mark

	onSelect func()                                 // the selection changed
	onLink   func(link int)                         // a related link was tapped
	onMark   func(id int64, at fyne.Position)       // a highlight was tapped (at: absolute position)
	onMenu   func(at fyne.Position)                 // a secondary tap
	onKey    func(r rune) bool                      // a rune typed while the reader has focus; true if used
	onScroll func(first int)                        // the first item in view changed
	measurer func(s string, st spanStyle) fyne.Size // nil: fyne.MeasureText at the theme's sizes
	sizes    map[measureKey]fyne.Size               // what fyne.MeasureText said, kept across articles
}

// measureKey is a text measured at a size in a style.
type measureKey struct {
	text  string
	size  float32
	style fyne.TextStyle
}

// maxMeasured bounds the cache of measured words.
const maxMeasured = 200_000

func newBlockView() *blockView {
	v := &blockView{shown: map[int]*itemBox{}, scale: 1, sizes: map[measureKey]fyne.Size{}}
	v.page = newReaderPage(v)
	v.scroll = container.NewVScroll(v.page)
	v.scroll.OnScrolled = func(fyne.Position) { v.showVisible() }
	v.ExtendBaseWidget(v)
	return v
}

// CreateRenderer links the view to its renderer; part of fyne.Widget.
func (v *blockView) CreateRenderer() fyne.WidgetRenderer {
	return &blockViewRenderer{v}
}

// setItems replaces what the view shows, clears the selection and the
// highlights, and scrolls back to the top.
func (v *blockView) setItems(items []readerItem) {
	for i := range v.shown {
		v.release(i)
	}
	v.items = items
	v.layouts = make([]*textLayout, len(items))
	for i := range items {
		if items[i].kind != itemImage {
			rs, spans := items[i].runes()
			v.layouts[i] = newTextLayout(rs, spans, v.measure)
		}
	}
	v.sel = selection{}
	v.marks = nil
	v.width = 0
	v.scroll.Offset = fyne.Position{}
	v.relayout(v.Size().Width)
}

// setScale changes the size of the text and lays it out again.
func (v *blockView) setScale(scale float32) {
	if scale == v.scale || scale <= 0 {
		return
	}
	v.scale = scale
	v.remeasure()
	v.relayout(v.Size().Width)
}

// measure is the measureFunc of the reader's text layouts. Words recur
// from article to article, so their sizes are kept.
func (v *blockView) measure(s string, st spanStyle) fyne.Size {
	if v.measurer != nil {
		return v.measurer(s, st)
	}
	k := measureKey{s, v.textSize(st), st.style}
	if size, ok := v.sizes[k]; ok {
		return size
	}
	if len(v.sizes) >= maxMeasured {
		clear(v.sizes)
	}
	size := fyne.MeasureText(s, k.size, k.style)
	v.sizes[k] = size
	return size
}

// remeasure forgets the sizes of the text (the theme or the scale changed).
func (v *blockView) remeasure() {
	clear(v.sizes)
	for _, l := range v.layouts {
		if l != nil {
			l.remeasure()
		}
	}
	v.width = 0
}

func (v *blockView) textSize(st spanStyle) float32 {
	return theme.SizeForWidget(st.size, v) * v.scale
}

// relayout measures the items again if the width changed, then places the
// ones in view.
func (v *blockView) relayout(width float32) {
	if width <= 0 {
		return // not laid out yet; Layout comes back here
	}
	if width != v.width {
		v.layoutItems(width)
		v.scroll.Refresh() // the content's height changed
	}
	v.showVisible()
}

// layoutItems wraps the text of every item to the width and records
// where each item starts.
func (v *blockView) layoutItems(width float32) {
	v.tops = make([]float32, len(v.items)+1)
	y := theme.Padding() * 2
	for i := range v.items {
		v.tops[i] = y
		y += v.itemHeight(i, width)
	}
	v.tops[len(v.items)] = y
	v.width = width
	for _, b := range v.shown {
		b.item = -1 // laid out anew: redraw
	}
}

func (v *blockView) itemHeight(i int, width float32) float32 {
	it := &v.items[i]
	w := v.textWidth(it, width)
	space := gap(it.kind) * theme.Padding() * v.scale
	if it.kind == itemImage {
		return imageHeight(it, w) + space
	}
	l := v.layouts[i]
	l.wrap(w)
	return l.height + space
}

// left returns the x where item it starts.
func (v *blockView) left(it *readerItem) float32 {
	margin := max((v.width-maxTextWidth)/2, 0) + theme.InnerPadding()
	return margin + float32(it.indent*indentStep)
}

// textWidth is the width item it may use in a view of the given width.
func (v *blockView) textWidth(it *readerItem, width float32) float32 {
	margin := max((width-maxTextWidth)/2, 0) + theme.InnerPadding()
	return max(width-2*margin-float32(it.indent*indentStep), 1)
}

// imageHeight scales an image to fit width without enlarging it, and no
// taller than maxImageHeight.
func imageHeight(it *readerItem, width float32) float32 {
	b := it.img.Bounds()
	if b.Dx() <= 0 || b.Dy() <= 0 {
		return 0
	}
	w := min(width, float32(b.Dx()))
	return min(w*float32(b.Dy())/float32(b.Dx()), maxImageHeight)
}

// visibleRange returns the items [first, last) in view.
func (v *blockView) visibleRange() (int, int) {
	n := len(v.items)
	top := v.scroll.Offset.Y
	bottom := top + v.scroll.Size().Height
	first := sort.Search(n, func(i int) bool { return v.tops[i+1] > top })
	last := first
	for last < n && v.tops[last] < bottom {
		last++
	}
	return first, last
}

// showVisible makes sure exactly the items in view have objects, placed at
// their measured positions and drawn with the current selection and
// highlights.
func (v *blockView) showVisible() {
	if v.width <= 0 {
		return
	}
	first, last := v.visibleRange()
	for i := range v.shown {
		if i < first || i >= last {
			v.release(i)
		}
	}
	objs := make([]fyne.CanvasObject, 0, last-first)
	for i := first; i < last; i++ {
		b, ok := v.shown[i]
		if !ok {
			b = v.acquire()
			v.shown[i] = b
		}
		v.drawItem(b, i)
		objs = append(objs, b.box)
	}
	v.page.setObjects(objs)
	if v.onScroll != nil {
		v.onScroll(first)
	}
}

// redraw draws the items in view again (the selection or the highlights
// changed).
func (v *blockView) redraw() {
	for i, b := range v.shown {
		b.item = -1
		v.drawItem(b, i)
	}
}

// acquire returns a spare item box, or a new one.
func (v *blockView) acquire() *itemBox {
	if k := len(v.spare); k > 0 {
		b := v.spare[k-1]
		v.spare = v.spare[:k-1]
		return b
	}
	return newItemBox()
}

// release takes the objects of item i off screen and keeps them for reuse.
func (v *blockView) release(i int) {
	b := v.shown[i]
	b.clear()
	v.spare = append(v.spare, b)
	delete(v.shown, i)
}

// visibleText returns the text of the text items on screen, in order.
func (v *blockView) visibleText() []string {
	first, last := v.visibleRange()
	var out []string
	for i := first; i < last && i < len(v.items); i++ {
		if l := v.layouts[i]; l != nil {
			out = append(out, string(l.runes))
		}
	}
	return out
}

// scrollToItem scrolls so that item i starts at the fraction at of the
// view's height (0 at the top), leaving some context above it.
func (v *blockView) scrollToItem(i int, at float32) {
	if i < 0 || i >= len(v.items) || len(v.tops) == 0 {
		return
	}
	maxY := max(v.tops[len(v.items)]-v.scroll.Size().Height, 0)
	v.scroll.Offset.Y = min(max(v.tops[i]-theme.Padding()*4-at*v.scroll.Size().Height, 0), maxY)
	v.scroll.Refresh()
	v.showVisible()
}

// scrollBy scrolls by dy, within the article.
func (v *blockView) scrollBy(dy float32) {
	if len(v.tops) == 0 {
		return
	}
	maxY := max(v.tops[len(v.items)]-v.scroll.Size().Height, 0)
	v.scroll.Offset.Y = min(max(v.scroll.Offset.Y+dy, 0), maxY)
	v.scroll.Refresh()
	v.showVisible()
}

type blockViewRenderer struct {
	v *blockView
}

func (r *blockViewRenderer) Layout(size fyne.Size) {
	r.v.scroll.Resize(size)
	r.v.relayout(size.Width)
}

func (r *blockViewRenderer) MinSize() fyne.Size { return r.v.scroll.MinSize() }

// Refresh measures everything again: a theme change alters text sizes
// and colours.
func (r *blockViewRenderer) Refresh() {
	r.v.remeasure()
	r.v.relayout(r.v.Size().Width)
	r.v.redraw()
	canvas.Refresh(r.v.page)
}

func (r *blockViewRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.v.scroll} }

func (r *blockViewRenderer) Destroy() {}
