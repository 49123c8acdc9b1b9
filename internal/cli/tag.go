package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/clippings/clippings/archive"
)

// runTag tags articles, and lists, renames, merges or deletes tags.
func runTag(ctx context.Context, c *cli, args []string) error {
	var asJSON bool
	var query string
	fs := c.archiveFlags()
	fs.BoolVar(&asJSON, "json", false, "with list, print JSON")
	fs.StringVar(&query, "query", "", "with add or remove, act on the articles this search finds")
	sub, rest, err := c.subcommand(fs, args)
	if err != nil {
		return err
	}
	return c.withStore(ctx, func(s *archive.Store) error {
		switch {
		case sub == "list" && len(rest) == 0:
			return c.listTags(ctx, s, asJSON)
		case (sub == "add" || sub == "remove") && len(rest) >= 1:
			return c.tagArticles(ctx, s, sub, rest[0], rest[1:], query)
		case sub == "rename" && len(rest) == 2:
			return c.printCount("renamed %d tags\n")(s.RenameTag(ctx, rest[0], rest[1]))
		case sub == "merge" && len(rest) >= 2:
			return c.printCount("merged %d tags\n")(s.MergeTags(ctx, rest[0], rest[1:]...))
		case sub == "delete" && len(rest) == 1:
			return c.printCount("removed from %d articles\n")(s.DeleteTag(ctx, rest[0]))
		}
		return c.usageErr()
	})
}

// tagArticles adds tag to (sub "add") or removes it from the articles
// given or found by query.
func (c *cli) tagArticles(ctx context.Context, s *archive.Store, sub, tag string, args []string, query string) error {
	ids, err := targetIDs(ctx, s, args, query)
	if err != nil {
		return err
	}
	n, err := s.AddTags(ctx, ids, tag)
	if sub == "remove" {
		n, err = s.RemoveTags(ctx, ids, tag)
	}
	if err == nil {
		fmt.Fprintf(c.stdout, "%s %q: %d of %d articles changed\n", sub, tag, n, len(ids))
	}
	return err
}

func (c *cli) listTags(ctx context.Context, s *archive.Store, asJSON bool) error {
	tags, err := s.Tags(ctx)
	return c.output(asJSON, tags, err, func() {
		for _, t := range tags {
			depth := strings.Count(t.Name, "/")
			leaf := t.Name[strings.LastIndexByte(t.Name, '/')+1:]
			fmt.Fprintf(c.stdout, "%6d %6d  %s%s\n", t.Count, t.Total, strings.Repeat("  ", depth), oneLine(leaf))
		}
		if len(tags) > 0 {
			fmt.Fprintln(c.stdout, "(articles with the tag itself; with it or a tag below it)")
		}
	})
}
