package app

import (
	"context"
	"errors"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/clippings/clippings/archive"
)

// searchBar is the entry above the article list, in the archive's search
// language (words, "phrases", prefix*, OR, -not, and field filters such as
// site:, tag:, date:2019-03). Typing filters the list once the user
// pauses; a search on its way is cancelled by the next keystroke. Below
// the entry the facet panel shows the results by month, site and tag.
type searchBar struct {
	env
	lib      searchSaver
	debounce time.Duration // how long to wait after the last keystroke
	facets   *facetPanel   // made by the UI; built below the entry

	// Callbacks: onTyping when a keystroke makes the search on its way
	// stale, onSearch when the list should show a query; scope returns
	// the sidebar's query, saved with the search; onSaved follows a save.
	onTyping func()
	onSearch func(query string)
	scope    func() string
	onSaved  func()

	entry *searchEntry
	save  *widget.Button
	timer *time.Timer
	query string    // the query the list shows or is loading
	typed time.Time // when the last keystroke came, for timing
}

// searchSaver keeps searches under a name.
type searchSaver interface {
	SaveSearch(ctx context.Context, name, query string) error
}

func (s *searchBar) buildUI() fyne.CanvasObject {
	s.entry = &searchEntry{Entry: widget.Entry{PlaceHolder: "Search (Ctrl+F)",
		OnChanged:  s.onChanged,
		ActionItem: &widget.Button{Icon: theme.CancelIcon(), Importance: widget.LowImportance, OnTapped: s.clear}}}
	s.entry.ExtendBaseWidget(s.entry)
	s.save = &widget.Button{Icon: theme.DocumentSaveIcon(), Importance: widget.LowImportance, OnTapped: s.saveSearch}
	return container.NewVBox(container.NewBorder(nil, nil, nil, s.save, s.entry), s.facets.buildUI())
}

// onChanged runs on the UI goroutine for every keystroke: it cancels the
// search on its way and schedules a new one after the debounce delay.
func (s *searchBar) onChanged(text string) {
	if s.timer != nil {
		s.timer.Stop()
	}
	s.typed = time.Now()
	query := liveQuery(text)
	s.onTyping()
	s.facets.stop()
	s.timer = time.AfterFunc(s.debounce, func() {
		s.do(func() { s.run(query) })
	})
}

// run starts the search for query unless the user typed on in the meantime.
func (s *searchBar) run(query string) {
	if liveQuery(s.entry.Text) != query {
		return // a newer keystroke has its own timer
	}
	s.query = query
	s.onSearch(query)
}

func (s *searchBar) clear() {
	s.entry.SetText("")
}

// addFilter adds a filter (site:"BBC") to the search.
func (s *searchBar) addFilter(filter string) {
	text := strings.TrimSpace(s.entry.Text)
	if strings.Contains(text, filter) {
		return
	}
	s.entry.SetText(strings.TrimSpace(text + " " + filter))
}

// setDates narrows the search to the months from..to ("2019-03").
func (s *searchBar) setDates(from, to string) {
	s.entry.SetText(withDates(s.entry.Text, from, to))
}

// minPrefix is the length from which an unfinished word matches as a
// prefix: shorter ones would match most of a large archive's words.
const minPrefix = 3

// liveQuery turns what is in the entry into the query to run while the
// user is typing: the last word, if unfinished (no space after it, not in
// quotes, not a filter, three letters or more), matches as a prefix, so
// "pyong" already finds "Pyongyang".
func liveQuery(text string) string {
	q := strings.TrimLeftFunc(text, unicode.IsSpace)
	if q == "" {
		return ""
	}
	last, _ := utf8.DecodeLastRuneInString(q)
	fields := strings.Fields(q)
	lastWord := fields[len(fields)-1]
	if strings.Count(q, `"`)%2 == 0 && (unicode.IsLetter(last) || unicode.IsNumber(last)) &&
		!strings.Contains(lastWord, ":") && utf8.RuneCountInString(lastWord) >= minPrefix {
		return q + "*"
	}
	return strings.TrimRightFunc(q, unicode.IsSpace)
}

// text is the query the list shows or is loading.
func (s *searchBar) text() string { return s.query }

// saveSearch keeps the search (with the sidebar's choice) under a name.
func (s *searchBar) saveSearch() {
	query := strings.TrimSpace(s.scope() + " " + strings.TrimSpace(s.entry.Text))
	if query == "" {
		s.inform("Nothing to save", "Type a search first; it is saved with the sidebar's choice.")
		return
	}
	name := &widget.Entry{PlaceHolder: "Summits 2019"}
	name.ExtendBaseWidget(name)
	d := dialog.NewForm("Save search", "Save", "Cancel",
		[]*widget.FormItem{{Text: "Name", Widget: name}, {Text: "Query", Widget: wrappedLabel(query)}},
		func(ok bool) {
			if n := strings.TrimSpace(name.Text); ok && n != "" {
				s.store(n, query)
			}
		}, s.win)
	d.Resize(fyne.NewSize(420, d.MinSize().Height))
	d.Show()
	s.win.Canvas().Focus(name)
}

func (s *searchBar) store(name, query string) {
	go func() {
		err := s.lib.SaveSearch(s.ctx, name, query)
		s.do(func() {
			if err != nil {
				s.showError("Could not save the search.", err)
				return
			}
			s.onSaved()
		})
	}()
}

// searchProblem is what the status line says of a failed search: the
// query error (what and where) without the wrapping.
func searchProblem(err error) string {
	var qe *archive.QueryError
	if errors.As(err, &qe) {
		return qe.Error()
	}
	return err.Error()
}

// searchEntry is the search box: an Entry that hands the keys it has no
// use for (F1) to the window, as when nothing has the focus.
type searchEntry struct {
	widget.Entry
}

// TypedKey is part of fyne.Focusable.
func (e *searchEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyF1 {
		if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil && c.OnTypedKey() != nil {
			c.OnTypedKey()(ev)
		}
		return
	}
	e.Entry.TypedKey(ev)
}
