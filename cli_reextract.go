package main

import (
	"context"
	"fmt"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/importer"
)

func init() {
	commands["reextract"] = command{
		"clean every stored original again with the current cleaner, keeping tags and annotations",
		"[--archive A]", runReextract,
	}
}

func runReextract(ctx context.Context, c *cli, args []string) error {
	fs := c.flags("reextract")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 0 {
		fs.Usage()
		return errUsage
	}
	return c.withStore(ctx, func(store *archive.Store) error {
		bar := newProgressBar(c.stdout, "re-cleaning")
		rep, err := importer.Reextract(ctx, store, importer.Options{}, func(done, total int, r importer.ReextractResult) {
			line := ""
			switch {
			case r.Err != nil:
				line = fmt.Sprintf("article %d: failed: %v", r.Source.ArticleID, r.Err)
			case r.Changed:
				line = fmt.Sprintf("article %d (version %d): updated: %s", r.Source.ArticleID, r.Source.Version, r.Title)
			default:
				line = fmt.Sprintf("article %d (version %d): unchanged", r.Source.ArticleID, r.Source.Version)
			}
			bar.update(done, total, line, r.Err != nil)
		})
		bar.done()
		fmt.Fprintf(c.stdout, "%d updated, %d unchanged, %d failed\n", rep.Changed, rep.Unchanged, rep.Failed)
		for _, r := range rep.Results {
			if r.Err != nil {
				fmt.Fprintf(c.stdout, "  article %d %q: %v\n", r.Source.ArticleID, r.Title, r.Err)
			}
		}
		return err
	})
}
