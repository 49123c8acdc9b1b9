package app

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/export"
)

// awkwardNames are tag and collection names that a query built by pasting
// them into the search language breaks on; "say hi" is the first with its
// quotes dropped, what such a query found instead.
var awkwardNames = []string{`say "hi"`, `back\slash`, `a:b`, `(paren`, "say hi"}

// awkwardSite is a site name with quotes and brackets.
const awkwardSite = `Bob's "Daily" (Oslo)`

// awkwardStore holds an article per awkward name and one more, each name
// tagging and collecting its article and the next one, and two articles
// of awkwardSite. It returns the store and the IDs each name holds.
func awkwardStore(t *testing.T) (*archive.Store, map[string][]int64) {
	t.Helper()
	s := openStore(t)
	ctx := context.Background()
	var ids []int64
	for i := range len(awkwardNames) + 1 {
		a := &archive.Article{Title: fmt.Sprintf("Report %d", i), Site: "Coast Gazette",
			Blocks: []archive.Block{{Kind: archive.Paragraph, Text: "A walrus on the ice."}}}
		if i >= len(awkwardNames)-1 {
			a.Site = awkwardSite
		}
		ids = append(ids, addCapture(t, s, textCapture(a))...)
	}
	held := map[string][]int64{}
	for i, name := range awkwardNames {
		held[name] = []int64{ids[i], ids[i+1]}
		if _, err := s.AddTags(ctx, held[name], name); err != nil {
			t.Fatal(err)
		}
		col, err := s.CreateCollection(ctx, 0, name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddToCollection(ctx, col, held[name]...); err != nil {
			t.Fatal(err)
		}
	}
	held[awkwardSite] = ids[len(ids)-2:]
	return s, held
}

// listIDs returns the sorted IDs of the rows the list model holds.
func listIDs(u *UI) []int64 {
	var out []int64
	for i := range u.list.length() {
		if r, ok := u.list.cur.row(i); ok {
			out = append(out, r.id)
		}
	}
	slices.Sort(out)
	return out
}

// TestAwkwardNames checks that the sidebar's entry of a tag or collection
// whose name holds a quote, a backslash, a colon or a bracket counts and
// lists exactly its articles, that exporting what the list shows exports
// those, that a facet of such a site narrows to it, and that a search the
// search language cannot write is not saved mangled.
func TestAwkwardNames(t *testing.T) {
	s, held := awkwardStore(t)
	ctx := context.Background()
	cols, err := s.Collections(ctx)
	if err != nil {
		t.Fatal(err)
	}
	u, q := newTestUI(t, s)
	waitFor(t, q, "the sidebar", func() bool { _, ok := u.sidebar.data.nodes["tag:"+awkwardNames[0]]; return ok })
	nodes := map[string]string{}
	for _, name := range awkwardNames {
		nodes["tag:"+name] = name
	}
	for _, c := range cols {
		nodes[fmt.Sprintf("col:%d", c.ID)] = c.Name
	}
	for node, name := range nodes {
		want := held[name]
		if got := u.sidebar.data.nodes[node].count; got != len(want) {
			t.Errorf("%s counts %d, want %d", node, got, len(want))
		}
		u.sidebar.tree.Select(node)
		waitFor(t, q, node, func() bool {
			return u.list.next == nil && reflect.DeepEqual(u.list.cur.sel, u.sidebar.data.nodes[node].sel)
		})
		if got := listIDs(u); !slices.Equal(got, want) {
			t.Errorf("%s lists %v, want %v", node, got, want)
		}
		exported, err := u.exports.selectIDs(ctx, scopeSearch, "", "", u.list.selection(), nil)
		if slices.Sort(exported); err != nil || !slices.Equal(exported, want) {
			t.Errorf("%s: exporting the list gives %v, %v; want %v", node, exported, err, want)
		}
	}
	tagged, err := u.exports.selectIDs(ctx, scopeTag, awkwardNames[0], "", archive.Selection{}, nil)
	if slices.Sort(tagged); err != nil || !slices.Equal(tagged, held[awkwardNames[0]]) {
		t.Errorf("exporting the tag %q: %v, %v; want %v", awkwardNames[0], tagged, err, held[awkwardNames[0]])
	}

	t.Run("SaveRefused", func(t *testing.T) {
		u.sidebar.tree.Select("tag:" + awkwardNames[0])
		u.search.entry.SetText("walrus")
		u.search.saveSearch()
		if !containsText(overlayTexts(u), "Cannot save this search") {
			t.Errorf("saving with the tag %q says %q", awkwardNames[0], overlayTexts(u))
		}
		u.win.Canvas().Overlays().Top().Hide()
		u.search.clear()
	})
	t.Run("SaveWritesValues", func(t *testing.T) {
		u.sidebar.tree.Select("tag:a:b")
		u.search.pick(archive.Selection{Site: awkwardSite[:5]})
		u.search.entry.SetText("walrus")
		u.search.saveSearch()
		test.Type(u.win.Canvas().Focused(), "Odd")
		tapButton(t, u, "Save")
		waitFor(t, q, "the saved search", func() bool { _, ok := u.sidebar.data.nodes["saved:Odd"]; return ok })
		ss, err := s.SavedSearch(ctx, "Odd")
		if want := `tag:"a:b" site:"Bob's" walrus`; err != nil || ss.Query != want {
			t.Errorf("saved %+v, %v; want the query %q", ss, err, want)
		}
		u.search.clear()
	})
	t.Run("SiteFacet", func(t *testing.T) {
		u.sidebar.tree.Select(nodeAll)
		chip := fmt.Sprintf("%s %d", awkwardSite, len(held[awkwardSite]))
		waitFor(t, q, "the site facet", func() bool {
			return u.list.cur.sel.IsZero() && slices.Contains(buttonTexts(u.search.facets.chips), chip)
		})
		test.Tap(u.search.facets.chips.Objects[slices.Index(buttonTexts(u.search.facets.chips), chip)].(*widget.Button))
		waitFor(t, q, "the site's articles", func() bool { return u.list.next == nil && u.list.cur.sel.Site == awkwardSite })
		if got := listIDs(u); !slices.Equal(got, held[awkwardSite]) {
			t.Errorf("the site facet lists %v, want %v", got, held[awkwardSite])
		}
		if got, err := export.Select(ctx, s, u.list.selection()); err != nil || len(got) != len(held[awkwardSite]) {
			t.Errorf("exporting the list: %v, %v; want %v", got, err, held[awkwardSite])
		}
	})
}
