package app

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/clippings/clippings/archive"
)

func TestListPages(t *testing.T) {
	s := openStore(t)
	const n = 2*pageSize + 50
	for i := 0; i < n; i++ {
		addCapture(t, s, textCapture(&archive.Article{
			Title:  fmt.Sprintf("Article %03d", i),
			Site:   "Example",
			Blocks: []archive.Block{{Kind: archive.Paragraph, Text: fmt.Sprintf("Body of article number %d about gardens.", i)}},
		}))
	}
	u, q := newTestUI(t, s)
	waitFor(t, q, "the first page", func() bool { return u.list.length() == n })

	t.Run("FirstPageOnly", func(t *testing.T) {
		if got, want := len(u.list.cur.pages), 1; got != want {
			t.Errorf("%d pages loaded at start, want %d", got, want)
		}
		if got, want := u.list.status.Text, fmt.Sprintf("%d articles", n); got != want {
			t.Errorf("status = %q, want %q", got, want)
		}
	})
	t.Run("ScrollLoadsLastPage", func(t *testing.T) {
		u.list.list.ScrollToBottom()
		waitFor(t, q, "the last page", func() bool {
			r, ok := u.list.cur.row(n - 1)
			return ok && r.title == "Article 000"
		})
		if _, ok := u.list.cur.pages[1]; ok {
			t.Error("scrolling to the bottom loaded the middle page too")
		}
	})
	t.Run("SearchPages", func(t *testing.T) {
		u.search.entry.SetText("gardens")
		waitFor(t, q, "the first page of hits", func() bool {
			return u.list.cur.sel.Query == "gardens*" && u.list.length() == n
		})
		if got, want := len(u.list.cur.pages), 1; got != want {
			t.Errorf("%d pages loaded, want %d", got, want)
		}
		if got, want := u.list.status.Text, fmt.Sprintf("%d matches so far, “gardens” taken as the start of a word", n); got != want {
			t.Errorf("status = %q, want %q", got, want)
		}
		u.list.list.ScrollToBottom()
		waitFor(t, q, "the last page of hits", func() bool { _, ok := u.list.cur.row(n - 1); return ok })
	})
}

func TestMetaLine(t *testing.T) {
	d := time.Date(2019, 1, 10, 15, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		site string
		date time.Time
		want string
	}{
		{"BBC", d, "BBC · 10 Jan 2019"},
		{"", d, "10 Jan 2019"},
		{" BBC ", time.Time{}, "BBC"},
		{"", time.Time{}, ""},
	} {
		if got := metaLine(tt.site, tt.date); got != tt.want {
			t.Errorf("metaLine(%q, %v) = %q, want %q", tt.site, tt.date, got, tt.want)
		}
	}
}

// countingStore counts the calls the list makes for its rows' details.
type countingStore struct {
	*archive.Store
	tagsOf, articles atomic.Int32
}

func (s *countingStore) TagsOf(ctx context.Context, ids []int64) (map[int64][]string, error) {
	s.tagsOf.Add(1)
	return s.Store.TagsOf(ctx, ids)
}

func (s *countingStore) Article(ctx context.Context, id int64) (*archive.Article, error) {
	s.articles.Add(1)
	return s.Store.Article(ctx, id)
}

