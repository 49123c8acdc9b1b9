package cli

import (
	"context"
	"errors"
	"fmt"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/internal/words"
)

// errNotConfirmed is delete without --yes: the articles were listed, none
// deleted.
var errNotConfirmed = errors.New("delete: nothing deleted; run again with --yes to delete these articles")

// runDelete deletes the articles given by number or found by --query,
// after listing them; without --yes it only lists them.
func runDelete(ctx context.Context, c *cli, args []string) error {
	var yes bool
	fs := c.archiveFlags()
	fs.BoolVar(&yes, "yes", false, "delete them (without it, only list them)")
	return c.withTargets(ctx, fs, args, func(s *archive.Store, ids []int64) error {
		list, err := s.Summaries(ctx, ids)
		if err != nil {
			return fmt.Errorf("delete: %w", err)
		}
		var found []int64
		exists := map[int64]bool{}
		for _, a := range list {
			found, exists[a.ID] = append(found, a.ID), true
			fmt.Fprintf(c.stdout, "%5d  %s\n", a.ID, oneLine(a.Title))
		}
		for _, id := range ids {
			if !exists[id] {
				fmt.Fprintf(c.stderr, "delete: no article %d\n", id)
			}
		}
		if len(found) == 0 {
			return errors.New("delete: no such articles")
		}
		if !yes {
			return errNotConfirmed
		}
		if err := s.DeleteArticles(ctx, found...); err != nil {
			return fmt.Errorf("delete: %w", err)
		}
		fmt.Fprintf(c.stdout, "deleted %s\n", words.Plural(len(found), "article", "articles"))
		return nil
	})
}
