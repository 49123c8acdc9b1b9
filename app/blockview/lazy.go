package blockview

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Laying out a long article a screen at a time.
//
// Wrapping an item's text measures each of its words the first time it
// is seen; a body of thousands of blocks with many rare words (a
// catalogue saved from a frameset: 4,869 blocks, 300 KB) took 3.3 s to
// lay out whole, and the reader stayed on the article before meanwhile.
// So the view lays out at once only the items of the first screens, and
// gives the others a height estimated from their length; the rest are
// laid out in slices of a few milliseconds on the UI goroutine (through
// Later), top to bottom, replacing the estimates. Items scrolled into
// view before their turn are laid out when they are shown. When items
// above the view change height, the view scrolls by as much, so that
// what is on screen stays put.

// sliceBudget is how long one slice of the background layout may take.
const sliceBudget = 8 * time.Millisecond

// layoutItems lays out the first screens of items for the width and
// estimates the others, then schedules the rest.
func (v *View) layoutItems(width float32) {
	n := len(v.items)
	v.heights = make([]float32, n)
	v.tops = make([]float32, n+1)
	v.width = width
	v.laidOut = 0
	v.gen++
	for i := range v.items {
		v.heights[i] = v.estimateHeight(i, width)
	}
	screens := 2 * max(v.scroll.Size().Height, 600)
	y := float32(0)
	for v.laidOut < n && y < screens {
		y += v.layoutNext()
	}
	v.sumTops(0)
	for _, b := range v.shown {
		b.item = -1 // laid out anew: redraw
	}
	v.scheduleLayout()
}

// layoutNext lays out the next item not laid out and returns its height.
func (v *View) layoutNext() float32 {
	i := v.laidOut
	v.heights[i] = v.itemHeight(i, v.width)
	v.laidOut++
	return v.heights[i]
}

// sumTops computes the tops of the items from item i on.
func (v *View) sumTops(i int) {
	if i == 0 {
		v.tops[0] = theme.Padding() * 2
	}
	for ; i < len(v.items); i++ {
		v.tops[i+1] = v.tops[i] + v.heights[i]
	}
}

// estimateHeight guesses the height of item i from the length of its
// text, without measuring it: about half the text size a character.
func (v *View) estimateHeight(i int, width float32) float32 {
	it := &v.items[i]
	w := v.textWidth(it, width)
	space := gap(it.Kind) * theme.Padding() * v.scale
	if it.Kind == Image {
		return imageHeight(it, w) + space
	}
	l := v.layouts[i]
	st, _ := l.styleAt(0)
	size := v.textSize(st)
	lines := max(float32(int(float32(len(l.runes))*size/2/w))+1, 1)
	return lines*size*1.4 + space
}

// ensureLaidOut lays out every item before item end now.
func (v *View) ensureLaidOut(end int) {
	if v.width <= 0 || end <= v.laidOut {
		return
	}
	from := v.laidOut
	for v.laidOut < min(end, len(v.items)) {
		v.layoutNext()
	}
	v.settle(from)
}

// settle recomputes the tops after items from `from` on were laid out,
// keeps what is on screen in place, and resizes the scroll.
func (v *View) settle(from int) {
	oldTop := v.tops[from]
	first := v.firstVisible()
	anchor := v.tops[first] // the top of the first item in view
	v.sumTops(from)
	if first > from && v.scroll.Offset.Y > oldTop {
		v.scroll.Offset.Y += v.tops[first] - anchor
	}
	for i, b := range v.shown {
		if i >= from {
			b.item = -1
		}
	}
	v.scroll.Refresh()
}

// scheduleLayout lays out the next slice of items later, unless the
// view was laid out anew meanwhile.
func (v *View) scheduleLayout() {
	if v.laidOut >= len(v.items) {
		return
	}
	gen := v.gen
	later := v.Later
	if later == nil {
		later = func(f func()) { go fyne.Do(f) }
	}
	later(func() {
		if gen != v.gen || v.laidOut >= len(v.items) {
			return
		}
		from := v.laidOut
		start := time.Now()
		for v.laidOut < len(v.items) && time.Since(start) < sliceBudget {
			v.layoutNext()
		}
		v.settle(from)
		v.showVisible()
		v.scheduleLayout()
	})
}

// LaidOut reports whether every item has been laid out (the background
// layout of a long article has finished).
func (v *View) LaidOut() bool { return v.laidOut >= len(v.items) }
