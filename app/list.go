package app

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/internal/words"
)

// articleList is the middle pane: the articles of the sidebar's choice
// (all, unread, a tag, a collection…) narrowed by the search, in a
// virtualised list fetched a page at a time, with a sort menu, several
// rows selectable, and a bar of actions on the selection.
type articleList struct {
	env
	loader pageLoader // reads the pages
	notes  *idSet     // the articles with annotations, for the rows' marks

	onSelected func(id int64)                         // an article was chosen
	onLoaded   func(sel archive.Selection, total int) // a new selection's first page is shown
	// onQueryError says what is wrong with a query that could not run
	// (nil once one ran); prefixed whether the search's last word is
	// being taken as a prefix while the user types.
	onQueryError func(err error)
	prefixed     func() bool
	current      func() int64 // the article in the reader, to highlight
	actions      listActions  // what the selection's menu does
	// collectionAt says which collection is drawn at a point of the
	// window, if any; onDrop adds the articles dropped to it (listdrag.go).
	collectionAt func(at fyne.Position) (int64, bool)
	onDrop       func(ids []int64, collection int64)

	list    *widget.List
	status  *widget.Label
	sortSel *widget.Select
	bulk    *bulkBar

	scope      archive.Selection // the sidebar's choice (zero for all articles)
	scopeOrder listOrder         // the order the sidebar's choice comes in
	search     archive.Selection // the search: the text typed, the facets picked
	order      listOrder         // the order the user chose, if userOrder
	userOrder  bool

	selected map[int64]bool // the rows selected (by article)
	anchor   int            // the row a Shift-click extends from
	drag     *rowDrag       // rows being dragged (listdrag.go)

	cur  *listModel // what the list shows
	next *listModel // a query whose first page is on its way
}

func (l *articleList) buildUI() fyne.CanvasObject {
	l.selected = map[int64]bool{}
	l.anchor = -1
	l.cur = newListModel(l.ctx, archive.Selection{}, orderAdded)
	l.list = &widget.List{Length: l.length, CreateItem: l.createItem, UpdateItem: l.updateItem,
		OnSelected: l.keyboardSelected}
	l.status = &widget.Label{SizeName: theme.SizeNameCaptionText, Wrapping: fyne.TextWrapWord}
	// A Select is as wide as its placeholder, which is never shown here
	// (an order is always chosen): the longest order's name, so that
	// none is cut.
	l.sortSel = &widget.Select{Options: l.sortOptions(), Selected: orderNames[orderAdded], OnChanged: l.sortChanged,
		PlaceHolder: slices.MaxFunc(orderNames, func(a, b string) int { return cmp.Compare(textWidth(a), textWidth(b)) })}
	l.bulk = &bulkBar{l: l}
	sortBy := &widget.Label{Text: "Sort", SizeName: theme.SizeNameCaptionText}
	header := container.NewBorder(nil, nil, nil, container.NewHBox(sortBy, l.sortSel), l.status)
	return container.NewBorder(header, l.bulk.buildUI(), nil, nil, l.list)
}

// textWidth is the width of text in the theme's text size.
func textWidth(text string) float32 {
	return fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{}).Width
}

func (l *articleList) length() int { return l.cur.total }

func (l *articleList) withSnippets() bool {
	return l.cur != nil && l.cur.order == orderRelevance && l.searching()
}

func (l *articleList) createItem() fyne.CanvasObject { return newListRow(l) }

// updateItem shows row id from the page in memory; a page not loaded yet
// is fetched in the background and the row says "Loading…" meanwhile.
func (l *articleList) updateItem(id widget.ListItemID, o fyne.CanvasObject) {
	r, ok := l.cur.row(id)
	failed := l.cur.failed[id/pageSize]
	o.(*listRow).show(id, r, ok, failed, ok && l.isSelected(r.id))
	if !ok && !failed {
		l.fetch(id / pageSize)
	}
}

// isSelected reports whether the row of article id is drawn selected:
// chosen in the selection, or the article in the reader.
func (l *articleList) isSelected(id int64) bool {
	if len(l.selected) > 0 {
		return l.selected[id]
	}
	return l.current != nil && id == l.current()
}

// keyboardSelected opens the row chosen with the keyboard (the list's
// own selection); rows draw the selection themselves.
func (l *articleList) keyboardSelected(id widget.ListItemID) {
	l.list.UnselectAll()
	l.rowTapped(id, 0)
}

// selection is what the list shows: the sidebar's choice and the search.
func (l *articleList) selection() archive.Selection { return together(l.scope, l.search) }

