package app

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/clippings/clippings/archive"
)

func TestLiveQuery(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", ""},
		{"   ", ""},
		{"kim", "kim*"},
		{" kim trump", "kim trump*"},
		{"kim ", "kim"},
		{`"north korea`, `"north korea`},
		{`"north korea"`, `"north korea"`},
		{"kim*", "kim*"},
		{"Pyŏngyang", "Pyŏngyang*"},
		{"2019", "2019*"},
		{"ki", "ki"},
		{"kim tr", "kim tr"},
		{"site:bbc", "site:bbc"},
	} {
		if got := liveQuery(tt.in); got != tt.want {
			t.Errorf("liveQuery(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSearchFeatures(t *testing.T) {
	u, q := newFilledUI(t)
	s := u.lib.(*archive.Store)

	t.Run("CtrlFFocuses", func(t *testing.T) {
		u.win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault})
		if u.win.Canvas().Focused() != u.search.entry {
			t.Errorf("Ctrl+F focuses %T, want the search entry", u.win.Canvas().Focused())
		}
	})
	t.Run("SnippetMarksMatches", func(t *testing.T) {
		test.Type(u.search.entry, "estuary")
		waitFor(t, q, "the hit", func() bool { return slices.Equal(shownTitles(u), []string{sealsTitle}) })
		r, _ := u.list.cur.row(0)
		if !slices.ContainsFunc(r.snippet, func(s archive.Span) bool { return s.Match && strings.EqualFold(s.Text, "estuary") }) {
			t.Errorf("snippet %+v marks no match", r.snippet)
		}
		if !u.list.withSnippets() {
			t.Error("rows of a search show no snippet")
		}
	})
	t.Run("FieldFilter", func(t *testing.T) {
		u.search.entry.SetText(`site:"Coast Gazette"`)
		waitFor(t, q, "the filtered list", func() bool { return slices.Equal(shownTitles(u), []string{sealsTitle}) })
	})
	t.Run("BadQuerySaysWhere", func(t *testing.T) {
		u.search.entry.SetText(`(seals`)
		waitFor(t, q, "the error", func() bool { return strings.HasPrefix(u.list.status.Text, "Search failed") })
		if !strings.Contains(u.list.status.Text, "at character") {
			t.Errorf("status = %q, want where the query is wrong", u.list.status.Text)
		}
	})
	t.Run("Facets", func(t *testing.T) {
		u.search.entry.SetText("")
		waitFor(t, q, "facets of the whole archive", func() bool {
			return u.search.facets.shown.IsZero() && len(buttonTexts(u.search.facets.chips)) >= 2
		})
		if got := buttonTexts(u.search.facets.chips); !slices.Contains(got, "Coast Gazette 1") {
			t.Errorf("site facets = %q, want Coast Gazette 1", got)
		}
		test.Tap(u.search.facets.chips.Objects[slices.Index(buttonTexts(u.search.facets.chips), "Coast Gazette 1")].(*widget.Button))
		if got := buttonTexts(u.search.picks); u.search.entry.Text != "" || !slices.Equal(got, []string{"Coast Gazette"}) {
			t.Errorf("search %q, picks %q; want no text and the site picked", u.search.entry.Text, got)
		}
		waitFor(t, q, "the site's articles", func() bool { return slices.Equal(shownTitles(u), []string{sealsTitle}) })
		test.Tap(u.search.picks.Objects[0].(*widget.Button))
		waitFor(t, q, "every article again", func() bool { return u.list.cur.sel.IsZero() && len(shownTitles(u)) > 1 })
		if u.search.picks.Visible() {
			t.Errorf("picks %q shown after the last was dropped", buttonTexts(u.search.picks))
		}
	})
	t.Run("TimelineNarrows", func(t *testing.T) {
		u.search.clear()
		tl := u.search.facets.timeline
		waitFor(t, q, "the timeline", func() bool { return u.search.facets.shown.IsZero() && len(tl.bins) > 0 })
		i := slices.IndexFunc(tl.bins, func(b timeBin) bool { return b.from == "2024-03" })
		if i < 0 {
			t.Fatalf("no bar for March 2024 in %+v", tl.bins)
		}
		w := tl.Size().Width / float32(len(tl.bins))
		test.TapAt(tl, fyne.NewPos(float32(i)*w+w/2, 30))
		if got, want := buttonTexts(u.search.picks), []string{"Mar 2024"}; !slices.Equal(got, want) {
			t.Errorf("picks = %q, want %q", got, want)
		}
		waitFor(t, q, "the month's articles", func() bool { return slices.Equal(shownTitles(u), []string{sealsTitle}) })
	})
	t.Run("TimelineDragNarrowsToRange", func(t *testing.T) {
		u.search.clear()
		tl := u.search.facets.timeline
		waitFor(t, q, "the timeline", func() bool { return u.search.facets.shown.IsZero() && len(tl.bins) > 2 })
		w := min(tl.Size().Width/float32(len(tl.bins)), maxBarWidth)
		origin := fyne.CurrentApp().Driver().AbsolutePositionForObject(tl)
		from, to := origin.AddXY(w/2, 30), origin.AddXY(w*2.5, 30)
		test.Drag(u.win.Canvas(), to, to.X-from.X, 0)
		start, end, _ := binDates(tl.bins[0].from, tl.bins[2].to)
		if got := u.search.picked; !got.From.Equal(start) || !got.To.Equal(end) || u.search.entry.Text != "" {
			t.Errorf("picked %v..%v (text %q), want %v..%v", got.From, got.To, u.search.entry.Text, start, end)
		}
		text, err := together(u.list.scope, u.search.search()).QueryText()
		if want := "date:" + tl.bins[0].from + ".." + tl.bins[2].to; err != nil || text != want {
			t.Errorf("the search in the search language: %q, %v; want %q", text, err, want)
		}
		u.search.clear()
	})
	t.Run("SaveSearch", func(t *testing.T) {
		u.search.entry.SetText("seals")
		u.search.saveSearch()
		test.Type(u.win.Canvas().Focused(), "Seals")
		tapButton(t, u, "Save")
		waitFor(t, q, "the saved search in the sidebar", func() bool { _, ok := u.sidebar.data.nodes["saved:Seals"]; return ok })
		ss, err := s.SavedSearch(context.Background(), "Seals")
		if err != nil || ss.Query != "seals" {
			t.Errorf("saved search = %+v, %v; want query seals", ss, err)
		}
	})
}

