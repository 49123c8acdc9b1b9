package app

import (
	"context"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/clippings/clippings/archive"
)

func TestSidebar(t *testing.T) {
	u, q := newFilledUI(t)
	s := u.lib.(*archive.Store)
	ctx := context.Background()
	ids, _ := s.SearchIDs(ctx, "seals OR bees")
	if _, err := s.AddTags(ctx, ids, "nature/animals"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddTags(ctx, ids[:1], "nature"); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveSearch(ctx, "Coast", `site:"Coast Gazette"`); err != nil {
		t.Fatal(err)
	}
	u.sidebar.reload()
	waitFor(t, q, "the tags", func() bool { _, ok := u.sidebar.data.nodes["tag:nature/animals"]; return ok })
	d := u.sidebar.data

	t.Run("Counts", func(t *testing.T) {
		for id, want := range map[string]int{nodeAll: 3, nodeUnread: 3, nodeStarred: 0, "tag:nature": 2, "tag:nature/animals": 2} {
			if got := d.nodes[id].count; got != want {
				t.Errorf("%s count = %d, want %d", id, got, want)
			}
		}
		if got := d.children["tag:nature"]; !slices.Equal(got, []string{"tag:nature/animals"}) {
			t.Errorf("below nature: %q", got)
		}
		if got := len(d.children[secSites]); got < 2 {
			t.Errorf("%d sites, want the test pages' sites", got)
		}
	})
	t.Run("SavedSearch", func(t *testing.T) {
		u.sidebar.tree.Select("saved:Coast")
		waitFor(t, q, "the saved search's articles", func() bool {
			return u.list.cur.sel.Saved == "Coast" && slices.Equal(shownTitles(u), []string{sealsTitle})
		})
	})
	t.Run("SectionOnlyOpens", func(t *testing.T) {
		u.sidebar.tree.Select(secSites)
		if !u.sidebar.tree.IsBranchOpen(secSites) {
			t.Error("choosing Sites does not open it")
		}
		if got := u.sidebar.chosen; got != "saved:Coast" {
			t.Errorf("chosen = %q, want the entry chosen before", got)
		}
	})
	t.Run("Golden", func(t *testing.T) {
		u.sidebar.tree.Select(nodeRecent)
		q.drain()
		test.AssertObjectRendersToMarkup(t, "sidebar.xml", u.sidebar.tree)
	})
}

// slowSavedStore holds up the first reading of the saved searches until
// release is closed, after it has read them; loaded is closed when that
// reading returns.
type slowSavedStore struct {
	*archive.Store
	release, loaded chan struct{}
	calls           int32
}

func (s *slowSavedStore) SavedSearches(ctx context.Context) ([]archive.SavedSearch, error) {
	res, err := s.Store.SavedSearches(ctx)
	if atomic.AddInt32(&s.calls, 1) == 1 {
		<-s.release
		defer close(s.loaded)
	}
	return res, err
}

func TestSidebarLateReloadDropped(t *testing.T) {
	s := openStore(t)
	addFile(t, s, sealsFile)
	slow := &slowSavedStore{Store: s, release: make(chan struct{}), loaded: make(chan struct{})}
	u, q := newTestUI(t, slow)
	waitFor(t, q, "the first sidebar load to start", func() bool { return atomic.LoadInt32(&slow.calls) == 1 })
	if err := s.SaveSearch(context.Background(), "Coast", "seals"); err != nil {
		t.Fatal(err)
	}
	u.sidebar.reload()
	waitFor(t, q, "the saved search", func() bool { _, ok := u.sidebar.data.nodes["saved:Coast"]; return ok })
	close(slow.release)
	<-slow.loaded
	// The rest of the first load (tags, sites) and its hand-over take a
	// few milliseconds; watch for a while that it changes nothing.
	for end := time.Now().Add(300 * time.Millisecond); time.Now().Before(end); time.Sleep(5 * time.Millisecond) {
		q.drain()
		if _, ok := u.sidebar.data.nodes["saved:Coast"]; !ok {
			t.Fatal("the first load, read before the search was saved, replaced the later one")
		}
	}
}

// TestSidebarAlone builds the sidebar alone on a temporary archive: it
// counts what the archive holds, and choosing an entry hands its query
// and order to onChoose.
func TestSidebarAlone(t *testing.T) {
	s := openStore(t)
	ids := addFile(t, s, sealsFile)
	addFile(t, s, beesFile)
	if _, err := s.AddTags(context.Background(), ids, "nature"); err != nil {
		t.Fatal(err)
	}
	e, q := newTestEnv(t)
	var scope archive.Selection
	var order listOrder
	sb := &sidebar{env: e, lib: s, onChoose: func(s archive.Selection, o listOrder) { scope, order = s, o }}
	e.win.SetContent(sb.buildUI())
	sb.reload()
	waitFor(t, q, "the counts", func() bool { return sb.data.nodes[nodeAll].count == 2 })
	if got := sb.data.nodes["tag:nature"].count; got != 1 {
		t.Errorf("tag:nature count = %d, want 1", got)
	}
	sb.tree.Select("tag:nature")
	if !slices.Equal(scope.Tags, []string{"nature"}) || order != orderNewest {
		t.Errorf("choosing the tag shows %+v in order %v, want the tag nature newest first", scope, order)
	}
}

// TestNarrowWindow lays the window out at 1000×700: the sidebar's fixed
// entries and the sort box's order are shown whole, not cut.
func TestNarrowWindow(t *testing.T) {
	u, q := newTestUI(t, openStore(t))
	u.win.Resize(fyne.NewSize(1000, 700))
	q.drain()
	checked := 0
	for o, id := range u.sidebar.shown {
		if strings.HasPrefix(id, "col:") || strings.HasPrefix(id, "tag:") || strings.HasPrefix(id, "saved:") || strings.HasPrefix(id, "site:") {
			continue // names of the user's, which may be long
		}
		name := o.(*fyne.Container).Objects[0].(*widget.Label)
		whole := &widget.Label{Text: name.Text, TextStyle: name.TextStyle}
		if !o.Visible() || name.Size().Width == 0 {
			continue
		}
		checked++
		if name.Size().Width < whole.MinSize().Width {
			t.Errorf("the sidebar's %q is %.0f wide, cut (needs %.0f)", name.Text, name.Size().Width, whole.MinSize().Width)
		}
	}
	if checked < 9 {
		t.Errorf("%d of the sidebar's fixed entries shown, want the 5 sections and Library's 4", checked)
	}
	// A Select lays its text out between padding on the left and its icon
	// (with inner padding) on the right, the text inset by padding.
	sel := u.list.sortSel
	room := sel.Size().Width - theme.IconInlineSize() - theme.InnerPadding() - 3*theme.Padding()
	for _, name := range orderNames {
		if need := fyne.MeasureText(name, theme.TextSize(), fyne.TextStyle{}).Width; room < need {
			t.Errorf("the sort box has %.0f for %q, which needs %.0f", room, name, need)
		}
	}
}
