package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/clippings/clippings/archive"
)

// nodeCenter returns the middle of the sidebar entry id as drawn, on the
// window's canvas.
func nodeCenter(t *testing.T, u *UI, id string) fyne.Position {
	t.Helper()
	d := fyne.CurrentApp().Driver()
	for o, shown := range u.sidebar.shown {
		if shown == id && o.Visible() {
			return d.AbsolutePositionForObject(o).Add(fyne.NewPos(o.Size().Width/2, o.Size().Height/2))
		}
	}
	t.Fatalf("sidebar entry %s is not drawn", id)
	return fyne.Position{}
}

// dragRow drags list row i to the point to of the canvas and lets go, as
// the desktop driver does: the event's position is the pointer's,
// relative to the row.
func dragRow(t *testing.T, u *UI, i int, to fyne.Position) {
	t.Helper()
	r := rowWidget(t, u, i)
	from := fyne.CurrentApp().Driver().AbsolutePositionForObject(r)
	r.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to.Subtract(from)}, Dragged: fyne.NewDelta(1, 1)})
}

func TestDragToCollection(t *testing.T) {
	u, q := newFilledUI(t)
	s := u.lib.(*archive.Store)
	ctx := context.Background()
	colID, err := s.CreateCollection(ctx, 0, "Reading")
	if err != nil {
		t.Fatal(err)
	}
	u.sidebar.reload()
	waitFor(t, q, "the collection in the sidebar", func() bool { return len(u.sidebar.data.children[secCollections]) == 1 })
	u.sidebar.tree.Refresh()
	colNode := u.sidebar.data.children[secCollections][0]
	count := func() int {
		c, err := s.CollectionByPath(ctx, "Reading")
		if err != nil {
			t.Fatal(err)
		}
		return c.Count
	}

	t.Run("OneRow", func(t *testing.T) {
		dragRow(t, u, 1, nodeCenter(t, u, colNode))
		top := u.win.Canvas().Overlays().Top()
		if top == nil || !strings.Contains(test.RenderObjectToMarkup(top), "Add 1 article to a collection") {
			t.Error("no label follows the pointer while dragging")
		}
		rowWidget(t, u, 1).DragEnd()
		if u.win.Canvas().Overlays().Top() != nil {
			t.Error("the drag's label stays after the drop")
		}
		waitFor(t, q, "the article in the collection", func() bool { return count() == 1 })
		ids, _ := s.SearchIDs(ctx, "collection:Reading")
		if len(ids) != 1 || ids[0] != rowIDs(u, 1)[0] {
			t.Errorf("collection holds %v, want row 1's article %v", ids, rowIDs(u, 1))
		}
	})
	t.Run("Selection", func(t *testing.T) {
		click(rowWidget(t, u, 0), 0)
		click(rowWidget(t, u, 2), fyne.KeyModifierShortcutDefault)
		dragRow(t, u, 2, nodeCenter(t, u, colNode))
		rowWidget(t, u, 2).DragEnd()
		waitFor(t, q, "the selection in the collection", func() bool { return count() == 3 })
	})
	t.Run("ElsewhereNothing", func(t *testing.T) {
		before, _ := s.CollectionArticles(ctx, colID, archive.ListFilter{})
		dragRow(t, u, 0, nodeCenter(t, u, nodeStarred))
		rowWidget(t, u, 0).DragEnd()
		dragRow(t, u, 0, fyne.NewPos(-50, -50)) // off the window
		rowWidget(t, u, 0).DragEnd()
		q.drain()
		after, _ := s.CollectionArticles(ctx, colID, archive.ListFilter{})
		if len(after) != len(before) || u.list.drag != nil {
			t.Errorf("a drop outside any collection changed it: %d → %d articles", len(before), len(after))
		}
		if n, _ := s.SearchCount(ctx, "is:starred"); n != 0 {
			t.Errorf("dropping on Starred starred %d articles; only collections take drops", n)
		}
	})
}
