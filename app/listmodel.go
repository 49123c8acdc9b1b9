package app

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/clippings/clippings/archive"
)

// pageSize is how many rows the list fetches at a time: a few screens.
// Each hit of a search costs a snippet, so a small first page is what
// makes results appear soon after a keystroke.
const pageSize = 40

// listOrder is how the list is sorted.
type listOrder int

const (
	orderAdded      listOrder = iota // most recently imported first (the archive's List)
	orderRelevance                   // best match first; newest without words
	orderNewest                      // by date, newest first
	orderOldest                      // by date, oldest first
	orderTitle                       // by title, A to Z
	orderSite                        // by site, A to Z, newest first within a site
	orderCollection                  // a collection's own order, then its sub-collections' articles, newest first
)

// orderNames are the list's orders as the sort menu names them.
var orderNames = []string{"Recently added", "Relevance", "Newest", "Oldest", "Title", "Site", "Collection order"}

// row is one line of the article list, formatted when its page is loaded so
// that UpdateItem only copies strings.
type row struct {
	id      int64
	title   string
	meta    string // "site · date"
	tags    string // "korea, trade"
	snippet []archive.Span
	read    bool
	starred bool
	notes   bool // has highlights or a note
}

// listPage is what loading one page of the list yields.
type listPage struct {
	rows   []row
	total  int // the number of articles the selection selects (page 0 only)
	window int // archive.Results.Window: only the newest window are ranked
	own    int // in collection order: how many rows are the collection's own (page 0 only)
}

// listModel is one selection's rows: pages fetched on demand as the list
// scrolls. The first page brings the total, so the list has its length
// from the start.
type listModel struct {
	sel     archive.Selection // what the list shows; the zero Selection for every article
	order   listOrder
	ctx     context.Context
	cancel  context.CancelFunc
	total   int
	window  int    // only the newest window results are ranked (0: all)
	own     int    // in collection order: the first own rows are the collection's own articles
	then    func() // run once the first page is shown (reloadThen), if not nil
	pages   map[int][]row
	pending map[int]bool // pages being fetched
	failed  map[int]bool // pages that could not be fetched; not retried
}

func newListModel(parent context.Context, sel archive.Selection, order listOrder) *listModel {
	ctx, cancel := context.WithCancel(parent)
	return &listModel{sel: sel, order: order, ctx: ctx, cancel: cancel,
		pages: map[int][]row{}, pending: map[int]bool{}, failed: map[int]bool{}}
}

func (m *listModel) row(i int) (row, bool) {
	if i < 0 {
		return row{}, false
	}
	p := m.pages[i/pageSize]
	if i%pageSize < len(p) {
		return p[i%pageSize], true
	}
	return row{}, false
}

// pageSource is what the list reads of the archive.
type pageSource interface {
	Count(ctx context.Context) (int, error)
	List(ctx context.Context, f archive.ListFilter) ([]archive.Summary, error)
	Select(ctx context.Context, sel archive.Selection, opt archive.SearchOptions) (*archive.Results, error)
	TagsOf(ctx context.Context, ids []int64) (map[int64][]string, error)
}

// pageLoader loads pages of the list off the UI goroutine.
type pageLoader struct {
	lib       pageSource
	col       collectionSource    // the collections' own order (collectionorder.go)
	annotated func(id int64) bool // whether an article has highlights or a note
}

