package app

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
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
	t.Run("SortAlone", func(t *testing.T) {
		// A query of only a sort lists every article in that order, and
		// the facets are the whole archive's.
		u.search.entry.SetText("")
		waitFor(t, q, "every article", func() bool { return u.list.cur.sel.IsZero() && u.list.length() > 1 })
		all := u.list.length()
		u.search.entry.SetText("sort:title")
		waitFor(t, q, "every article by title", func() bool {
			return u.list.cur.sel.Query == "sort:title" && len(shownTitles(u)) == all
		})
		if got := shownTitles(u); !slices.IsSorted(got) {
			t.Errorf("sort:title shows %q, not in title order", got)
		}
		if got, want := u.list.status.Text, fmt.Sprintf("%d matches", all); got != want {
			t.Errorf("status %q, want %q", got, want)
		}
		waitFor(t, q, "the whole archive's facets", func() bool {
			return u.search.facets.shown.Query == "sort:title" && slices.Contains(buttonTexts(u.search.facets.chips), "Coast Gazette 1")
		})
	})
	t.Run("BadQuerySaysWhere", func(t *testing.T) {
		before, status := shownTitles(u), u.list.status.Text
		chips := buttonTexts(u.search.facets.chips)
		u.search.entry.SetText(`seals OR`)
		waitFor(t, q, "the error", func() bool { return u.search.problem.Visible() })
		want := "Not searched yet: OR needs something after it, at character 7 of “seals ▸OR”."
		if got := u.search.problem.Text; got != want || u.search.problem.Wrapping != fyne.TextWrapWord {
			t.Errorf("the problem says %q (wrapping %v), want %q wrapped", got, u.search.problem.Wrapping, want)
		}
		if got := shownTitles(u); !slices.Equal(got, before) || u.list.status.Text != status {
			t.Errorf("the list shows %q (%q), want the last results %q (%q)", got, u.list.status.Text, before, status)
		}
		if got := buttonTexts(u.search.facets.chips); !slices.Equal(got, chips) {
			t.Errorf("the facets show %q, want the last results' %q", got, chips)
		}
		u.search.entry.SetText("seals")
		waitFor(t, q, "the problem gone", func() bool { return !u.search.problem.Visible() })
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
		settleDelay: time.Hour, onSearch: func(search archive.Selection) { searched = append(searched, search) }}
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
	if got, want := searched[len(searched)-1], (archive.Selection{Query: "estu", Site: "Coast Gazette"}); !reflect.DeepEqual(got, want) || sb.entry.Text != "estu" {
		t.Errorf("onSearch got %+v (entry %q), want %+v", got, sb.entry.Text, want)
	}
}

// TestSearchSettlesAsTyped types "plague" in an archive that holds
// "plague" and "plagued": while typing the last word is a prefix (and
// the status line says so), and once typing pauses the list shows what
// the command line's search finds.
func TestSearchSettlesAsTyped(t *testing.T) {
	s := openStore(t)
	for i, text := range []string{"The plague reached the port.", "A plague ship was turned away.", "Ships plagued by rats.",
		"The town was plagued all winter.", "Quarantine against the plague."} {
		addCapture(t, s, textCapture(&archive.Article{Title: fmt.Sprintf("Report %d", i+1),
			Blocks: []archive.Block{{Kind: archive.Paragraph, Text: text}}}))
	}
	u, q := newTestUI(t, s)
	waitFor(t, q, "the list", func() bool { return u.list.length() == 5 })
	u.search.settleDelay = 20 * time.Millisecond
	test.Type(u.search.entry, "plague")
	cli, err := s.SearchCount(context.Background(), "plague")
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, q, "the search as typed", func() bool { return u.list.cur.sel.Query == "plague" && u.list.length() == cli })
	if cli != 3 {
		t.Fatalf("the archive finds %d articles for plague, want 3", cli)
	}
	if got := u.list.status.Text; got != "3 matches" {
		t.Errorf("status %q, want 3 matches", got)
	}
}

// TestFacetsOneRow fills the facets with more sites than fit across the
// list's pane: they take one row, which scrolls, and leave the list its
// room.
func TestFacetsOneRow(t *testing.T) {
	s := openStore(t)
	for i := range maxFacetValues {
		addCapture(t, s, textCapture(&archive.Article{Title: fmt.Sprintf("Report %d", i+1), Site: fmt.Sprintf("Coast Gazette %d", i+1),
			Blocks: []archive.Block{{Kind: archive.Paragraph, Text: "A walrus on the ice."}}}))
	}
	u, q := newTestUI(t, s)
	waitFor(t, q, "the facets", func() bool { return len(u.search.facets.chips.Objects) == maxFacetValues })
	q.drain()
	chips := u.search.facets.chips.Objects
	last := chips[len(chips)-1]
	if last.Position().Y != chips[0].Position().Y {
		t.Errorf("the facets wrap: the last at y %v, the first at %v", last.Position().Y, chips[0].Position().Y)
	}
	row := u.search.facets.box.Objects[1]
	if got, want := row.Size().Height, chips[0].MinSize().Height; got > want+theme.Padding() {
		t.Errorf("the facets' row is %v high, want one button's %v", got, want)
	}
}
