package cli

import (
	"context"
	"fmt"

	"github.com/clippings/clippings/archive"
)

// runKey prints an article's citation key, or changes it.
func runKey(ctx context.Context, c *cli, args []string) error {
	fs := c.archiveFlags()
	rest, err := c.positional(fs, args, 1, 2)
	if err != nil {
		return err
	}
	ids, err := parseIDs(rest[0])
	if err != nil {
		return err
	}
	return c.withStore(ctx, func(s *archive.Store) error {
		if len(rest) == 2 {
			if err := s.SetCitationKey(ctx, ids[0], rest[1]); err != nil {
				return err
			}
		}
		key, err := s.CitationKey(ctx, ids[0])
		if err != nil {
			return err
		}
		fmt.Fprintln(c.stdout, key)
		return nil
	})
}