// load fetches page n of the selection in the given order.
func (pl pageLoader) load(ctx context.Context, sel archive.Selection, order listOrder, n int) (listPage, error) {
	var p listPage
	if order == orderCollection && pl.col != nil {
		return pl.loadCollection(ctx, sel, n)
	}
	if sel.IsZero() && order == orderAdded {
		if n == 0 {
			total, err := pl.lib.Count(ctx)
			if err != nil {
				return p, fmt.Errorf("count articles: %w", err)
			}
			p.total = total
		}
		sums, err := pl.lib.List(ctx, archive.ListFilter{Offset: n * pageSize, Limit: pageSize})
		if err != nil {
			return p, fmt.Errorf("list articles: %w", err)
		}
		p.rows = pl.rows(ctx, sums, nil)
		return p, nil
	}
	res, err := pl.lib.Select(ctx, sel, archive.SearchOptions{Offset: n * pageSize, Limit: pageSize, Sort: order.sort()})
	if err != nil {
		return p, fmt.Errorf("search %s: %w", selText(sel), err)
	}
	sums := make([]archive.Summary, len(res.Hits))
	snippets := make([][]archive.Span, len(res.Hits))
	for i, h := range res.Hits {
		sums[i], snippets[i] = h.Summary, h.Snippet
	}
	p.total, p.window = res.Total, res.Window
	p.rows = pl.rows(ctx, sums, snippets)
	return p, nil
}

func (o listOrder) sort() archive.Sort {
	switch o {
	case orderNewest, orderAdded, orderCollection:
		return archive.SortNewest
	case orderOldest:
		return archive.SortOldest
	case orderTitle:
		return archive.SortTitle
	case orderSite:
		return archive.SortSite
	}
	return archive.SortRelevance
}

// rows formats summaries (and their snippets, if any) as rows.
func (pl pageLoader) rows(ctx context.Context, sums []archive.Summary, snippets [][]archive.Span) []row {
	ids := make([]int64, len(sums))
	for i, s := range sums {
		ids[i] = s.ID
	}
	tags, _ := pl.lib.TagsOf(ctx, ids) // one query for the page; without it, rows show no tags
	rows := make([]row, len(sums))
	for i, s := range sums {
		rows[i] = newRow(s)
		rows[i].tags = strings.Join(tags[s.ID], ", ")
		if snippets != nil {
			rows[i].snippet = snippets[i]
		}
		if pl.annotated != nil {
			rows[i].notes = pl.annotated(s.ID)
		}
	}
	return rows
}

func newRow(s archive.Summary) row {
	title := strings.TrimSpace(s.Title)
	if title == "" {
		title = "Untitled"
	}
	meta := metaLine(s.Site, s.Published)
	if s.Published.IsZero() { // said, so that the row's second line is never blank
		meta = joinNonEmpty(" · ", meta, "no date")
	}
	return row{id: s.ID, title: title, meta: meta, read: s.Read, starred: s.Starred}
}

// metaLine joins a site and a date as the list and the reader show them.
func metaLine(site string, date time.Time) string {
	var parts []string
	if site = strings.TrimSpace(site); site != "" {
		parts = append(parts, site)
	}
	if !date.IsZero() {
		parts = append(parts, date.Format("2 Jan 2006"))
	}
	return strings.Join(parts, " · ")
}

// together is what both a and b select: the sidebar's choice and the
// search. Where both name a site, a collection, a saved search or dates
// and the names differ, b's wins: the facets offer only the sites and
// dates of what the list shows.
func together(a, b archive.Selection) archive.Selection {
	out := a
	out.Query = strings.TrimSpace(a.Query + " " + b.Query)
	for _, t := range b.Tags {
		if !slices.Contains(out.Tags, t) {
			out.Tags = append(slices.Clip(out.Tags), t)
		}
	}
	out.Collection, out.Site, out.Saved = cmp.Or(b.Collection, a.Collection), cmp.Or(b.Site, a.Site), cmp.Or(b.Saved, a.Saved)
	if b.IDs != nil {
		out.IDs = b.IDs
	}
	out.Starred, out.Unread = a.Starred || b.Starred, a.Unread || b.Unread
	if !b.From.IsZero() || !b.To.IsZero() {
		out.From, out.To = b.From, b.To
	}
	return out
}

// selText is a selection as the log and the timing log show it: in the
// search language, else its fields.
func selText(sel archive.Selection) string {
	if text, err := sel.QueryText(); err == nil {
		return text
	}
	return fmt.Sprintf("%+v", sel)
}
