package cli

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/library"
)

// readingListHelp is the help of import's --reading-list.
const readingListHelp = "keep the links a library holds without content (Pocket, bookmarks, pages never fetched) as articles marked \"" +
	library.NotCaptured + "\""

// importLibrary brings in the library of another tool (a Zotero data
// directory, a Wallabag, Omnivore, Readeck or Karakeep export, a Pocket
// export or bookmarks), printing its report: articles, merged, versions,
// tags, notes, highlights and what was skipped, with the reasons.
func importLibrary(ctx context.Context, c *cli, store *archive.Store, path string, opt library.Options) error {
	tool, _ := library.Detect(path)
	bar := newProgressBar(c.stdout, "importing "+filepath.Base(path))
	rep, err := library.Import(ctx, store, path, opt, func(p library.Progress) {
		bar.update(p.Done, p.Total, p.Entry+": "+p.Outcome, false)
	})
	bar.done()
	if rep.Entries > 0 || err == nil {
		fmt.Fprint(c.stdout, rep.Summary())
	}
	switch {
	case errors.Is(err, context.Canceled):
		return errors.New("import interrupted: run the same command again to import the rest")
	case err != nil:
		return err
	case rep.Articles+rep.Merged+rep.Versions+rep.Links == 0 && len(rep.Skipped) > 0:
		return fmt.Errorf("nothing could be imported from %s (%s)", path, tool)
	}
	return nil
}
