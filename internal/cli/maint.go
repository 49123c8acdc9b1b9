package cli

import (
	"context"
	"errors"
	"fmt"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/importer"
)

// errCheck reports that check found problems (already printed).
var errCheck = errors.New("the archive has problems")

// runCheck checks the archive and lists its problems.
func runCheck(ctx context.Context, c *cli, args []string) error {
	var asJSON bool
	fs := c.archiveFlags()
	fs.BoolVar(&asJSON, "json", false, "print JSON")
	if _, err := c.positional(fs, args, 0, 0); err != nil {
		return err
	}
	path, err := c.path()
	if err != nil {
		return err
	}
	// CheckFile, not Open: a damaged archive is checked read-only, as far
	// as it can be read, and its problems listed.
	rep, err := archive.CheckFile(ctx, path)
	err = c.output(asJSON, rep, err, func() {
		for _, p := range rep.Problems {
			fmt.Fprintln(c.stdout, p)
		}
		fmt.Fprintf(c.stdout, "checked %d articles, %d originals, %d images: %d problems\n",
			rep.Articles, rep.Originals, rep.Images, len(rep.Problems))
	})
	if err == nil && !rep.OK() {
		return errCheck
	}
	return err
}

// runReextract cleans every stored original again.
func runReextract(ctx context.Context, c *cli, args []string) error {
	if _, err := c.positional(c.archiveFlags(), args, 0, 0); err != nil {
		return err
	}
	return c.withStore(ctx, func(store *archive.Store) error {
		b, err := store.AutoBackup(ctx, archive.ReasonReextract, store.BackupKeep(ctx))
		if err != nil {
			return fmt.Errorf("reextract: %w", err)
		}
		fmt.Fprintf(c.stdout, "backed up the archive first, to %s\n", b.Path)
		bar := newProgressBar(c.stdout, "re-cleaning")
		var rep importer.ReextractReport
		// Rewrite: the index's secure delete off meanwhile, the index
		// made anew at the end.
		err = store.Rewrite(ctx, func() error {
			var err error
			rep, err = importer.Reextract(ctx, store, importer.Options{}, func(done, total int, r importer.ReextractResult) {
				bar.update(done, total, reextractLine(r), r.Err != nil)
			})
			return err
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

// reextractLine is one line for an article of reextract.
func reextractLine(r importer.ReextractResult) string {
	switch {
	case r.Err != nil:
		return fmt.Sprintf("article %d: failed: %v", r.Source.ArticleID, r.Err)
	case r.Changed:
		return fmt.Sprintf("article %d (version %d): updated: %s", r.Source.ArticleID, r.Source.Version, r.Title)
	}
	return fmt.Sprintf("article %d (version %d): unchanged", r.Source.ArticleID, r.Source.Version)
}

// runCompact rewrites the archive without free space, and without any
// trace of what was deleted.
func runCompact(ctx context.Context, c *cli, args []string) error {
	if _, err := c.positional(c.archiveFlags(), args, 0, 0); err != nil {
		return err
	}
	return c.withStore(ctx, func(s *archive.Store) error {
		r, err := s.Compact(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "compacted %s: %.1f MB before, %.1f MB now; nothing deleted is left in it\n",
			s.Path(), float64(r.Before)/1e6, float64(r.After)/1e6)
		fmt.Fprintf(c.stdout, "automatic backups made before still hold what was deleted: see clippings backup --list\n")
		return nil
	})
}
