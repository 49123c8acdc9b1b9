package app

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/clippings/clippings/archive"
)

const (
	seedFile    = "china-backs-second-kim-trump-summit.txt"
	seedTitle   = "China backs second Kim-Trump Summit"
	sealsFile   = "harbour-seals.html"
	sealsTitle  = "Harbour seals return to the estuary"
	beesFile    = "allotment-bees.html"
	beesTitle   = "Allotment gardeners count wild bees"
	allArticles = 3
)

// newFilledUI opens a window on an archive holding the seed and the two
// test pages, and waits for the list to show them.
func newFilledUI(t *testing.T) (*UI, *uiQueue) {
	t.Helper()
	s := openStore(t)
	for _, name := range []string{seedFile, sealsFile, beesFile} {
		addFile(t, s, name)
	}
	u, q := newTestUI(t, s)
	waitFor(t, q, "the newest articles", func() bool { return len(shownTitles(u)) == allArticles })
	return u, q
}

func TestList(t *testing.T) {
	u, q := newFilledUI(t)
	q.drain()

	t.Run("Rows", func(t *testing.T) {
		drawn := labelTexts(u.list.list)
		for _, title := range []string{seedTitle, sealsTitle, beesTitle} {
			if !slices.Contains(drawn, title) {
				t.Errorf("list draws %q, want a row titled %q", drawn, title)
			}
		}
		if !containsText(drawn, "Coast Gazette · 12 Mar 2024") {
			t.Errorf("list draws %q, want the seals row's site and date", drawn)
		}
	})
	t.Run("Status", func(t *testing.T) {
		if got, want := u.list.status.Text, "3 articles"; got != want {
			t.Errorf("status = %q, want %q", got, want)
		}
	})
	t.Run("MainView", func(t *testing.T) {
		if got := u.content.Objects[0]; got != u.main {
			t.Error("a filled archive shows the welcome screen")
		}
	})
}

func TestSearch(t *testing.T) {
	u, q := newFilledUI(t)

	t.Run("Narrows", func(t *testing.T) {
		test.Type(u.search.entry, "estuary")
		waitFor(t, q, "the search to narrow the list", func() bool {
			return slices.Equal(shownTitles(u), []string{sealsTitle})
		})
		if got, want := u.list.status.Text, "1 match so far, “estuary” taken as the start of a word"; got != want {
			t.Errorf("status = %q, want %q", got, want)
		}
		u.search.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter: the search as typed
		waitFor(t, q, "the search as typed", func() bool { return u.list.status.Text == "1 match" })
		if drawn := labelTexts(u.list.list); slices.Contains(drawn, seedTitle) {
			t.Errorf("list still draws %q after the search", seedTitle)
		}
	})
	t.Run("PrefixWhileTyping", func(t *testing.T) {
		u.search.entry.SetText("")
		test.Type(u.search.entry, "Pyong")
		waitFor(t, q, "the unfinished word to match", func() bool {
			return slices.Equal(shownTitles(u), []string{seedTitle})
		})
	})
	t.Run("NoMatch", func(t *testing.T) {
		u.search.entry.SetText("zeppelin")
		waitFor(t, q, "an empty result", func() bool { return u.list.length() == 0 })
		if got, want := u.list.status.Text, "No matches"; got != want {
			t.Errorf("status = %q, want %q", got, want)
		}
		if got := u.content.Objects[0]; got != u.main {
			t.Error("a search without hits shows the welcome screen")
		}
	})
	t.Run("ClearShowsAll", func(t *testing.T) {
		u.search.clear()
		waitFor(t, q, "all articles again", func() bool { return len(shownTitles(u)) == allArticles })
	})
	t.Run("OnlyLastQueryApplies", func(t *testing.T) {
		for _, s := range []string{"b", "be", "bee", "bees"} {
			u.search.entry.SetText(s)
		}
		waitFor(t, q, "the last query", func() bool {
			return slices.Equal(shownTitles(u), []string{beesTitle}) && u.list.next == nil
		})
		if got, want := u.search.text(), "bees*"; got != want {
			t.Errorf("query = %q, want %q", got, want)
		}
	})
}

