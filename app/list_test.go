package app

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

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
		if got, want := u.list.status.Text, fmt.Sprintf("%d matches", n); got != want {
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
		if got, want := row.meta.Text(), "korea, trade"; got != want {
			t.Errorf("row 0 says %q, want its tags %q", got, want)
		}
		if !row.note.Visible() {
			t.Error("row 0 has a highlight but no mark")
		}
		if r := rowWidget(t, u, 1); r.meta.Text() != "" || r.note.Visible() {
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
	waitFor(t, q, "the status without the window", func() bool { return u.list.status.Text == "5 matches" })
}
