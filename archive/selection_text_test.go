package archive_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/archive/archivetest"
)

// TestSelectionQueryText checks that a selection written in the search
// language finds what the selection selects, and that what the language
// cannot say (a double quote, chosen articles) is refused, not mangled.
func TestSelectionQueryText(t *testing.T) {
	t.Parallel()
	s, ids := selectionFixture(t)
	ctx := context.Background()
	if err := s.SaveSearch(ctx, "seals", "seal"); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		sel  archive.Selection
		text string
	}{
		{archive.Selection{Tags: []string{`back\slash`}}, `tag:"back\slash"`},
		{archive.Selection{Tags: []string{"a:b", "-minus"}}, `tag:"a:b" tag:"-minus"`},
		{archive.Selection{Collection: "(paren"}, `collection:"(paren"`},
		{archive.Selection{Collection: "Y", Query: "walrus OR seal"}, `collection:"Y" walrus OR seal`},
		{archive.Selection{Site: " Bob's ", Starred: true}, `site:"Bob's" is:starred`},
		{archive.Selection{Saved: "seals", Unread: true, Query: "-walrus"}, `saved:"seals" is:unread -walrus`},
		{archive.Selection{Query: " walrus "}, `walrus`},
	} {
		got, err := tt.sel.QueryText()
		if err != nil || got != tt.text {
			t.Errorf("%+v: %q, %v; want %q", tt.sel, got, err, tt.text)
			continue
		}
		found, err := s.SearchIDs(ctx, got)
		if err != nil {
			t.Fatalf("%q: %v", got, err)
		}
		if slices.Sort(found); !slices.Equal(found, selected(t, s, tt.sel)) {
			t.Errorf("%q finds %v, the selection %v", got, found, selected(t, s, tt.sel))
		}
	}
	for _, sel := range []archive.Selection{
		{Tags: []string{`say "hi"`}}, {Collection: `x" OR tag:"y`}, {Site: `Bob's "Daily" (Oslo)`},
		{Saved: `my "odd"`}, {IDs: []int64{ids["y"]}}, {Tags: []string{"/"}},
	} {
		if got, err := sel.QueryText(); !errors.Is(err, archive.ErrInvalid) {
			t.Errorf("%+v: %q, %v; want ErrInvalid", sel, got, err)
		}
	}
}

// TestSelectionDates checks that a selection's dates select as date:
// does, and are written as the coarsest date the language takes.
func TestSelectionDates(t *testing.T) {
	t.Parallel()
	s := archivetest.MustOpen(t)
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	var arts []*archive.Article
	for _, d := range []time.Time{day(2019, 2, 28), day(2019, 3, 1), day(2019, 5, 31), day(2019, 6, 1), day(2020, 1, 15)} {
		a := archivetest.Article("Walrus "+d.Format(time.DateOnly), "A walrus.")
		a.Published = d.Add(10 * time.Hour)
		arts = append(arts, a)
	}
	archivetest.MustAddArticles(t, s, arts...)
	for _, tt := range []struct {
		from, to time.Time
		text     string
		n        int
	}{
		{day(2019, 3, 1), day(2019, 6, 1), "date:2019-03..2019-05", 2},
		{day(2019, 3, 1), day(2019, 4, 1), "date:2019-03", 1},
		{day(2019, 1, 1), day(2020, 1, 1), "date:2019", 4},
		{day(2019, 1, 1), day(2021, 1, 1), "date:2019..2020", 5},
		{day(2019, 5, 31), time.Time{}, "date:2019-05-31..", 3},
		{time.Time{}, day(2019, 3, 1), "date:..2019-02", 1},
		{day(2019, 2, 28), day(2019, 3, 1), "date:2019-02-28", 1},
	} {
		sel := archive.Selection{From: tt.from, To: tt.to}
		text, err := sel.QueryText()
		if err != nil || text != tt.text {
			t.Errorf("%v..%v: %q, %v; want %q", tt.from, tt.to, text, err, tt.text)
		}
		got := selected(t, s, sel)
		found, err := s.SearchIDs(context.Background(), tt.text)
		if slices.Sort(found); err != nil || len(got) != tt.n || !slices.Equal(got, found) {
			t.Errorf("%q: the selection %v, the query %v (%v); want %d", tt.text, got, found, err, tt.n)
		}
	}
	for _, sel := range []archive.Selection{
		{From: day(2019, 3, 1), To: day(2019, 3, 1)},
		{From: day(2019, 3, 1).Add(time.Hour)},
	} {
		if _, err := sel.QueryText(); !errors.Is(err, archive.ErrInvalid) {
			t.Errorf("%+v: %v, want ErrInvalid", sel, err)
		}
	}
	if _, err := s.SelectIDs(context.Background(), archive.Selection{From: day(2019, 4, 1), To: day(2019, 3, 1)}); !errors.Is(err, archive.ErrInvalid) {
		t.Errorf("dates backwards: %v, want ErrInvalid", err)
	}
	if !(archive.Selection{}).IsZero() || (archive.Selection{To: day(2019, 3, 1)}).IsZero() || (archive.Selection{IDs: []int64{}}).IsZero() {
		t.Error("IsZero")
	}
}
