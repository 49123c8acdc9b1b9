package versiondiff

import (
	"context"
	"fmt"

	"github.com/clippings/clippings/archive"
)

// Source reads the versions of an article; *archive.Store is one.
type Source interface {
	Versions(ctx context.Context, id int64) ([]archive.Version, error)
	ArticleVersion(ctx context.Context, id int64, n int) (*archive.Article, error)
}

// Load compares versions a and b of article id (numbered as
// archive.Store.Versions numbers them). A number of 0 picks a default:
// b the current version, a the one before b. It returns an error
// wrapping archive.ErrNotFound when the article or a version does not
// exist, and one saying so when the article has only one version.
func Load(ctx context.Context, src Source, id int64, a, b int) (*Diff, error) {
	vs, err := src.Versions(ctx, id)
	if err != nil {
		return nil, err
	}
	if len(vs) < 2 {
		return nil, fmt.Errorf("article %d has one version: nothing to compare", id)
	}
	if b == 0 {
		b = len(vs)
	}
	if a == 0 {
		a = b - 1
	}
	for _, n := range []int{a, b} {
		if n < 1 || n > len(vs) {
			return nil, fmt.Errorf("article %d has versions 1 to %d, not %d: %w", id, len(vs), n, archive.ErrNotFound)
		}
	}
	old, err := src.ArticleVersion(ctx, id, a)
	if err != nil {
		return nil, err
	}
	new, err := src.ArticleVersion(ctx, id, b)
	if err != nil {
		return nil, err
	}
	return Compare(old, a, new, b), nil
}
