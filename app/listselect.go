package app

import (
	"context"
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/clippings/clippings/internal/words"
)

// Multiple selection in the article list, and the actions on it. A plain
// click opens an article; Ctrl (Cmd) toggles a row in the selection and
// Shift selects the rows from the last one clicked. Actions apply to the
// selection, or to the article in the reader when nothing is selected.

// rowTapped handles a click on row i with the modifiers held.
func (l *articleList) rowTapped(i int, mods fyne.KeyModifier) {
	r, ok := l.cur.row(i)
	if !ok {
		return
	}
	switch {
	case mods&(fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0:
		if len(l.selected) == 0 && l.current != nil && l.current() != 0 && l.indexOf(l.current()) >= 0 {
			l.selected[l.current()] = true // the article open is the first of the selection
		}
		if l.selected[r.id] {
			delete(l.selected, r.id)
		} else {
			l.selected[r.id] = true
		}
		l.anchor = i
	case mods&fyne.KeyModifierShift != 0 && l.anchor >= 0:
		clear(l.selected)
		for k := min(l.anchor, i); k <= max(l.anchor, i); k++ {
			if rk, ok := l.cur.row(k); ok {
				l.selected[rk.id] = true
			}
		}
	default:
		l.open(i, r.id)
		return
	}
	l.list.Refresh()
	l.bulk.update()
}

// open shows article id, of row i, alone selected. Only the rows whose
// look changes are drawn again.
func (l *articleList) open(i int, id int64) {
	before := -1
	if l.current != nil {
		before = l.indexOf(l.current())
	}
	many := len(l.selected) > 0
	clear(l.selected)
	l.anchor = i
	if l.onSelected != nil && (l.current == nil || id != l.current()) {
		l.onSelected(id)
	}
	if many {
		l.list.Refresh()
		l.bulk.update()
		return
	}
	if before >= 0 {
		l.list.RefreshItem(before)
	}
	l.list.RefreshItem(i)
}

// clearSelection empties the selection.
func (l *articleList) clearSelection() {
	if len(l.selected) == 0 && l.anchor < 0 {
		return
	}
	clear(l.selected)
	l.anchor = -1
	l.list.Refresh()
	l.bulk.update()
}

// selectedIDs returns the articles the actions apply to, in list order:
// the selection, else the article in the reader.
func (l *articleList) selectedIDs() []int64 {
	if len(l.selected) == 0 {
		if l.current != nil && l.current() != 0 {
			return []int64{l.current()}
		}
		return nil
	}
	ids := make([]int64, 0, len(l.selected))
	for id := range l.selected {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b int64) int { return l.indexOf(a) - l.indexOf(b) })
	return ids
}

// rowMenu shows the actions on a secondary click on row i; a row outside
// the selection becomes the selection.
func (l *articleList) rowMenu(i int, at fyne.Position) {
	r, ok := l.cur.row(i)
	if !ok {
		return
	}
	if !l.selected[r.id] {
		clear(l.selected)
		l.selected[r.id] = true
		l.anchor = i
		l.list.Refresh()
		l.bulk.update()
	}
	widget.ShowPopUpMenuAtPosition(l.bulk.menu(), l.win.Canvas(), at)
}

// bulkBar shows how many rows are selected and offers the actions on
// them.
type bulkBar struct {
	l       *articleList
	box     *fyne.Container
	label   *widget.Label
	actions *widget.Button
}

func (b *bulkBar) buildUI() fyne.CanvasObject {
	b.label = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}}
	b.actions = &widget.Button{Text: "Actions", Icon: theme.MenuDropDownIcon(), IconPlacement: widget.ButtonIconTrailingText}
	b.actions.OnTapped = func() {
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b.actions).AddXY(0, b.actions.Size().Height)
		widget.ShowPopUpMenuAtPosition(b.menu(), b.l.win.Canvas(), pos)
	}
	clearBtn := &widget.Button{Icon: theme.CancelIcon(), Importance: widget.LowImportance, OnTapped: b.l.clearSelection}
	b.box = container.NewBorder(nil, nil, nil, container.NewHBox(b.actions, clearBtn), b.label)
	b.box.Hide()
	return b.box
}

// update shows the bar while rows are selected.
func (b *bulkBar) update() {
	if b.box == nil {
		return
	}
	if n := len(b.l.selected); n > 0 {
		b.label.SetText(words.Plural(n, "article", "articles") + " selected")
		b.box.Show()
	} else {
		b.box.Hide()
	}
}

