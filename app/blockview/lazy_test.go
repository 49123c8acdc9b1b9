package blockview

import (
	"fmt"
	"testing"
)

// longArticle returns n paragraphs of different lengths.
func longArticle(n int) []Item {
	items := make([]Item, n)
	for i := range items {
		text := fmt.Sprintf("Paragraph %d of a long catalogue.", i)
		for range i % 5 {
			text += " Another sentence that makes this paragraph wrap onto more lines."
		}
		items[i] = Item{Kind: Paragraph, Text: text}
	}
	return items
}

// TestLazyLayout opens a long article: the first screens are laid out
// at once, the rest in slices, and the heights end as a full layout's.
func TestLazyLayout(t *testing.T) {
	v := newTestView(t)
	v.SetItems(longArticle(3000))
	if v.LaidOut() || v.laidOut == 0 {
		t.Fatalf("after SetItems %d of 3000 items laid out, want the first screens only", v.laidOut)
	}
	if text := v.VisibleText(); len(text) == 0 || text[0] != "Paragraph 0 of a long catalogue." {
		t.Fatalf("the first screen shows %q", text)
	}
	runPending()
	if !v.LaidOut() {
		t.Fatalf("after the slices ran %d of 3000 items laid out", v.laidOut)
	}
	lazy := v.ContentHeight()
	// A full layout at once gives the same height.
	v.ensureLaidOut(len(v.items))
	v.layoutItems(v.width)
	v.ensureLaidOut(len(v.items))
	if full := v.ContentHeight(); full != lazy {
		t.Errorf("height %v laid out in slices, %v at once", lazy, full)
	}
}

// TestLazyLayoutScrollAhead scrolls to an item far down before the
// layout reaches it, then lets the layout catch up: the item is laid
// out when shown, and stays where it is on screen.
func TestLazyLayoutScrollAhead(t *testing.T) {
	v := newTestView(t)
	v.SetItems(longArticle(3000))
	v.ScrollToItem(2500, 0)
	if _, ok := v.shown[2500]; !ok {
		t.Fatal("item 2500 is not shown after scrolling to it")
	}
	if text, _ := v.ItemText(2500); v.VisibleText()[0] != text && v.VisibleText()[1] != text {
		t.Fatalf("after scrolling to item 2500 the view shows %q", v.VisibleText()[:2])
	}
	onScreen := v.tops[2500] - v.scroll.Offset.Y
	runPending()
	if got := v.tops[2500] - v.scroll.Offset.Y; got != onScreen {
		t.Errorf("item 2500 moved on screen from y %v to %v while the items above it were laid out", onScreen, got)
	}
}
