package blockview

import (
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

const (
	indentStep     = 24  // width of one level of list nesting or quotation
	maxImageHeight = 480 // figures taller than this are scaled down
	maxTextWidth   = 760 // lines no longer than this, for reading
)

// View shows an article as a column of items of varying height inside a
// vertical scroll. Like widget.List it draws only the items in view and
// reuses their objects as the reader scrolls, so a long article costs no
// more to draw than a short one; unlike List it measures each item's height
// for the current width. It lays its text out itself (textlayout.go), so
// that the reader can select text across items with the mouse or the
// keyboard (page.go, selection.go) and draw highlights behind it
// (itembox.go). Its renderer is in view_render.go.
type View struct {
	widget.BaseWidget

	items   []Item
	layouts []*textLayout // by item; nil for images
	tops    []float32     // tops[i] is the y of item i; tops[len(items)] the total height
	heights []float32     // by item: measured, or estimated for those not laid out yet
	laidOut int           // items [0, laidOut) are laid out; the others' heights are estimates (lazy.go)
	gen     int           // counts layouts, so that a slice of an older one does nothing
	width   float32       // the width tops were measured at; 0 when they must be measured again
	scale   float32       // text size relative to the theme's; 1 by default

	tables map[int]*tableLayout // the grids of Table items, by item (table.go)

	scroll *container.Scroll
	page   *Page
	shown  map[int]*itemBox // objects of the items in view, by item index
	spare  []*itemBox

	sel   selection
	marks []Mark

	// Callbacks, all optional; they run on the UI goroutine.
	OnSelect func()                           // the selection changed
	OnLink   func(link int)                   // a Link item was tapped: its Item.Link
	OnHref   func(href, text string)          // a link in the text was tapped: its Span.Href and its text
	OnMark   func(id int64, at fyne.Position) // a highlight was tapped (at: absolute position)
	OnMenu   func(at fyne.Position)           // a secondary tap
	OnKey    func(r rune) bool                // a rune typed while the view has focus; true if used

	// Later runs f on the UI goroutine soon: the layout of a long
	// article goes on in slices (lazy.go). Nil means fyne.Do from a
	// goroutine; tests set their own.
	Later func(f func())

	sizes map[measureKey]fyne.Size // what fyne.MeasureText said, kept across articles
}

// measureKey is a text measured at a size in a style.
type measureKey struct {
	text  string
	size  float32
	style fyne.TextStyle
}

// maxMeasured bounds the cache of measured words.
const maxMeasured = 200_000

// New returns an empty view.
func New() *View {
	v := &View{shown: map[int]*itemBox{}, scale: 1, sizes: map[measureKey]fyne.Size{}}
	v.page = newPage(v)
	v.scroll = container.NewVScroll(v.page)
	v.scroll.OnScrolled = func(fyne.Position) { v.showVisible() }
	v.ExtendBaseWidget(v)
	return v
}

// SetItems replaces what the view shows, clears the selection and the
// highlights, and scrolls back to the top.
func (v *View) SetItems(items []Item) {
	for i := range v.shown {
		v.release(i)
	}
	v.items = items
	v.layouts = make([]*textLayout, len(items))
	v.tables = map[int]*tableLayout{}
	for i := range items {
		if items[i].Kind != Image {
			rs, spans := items[i].runes()
			v.layouts[i] = newTextLayout(rs, spans, v.measure)
		}
		if items[i].Kind == Table {
			v.tables[i] = newTableLayout(&items[i], v.measure)
		}
	}
	v.sel = selection{}
	v.marks = nil
	v.width = 0
	v.scroll.Offset = fyne.Position{}
	v.relayout(v.Size().Width)
}

// SetScale changes the size of the text (relative to the theme's; 1 by
// default) and lays it out again.
func (v *View) SetScale(scale float32) {
	if scale == v.scale || scale <= 0 {
		return
	}
	v.scale = scale
	v.remeasure()
	v.relayout(v.Size().Width)
}

// Scale returns the size of the text relative to the theme's.
func (v *View) Scale() float32 { return v.scale }

// measure is the measureFunc of the view's text layouts. Words recur
// from article to article, so their sizes are kept.
func (v *View) measure(s string, st spanStyle) fyne.Size {
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
func (v *View) remeasure() {
	clear(v.sizes)
	for _, l := range v.layouts {
		if l != nil {
			l.remeasure()
		}
	}
	for _, t := range v.tables {
		t.remeasure()
	}
	v.width = 0
}

func (v *View) textSize(st spanStyle) float32 {
	return theme.SizeForWidget(st.size, v) * v.scale
}

// relayout measures the items again if the width changed, then places the
// ones in view.
func (v *View) relayout(width float32) {
	if width <= 0 {
		return // not laid out yet; Layout comes back here
	}
	if width != v.width {
		v.layoutItems(width)
		v.scroll.Refresh() // the content's height changed
	}
	v.showVisible()
}

func (v *View) itemHeight(i int, width float32) float32 {
	it := &v.items[i]
	w := v.textWidth(it, width)
	space := gap(it.Kind) * theme.Padding() * v.scale
	if it.Kind == Image {
		return imageHeight(it, w) + space
	}
	if t, ok := v.tables[i]; ok {
		return t.layout(w, v.scale) + space
	}
	l := v.layouts[i]
	l.wrap(w)
	return l.height + space
}

// left returns the x where item it starts.
func (v *View) left(it *Item) float32 {
	margin := max((v.width-maxTextWidth)/2, 0) + theme.InnerPadding()
	return margin + float32(it.Indent*indentStep)
}

// textWidth is the width item it may use in a view of the given width.
func (v *View) textWidth(it *Item, width float32) float32 {
	margin := max((width-maxTextWidth)/2, 0) + theme.InnerPadding()
	return max(width-2*margin-float32(it.Indent*indentStep), 1)
}

// imageHeight scales an image to fit width without enlarging it, and no
// taller than maxImageHeight.
func imageHeight(it *Item, width float32) float32 {
	b := it.Img.Bounds()
	if b.Dx() <= 0 || b.Dy() <= 0 {
		return 0
	}
	w := min(width, float32(b.Dx()))
	return min(w*float32(b.Dy())/float32(b.Dx()), maxImageHeight)
}

// firstVisible returns the first item in view.
func (v *View) firstVisible() int {
	top := v.scroll.Offset.Y
	return sort.Search(len(v.items), func(i int) bool { return v.tops[i+1] > top })
}

// VisibleRange returns the items [first, last) in view.
func (v *View) VisibleRange() (int, int) {
	n := len(v.items)
	bottom := v.scroll.Offset.Y + v.scroll.Size().Height
	first := v.firstVisible()
	last := first
	for last < n && v.tops[last] < bottom {
		last++
	}
	return first, last
}

// showVisible makes sure exactly the items in view have objects, placed at
// their measured positions and drawn with the current selection and
// highlights.
func (v *View) showVisible() {
	if v.width <= 0 {
		return
	}
	first, last := v.VisibleRange()
	if last > v.laidOut { // scrolled ahead of the layout
		v.ensureLaidOut(last)
		first, last = v.VisibleRange()
	}
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
}

// redraw draws the items in view again (the selection or the highlights
// changed).
func (v *View) redraw() {
	for i, b := range v.shown {
		b.item = -1
		v.drawItem(b, i)
	}
}

// acquire returns a spare item box, or a new one.
func (v *View) acquire() *itemBox {
	if k := len(v.spare); k > 0 {
		b := v.spare[k-1]
		v.spare = v.spare[:k-1]
		return b
	}
	return newItemBox()
}

// release takes the objects of item i off screen and keeps them for reuse.
func (v *View) release(i int) {
	b := v.shown[i]
	b.clear()
	v.spare = append(v.spare, b)
	delete(v.shown, i)
}

// VisibleText returns the text of the text items on screen, in order.
func (v *View) VisibleText() []string {
	first, last := v.VisibleRange()
	var out []string
	for i := first; i < last && i < len(v.items); i++ {
		if l := v.layouts[i]; l != nil {
			out = append(out, string(l.runes))
		}
	}
	return out
}

// ScrollToItem scrolls so that item i starts at the fraction at of the
// view's height (0 at the top), leaving some context above it.
func (v *View) ScrollToItem(i int, at float32) {
	if i < 0 || i >= len(v.items) || len(v.tops) == 0 {
		return
	}
	v.ensureLaidOut(i + 1)
	maxY := max(v.tops[len(v.items)]-v.scroll.Size().Height, 0)
	v.scroll.Offset.Y = min(max(v.tops[i]-theme.Padding()*4-at*v.scroll.Size().Height, 0), maxY)
	v.scroll.Refresh()
	v.showVisible()
}

// scrollBy scrolls by dy, within the article.
func (v *View) scrollBy(dy float32) {
	if len(v.tops) == 0 {
		return
	}
	maxY := max(v.tops[len(v.items)]-v.scroll.Size().Height, 0)
	v.scroll.Offset.Y = min(max(v.scroll.Offset.Y+dy, 0), maxY)
	v.scroll.Refresh()
	v.showVisible()
}

// Page returns the object that holds the items in view and takes the
// focus, the mouse and the keyboard; its coordinates are the article's.
func (v *View) Page() *Page { return v.page }

// Len returns the number of items.
func (v *View) Len() int { return len(v.items) }

// ItemText returns the text of item i as shown (a list item with its
// marker, a caption with its credit); ok is false for an image.
func (v *View) ItemText(i int) (text string, ok bool) {
	if i < 0 || i >= len(v.layouts) || v.layouts[i] == nil {
		return "", false
	}
	return string(v.layouts[i].runes), true
}

// Marks returns the highlights drawn.
func (v *View) Marks() []Mark { return v.marks }

// ContentHeight returns the height of the whole article as laid out.
func (v *View) ContentHeight() float32 {
	if len(v.tops) == 0 {
		return 0
	}
	return v.tops[len(v.tops)-1]
}

// PointAt returns a point on the page (Page's coordinates) that hits the
// boundary before rune k of item i: just right of it, half-way down its
// line. Item i must be a text item, laid out.
func (v *View) PointAt(i, k int) fyne.Position {
	v.ensureLaidOut(i + 1)
	l := v.layouts[i]
	if _, ok := v.tables[i]; ok {
		return v.tablePoint(i, k).Add(fyne.NewPos(v.left(&v.items[i]), v.tops[i]))
	}
	line := l.lines[len(l.lines)-1]
	for _, ln := range l.lines {
		if k < ln.end {
			line = ln
			break
		}
	}
	return fyne.NewPos(v.left(&v.items[i])+l.xAt(line, k)+1, v.tops[i]+line.y+line.height/2)
}
