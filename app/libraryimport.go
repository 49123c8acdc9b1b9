package app

import (
	"context"
	"errors"
	"fmt"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/importer"
	"github.com/clippings/clippings/library"
)

// importLibraries brings in the libraries of other tools among paths (a
// Zotero data directory, a Wallabag, Omnivore, Readeck or Karakeep
// export, …: library.Detect), each entry in its own transaction, and
// returns the other paths for the importer with a report of what it did:
// the library as one file with the articles it stored or merged into,
// and each entry left out as a failure with its reason. Links without
// content are left out unless Preferences keeps them as a reading list
// (the command line's --reading-list). It runs off the UI goroutine.
func (im *imports) importLibraries(ctx context.Context, paths []string, progress func(importer.Progress)) ([]string, importer.Report, error) {
	var rep importer.Report
	dst, ok := im.sink.(library.Archive)
	if !ok {
		return paths, rep, nil
	}
	var rest []string
	for _, path := range paths {
		if _, isLibrary := library.Detect(path); !isLibrary {
			rest = append(rest, path)
			continue
		}
		opt := library.Options{ReadingList: im.readingList != nil && im.readingList()}
		lr, err := library.Import(ctx, dst, path, opt, func(p library.Progress) {
			progress(importer.Progress{Done: p.Done, Total: p.Total, Last: importer.FileResult{Path: path + ": " + p.Entry}})
		})
		if lr.Entries > 0 || err == nil {
			rep.Files = append(rep.Files, importer.FileResult{Path: path, Outcome: archive.Imported, IDs: lr.IDs})
			rep.Imported++
		}
		for _, s := range lr.Skipped {
			rep.Files = append(rep.Files, importer.FileResult{Path: fmt.Sprintf("%s (%s)", path, s.Entry), Err: errors.New(s.Reason)})
			rep.Failed++
		}
		if err != nil {
			return nil, rep, err
		}
	}
	return rest, rep, nil
}
