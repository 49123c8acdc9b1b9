package blockview

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// pending are the slices of layout the views of a test scheduled.
var pending []func()

// runPending runs the slices scheduled, and those they schedule.
func runPending() {
	for len(pending) > 0 {
		f := pending[0]
		pending = pending[1:]
		f()
	}
}

// newTestView shows v alone in a window the size of the reader's pane.
func newTestView(t *testing.T) *View {
	t.Helper()
	test.NewTempApp(t)
	v := New()
	v.Later = func(f func()) { pending = append(pending, f) }
	t.Cleanup(func() { pending = nil })
	w := test.NewTempWindow(t, v)
	w.Resize(fyne.NewSize(380, 600))
	return v
}

func TestViewVirtualises(t *testing.T) {
	v := newTestView(t)
	var items []Item
	for i := 0; i < 500; i++ {
		items = append(items, Item{Kind: Paragraph, Text: "A paragraph long enough to wrap onto a second line in a narrow reader pane, or so."})
	}
	v.SetItems(items)
	shown := len(v.page.content.Objects)
	if shown == 0 || shown > 60 {
		t.Fatalf("%d of 500 items have objects, want only those in view", shown)
	}
	v.scroll.ScrollToBottom()
	v.showVisible()
	if _, ok := v.shown[499]; !ok {
		t.Error("after scrolling to the bottom the last item has no objects")
	}
	if got := len(v.spare) + len(v.page.content.Objects); got > 2*shown+5 {
		t.Errorf("%d item boxes made for %d in view; they should be reused", got, shown)
	}
}
