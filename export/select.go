package export

import (
	"context"
	"fmt"
	"strings"

	"github.com/clippings/clippings/archive"
)

// Selecting what to export: the whole archive, a selection (a search, a
// tag…) or a collection. Each returns article IDs in the order the app
// shows them.

// Selector is what the selection helpers read. *archive.Store satisfies it.
type Selector interface {
	List(ctx context.Context, f archive.ListFilter) ([]archive.Summary, error)
	SelectIDs(ctx context.Context, sel archive.Selection) ([]int64, error)
	Collections(ctx context.Context) ([]archive.Collection, error)
	CollectionArticles(ctx context.Context, id int64, f archive.ListFilter) ([]archive.Summary, error)
}

// listPage is how many articles SelectAll reads at a time.
const listPage = 1000

// SelectAll returns every article, the most recently imported first. It
// returns an error only when the archive fails.
func SelectAll(ctx context.Context, s Selector) ([]int64, error) {
	var ids []int64
	for {
		page, err := s.List(ctx, archive.ListFilter{Offset: len(ids), Limit: listPage})
		if err != nil {
			return nil, err
		}
		for _, sum := range page {
			ids = append(ids, sum.ID)
		}
		if len(page) < listPage {
			return ids, nil
		}
	}
}

// Select returns the articles sel selects, newest first; for the zero
// Selection every article, as SelectAll. It returns the archive's error
// for a malformed sel.Query (a *archive.QueryError), a tag with no name
// (archive.ErrInvalid), or a collection or saved search that does not
// exist (archive.ErrNotFound).
func Select(ctx context.Context, s Selector, sel archive.Selection) ([]int64, error) {
	if sel.IsZero() {
		return SelectAll(ctx, s)
	}
	return s.SelectIDs(ctx, sel)
}

// SelectCollection returns the articles of the collection at path (names
// from the top joined by "/", without case) in its order, then those of
// the collections below it that it does not hold. It returns an error
// wrapping archive.ErrNotFound when there is no such collection.
func SelectCollection(ctx context.Context, s Selector, path string) ([]int64, error) {
	all, err := s.Collections(ctx)
	if err != nil {
		return nil, err
	}
	want := normPath(path)
	var ids []int64
	found := false
	for _, c := range all { // tree order: the collection comes before those below it
		p := normPath(c.Path)
		if p != want && !strings.HasPrefix(p, want+"/") {
			continue
		}
		found = true
		more, err := collectionMembers(ctx, s, c.ID)
		if err != nil {
			return nil, err
		}
		ids = append(ids, more...)
	}
	if !found {
		return nil, fmt.Errorf("collection %q: %w", path, archive.ErrNotFound)
	}
	return unique(ids), nil
}

// normPath is a collection path compared without case, each name trimmed,
// empty names dropped.
func normPath(path string) string {
	var names []string
	for _, n := range strings.Split(path, "/") {
		if n = strings.TrimSpace(n); n != "" {
			names = append(names, strings.ToLower(n))
		}
	}
	return strings.Join(names, "/")
}
