package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/clippings/clippings/internal/words"
)

// Dragging rows onto a collection.
//
// A row of the list can be dragged with the mouse: the selection when the
// row is in it, else the row's article alone. A small label follows the
// pointer; dropped on a collection of the sidebar, the articles are added
// to it (as the bulk action "Add to collection" does). Fyne has no drop
// targets between widgets, so the row does the dragging itself
// (fyne.Draggable) and asks the sidebar what lies under the pointer when
// the drag ends.

// rowDrag is a drag of rows in progress.
type rowDrag struct {
	ids  []int64
	at   fyne.Position // the pointer, on the window's canvas
	hint *widget.PopUp
}

// dragged follows a drag that started on row i, the pointer being at at
// (absolute).
func (l *articleList) dragged(i int, at fyne.Position) {
	if l.drag == nil {
		ids := l.dragIDs(i)
		if len(ids) == 0 {
			return
		}
		label := widget.NewLabel("Add " + words.Plural(len(ids), "article", "articles") + " to a collection")
		l.drag = &rowDrag{ids: ids, hint: widget.NewPopUp(label, l.win.Canvas())}
		l.drag.hint.Show()
	}
	l.drag.at = at
	l.drag.hint.Move(at.Add(fyne.NewPos(16, 16)))
}

// dragEnd drops the dragged articles where the pointer is: on a
// collection they are added to it; anywhere else nothing happens.
func (l *articleList) dragEnd() {
	d := l.drag
	l.drag = nil
	if d == nil {
		return
	}
	d.hint.Hide()
	if col, ok := l.collectionAt(d.at); ok {
		l.onDrop(d.ids, col)
	}
}

// dragIDs returns the articles a drag from row i carries: the selection
// when row i is in it, else row i's article.
func (l *articleList) dragIDs(i int) []int64 {
	r, ok := l.cur.row(i)
	if !ok {
		return nil
	}
	if l.selected[r.id] {
		return l.selectedIDs()
	}
	return []int64{r.id}
}
