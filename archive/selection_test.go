package archive_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/archive/archivetest"
)

// awkward are names that break a query built by pasting them into the
// search language: quotes, a backslash, a colon, brackets, an operator.
var awkward = []string{`say "hi"`, `back\slash`, `a:b`, `(paren`, `x" OR tag:"y`, `-minus`}

// selectionFixture stores an article per awkward name, tagged with it and
// in a collection of that name; one more tagged and collected as "y"
// (what the name x" OR tag:"y would add if it were parsed); one tagged
// below the first name and in a collection inside the first; and one
// starred, of a site with quotes in its name. Every article says walrus;
// the odd ones say seal too. It returns the store and the IDs by name.
func selectionFixture(t *testing.T) (*archive.Store, map[string]int64) {
	t.Helper()
	ctx := context.Background()
	s := archivetest.MustOpen(t)
	names := append(slices.Clone(awkward), "y", `say "hi"/inner`, "site")
	ids := map[string]int64{}
	for i, name := range names {
		text := "A walrus on the ice."
		if i%2 == 1 {
			text += " A seal too."
		}
		a := archivetest.Article(fmt.Sprintf("Report %c", 'A'+i), text)
		if name == "site" {
			a.Site, a.Starred = `Bob's "Daily" (Oslo)`, true
		} else {
			a.Tags = []string{name}
		}
		ids[name] = archivetest.MustAddArticles(t, s, a)[0]
	}
	for _, name := range append(slices.Clone(awkward), "y") {
		col, err := s.CreateCollection(ctx, 0, name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddToCollection(ctx, col, ids[name]); err != nil {
			t.Fatal(err)
		}
		if name == awkward[0] {
			inner, err := s.CreateCollection(ctx, col, "inner")
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.AddToCollection(ctx, inner, ids[`say "hi"/inner`]); err != nil {
				t.Fatal(err)
			}
		}
	}
	return s, ids
}

// selected returns the IDs sel selects through each entry point that
// takes a Selection, checking that they agree.
func selected(t *testing.T, s *archive.Store, sel archive.Selection) []int64 {
	t.Helper()
	ctx := context.Background()
	ids, err := s.SelectIDs(ctx, sel)
	if err != nil {
		t.Fatalf("%+v: %v", sel, err)
	}
	slices.Sort(ids)
	n, err := s.SelectCount(ctx, sel)
	if err != nil || n != len(ids) {
		t.Errorf("%+v: count %d, %v; want %d", sel, n, err, len(ids))
	}
	f, err := s.SelectFacets(ctx, sel)
	if err != nil || f.Total != len(ids) {
		t.Errorf("%+v: facets total %+v, %v; want %d", sel, f, err, len(ids))
	}
	for _, o := range []archive.Sort{archive.SortRelevance, archive.SortNewest, archive.SortTitle} {
		res, err := s.Select(ctx, sel, archive.SearchOptions{Limit: 100, Sort: o})
		if err != nil {
			t.Fatalf("%+v %v: %v", sel, o, err)
		}
		var got []int64
		for _, h := range res.Hits {
			got = append(got, h.ID)
		}
		if slices.Sort(got); res.Total != len(ids) || !slices.Equal(got, ids) {
			t.Errorf("%+v %v: hits %v (total %d), want %v", sel, o, got, res.Total, ids)
		}
	}
	return ids
}

func want(ids map[string]int64, names ...string) []int64 {
	var out []int64
	for _, n := range names {
		out = append(out, ids[n])
	}
	slices.Sort(out)
	return out
}

// TestSelectionNames checks that a tag, a collection, a site and a saved
// search whose names hold quotes, a backslash, a colon or a bracket
// select exactly their articles when given as values.
func TestSelectionNames(t *testing.T) {
	t.Parallel()
	s, ids := selectionFixture(t)
	for _, name := range awkward {
		below := []string{name}
		if name == awkward[0] {
			below = append(below, `say "hi"/inner`)
		}
		if got, w := selected(t, s, archive.Selection{Tags: []string{name}}), want(ids, below...); !slices.Equal(got, w) {
			t.Errorf("tag %q: %v, want %v", name, got, w)
		}
		if got, w := selected(t, s, archive.Selection{Collection: name}), want(ids, below...); !slices.Equal(got, w) {
			t.Errorf("collection %q: %v, want %v", name, got, w)
		}
	}
	if got, w := selected(t, s, archive.Selection{Collection: `SAY "HI"/inner`}), want(ids, `say "hi"/inner`); !slices.Equal(got, w) {
		t.Errorf("collection by path: %v, want %v", got, w)
	}
	site := archive.Selection{Site: `Bob's "Daily" (Oslo)`}
	if got, w := selected(t, s, site), want(ids, "site"); !slices.Equal(got, w) {
		t.Errorf("site: %v, want %v", got, w)
	}
	if err := s.SaveSearch(context.Background(), `my "odd": (one)`, "seal"); err != nil {
		t.Fatal(err)
	}
	if got, w := selected(t, s, archive.Selection{Saved: `my "odd": (one)`, Tags: []string{`back\slash`}}), want(ids, `back\slash`); !slices.Equal(got, w) {
		t.Errorf("saved search and tag: %v, want %v", got, w)
	}
}

// TestSelectionWithQuery checks that the fields of a Selection narrow what
// its Query finds, as the filters they stand for would in the query.
func TestSelectionWithQuery(t *testing.T) {
	t.Parallel()
	s, ids := selectionFixture(t)
	ctx := context.Background()
	for _, tt := range []struct {
		sel  archive.Selection
		same string // the query that selects the same
	}{
		{archive.Selection{Query: "seal", Tags: []string{"y"}}, `seal tag:y`},
		{archive.Selection{Query: "walrus -seal", Collection: "y"}, `walrus -seal collection:y`},
		{archive.Selection{Query: "seal", Starred: true}, `seal is:starred`},
		{archive.Selection{Query: "sort:title walrus", Unread: true}, `walrus is:unread`},
		{archive.Selection{Query: "in:notes", Tags: []string{"y"}}, `in:notes tag:y`},
		{archive.Selection{Query: "seal OR -walrus", IDs: []int64{ids["y"], ids["a:b"], ids["site"]}}, `seal OR -walrus`},
		{archive.Selection{Tags: []string{"y", `back\slash`}}, `tag:y tag:nothing`},
	} {
		got := selected(t, s, tt.sel)
		w, err := s.SearchIDs(ctx, tt.same)
		if err != nil {
			t.Fatal(err)
		}
		if tt.sel.IDs != nil {
			w = slices.DeleteFunc(w, func(id int64) bool { return !slices.Contains(tt.sel.IDs, id) })
		}
		if slices.Sort(w); !slices.Equal(got, w) {
			t.Errorf("%+v: %v; %q finds %v", tt.sel, got, tt.same, w)
		}
	}
	if got := selected(t, s, archive.Selection{IDs: []int64{}}); len(got) != 0 {
		t.Errorf("no IDs: %v", got)
	}
}

// TestSelectionErrors checks that a collection or saved search that does
// not exist is not found (not a malformed query), a tag without a name is
// invalid, and a malformed Query is a *QueryError.
func TestSelectionErrors(t *testing.T) {
	t.Parallel()
	s, _ := selectionFixture(t)
	ctx := context.Background()
	for _, tt := range []struct {
		sel  archive.Selection
		want error
	}{
		{archive.Selection{Collection: `no "such"`}, archive.ErrNotFound},
		{archive.Selection{Saved: "nothing"}, archive.ErrNotFound},
		{archive.Selection{Tags: []string{" / "}}, archive.ErrInvalid},
		{archive.Selection{Query: `walrus (`, Tags: []string{"y"}}, archive.ErrBadQuery},
	} {
		_, err := s.Select(ctx, tt.sel, archive.SearchOptions{})
		if !errors.Is(err, tt.want) {
			t.Errorf("%+v: %v, want %v", tt.sel, err, tt.want)
		}
		if tt.want != archive.ErrBadQuery && errors.Is(err, archive.ErrBadQuery) {
			t.Errorf("%+v: %v is a bad query", tt.sel, err)
		}
	}
}

// TestSortOnly checks that a query of only a sort: lists every article in
// that order, as the zero Selection does (issue 16), while an empty query
// string still finds nothing.
func TestSortOnly(t *testing.T) {
	t.Parallel()
	s, ids := selectionFixture(t)
	ctx := context.Background()
	all := want(ids, append(slices.Clone(awkward), "y", `say "hi"/inner`, "site")...)
	if got := selected(t, s, archive.Selection{}); !slices.Equal(got, all) {
		t.Errorf("zero Selection: %v, want %v", got, all)
	}
	if got := selected(t, s, archive.Selection{Query: "sort:title"}); !slices.Equal(got, all) {
		t.Errorf("sort:title: %v, want %v", got, all)
	}
	for _, q := range []string{"sort:title", "sort:newest", "sort:oldest", "sort:site", "sort:relevance"} {
		res, err := s.Find(ctx, q, archive.SearchOptions{Limit: 4})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != len(all) || len(res.Hits) != 4 {
			t.Fatalf("%s: %d hits of %d, want 4 of %d", q, len(res.Hits), res.Total, len(all))
		}
		if q == "sort:title" && (res.Sort != archive.SortTitle || res.Hits[0].Title != "Report A" || res.Hits[3].Title != "Report D") {
			t.Errorf("%s: %+v", q, res)
		}
		if n, err := s.SearchCount(ctx, q); err != nil || n != len(all) {
			t.Errorf("%s: count %d, %v", q, n, err)
		}
	}
	res, err := s.Find(ctx, "sort:oldest", archive.SearchOptions{Limit: 1})
	if err != nil || len(res.Hits) != 1 || res.Hits[0].ID != all[0] {
		t.Errorf("sort:oldest: %+v, %v; want article %d first", res, err, all[0])
	}
	if res, err := s.Find(ctx, "  ", archive.SearchOptions{}); err != nil || res.Total != 0 || len(res.Hits) != 0 {
		t.Errorf("blank query: %+v, %v", res, err)
	}
	if ids, err := s.SearchIDs(ctx, ""); err != nil || len(ids) != 0 {
		t.Errorf("blank query: %v, %v", ids, err)
	}
}
