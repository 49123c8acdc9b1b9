package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/bundle"
	"github.com/clippings/clippings/importer"
	"github.com/clippings/clippings/internal/words"
	"github.com/clippings/clippings/library"
)

// runImport imports saved pages, merges .clippings bundles and brings in
// the libraries of other tools; it makes the archive when there is none.
func runImport(ctx context.Context, c *cli, args []string) error {
	fs := c.archiveFlags()
	var opt library.Options
	fs.BoolVar(&opt.ReadingList, "reading-list", false, readingListHelp)
	paths, err := c.positional(fs, args, 1, -1)
	if err != nil {
		return err
	}
	return c.withNewStore(ctx, func(store *archive.Store) error { return importPaths(ctx, c, store, paths, opt) })
}

// importPaths merges the .clippings bundles among paths, imports the
// libraries of other tools (library.Detect) and imports the other files
// and folders as saved pages, with a progress bar and a report.
func importPaths(ctx context.Context, c *cli, store *archive.Store, paths []string, opt library.Options) error {
	// .clippings bundles are merged whole, libraries entry by entry;
	// everything else is a saved page.
	var pages []string
	for _, p := range paths {
		var err error
		switch _, isLibrary := library.Detect(p); {
		case bundle.HasExt(p):
			err = importBundle(ctx, c, store, p)
		case isLibrary:
			err = importLibrary(ctx, c, store, p, opt)
		default:
			pages = append(pages, p)
		}
		if err != nil {
			return err
		}
	}
	if len(pages) == 0 {
		return nil
	}
	paths = pages

	bar := newProgressBar(c.stdout, "importing")
	rep, err := importer.Import(ctx, store, paths, importer.Options{}, func(p importer.Progress) {
		bar.update(p.Done, p.Total, describe(p.Last), p.Last.Err != nil)
	})
	bar.done()
	if err == nil || len(rep.Files) > 0 {
		printReport(c.stdout, rep)
	}
	if errors.Is(err, context.Canceled) {
		return errors.New("import interrupted: run the same command again to import the rest")
	}
	if err != nil && len(rep.Files) > 0 && archive.IsFileFault(err) {
		return fmt.Errorf("import stopped after %s: %w", words.Plural(len(rep.Files), "file", "files"), err)
	}
	if err != nil {
		return err
	}
	if rep.Imported+rep.Versions+rep.Present == 0 {
		return errors.New("nothing could be imported")
	}
	return nil
}

// printReport prints the totals of an import, then each failed file and
// why.
func printReport(w io.Writer, rep importer.Report) {
	parts := []string{fmt.Sprintf("%d imported", rep.Imported)}
	if rep.Versions > 0 {
		parts = append(parts, words.Plural(rep.Versions, "new version", "new versions"))
	}
	parts = append(parts, fmt.Sprintf("%d already present", rep.Present), fmt.Sprintf("%d failed", rep.Failed))
	fmt.Fprintln(w, strings.Join(parts, ", "))
	if fails := rep.Failures(); len(fails) > 0 {
		fmt.Fprintln(w, "failed:")
		for _, f := range fails {
			fmt.Fprintf(w, "  %s: %s\n", oneLine(f.Path), oneLine(reason(f)))
		}
	}
}

// reason is why a file failed, without the file's name that the error
// repeats.
func reason(f importer.FileResult) string {
	msg := f.Err.Error()
	for _, prefix := range []string{"import " + f.Path + ": ", "store " + f.Path + ": ", "import " + filepath.Base(f.Path) + ": "} {
		msg = strings.TrimPrefix(msg, prefix)
	}
	return msg
}

// describe is one line for a file of an import.
func describe(r importer.FileResult) string {
	return oneLine(describeFile(r))
}

func describeFile(r importer.FileResult) string {
	switch {
	case r.Err != nil:
		return fmt.Sprintf("%s: failed: %s", r.Path, reason(r))
	case r.Outcome == archive.AlreadyPresent:
		return fmt.Sprintf("%s: already present", r.Path)
	case r.Outcome == archive.NewVersion:
		return fmt.Sprintf("%s: new version of %s", r.Path, words.Plural(len(r.IDs), "article", "articles"))
	}
	n := len(r.IDs)
	if n == 1 {
		return fmt.Sprintf("%s: imported (article %d)", r.Path, r.IDs[0])
	}
	return fmt.Sprintf("%s: imported %d articles", r.Path, n)
}

// importBundle merges a .clippings bundle into the archive, printing what
// it did; runImport calls it for a path ending in bundle.Ext.
func importBundle(ctx context.Context, c *cli, store *archive.Store, path string) error {
	rep, err := bundle.MergeWith(ctx, store, path, bundle.Options{
		Progress: terminalProgress(c, "merging "+filepath.Base(path)),
		Clean:    recleanOriginal,
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "%s: %d articles; %d captures stored, %d already present; %d annotations and %d collections added\n",
		path, rep.Articles, rep.Stored, rep.Present, rep.Annotations, rep.Collections)
	if rep.Recleaned > 0 {
		fmt.Fprintf(c.stdout, "  %s stored as cleaned again from the original: the bundle's text did not agree with it\n",
			words.Plural(rep.Recleaned, "article version", "article versions"))
	}
	for _, s := range rep.Skipped {
		fmt.Fprintf(c.stdout, "  %s\n", s)
	}
	return nil
}

// recleanOriginal cleans an original of a bundle again, as importing the
// file would, for bundle.MergeWith to check the bundle's text against.
func recleanOriginal(_ context.Context, o *archive.Original) (*archive.Capture, error) {
	return importer.Extract(o.Name, o.Data)
}
