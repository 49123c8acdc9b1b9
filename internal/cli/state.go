package cli

import (
	"context"

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
	fs := c.archiveFlags()
	fs.BoolVar(&off, undo, false, undoHelp)
	return c.withTargets(ctx, fs, args, func(s *archive.Store, ids []int64) error { return set(s, !off, ids) })
}
