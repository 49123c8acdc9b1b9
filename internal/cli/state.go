package cli

import (
	"context"
	"fmt"

	"github.com/clippings/clippings/archive"
)

// runStar stars articles, or unstars them with --off.
func runStar(ctx context.Context, c *cli, args []string) error {
	return c.setState(ctx, args, "off", "unstar", func(s *archive.Store, on bool, ids []int64) error {
		return s.SetStarred(ctx, on, ids...)
	})
}

// runRead marks articles read, or unread with --unread.
func runRead(ctx context.Context, c *cli, args []string) error {
	return c.setState(ctx, args, "unread", "mark unread", func(s *archive.Store, on bool, ids []int64) error {
		return s.SetRead(ctx, on, ids...)
	})
}

// setState runs star or read: set turns the state on (or off, with the
// flag undo) for the articles given or found by --query.
func (c *cli) setState(ctx context.Context, args []string, undo, undoHelp string, set func(s *archive.Store, on bool, ids []int64) error) error {
	var off bool
	var query string
	fs := c.archiveFlags()
	fs.BoolVar(&off, undo, false, undoHelp)
	fs.StringVar(&query, "query", "", "act on the articles this search finds")
	rest, err := c.positional(fs, args, 0, -1)
	if err != nil {
		return err
	}
	return c.withStore(ctx, func(s *archive.Store) error {
		ids, err := targetIDs(ctx, s, rest, query)
		if err != nil {
			return fmt.Errorf("%s: %w", c.name, err)
		}
		return set(s, !off, ids)
	})
}