func TestRowTagsAndMarks(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	const n = pageSize + 5
	var ids []int64
	for i := 0; i < n; i++ {
		ids = append(ids, addCapture(t, s, textCapture(&archive.Article{
			Title:  fmt.Sprintf("Article %03d", i),
			Blocks: []archive.Block{{Kind: archive.Paragraph, Text: fmt.Sprintf("Body %d.", i)}},
		}))...)
	}
	newest, oldest := ids[n-1], ids[0] // the list shows the last imported first
	for _, id := range []int64{newest, oldest} {
		if _, err := s.AddTags(ctx, []int64{id}, "trade", "korea"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.AddHighlight(ctx, newest, archive.NewHighlight{Exact: "Body"}); err != nil {
		t.Fatal(err)
	}
	cs := &countingStore{Store: s}
	u, q := newTestUI(t, cs)
	waitFor(t, q, "the first page and the marks", func() bool {
		r, ok := u.list.cur.row(0)
		return ok && r.notes
	})

	t.Run("FirstRow", func(t *testing.T) {
		row := rowWidget(t, u, 0)
		if got, want := row.meta.Text(), "no date · korea, trade"; got != want {
			t.Errorf("row 0 says %q, want %q", got, want)
		}
		if !row.note.Visible() {
			t.Error("row 0 has a highlight but no mark")
		}
		if r := rowWidget(t, u, 1); r.meta.Text() != "no date" || r.note.Visible() {
			t.Errorf("row 1 says %q (marked %v), want no tags and no mark", r.meta.Text(), r.note.Visible())
		}
	})
	t.Run("OneQueryPerPage", func(t *testing.T) {
		u.list.list.ScrollToBottom()
		waitFor(t, q, "the last page", func() bool { r, ok := u.list.cur.row(n - 1); return ok && r.tags != "" })
		if got, want := cs.tagsOf.Load(), int32(2); got != want {
			t.Errorf("%d TagsOf calls for two pages, want %d", got, want)
		}
		if got := cs.articles.Load(); got != 0 {
			t.Errorf("the list read %d whole articles for its rows, want none", got)
		}
	})
}

// windowStore says that only the newest 3 results of a search are ranked,
// as the archive does for a search that finds thousands.
type windowStore struct{ *archive.Store }

func (s windowStore) Select(ctx context.Context, sel archive.Selection, opt archive.SearchOptions) (*archive.Results, error) {
	res, err := s.Store.Select(ctx, sel, opt)
	if err == nil && res.Sort == archive.SortRelevance {
		res.Window = 3
	}
	return res, err
}

func TestStatusSaysWindow(t *testing.T) {
	s := openStore(t)
	for i := range 5 {
		addCapture(t, s, textCapture(&archive.Article{
			Title:  fmt.Sprintf("Walrus %d", i),
			Blocks: []archive.Block{{Kind: archive.Paragraph, Text: "A walrus."}},
		}))
	}
	u, q := newTestUI(t, windowStore{s})
	u.search.entry.SetText("walrus")
	want := "5 matches, the newest 3 ranked by relevance"
	waitFor(t, q, "the status to say the window", func() bool { return u.list.status.Text == want })
	u.list.sortChanged(orderNames[orderNewest])
	waitFor(t, q, "the status without the window", func() bool { return strings.HasPrefix(u.list.status.Text, "5 matches so far") })
}

// TestRowMeta: a row's second line names the site and the date, and says
// when there is no date rather than staying blank.
func TestRowMeta(t *testing.T) {
	published := time.Date(2024, 3, 2, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		s    archive.Summary
		want string
	}{
		{archive.Summary{Title: "Seals", Site: "Coast Gazette", Published: published}, "Coast Gazette · 2 Mar 2024"},
		{archive.Summary{Title: "Seals", Published: published}, "2 Mar 2024"},
		{archive.Summary{Title: "Seals", Site: "Coast Gazette"}, "Coast Gazette · no date"},
		{archive.Summary{Title: "Seals"}, "no date"},
	} {
		if got := newRow(c.s).meta; got != c.want {
			t.Errorf("%+v: meta %q, want %q", c.s, got, c.want)
		}
	}
}

// TestSearchWithinCollection opens a collection in the sidebar and types
// a search: the list shows the collection's hits and the status line says
// the search runs within the collection.
func TestSearchWithinCollection(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	var ids []int64
	for i, text := range []string{"A walrus on the ice.", "A walrus in the harbour.", "Seals on the dunes."} {
		ids = append(ids, addCapture(t, s, textCapture(&archive.Article{Title: fmt.Sprintf("Report %d", i+1),
			Blocks: []archive.Block{{Kind: archive.Paragraph, Text: text}}}))...)
	}
	col, err := s.CreateCollection(ctx, 0, "Reading")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddToCollection(ctx, col, ids[0], ids[2]); err != nil {
		t.Fatal(err)
	}
	u, q := newTestUI(t, s)
	node := fmt.Sprintf("col:%d", col)
	waitFor(t, q, "the sidebar", func() bool { _, ok := u.sidebar.data.nodes[node]; return ok })
	u.sidebar.tree.Select(node)
	waitFor(t, q, "the collection", func() bool { return u.list.next == nil && u.list.cur.sel.Collection == "Reading" })
	if got := u.list.status.Text; got != "2 articles" {
		t.Errorf("the collection's status %q, want 2 articles", got)
	}
	u.search.entry.SetText("walrus")
	u.search.runExact() // Enter
	waitFor(t, q, "the collection's hits", func() bool { return u.list.next == nil && u.list.cur.sel.Query == "walrus" })
	if got, want := u.list.status.Text, "1 match in the collection “Reading”"; got != want || u.list.length() != 1 {
		t.Errorf("status %q (%d rows), want %q (1 row)", got, u.list.length(), want)
	}
	if u.list.status.Wrapping != fyne.TextWrapWord {
		t.Error("the status line is cut, not wrapped")
	}
}
