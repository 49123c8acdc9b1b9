package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/clippings/clippings/app/fitline"
	"github.com/clippings/clippings/archive"
)

// listRow draws one row of the article list: the title (bold while
// unread), the site, date and tags, the search snippet with the matches
// marked, and marks for starred and annotated articles. It takes clicks
// itself, so that Ctrl- and Shift-clicks can select several rows.
type listRow struct {
	widget.BaseWidget
	l     *articleList
	index int // the row shown
	mods  fyne.KeyModifier

	bg      *canvas.Rectangle
	title   *fitline.Line
	meta    *fitline.Line
	snippet *fitline.Snippet
	star    *widget.Icon
	note    *widget.Icon
}

func newListRow(l *articleList) *listRow {
	r := &listRow{l: l, index: -1}
	r.bg = &canvas.Rectangle{CornerRadius: theme.SelectionRadiusSize()}
	r.title = fitline.New(theme.SizeNameText)
	r.meta = fitline.New(theme.SizeNameCaptionText)
	r.snippet = fitline.NewSnippet()
	r.snippet.Hidden = !l.withSnippets()
	r.star = widget.NewIcon(starIcon)
	r.note = widget.NewIcon(theme.DocumentCreateIcon())
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer is part of fyne.Widget.
func (r *listRow) CreateRenderer() fyne.WidgetRenderer {
	marks := container.NewVBox(r.star, r.note)
	text := container.New(&rowLayout{}, r.title, r.meta, r.snippet)
	return widget.NewSimpleRenderer(container.NewStack(r.bg, container.NewBorder(nil, nil, nil, marks, text)))
}

// show fills the row with r's data; it only copies what the page holds.
func (r *listRow) show(index int, data row, ok, failed, selected bool) {
	r.index = index
	r.bg.FillColor = theme.Color(theme.ColorNameSelection)
	r.bg.Hidden = !selected
	r.bg.Refresh()
	r.snippet.Hidden = !r.l.withSnippets()
	switch {
	case ok:
		r.title.Set(data.title, !data.read)
		r.meta.Set(joinNonEmpty(" · ", data.meta, data.tags), false)
		r.setSnippet(data.snippet)
		r.star.Hidden, r.note.Hidden = !data.starred, !data.notes
	case failed:
		r.title.Set("Could not load this article", false)
		r.meta.Set("", false)
		r.setSnippet(nil)
		r.star.Hidden, r.note.Hidden = true, true
	default:
		r.title.Set("Loading…", false)
		r.meta.Set("", false)
		r.setSnippet(nil)
		r.star.Hidden, r.note.Hidden = true, true
	}
	r.star.Refresh()
	r.note.Refresh()
}

func (r *listRow) setSnippet(spans []archive.Span) { r.snippet.SetSpans(spans) }

// MouseDown notes the modifiers of a click; part of desktop.Mouseable.
func (r *listRow) MouseDown(ev *desktop.MouseEvent) { r.mods = ev.Modifier }

// MouseUp is part of desktop.Mouseable.
func (r *listRow) MouseUp(*desktop.MouseEvent) {}

// Tapped selects the row: alone, or with Ctrl (Cmd) toggled in the
// selection, or with Shift the rows from the last one tapped.
func (r *listRow) Tapped(*fyne.PointEvent) {
	mods := r.mods
	r.mods = 0
	if r.index >= 0 {
		r.l.rowTapped(r.index, mods)
	}
}

// TappedSecondary opens the menu of the selection (the row alone if it
// is not selected).
func (r *listRow) TappedSecondary(ev *fyne.PointEvent) {
	if r.index >= 0 {
		r.l.rowMenu(r.index, ev.AbsolutePosition)
	}
}

// Dragged is part of fyne.Draggable: rows are dragged onto collections
// (listdrag.go). The pointer's position is taken from the row's, which
// every driver knows.
func (r *listRow) Dragged(ev *fyne.DragEvent) {
	if r.index >= 0 {
		at := fyne.CurrentApp().Driver().AbsolutePositionForObject(r).Add(ev.Position)
		r.l.dragged(r.index, at)
	}
}

// DragEnd is part of fyne.Draggable.
func (r *listRow) DragEnd() { r.l.dragEnd() }

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// rowLayout stacks a list row's lines with no gap between them, keeping
// rows compact; hidden lines take no room.
type rowLayout struct{}

func (*rowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h - theme.Padding()
	}
}

func (*rowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height - theme.Padding()
	}
	return s.AddWidthHeight(0, theme.Padding())
}