func TestReader(t *testing.T) {
	u, q := newFilledUI(t)

	row := slices.Index(shownTitles(u), sealsTitle)
	if row < 0 {
		t.Fatal("no seals row")
	}
	u.list.list.Select(row)
	waitFor(t, q, "the reader to show the article", func() bool {
		texts := u.reader.view.VisibleText()
		return len(texts) > 0 && texts[0] == sealsTitle
	})

	texts := itemTexts(u.reader.view)
	for _, want := range []string{"Mara Lindqvist", "Why the colony recovered", "• cleaner water",
		"A pup rests on the northern sandbank at low tide."} {
		if !containsText(texts, want) {
			t.Errorf("reader shows %q, want a block with %q", texts, want)
		}
	}
	if got, want := u.win.Title(), sealsTitle+" — Clippings"; got != want {
		t.Errorf("window title = %q, want %q", got, want)
	}

	t.Run("SearchKeepsHighlight", func(t *testing.T) {
		// Opening the article marks it read in the background; the golden
		// draws it read, so the search must not run before the mark is
		// stored (it would find the article still unread).
		waitFor(t, q, "the article marked read", func() bool {
			r, ok := u.list.cur.row(row)
			return ok && r.read
		})
		test.Type(u.search.entry, "estuary")
		waitFor(t, q, "the search", func() bool { return slices.Equal(shownTitles(u), []string{sealsTitle}) })
		test.AssertObjectRendersToMarkup(t, "list_search_selected.xml", u.list.list)
		u.search.clear()
		waitFor(t, q, "all articles again", func() bool { return len(shownTitles(u)) == allArticles })
	})
	t.Run("AnotherArticle", func(t *testing.T) {
		u.list.list.Select(slices.Index(shownTitles(u), seedTitle))
		waitFor(t, q, "the reader to switch", func() bool {
			texts := u.reader.view.VisibleText()
			return len(texts) > 0 && texts[0] == seedTitle
		})
		if texts := u.reader.view.VisibleText(); !strings.HasPrefix(texts[1], "Kim Jong-un leaves China") {
			t.Errorf("second item = %q, want the standfirst", texts[1])
		}
	})
}

func TestWelcome(t *testing.T) {
	u, q := newTestUI(t, openStore(t))
	waitFor(t, q, "the welcome screen", func() bool { return u.content.Objects[0] == u.welcome.content })

	test.Tap(u.welcome.samples)
	waitFor(t, q, "the samples to be imported", func() bool {
		return u.imports.job == nil && u.content.Objects[0] == u.main && u.list.length() > 0
	})
	titles := shownTitles(u)
	if !slices.Contains(titles, seedTitle) {
		t.Errorf("after importing the samples the list shows %q, want %q among them", titles, seedTitle)
	}
	if got := overlayTexts(u); !containsText(got, "Imported") {
		t.Errorf("summary dialog says %q, want how many files were imported", got)
	}
}

func TestAnnotationMarkAtStart(t *testing.T) {
	s := openStore(t)
	ids := addFile(t, s, sealsFile)
	addFile(t, s, beesFile)
	if _, err := s.AddHighlight(context.Background(), ids[0], archive.NewHighlight{Exact: "pups than in any year"}); err != nil {
		t.Fatal(err)
	}
	u, q := newTestUI(t, s)
	waitFor(t, q, "the marks", func() bool {
		r, ok := u.list.cur.row(u.list.indexOf(ids[0]))
		return ok && r.notes
	})
	if r, _ := u.list.cur.row(u.list.indexOf(ids[0]) ^ 1); r.notes {
		t.Error("the article without annotations has a mark")
	}
}
