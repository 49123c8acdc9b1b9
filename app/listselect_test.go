package app

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/clippings/clippings/archive"
)

// rowWidget returns the drawn row of the list showing row i.
func rowWidget(t *testing.T, u *UI, i int) *listRow {
	t.Helper()
	for _, o := range test.LaidOutObjects(u.list.list) {
		if r, ok := o.(*listRow); ok && r.index == i && r.Visible() {
			return r
		}
	}
	t.Fatalf("row %d is not drawn", i)
	return nil
}

// click taps a row with modifiers held, as the desktop driver does:
// the button goes down, then the tap.
func click(r *listRow, mods fyne.KeyModifier) {
	r.MouseDown(&desktop.MouseEvent{Button: desktop.MouseButtonPrimary, Modifier: mods})
	test.Tap(r)
}

func rowIDs(u *UI, rows ...int) []int64 {
	var ids []int64
	for _, i := range rows {
		r, _ := u.list.cur.row(i)
		ids = append(ids, r.id)
	}
	return ids
}

func TestMultiSelect(t *testing.T) {
	u, q := newFilledUI(t)
	s := u.lib.(*archive.Store)
	ctx := context.Background()

	t.Run("ClickOpens", func(t *testing.T) {
		click(rowWidget(t, u, 0), 0)
		waitFor(t, q, "the article", func() bool { return u.reader.doc != nil && u.reader.doc.id == rowIDs(u, 0)[0] })
		if u.list.bulk.box.Visible() {
			t.Error("one click shows the selection bar")
		}
	})
	t.Run("CtrlClickAdds", func(t *testing.T) {
		click(rowWidget(t, u, 2), fyne.KeyModifierShortcutDefault)
		if got, want := u.list.selectedIDs(), rowIDs(u, 0, 2); !slices.Equal(got, want) {
			t.Errorf("selection = %v, want %v (the open article and the row clicked)", got, want)
		}
		if got, want := u.list.bulk.label.Text, "2 articles selected"; !u.list.bulk.box.Visible() || got != want {
			t.Errorf("bar says %q (shown %v), want %q", got, u.list.bulk.box.Visible(), want)
		}
		if !rowWidget(t, u, 2).bg.Visible() || rowWidget(t, u, 1).bg.Visible() {
			t.Error("rows 0 and 2 should be drawn selected, row 1 not")
		}
	})
	t.Run("ShiftClickExtends", func(t *testing.T) {
		click(rowWidget(t, u, 1), fyne.KeyModifierShift)
		if got, want := u.list.selectedIDs(), rowIDs(u, 1, 2); !slices.Equal(got, want) {
			t.Errorf("selection = %v, want %v (from the last row clicked)", got, want)
		}
	})
	t.Run("MenuOnSecondaryTap", func(t *testing.T) {
		test.TapSecondary(rowWidget(t, u, 1))
		top := u.win.Canvas().Overlays().Top()
		if top == nil || !strings.Contains(test.RenderObjectToMarkup(top), "Add to collection…") {
			t.Fatal("no menu of actions")
		}
		if !strings.Contains(test.RenderObjectToMarkup(top), "Delete…") {
			t.Error("the menu does not offer Delete…")
		}
		top.Hide()
	})
	ids := rowIDs(u, 1, 2)
	t.Run("StarAndRead", func(t *testing.T) {
		u.setStarred(u.list.selectedIDs(), true)
		u.setRead(u.list.selectedIDs(), true)
		// The two actions run side by side: wait for both to be shown.
		waitFor(t, q, "the stars and the reads", func() bool {
			n, _ := s.SearchCount(ctx, "is:starred")
			return n == 2 && u.sidebar.data.nodes[nodeStarred].count == 2 && u.sidebar.data.nodes[nodeUnread].count == 0
		})
		if n, _ := s.SearchCount(ctx, "is:unread"); n != 0 {
			t.Errorf("%d unread, want 0 (one opened, two marked)", n)
		}
	})
	t.Run("Tag", func(t *testing.T) {
		u.tagDialog(u.list.selectedIDs())
		test.Type(u.dialogs.tag.entry, "korea/summits")
		u.dialogs.tag.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		tapButton(t, u, "Tag")
		waitFor(t, q, "the tag in the sidebar", func() bool { return u.sidebar.data.nodes["tag:korea/summits"].count == 2 })
		got, _ := s.SearchIDs(ctx, "tag:korea")
		if slices.Sort(got); !slices.Equal(got, sorted(ids)) {
			t.Errorf("tagged %v, want %v", got, ids)
		}
		waitFor(t, q, "the rows to show the tag", func() bool {
			r1, _ := u.list.cur.row(1)
			r2, _ := u.list.cur.row(2)
			return r1.tags == "korea/summits" && r2.tags == "korea/summits"
		})
		if parent := u.sidebar.data.children["tag:korea"]; !slices.Contains(parent, "tag:korea/summits") {
			t.Errorf("tag tree: korea has %v, want korea/summits below it", parent)
		}
	})
	t.Run("AddToNewCollection", func(t *testing.T) {
		u.collectionDialog(u.list.selectedIDs())
		waitFor(t, q, "the dialog", func() bool { return u.dialogs.newCollection != nil })
		test.Type(u.dialogs.newCollection, "Reading/Summits")
		tapButton(t, u, "Add")
		waitFor(t, q, "the collection", func() bool {
			c, err := s.CollectionByPath(ctx, "Reading/Summits")
			return err == nil && c.Count == 2
		})
		waitFor(t, q, "the sidebar's collections", func() bool { return len(u.sidebar.data.children[secCollections]) == 1 })
	})
	t.Run("AddToExistingCollection", func(t *testing.T) {
		c, _ := s.CollectionByPath(ctx, "Reading/Summits")
		u.dialogs.newCollection = nil
		u.collectionDialog(rowIDs(u, 0))
		waitFor(t, q, "the dialog", func() bool { return u.dialogs.newCollection != nil })
		u.dialogs.collection.SetSelected("Reading/Summits")
		tapButton(t, u, "Add")
		waitFor(t, q, "three articles in it", func() bool {
			c, err := s.CollectionByPath(ctx, "Reading/Summits")
			return err == nil && c.Count == 3
		})
		_ = c
	})
	t.Run("SidebarScopes", func(t *testing.T) {
		for _, tt := range []struct {
			node string
			want int
		}{{"tag:korea", 2}, {nodeStarred, 2}, {nodeUnread, 0}, {nodeAll, 3}, {"saved:none", -1}} {
			if tt.want < 0 {
				continue
			}
			u.sidebar.tree.Select(tt.node)
			waitFor(t, q, tt.node, func() bool {
				return reflect.DeepEqual(u.list.cur.sel, u.sidebar.data.nodes[tt.node].sel) && u.list.next == nil
			})
			if got := u.list.length(); got != tt.want {
				t.Errorf("%s shows %d articles, want %d", tt.node, got, tt.want)
			}
		}
		col := u.sidebar.data.children[secCollections][0]
		u.sidebar.tree.Select(col)
		waitFor(t, q, "the collection's articles", func() bool { return u.list.cur.sel.Collection == "Reading" && u.list.length() == 3 })
	})
	t.Run("StepThroughList", func(t *testing.T) {
		u.sidebar.tree.Select(nodeRecent)
		waitFor(t, q, "all articles", func() bool { return u.list.cur.sel.IsZero() && u.list.length() == 3 })
		click(rowWidget(t, u, 0), 0)
		waitFor(t, q, "row 0", func() bool { return u.reader.doc != nil && u.reader.doc.id == rowIDs(u, 0)[0] })
		u.readerKey('j')
		waitFor(t, q, "row 1", func() bool { return u.reader.doc.id == rowIDs(u, 1)[0] })
		u.readerKey('k')
		waitFor(t, q, "row 0 again", func() bool { return u.reader.doc.id == rowIDs(u, 0)[0] })
	})
}