// listActions are the actions on articles that the selection's menu
// offers.
type listActions struct {
	tag, collect, export, delete func(ids []int64)
	setRead, setStarred          func(ids []int64, on bool)
}

// menu lists the actions on the selection.
func (b *bulkBar) menu() *fyne.Menu {
	a, ids := b.l.actions, b.l.selectedIDs
	items := []*fyne.MenuItem{
		fyne.NewMenuItem("Tag…", func() { a.tag(ids()) }),
		fyne.NewMenuItem("Add to collection…", func() { a.collect(ids()) }),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Mark read", func() { a.setRead(ids(), true) }),
		fyne.NewMenuItem("Mark unread", func() { a.setRead(ids(), false) }),
		fyne.NewMenuItem("Star", func() { a.setStarred(ids(), true) }),
		fyne.NewMenuItem("Unstar", func() { a.setStarred(ids(), false) }),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Export…", func() { a.export(ids()) }),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Delete…", func() { a.delete(ids()) }),
	}
	return fyne.NewMenu("", items...)
}

// setRead marks articles read or unread.
func (u *UI) setRead(ids []int64, read bool) {
	u.bulk(ids, "Could not mark the articles.", func(ctx context.Context) error { return u.lib.SetRead(ctx, read, ids...) })
}

// setStarred stars or unstars articles.
func (u *UI) setStarred(ids []int64, on bool) {
	u.bulk(ids, "Could not star the articles.", func(ctx context.Context) error { return u.lib.SetStarred(ctx, on, ids...) })
}

// bulk runs an action on articles in the background, then refreshes the
// list and the article shown.
func (u *UI) bulk(ids []int64, failure string, action func(ctx context.Context) error) {
	if len(ids) == 0 {
		return
	}
	go func() {
		err := action(u.ctx)
		u.do(func() {
			if err != nil {
				u.showError(failure, err)
				return
			}
			u.list.changed()
			u.sidebar.reload()
			if slices.Contains(ids, u.reader.current) {
				u.reader.reload()
			}
		})
	}()
}

// confirmDelete asks before deleting articles for good.
func (u *UI) confirmDelete(ids []int64) {
	if len(ids) == 0 {
		return
	}
	msg := fmt.Sprintf("Delete %s from the archive, with their highlights and notes? This cannot be undone.",
		u.articleNames(ids))
	if len(ids) == 1 {
		msg = fmt.Sprintf("Delete %s from the archive, with its highlights and notes? This cannot be undone.",
			u.articleNames(ids))
	}
	dialog.ShowConfirm("Delete articles", msg, func(yes bool) {
		if yes {
			u.deleteArticles(ids)
		}
	}, u.win)
}

// deleteArticles deletes articles in the background, then takes them
// out of the list, the reader, the facets and the sidebar's counts.
func (u *UI) deleteArticles(ids []int64) {
	go func() {
		err := u.lib.DeleteArticles(u.ctx, ids...)
		u.do(func() {
			if err != nil {
				u.showError("Could not delete the articles.", err)
				return
			}
			for _, id := range ids {
				u.notes.set(id, false)
			}
			if slices.Contains(ids, u.reader.current) {
				u.reader.clear()
			}
			u.list.clearSelection()
			u.list.changed()
			u.search.facets.load(u.list.cur.sel)
			u.sidebar.reload()
			u.tagsChanged()
		})
	}()
}

// articleNames names the articles ids for a question: "“Seals return”"
// for one, "2 articles, “A” and “B”", "5 articles, “A”, “B” and 3 more".
// Titles come from the rows loaded (or the reader); an article of
// neither is counted, not named.
func (u *UI) articleNames(ids []int64) string {
	var titles []string
	for _, id := range ids[:min(len(ids), 2)] {
		t := ""
		if i := u.list.indexOf(id); i >= 0 {
			r, _ := u.list.cur.row(i)
			t = r.title
		} else if d := u.reader.doc; d != nil && d.id == id {
			t = orDefault(d.article.Title, "Untitled")
		}
		if t == "" {
			return words.Plural(len(ids), "article", "articles")
		}
		titles = append(titles, "“"+t+"”")
	}
	switch {
	case len(ids) == 1:
		return titles[0]
	case len(ids) == 2:
		return "2 articles, " + titles[0] + " and " + titles[1]
	}
	return fmt.Sprintf("%d articles, %s, %s and %d more", len(ids), titles[0], titles[1], len(ids)-2)
}