// searching reports whether the list shows a search's hits.
func (l *articleList) searching() bool { return !l.search.IsZero() }

// effectiveOrder is the user's order, else relevance for a search, else
// the sidebar choice's order. Relevance chosen for a search gives way to
// the sidebar's order once the search is cleared.
func (l *articleList) effectiveOrder() listOrder {
	o := l.scopeOrder
	switch {
	case l.userOrder && (l.order != orderRelevance || l.searching()):
		o = l.order
	case l.searching():
		o = orderRelevance
	}
	if o == orderCollection && !l.collectionOrdered() { // a search, or no collection
		o = orderNewest
		if l.searching() {
			o = orderRelevance
		}
	}
	return o
}

// sortOptions are the orders the sort menu offers: relevance only for a
// search, collection order only for a collection without one.
func (l *articleList) sortOptions() []string {
	var out []string
	for i, n := range orderNames {
		switch listOrder(i) {
		case orderRelevance:
			if !l.searching() {
				continue
			}
		case orderCollection:
			if !l.collectionOrdered() {
				continue
			}
		}
		out = append(out, n)
	}
	return out
}

// setSearch shows the hits of the search (with the sidebar's choice).
func (l *articleList) setSearch(search archive.Selection) {
	l.search = search
	l.reload()
}

// setScope shows the sidebar's choice: what it selects and the order it
// comes in.
func (l *articleList) setScope(scope archive.Selection, order listOrder) {
	l.scope, l.scopeOrder, l.userOrder = scope, order, false
	l.reload()
}

func (l *articleList) sortChanged(name string) {
	for i, n := range orderNames {
		if n == name {
			l.order, l.userOrder = listOrder(i), true
		}
	}
	l.reload()
}

// reload shows the current selection in the current order. The rows on
// screen stay until the first page of the new selection arrives; a reload
// still on its way is cancelled.
func (l *articleList) reload() { l.reloadThen(nil) }

// reloadThen reloads the list and runs then once its first page is shown.
func (l *articleList) reloadThen(then func()) {
	l.cancelPending()
	m := newListModel(l.ctx, l.selection(), l.effectiveOrder())
	m.then = then
	l.next = m
	start := l.timing.start()
	loader := l.loader
	go func() {
		p, err := loader.load(m.ctx, m.sel, m.order, 0)
		l.do(func() {
			l.applyFirst(m, p, err)
			l.timing.since("list "+selText(m.sel), start)
		})
	}()
}

// cancelPending cancels a reload still on its way, if any.
func (l *articleList) cancelPending() {
	if l.next != nil {
		l.next.cancel()
		l.next = nil
	}
}

// applyFirst makes m, whose first page is p, the list's model.
func (l *articleList) applyFirst(m *listModel, p listPage, err error) {
	if l.next != m { // superseded or cancelled
		return
	}
	l.next = nil
	if err != nil {
		m.cancel()
		l.showLoadError(m.sel, err)
		return
	}
	// Back to the top while the old rows are still there: with the new,
	// maybe shorter, model the old offset could show (and fetch) far rows.
	l.list.ScrollToOffset(0) // unlike ScrollToTop, safe before the list is first drawn
	if l.onQueryError != nil {
		l.onQueryError(nil)
	}
	l.cur.cancel()
	l.cur = m
	m.pages[0], m.total, m.window, m.own = p.rows, p.total, p.window, p.own
	l.clearSelection()
	l.showOrder()
	l.list.Refresh()
	l.updateStatus()
	if l.onLoaded != nil {
		l.onLoaded(m.sel, m.total)
	}
	if m.then != nil {
		m.then()
	}
}

// showOrder shows the order of the list in the sort menu.
func (l *articleList) showOrder() {
	l.sortSel.OnChanged = nil
	l.sortSel.Options = l.sortOptions()
	l.sortSel.SetSelected(orderNames[l.cur.order])
	l.sortSel.OnChanged = l.sortChanged
}

func (l *articleList) showLoadError(sel archive.Selection, err error) {
	if errors.Is(err, context.Canceled) {
		return
	}
	if sel.IsZero() {
		l.showError("Could not read the list of articles.", err)
		return
	}
	// A half-typed query may not parse: say so beside the search box,
	// in full, and keep the results of the last query that ran.
	l.log.Debug("search failed", "selection", selText(sel), "err", err)
	if l.onQueryError != nil {
		l.onQueryError(err)
	}
}

