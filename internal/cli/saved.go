package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/clippings/clippings/archive"
)

// runSaved saves searches under a name, and lists, runs, renames or
// deletes them.
func runSaved(ctx context.Context, c *cli, args []string) error {
	var asJSON bool
	var limit int
	fs := c.archiveFlags()
	fs.BoolVar(&asJSON, "json", false, "with list or run, print JSON")
	fs.IntVar(&limit, "limit", 20, "with run, show at most `N` hits")
	sub, rest, err := c.subcommand(fs, args)
	if err != nil {
		return err
	}
	with := c.withStore
	if sub == "add" {
		with = c.withNewStore
	}
	return with(ctx, func(s *archive.Store) error {
		switch {
		case sub == "add" && len(rest) >= 2:
			return s.SaveSearch(ctx, rest[0], strings.Join(rest[1:], " "))
		case sub == "list" && len(rest) == 0:
			list, err := s.SavedSearches(ctx)
			return c.output(asJSON, list, err, func() {
				for _, ss := range list {
					fmt.Fprintf(c.stdout, "%-20s %s\n", oneLine(ss.Name), oneLine(ss.Query))
				}
			})
		case sub == "run" && len(rest) == 1:
			return c.runSavedSearch(ctx, s, rest[0], limit, asJSON)
		case sub == "rename" && len(rest) == 2:
			return s.RenameSavedSearch(ctx, rest[0], rest[1])
		case sub == "delete" && len(rest) == 1:
			return s.DeleteSavedSearch(ctx, rest[0])
		}
		return c.usageErr()
	})
}

// runSavedSearch runs the saved search name and prints its hits.
func (c *cli) runSavedSearch(ctx context.Context, s *archive.Store, name string, limit int, asJSON bool) error {
	ss, err := s.SavedSearch(ctx, name)
	if err != nil {
		return err
	}
	res, err := s.Find(ctx, ss.Query, archive.SearchOptions{Limit: limit})
	if err == nil && asJSON {
		return writeHitsJSON(c.stdout, res.Hits)
	}
	return c.output(false, nil, err, func() {
		c.printHits(res.Hits)
		fmt.Fprintf(c.stdout, "%d of %d hits (%s)\n", len(res.Hits), res.Total, res.Sort)
	})
}
