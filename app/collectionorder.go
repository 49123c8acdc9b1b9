package app

import (
	"context"
	"fmt"
	"slices"

	"github.com/clippings/clippings/archive"
)

// collectionSource is what the list reads and changes of a collection's
// own order. *archive.Store satisfies it.
type collectionSource interface {
	CollectionByPath(ctx context.Context, path string) (*archive.Collection, error)
	CollectionArticles(ctx context.Context, id int64, f archive.ListFilter) ([]archive.Summary, error)
	MoveInCollection(ctx context.Context, id, article int64, pos int) error
	SelectIDs(ctx context.Context, sel archive.Selection) ([]int64, error)
}

// loadCollection fetches page n of a collection in collection order: the
// collection's own articles in their order, then those only in the
// collections inside it, newest first.
func (pl pageLoader) loadCollection(ctx context.Context, sel archive.Selection, n int) (listPage, error) {
	var p listPage
	own, err := pl.ownArticles(ctx, sel.Collection)
	if err != nil {
		return p, err
	}
	all, err := pl.col.SelectIDs(ctx, sel)
	if err != nil {
		return p, fmt.Errorf("list collection %q: %w", sel.Collection, err)
	}
	isOwn := make(map[int64]bool, len(own))
	for _, s := range own {
		isOwn[s.ID] = true
	}
	rest := slices.DeleteFunc(all, func(id int64) bool { return isOwn[id] })
	p.total, p.own = len(own)+len(rest), len(own)
	from, to := n*pageSize, (n+1)*pageSize
	sums := own[min(from, len(own)):min(to, len(own))]
	if to > len(own) && len(rest) > 0 {
		res, err := pl.lib.Select(ctx, archive.Selection{IDs: rest},
			archive.SearchOptions{Offset: max(from-len(own), 0), Limit: to - max(from, len(own)), Sort: archive.SortNewest})
		if err != nil {
			return p, fmt.Errorf("list collection %q: %w", sel.Collection, err)
		}
		for _, h := range res.Hits {
			sums = append(sums, h.Summary)
		}
	}
	p.rows = pl.rows(ctx, sums, nil)
	return p, nil
}

// ownArticles returns every article of the collection at path itself, in
// its order.
func (pl pageLoader) ownArticles(ctx context.Context, path string) ([]archive.Summary, error) {
	c, err := pl.col.CollectionByPath(ctx, path)
	if err != nil {
		return nil, err
	}
	var out []archive.Summary
	for {
		page, err := pl.col.CollectionArticles(ctx, c.ID, archive.ListFilter{Offset: len(out), Limit: 500})
		if err != nil {
			return nil, err
		}
		out = append(out, page...)
		if len(page) < 500 {
			return out, nil
		}
	}
}

// collectionOrdered reports whether the list may show collection order:
// a collection is chosen in the sidebar and nothing is searched.
func (l *articleList) collectionOrdered() bool {
	return l.scope.Collection != "" && !l.searching()
}

// moveInCollection moves the article in the reader d places (-1 up, +1
// down) among the collection's own articles, in the background, and shows
// the list again with it still chosen. Articles of sub-collections, and
// lists in another order, do not move.
func (l *articleList) moveInCollection(d int) {
	m := l.cur
	id := l.current()
	i := l.indexOf(id)
	if m.order != orderCollection || l.loader.col == nil || i < 0 || i >= m.own || i+d < 0 || i+d >= m.own {
		return
	}
	col, path := l.loader.col, m.sel.Collection
	go func() {
		c, err := col.CollectionByPath(m.ctx, path)
		if err == nil {
			err = col.MoveInCollection(m.ctx, c.ID, id, i+d)
		}
		l.do(func() {
			if err != nil {
				l.showError("Could not move the article in the collection.", err)
				return
			}
			l.reloadThen(func() {
				l.list.ScrollTo(i + d)
				l.list.Refresh()
			})
		})
	}()
}