func TestBinDates(t *testing.T) {
	for _, tt := range []struct{ from, to, label, text string }{
		{"2019-03", "2019-03", "Mar 2019", "date:2019-03"},
		{"2019-01", "2019-12", "2019", "date:2019"},
		{"2019-11", "2020-02", "Nov 2019 – Feb 2020", "date:2019-11..2020-02"},
		{"2019", "2019", "2019", "date:2019"},
		{"2018", "2020", "2018 – 2020", "date:2018..2020"},
	} {
		from, to, ok := binDates(tt.from, tt.to)
		if !ok {
			t.Errorf("%s..%s: not dates", tt.from, tt.to)
			continue
		}
		if got := datesLabel(from, to); got != tt.label {
			t.Errorf("%s..%s: label %q, want %q", tt.from, tt.to, got, tt.label)
		}
		if got, err := (archive.Selection{From: from, To: to}).QueryText(); err != nil || got != tt.text {
			t.Errorf("%s..%s: %q, %v; want %q", tt.from, tt.to, got, err, tt.text)
		}
	}
	if _, _, ok := binDates("2019-3", "2019"); ok {
		t.Error("2019-3 taken for a month")
	}
}

func TestBinsFor(t *testing.T) {
	months := []archive.FacetCount{{Value: "2018-11", Count: 2}, {Value: "2019-02", Count: 5}}
	bins := binsFor(months, 400)
	if got, want := len(bins), 4; got != want {
		t.Fatalf("%d bars, want %d (Nov to Feb, empty months too)", got, want)
	}
	if bins[3].count != 5 || bins[1].count != 0 || bins[0].label != "Nov 2018" {
		t.Errorf("bars = %+v", bins)
	}
	long := []archive.FacetCount{{Value: "1990-01", Count: 1}, {Value: "2019-06", Count: 3}}
	if bins := binsFor(long, 300); len(bins) != 30 || bins[29].from != "2019-01" || bins[29].count != 3 {
		t.Errorf("30 years in 300 px: %d bars, last %+v; want a bar a year", len(bins), bins[len(bins)-1])
	}
}

// TestSearchBarAlone builds the search bar and its facets alone: a pause
// in typing hands the live query to onSearch, and a facet's chip adds its
// value to the search.
func TestSearchBarAlone(t *testing.T) {
	s := openStore(t)
	addFile(t, s, sealsFile)
	e, q := newTestEnv(t)
	var searched []archive.Selection
	sb := &searchBar{env: e, lib: s, onTyping: func() {}, scope: func() archive.Selection { return archive.Selection{} }, onSaved: func() {},
		onSearch: func(search archive.Selection) { searched = append(searched, search) }}
	sb.facets = &facetPanel{env: e, lib: s, onPick: sb.pick, onDates: sb.setDates}
	e.win.SetContent(sb.buildUI())

	test.Type(sb.entry, "estu")
	waitFor(t, q, "the search", func() bool { return len(searched) > 0 })
	if got, want := searched[len(searched)-1], (archive.Selection{Query: "estu*"}); !reflect.DeepEqual(got, want) {
		t.Errorf("onSearch got %+v, want %+v", got, want)
	}
	sb.facets.load(archive.Selection{})
	waitFor(t, q, "the facets", func() bool { return slices.Contains(buttonTexts(sb.facets.chips), "Coast Gazette 1") })
	test.Tap(sb.facets.chips.Objects[slices.Index(buttonTexts(sb.facets.chips), "Coast Gazette 1")].(*widget.Button))
	if got, want := searched[len(searched)-1], (archive.Selection{Query: "estu*", Site: "Coast Gazette"}); !reflect.DeepEqual(got, want) || sb.entry.Text != "estu" {
		t.Errorf("onSearch got %+v (entry %q), want %+v", got, sb.entry.Text, want)
	}
}
