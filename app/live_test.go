package app

import (
	"context"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/clippings/clippings/archive"
)

// TestLiveView opens the window on an archive and changes the archive
// through a second Store on the same file, as the command line does from
// another process: after each change the window's look at the archive
// finds it, and the sidebar's counts, the list, the reader and its panel
// follow, keeping the list's selection.
func TestLiveView(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "archive.db")
	window, err := archive.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { window.Close() })
	addFile(t, window, sealsFile)
	addFile(t, window, beesFile)
	cmdline, err := archive.Open(ctx, path) // the other process
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmdline.Close() })

	u, q := newTestUI(t, window)
	waitFor(t, q, "the list", func() bool { return u.list.length() == 2 })
	waitFor(t, q, "the sidebar", func() bool { return u.sidebar.data.nodes[nodeAll].count == 2 })
	w, err := window.Watch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	// look runs the window's check, as its goroutine does every second,
	// and waits for what it starts.
	look := func(what string, cond func() bool) {
		t.Helper()
		u.look(w)
		waitFor(t, q, what, cond)
	}

	seals := rowIDs(u, slices.Index(shownTitles(u), sealsTitle))[0]
	u.reader.show(seals)
	waitFor(t, q, "the seals article", func() bool { return u.reader.doc != nil && u.reader.doc.id == seals })
	bees := rowIDs(u, slices.Index(shownTitles(u), beesTitle))[0]
	click(rowWidget(t, u, slices.Index(shownTitles(u), beesTitle)), ctrlMod)
	if !u.list.selected[seals] || !u.list.selected[bees] {
		t.Fatalf("selection %v, want the seals and bees articles", u.list.selected)
	}

	t.Run("NothingChanged", func(t *testing.T) {
		// Opening the article marked it read: a change by the window
		// itself, which the next look finds.
		waitFor(t, q, "the seals article marked read", func() bool {
			r, _ := u.list.cur.row(slices.Index(shownTitles(u), sealsTitle))
			return r.read
		})
		u.look(w)
		q.drain()
		before := u.refreshes
		u.look(w)
		q.drain()
		if u.refreshes != before {
			t.Errorf("the window read the archive again %d times though nothing changed", u.refreshes-before)
		}
	})
	t.Run("Import", func(t *testing.T) {
		addFile(t, cmdline, seedFile)
		look("the imported article in the list", func() bool { return u.list.length() == 3 && len(shownTitles(u)) == 3 })
		waitFor(t, q, "the new count", func() bool { return u.sidebar.data.nodes[nodeAll].count == 3 })
		if got := u.list.status.Text; got != "3 articles" {
			t.Errorf("status %q, want 3 articles", got)
		}
		if !u.list.selected[seals] || !u.list.selected[bees] || len(u.list.selected) != 2 {
			t.Errorf("selection %v after the import, want the seals and bees articles still", u.list.selected)
		}
		if i := slices.Index(shownTitles(u), sealsTitle); !rowWidget(t, u, i).bg.Visible() {
			t.Error("the seals row is not drawn selected after the import")
		}
	})
	t.Run("Star", func(t *testing.T) {
		if err := cmdline.SetStarred(ctx, true, seals); err != nil {
			t.Fatal(err)
		}
		look("the starred count", func() bool { return u.sidebar.data.nodes[nodeStarred].count == 1 })
		waitFor(t, q, "the reader's star", func() bool { return u.reader.tools.star.Text == "Starred" })
	})
	t.Run("CollectionAndTag", func(t *testing.T) {
		col, err := cmdline.CreateCollection(ctx, 0, "Coast")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := cmdline.AddToCollection(ctx, col, seals); err != nil {
			t.Fatal(err)
		}
		if _, err := cmdline.AddTags(ctx, []int64{seals}, "wildlife"); err != nil {
			t.Fatal(err)
		}
		look("the collection and the tag", func() bool {
			c, t := u.sidebar.data.nodes["col:"+strconv.FormatInt(col, 10)], u.sidebar.data.nodes["tag:wildlife"]
			return c.count == 1 && t.count == 1
		})
		waitFor(t, q, "the reader's tags", func() bool { return slices.Contains(u.reader.doc.article.Tags, "wildlife") })
		waitFor(t, q, "the tag in the facets", func() bool { return slices.Contains(buttonTexts(u.search.facets.chips), "#wildlife 1") })
	})
	t.Run("Highlight", func(t *testing.T) {
		if _, err := cmdline.AddHighlight(ctx, seals, archive.NewHighlight{Exact: "the dunes", Note: "From the CLI"}); err != nil {
			t.Fatal(err)
		}
		look("the highlight drawn", func() bool { return len(u.reader.view.Marks()) == 1 })
		if got := len(u.reader.panel.rows.Objects); got != 1 {
			t.Errorf("the panel lists %d highlights, want 1", got)
		}
	})
	t.Run("NewVersion", func(t *testing.T) {
		a := u.reader.doc.article
		edited := &archive.Article{Title: a.Title, URL: a.URL, Site: a.Site,
			Blocks: []archive.Block{{Kind: archive.Paragraph, Text: "Revised: the count is made from the dunes each summer."}}}
		addCapture(t, cmdline, textCapture(edited))
		look("the new version in the reader", func() bool { return len(u.reader.doc.versions) == 2 })
		if !containsText(itemTexts(u.reader.view), "Revised: the count is made") {
			t.Errorf("the reader shows %q, want the new version", itemTexts(u.reader.view))
		}
	})
	t.Run("Delete", func(t *testing.T) {
		if err := cmdline.DeleteArticles(ctx, seals); err != nil {
			t.Fatal(err)
		}
		look("the article gone", func() bool { return u.list.length() == 2 && u.reader.doc == nil })
		waitFor(t, q, "the count", func() bool { return u.sidebar.data.nodes[nodeAll].count == 2 })
	})
}
