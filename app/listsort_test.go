package app

import (
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/clippings/clippings/archive"
)

func TestSortMenu(t *testing.T) {
	s := openStore(t)
	for _, a := range []struct {
		title, site, body string
		year              int
	}{
		{"Alpha", "Bay News", "Boats left the harbour at dawn.", 2020},
		{"bravo", "coast post", "Fishing boats and a ferry.", 2010},
		{"Charlie harbour", "Anchor Daily", "The harbour was quiet; the harbour master slept.", 2015},
	} {
		addCapture(t, s, textCapture(&archive.Article{Title: a.title, Site: a.site, Published: time.Date(a.year, 5, 1, 0, 0, 0, 0, time.UTC),
			Blocks: []archive.Block{{Kind: archive.Paragraph, Text: a.body}}}))
	}
	u, q := newTestUI(t, s)
	sel := u.list.sortSel
	shows := func(t *testing.T, what string, want ...string) {
		t.Helper()
		waitFor(t, q, what, func() bool { return u.list.next == nil && slices.Equal(shownTitles(u), want) })
	}
	shows(t, "the newest imported first", "Charlie harbour", "bravo", "Alpha")

	t.Run("InTheHeader", func(t *testing.T) {
		d := fyne.CurrentApp().Driver()
		if d.AbsolutePositionForObject(sel).Y >= d.AbsolutePositionForObject(u.list.list).Y {
			t.Error("the sort menu is not above the list")
		}
	})
	t.Run("NoRelevanceWithoutSearch", func(t *testing.T) {
		if got, want := sel.Options, []string{"Recently added", "Newest", "Oldest", "Title", "Site"}; !slices.Equal(got, want) {
			t.Errorf("sort menu offers %q, want %q", got, want)
		}
	})
	t.Run("ByDate", func(t *testing.T) {
		sel.SetSelected("Newest")
		shows(t, "newest first", "Alpha", "Charlie harbour", "bravo")
		sel.SetSelected("Oldest")
		shows(t, "oldest first", "bravo", "Charlie harbour", "Alpha")
	})
	t.Run("ByTitleAndSite", func(t *testing.T) {
		sel.SetSelected("Title")
		shows(t, "A to Z, whatever the case", "Alpha", "bravo", "Charlie harbour")
		sel.SetSelected("Site")
		shows(t, "by site", "Charlie harbour", "Alpha", "bravo")
		sel.SetSelected("Oldest")
		shows(t, "oldest first", "bravo", "Charlie harbour", "Alpha")
	})
	t.Run("SearchKeepsChosenOrder", func(t *testing.T) {
		u.search.entry.SetText("boats")
		shows(t, "the hits oldest first", "bravo", "Alpha")
		if !slices.Contains(sel.Options, "Relevance") || sel.Selected != "Oldest" {
			t.Errorf("during a search the menu offers %q with %q chosen, want Relevance offered and Oldest chosen", sel.Options, sel.Selected)
		}
	})
	t.Run("Relevance", func(t *testing.T) {
		u.search.entry.SetText("harbour")
		sel.SetSelected("Relevance")
		shows(t, "the best match first", "Charlie harbour", "Alpha")
		if !u.list.withSnippets() {
			t.Error("hits by relevance show no snippets")
		}
	})
	t.Run("ClearedSearchDropsRelevance", func(t *testing.T) {
		u.search.clear()
		shows(t, "the newest imported first again", "Charlie harbour", "bravo", "Alpha")
		if slices.Contains(sel.Options, "Relevance") || sel.Selected != "Recently added" {
			t.Errorf("after the search the menu offers %q with %q chosen", sel.Options, sel.Selected)
		}
	})
}
