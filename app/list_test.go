package app

import (
	"fmt"
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
			return u.list.cur.query == "gardens*" && u.list.length() == n
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
