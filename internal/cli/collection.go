package cli

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/clippings/clippings/archive"
)

// runCollection makes collections, puts articles in them and lists them.
func runCollection(ctx context.Context, c *cli, args []string) error {
	var asJSON bool
	var query string
	fs := c.archiveFlags()
	fs.BoolVar(&asJSON, "json", false, "with list or show, print JSON")
	fs.StringVar(&query, "query", "", "with add, act on the articles this search finds")
	sub, rest, err := c.subcommand(fs, args)
	if err != nil {
		return err
	}
	with := c.withStore
	if sub == "create" {
		with = c.withNewStore
	}
	return with(ctx, func(s *archive.Store) error {
		switch {
		case sub == "list" && len(rest) == 0:
			list, err := s.Collections(ctx)
			return c.output(asJSON, list, err, func() {
				for _, col := range list {
					fmt.Fprintf(c.stdout, "%6d  %s%s\n", col.Count, strings.Repeat("  ", strings.Count(col.Path, "/")), oneLine(col.Name))
				}
			})
		case sub == "create" && len(rest) == 1:
			return createCollectionPath(ctx, s, rest[0])
		case len(rest) == 0:
			return c.usageErr()
		}
		coll, err := s.CollectionByPath(ctx, rest[0])
		if err != nil {
			return err
		}
		return c.collectionSub(ctx, s, sub, coll, rest[1:], asJSON, query)
	})
}

// collectionSub runs the subcommands that act on one collection.
func (c *cli) collectionSub(ctx context.Context, s *archive.Store, sub string, coll *archive.Collection, rest []string, asJSON bool, query string) error {
	switch {
	case sub == "show" && len(rest) == 0:
		list, err := s.CollectionArticles(ctx, coll.ID, archive.ListFilter{Limit: 1_000_000})
		return c.output(asJSON, list, err, func() {
			for i, a := range list {
				fmt.Fprintf(c.stdout, "%3d. %5d  %s\n", i+1, a.ID, summaryLine(a))
			}
		})
	case sub == "add" || sub == "remove":
		ids, err := targetIDs(ctx, s, rest, query)
		if err != nil {
			return err
		}
		if sub == "add" {
			return c.printCount("added %d articles\n")(s.AddToCollection(ctx, coll.ID, ids...))
		}
		return c.printCount("removed %d articles\n")(s.RemoveFromCollection(ctx, coll.ID, ids...))
	case sub == "move" && len(rest) == 2:
		ids, err := parseIDs(rest[0])
		if err != nil {
			return err
		}
		pos, err := strconv.Atoi(rest[1])
		if err != nil || pos < 1 {
			return fmt.Errorf("%q is not a position (the first is 1)", rest[1])
		}
		return s.MoveInCollection(ctx, coll.ID, ids[0], pos-1)
	case sub == "rename" && len(rest) == 1:
		return s.RenameCollection(ctx, coll.ID, rest[0])
	case sub == "delete" && len(rest) == 0:
		return s.DeleteCollection(ctx, coll.ID)
	}
	return c.usageErr()
}

// createCollectionPath makes the collection at path and any missing above it.
func createCollectionPath(ctx context.Context, s *archive.Store, path string) error {
	var parent int64
	var done []string
	for _, name := range strings.Split(path, "/") {
		if name = strings.TrimSpace(name); name == "" {
			continue
		}
		done = append(done, name)
		if c, err := s.CollectionByPath(ctx, strings.Join(done, "/")); err == nil {
			parent = c.ID
			continue
		} else if !errors.Is(err, archive.ErrNotFound) {
			return err
		}
		id, err := s.CreateCollection(ctx, parent, name)
		if err != nil {
			return err
		}
		parent = id
	}
	if parent == 0 {
		return fmt.Errorf("%w: empty collection path", archive.ErrInvalid)
	}
	return nil
}