// fetch loads page n of the current model in the background, once.
func (l *articleList) fetch(n int) {
	m := l.cur
	if m.pending[n] || m.failed[n] || m.pages[n] != nil {
		return
	}
	m.pending[n] = true
	loader := l.loader
	go func() {
		p, err := loader.load(m.ctx, m.sel, m.order, n)
		l.do(func() { l.applyPage(m, n, p, err) })
	}()
}

func (l *articleList) applyPage(m *listModel, n int, p listPage, err error) {
	delete(m.pending, n)
	if l.cur != m {
		return
	}
	if err != nil {
		m.failed[n] = true
		if !errors.Is(err, context.Canceled) {
			l.log.Error("load list page", "selection", selText(m.sel), "page", n, "err", err)
		}
		l.list.Refresh()
		return
	}
	m.pages[n] = p.rows
	l.list.Refresh()
}

func (l *articleList) updateStatus() {
	m := l.cur
	if !l.searching() {
		text := words.Plural(m.total, "article", "articles")
		if m.order == orderCollection && m.own < m.total { // the rule for sub-collections, said
			text += fmt.Sprintf(": %d in the collection's order, then %d from collections inside it", m.own, m.total-m.own)
		}
		l.status.SetText(text)
		l.bulk.update()
		return
	}
	matches := words.Plural(m.total, "match", "matches")
	if m.total == 0 {
		matches = "No matches"
	}
	// The search runs within the sidebar's choice: say which.
	matches = words.Join(" ", matches, scopeText(l.scope))
	switch {
	case m.total == 0:
	case m.window > 0 && m.order == orderRelevance:
		matches += fmt.Sprintf(", the newest %d ranked by relevance", m.window)
	case l.prefixed != nil && l.prefixed():
		last := strings.Fields(strings.TrimSuffix(l.search.Query, "*"))
		matches += " so far, “" + last[len(last)-1] + "” taken as the start of a word"
	}
	l.status.SetText(matches)
	l.bulk.update()
}

// scopeText says where a search runs, for the status line: "in the
// collection “Reading”", "among the starred"; "" for all articles.
func scopeText(scope archive.Selection) string {
	var where []string
	if scope.Collection != "" {
		where = append(where, "in the collection “"+scope.Collection+"”")
	}
	if scope.Saved != "" {
		where = append(where, "in the saved search “"+scope.Saved+"”")
	}
	if scope.Site != "" {
		where = append(where, "from "+scope.Site)
	}
	for _, t := range scope.Tags {
		where = append(where, "tagged "+t)
	}
	if scope.Starred {
		where = append(where, "among the starred")
	}
	if scope.Unread {
		where = append(where, "among the unread")
	}
	return strings.Join(where, ", ")
}

// step opens the article d rows after (or before) the one in the reader.
func (l *articleList) step(d int) {
	i := l.indexOf(l.current())
	if i < 0 && d < 0 {
		return
	}
	j := i + d
	if _, ok := l.cur.row(j); !ok {
		return
	}
	l.rowTapped(j, 0)
	l.list.ScrollTo(j)
}

// indexOf returns the row of article id among the rows loaded, or -1.
func (l *articleList) indexOf(id int64) int {
	for n, p := range l.cur.pages {
		for i, r := range p {
			if r.id == id {
				return n*pageSize + i
			}
		}
	}
	return -1
}

// setRead marks the row of article id read or unread.
func (l *articleList) setRead(id int64, read bool) {
	if i := l.indexOf(id); i >= 0 {
		l.cur.pages[i/pageSize][i%pageSize].read = read
		l.list.RefreshItem(i)
	}
}

// annotated records that article id has annotations (or has none any
// more) and redraws its row.
func (l *articleList) annotated(id int64, has bool) {
	l.notes.set(id, has)
	if i := l.indexOf(id); i >= 0 {
		l.cur.pages[i/pageSize][i%pageSize].notes = has
		l.list.RefreshItem(i)
	}
}

// refreshNotes marks the rows loaded that have annotations.
func (l *articleList) refreshNotes() {
	for _, p := range l.cur.pages {
		for i := range p {
			p[i].notes = l.notes.has(p[i].id)
		}
	}
	l.list.Refresh()
}

// changed fetches the rows loaded again (states or tags changed), keeping
// the position in the list.
func (l *articleList) changed() {
	m := l.cur
	loader := l.loader
	for n := range m.pages {
		go func() {
			p, err := loader.load(m.ctx, m.sel, m.order, n)
			l.do(func() {
				if err == nil && l.cur == m {
					m.pages[n] = p.rows
					if n == 0 {
						m.total, m.window, m.own = p.total, p.window, p.own
						l.updateStatus()
					}
					l.list.Refresh()
				}
			})
		}()
	}
}
