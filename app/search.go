package app

import (
	"context"
	"errors"
	"fmt"
	"slices"
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
// the entry the facet panel shows the results by month, site and tag;
// what is picked there narrows the search as a value (a name is never
// parsed) and shows below the entry, each pick a button that drops it.
type searchBar struct {
	env
	lib      searchSaver
	debounce time.Duration // how long to wait after the last keystroke
	facets   *facetPanel   // made by the UI; built below the entry

	// Callbacks: onTyping when a keystroke makes the search on its way
	// stale, onSearch when the list should show a search; scope returns
	// the sidebar's choice, saved with the search; onSaved follows a save.
	onTyping func()
	onSearch func(search archive.Selection)
	scope    func() archive.Selection
	onSaved  func()

	entry   *searchEntry
	save    *widget.Button
	problem *widget.Label   // what is wrong with the query typed, if anything
	picks   *fyne.Container // what is picked in the facets, each a button that drops it
	box     *fyne.Container // the entry, the problem, the picks, the facets
	timer   *time.Timer
	settle  *time.Timer // the exact search once typing pauses
	// settleDelay is how long after the last keystroke the search runs
	// as typed, without the unfinished word's prefix.
	settleDelay time.Duration
	query       string            // the text the list shows or is loading
	picked      archive.Selection // the site, tags and dates picked in the facets
	typed       time.Time         // when the last keystroke came, for timing
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
	s.picks = container.New(&flowLayout{})
	s.picks.Hide()
	s.box = container.NewVBox(container.NewBorder(nil, nil, nil, s.save, s.entry), s.problem, s.picks, s.facets.buildUI())
	return s.box
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
		s.onSearch(s.search())
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
	s.onSearch(s.search())
}

// search is what the list shows of the search: the text and the picks.
func (s *searchBar) search() archive.Selection {
	sel := s.picked
	sel.Query = s.query
	return sel
}

// searchNow runs the search at once, the text as typed (a pick, not a
// keystroke).
func (s *searchBar) searchNow() {
	for _, t := range []*time.Timer{s.timer, s.settle} {
		if t != nil {
			t.Stop()
		}
	}
	s.query = exactQuery(s.entry.Text)
	s.onSearch(s.search())
}

// clear drops the text and the picks.
func (s *searchBar) clear() {
	s.picked = archive.Selection{}
	s.showPicks()
	s.entry.SetText("")
	s.searchNow()
}

// pick narrows the search to what a facet stands for: a site (in place
// of one picked before) or a tag.
func (s *searchBar) pick(p archive.Selection) {
	s.setPicked(together(s.picked, p))
}

// setDates narrows the search to the months (or years) from..to
// ("2019-03", "2019"), in place of dates picked before.
func (s *searchBar) setDates(from, to string) {
	start, end, ok := binDates(from, to)
	if !ok {
		return
	}
	p := s.picked
	p.From, p.To = start, end
	s.setPicked(p)
}

func (s *searchBar) setPicked(p archive.Selection) {
	s.picked = p
	s.showPicks()
	s.searchNow()
}

// showPicks shows a button per pick, which drops it.
func (s *searchBar) showPicks() {
	var chips []fyne.CanvasObject
	drop := func(text string, without func(p *archive.Selection)) {
		chips = append(chips, &widget.Button{Text: text, Icon: theme.CancelIcon(), Importance: widget.LowImportance,
			OnTapped: func() {
				p := s.picked
				without(&p)
				s.setPicked(p)
			}})
	}
	if site := s.picked.Site; site != "" {
		drop(site, func(p *archive.Selection) { p.Site = "" })
	}
	for _, tag := range s.picked.Tags {
		drop("#"+tag, func(p *archive.Selection) {
			p.Tags = slices.DeleteFunc(slices.Clone(p.Tags), func(t string) bool { return t == tag })
			if len(p.Tags) == 0 {
				p.Tags = nil
			}
		})
	}
	if !s.picked.From.IsZero() || !s.picked.To.IsZero() {
		drop(datesLabel(s.picked.From, s.picked.To), func(p *archive.Selection) { p.From, p.To = time.Time{}, time.Time{} })
	}
	s.picks.Objects = chips
	s.picks.Hidden = len(chips) == 0
	s.box.Refresh() // lay the bar out again: the picks' row came or went
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

// text is the text the list shows or is loading.
func (s *searchBar) text() string { return s.query }

// saveSearch keeps the search (with the sidebar's choice and the picks)
// under a name, written in the search language.
func (s *searchBar) saveSearch() {
	search := s.picked
	search.Query = strings.TrimSpace(s.entry.Text)
	query, err := together(s.scope(), search).QueryText()
	switch {
	case err != nil:
		s.inform("Cannot save this search", "A saved search is kept as text in the search language, "+
			"which cannot name a tag, collection or site holding a double quote (\").")
		return
	case query == "":
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
