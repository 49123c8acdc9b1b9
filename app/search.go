package app

import (
	"context"
	"errors"
	"fmt"
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

	entry   *searchEntry
	save    *widget.Button
	problem *widget.Label // what is wrong with the query typed, if anything
	timer   *time.Timer
	settle  *time.Timer // the exact search once typing pauses
	// settleDelay is how long after the last keystroke the search runs
	// as typed, without the unfinished word's prefix.
	settleDelay time.Duration
	query       string    // the query the list shows or is loading
	typed       time.Time // when the last keystroke came, for timing
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
	s.entry.OnSubmitted = func(string) { s.runExact() }
	s.save = &widget.Button{Icon: theme.DocumentSaveIcon(), Importance: widget.LowImportance, OnTapped: s.saveSearch}
	s.problem = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance, SizeName: theme.SizeNameCaptionText}
	s.problem.Hide()
	return container.NewVBox(container.NewBorder(nil, nil, nil, s.save, s.entry), s.problem, s.facets.buildUI())
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
	if s.settle != nil {
		s.settle.Stop()
	}
	if query != exactQuery(text) { // the unfinished word is searched as a prefix meanwhile
		s.settle = time.AfterFunc(s.settleDelay, func() {
			s.do(func() {
				if s.entry.Text == text {
					s.runExact()
				}
			})
		})
	}
}

// exactQuery is the query as typed: what the command line would search.
func exactQuery(text string) string { return strings.TrimSpace(text) }

// runExact searches the text as typed, once typing has paused (or on
// Enter), so that the list agrees with the command line's search:
// "plague" finds "plague", not also "plagued".
func (s *searchBar) runExact() {
	if s.timer != nil {
		s.timer.Stop()
	}
	if q := exactQuery(s.entry.Text); q != s.query {
		s.query = q
		s.onSearch(q)
	}
}

// prefixed reports whether the list shows the text with its last word
// taken as a prefix (typing has not paused yet).
func (s *searchBar) prefixed() bool {
	return s.query != "" && s.query != exactQuery(s.entry.Text) && s.query == liveQuery(s.entry.Text)
}

// showProblem says what is wrong with the query typed, and where, or
// hides the message when err is nil. The list keeps the results of the
// last query that ran.
func (s *searchBar) showProblem(err error) {
	if err == nil {
		s.problem.Hide()
		return
	}
	s.problem.SetText(problemText(err))
	s.problem.Show()
}

// problemText is a malformed query's error for the window: the message
// and the query with a ▸ before the character where it goes wrong.
func problemText(err error) string {
	var qe *archive.QueryError
	if !errors.As(err, &qe) {
		return "The search failed: " + err.Error()
	}
	p := min(max(qe.Pos, 0), len(qe.Query))
	return fmt.Sprintf("Not searched yet: %s, at character %d of “%s▸%s”.", qe.Msg, qe.Column(), qe.Query[:p], qe.Query[p:])
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

// settleDelay is how long after the last keystroke the search runs as
// typed: a pause, not the gap between two keys.
const settleDelay = 600 * time.Millisecond

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
