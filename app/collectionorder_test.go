package app

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/clippings/clippings/archive"
)

// newCollectionUI opens a window on an archive of four reports: the
// collection Reading holds reports 3, 1 and 2 in that order, and
// Reading/Later holds report 4. It chooses Reading in the sidebar.
func newCollectionUI(t *testing.T) (*UI, *uiQueue, *archive.Store, int64, []int64) {
	t.Helper()
	s := openStore(t)
	ctx := context.Background()
	var ids []int64
	for i := range 4 {
		ids = append(ids, addCapture(t, s, textCapture(&archive.Article{Title: fmt.Sprintf("Report %d", i+1),
			Blocks: []archive.Block{{Kind: archive.Paragraph, Text: fmt.Sprintf("Report number %d.", i+1)}}}))...)
	}
	col, err := s.CreateCollection(ctx, 0, "Reading")
	if err != nil {
		t.Fatal(err)
	}
	later, err := s.CreateCollection(ctx, col, "Later")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddToCollection(ctx, col, ids[2], ids[0], ids[1]); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddToCollection(ctx, later, ids[3]); err != nil {
		t.Fatal(err)
	}
	u, q := newTestUI(t, s)
	node := fmt.Sprintf("col:%d", col)
	waitFor(t, q, "the sidebar", func() bool { _, ok := u.sidebar.data.nodes[node]; return ok })
	u.sidebar.tree.Select(node)
	waitFor(t, q, "the collection", func() bool {
		return u.list.next == nil && u.list.cur.sel.Collection == "Reading" && len(shownTitles(u)) == 4
	})
	return u, q, s, col, ids
}

func TestCollectionOpensInItsOrder(t *testing.T) {
	u, _, _, _, _ := newCollectionUI(t)
	want := []string{"Report 3", "Report 1", "Report 2", "Report 4"} // own articles in order, then Later's
	if got := shownTitles(u); !slices.Equal(got, want) {
		t.Errorf("the collection lists %q, want %q", got, want)
	}
	if got, want := u.list.status.Text, "4 articles: 3 in the collection's order, then 1 from collections inside it"; got != want {
		t.Errorf("the status says %q, want %q", got, want)
	}
	if got := u.list.sortSel.Selected; got != "Collection order" {
		t.Errorf("the sort box shows %q, want Collection order", got)
	}
	if !slices.Contains(u.list.sortSel.Options, "Collection order") {
		t.Errorf("the sort box offers %q, want Collection order among them", u.list.sortSel.Options)
	}
	u.list.sortSel.SetSelected("Title")
	if got := u.list.next.order; got != orderTitle {
		t.Errorf("choosing Title sorts by %v, want by title", got)
	}
}

func TestMoveDownInCollection(t *testing.T) {
	u, q, s, col, ids := newCollectionUI(t)
	u.reader.show(ids[2]) // Report 3, the first
	waitFor(t, q, "the reader", func() bool { return u.reader.current == ids[2] })
	u.list.moveInCollection(1)
	want := []string{"Report 1", "Report 3", "Report 2", "Report 4"}
	waitFor(t, q, "the moved list", func() bool { return u.list.next == nil && slices.Equal(shownTitles(u), want) })
	sums, err := s.CollectionArticles(context.Background(), col, archive.ListFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var stored []int64
	for _, sum := range sums {
		stored = append(stored, sum.ID)
	}
	if w := []int64{ids[0], ids[2], ids[1]}; !slices.Equal(stored, w) {
		t.Errorf("the collection stores %v, want %v", stored, w)
	}
	if u.reader.current != ids[2] || !u.list.isSelected(ids[2]) {
		t.Errorf("after the move the reader shows %d, want the moved article %d still chosen", u.reader.current, ids[2])
	}
	// Sub-collection articles do not move, nor does the last own one.
	u.reader.show(ids[1])
	waitFor(t, q, "the reader", func() bool { return u.reader.current == ids[1] })
	u.list.moveInCollection(1)
	q.drain()
	if got := shownTitles(u); !slices.Equal(got, want) {
		t.Errorf("moving the last own article down lists %q, want %q unchanged", got, want)
	}
}