func sorted(ids []int64) []int64 {
	out := slices.Clone(ids)
	slices.Sort(out)
	return out
}

const ctrlMod = fyne.KeyModifierShortcutDefault

func TestDeleteAsksFirst(t *testing.T) {
	u, q := newFilledUI(t)
	s := u.lib.(*archive.Store)
	ctx := context.Background()
	click(rowWidget(t, u, 0), 0)
	waitFor(t, q, "the article", func() bool { return u.reader.doc != nil && u.reader.doc.id == rowIDs(u, 0)[0] })
	click(rowWidget(t, u, 1), ctrlMod)
	gone, kept := rowIDs(u, 0, 1), shownTitles(u)[2]
	if _, err := s.AddTags(ctx, gone[1:], "doomed"); err != nil {
		t.Fatal(err)
	}
	u.tagsChanged()
	u.sidebar.reload()
	waitFor(t, q, "the new tag", func() bool {
		_, ok := u.sidebar.data.nodes["tag:doomed"]
		return ok && slices.Contains(u.tagNames(), "doomed")
	})
	waitFor(t, q, "the facets", func() bool { return siteChipTotal(u) >= 2 })
	items := u.list.bulk.menu().Items
	del := items[len(items)-1]
	if del.Label != "Delete…" {
		t.Fatalf("the last action is %q, want Delete…", del.Label)
	}

	t.Run("No", func(t *testing.T) {
		del.Action()
		titles := shownTitles(u)
		if got := overlayTexts(u); !containsText(got, "Delete 2 articles, “"+titles[0]+"” and “"+titles[1]+"” from the archive") {
			t.Fatalf("the dialog says %q, want how many articles go and which", got)
		}
		tapButton(t, u, "No")
		q.drain()
		if n, _ := s.Count(ctx); n != allArticles {
			t.Fatalf("%d articles left after a no, want %d", n, allArticles)
		}
	})
	t.Run("Yes", func(t *testing.T) {
		del.Action()
		tapButton(t, u, "Yes")
		waitFor(t, q, "the list and the sidebar", func() bool {
			return u.list.length() == 1 && u.sidebar.data.nodes[nodeAll].count == 1
		})
		if n, _ := s.Count(ctx); n != 1 {
			t.Errorf("%d articles left in the archive, want 1", n)
		}
		if _, err := s.Article(ctx, gone[0]); !errors.Is(err, archive.ErrNotFound) {
			t.Errorf("reading a deleted article: %v, want ErrNotFound", err)
		}
		if got := shownTitles(u); !slices.Equal(got, []string{kept}) {
			t.Errorf("list shows %q, want %q", got, kept)
		}
		if u.list.bulk.box.Visible() || len(u.list.selected) != 0 {
			t.Error("the deleted articles are still selected")
		}
		if u.reader.doc != nil || u.reader.current != 0 || u.win.Title() != "Clippings" {
			t.Errorf("the reader still shows a deleted article (%q)", u.win.Title())
		}
	})
	t.Run("FacetsCountAgain", func(t *testing.T) {
		a, err := s.Article(ctx, rowIDs(u, 0)[0])
		if err != nil {
			t.Fatal(err)
		}
		want := 0
		if a.Site != "" {
			want = 1
		}
		waitFor(t, q, "the facets of the article left", func() bool { return siteChipTotal(u) == want })
	})
	t.Run("TagGoes", func(t *testing.T) {
		waitFor(t, q, "the tag to leave the sidebar", func() bool {
			_, ok := u.sidebar.data.nodes["tag:doomed"]
			return !ok && !slices.Contains(u.tagNames(), "doomed")
		})
	})
}

// siteChipTotal adds up the counts of the facet panel's site chips
// ("Coast Gazette 2").
func siteChipTotal(u *UI) int {
	n := 0
	for _, o := range u.search.facets.chips.Objects {
		b, ok := o.(*widget.Button)
		if !ok || strings.HasPrefix(b.Text, "#") {
			continue
		}
		fields := strings.Fields(b.Text)
		if c, err := strconv.Atoi(fields[len(fields)-1]); err == nil {
			n += c
		}
	}
	return n
}
