// Package library brings in the libraries of other reading tools: a
// Zotero data directory (its web snapshots with the items' metadata,
// tags, collections, notes and annotations), and the exports of
// Wallabag, Omnivore, Readeck and Karakeep, with their tags, states,
// notes and highlights. Links without content (Pocket's CSV, browser
// bookmarks, entries an app never fetched) become a reading list only
// when asked.
//
// Each source has a reader, recognised by its content (Detect). A reader
// turns the source into entries; Import cleans each entry's content with
// package importer (the content a reading app kept is already the article:
// it is sanitised and given its block structure, not searched for a main
// content), checks it against the archive and stores it with everything
// the tool kept about it, one transaction per entry
// (archive.Store.AddLibraryItem). The whole export file is kept as the
// original of its entries; a Zotero snapshot is the original of its item.
package library

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"

	"github.com/clippings/clippings/archive"
)

// Archive is what Import needs of the archive; *archive.Store is one.
type Archive interface {
	AddLibraryItem(ctx context.Context, it *archive.LibraryItem) (archive.LibraryResult, error)
	ArticleByURL(ctx context.Context, url string) (int64, error)
	Article(ctx context.Context, id int64) (*archive.Article, error)
}

// Options tune an import.
type Options struct {
	// ReadingList stores the entries that carry no content (links) as
	// articles marked "not captured"; without it they are skipped.
	ReadingList bool
}

// NotCaptured is the tag of a reading-list entry: a link whose page was
// never captured.
const NotCaptured = "not captured"

// ErrNotLibrary is returned for a path that is no library Clippings
// knows.
var ErrNotLibrary = errors.New("not a library export")

// Progress is reported after each entry of an import.
type Progress struct {
	Done, Total int
	Entry       string // the entry just done ("entry 4668")
	Outcome     string // what became of it ("imported", "merged", "skipped: …")
}

// reader reads one kind of source at path into its entries.
type reader struct {
	tool string // how the report names the source ("Wallabag export")
	is   func(path string) bool
	read func(path string) (*source, error)
}

// readers are the sources, in the order Detect tries them.
var readers = []reader{
	{"Zotero library", isZotero, readZotero},
	{"Wallabag export", isWallabag, readWallabag},
	{"Omnivore export", isOmnivore, readOmnivore},
	{"Readeck export", isReadeck, readReadeck},
	{"Karakeep export", isKarakeep, readKarakeep},
	{"Pocket export", isPocket, readPocket},
	{"bookmarks file", isBookmarks, readBookmarks},
}

// Detect says which tool's library path is, by its content: a Zotero
// data directory (or its zotero.sqlite), a Wallabag or Karakeep JSON
// export, an Omnivore or Readeck export zip, a Pocket CSV export or a
// browser bookmarks file. ok is false for anything else (saved pages,
// folders of them, .clippings bundles).
func Detect(path string) (tool string, ok bool) {
	for _, r := range readers {
		if r.is(path) {
			return r.tool, true
		}
	}
	return "", false
}

// Import reads the library at path and stores its entries in dst, each
// in one transaction: a new article, a new version of a stored one (same
// address, other text), or merged into the stored article it repeats (the
// same address and about the same text: its tags, states, note,
// highlights and collections are added to it). Entries that cannot be
// read or stored are skipped with the reason, and the import goes on.
// progress, if not nil, is called after each entry.
//
// It returns an error wrapping ErrNotLibrary when path is no library, an
// error naming the file when it cannot be read at all (what was read is
// in the report's Skipped), the context's error when ctx ends, or the
// archive's error when an entry cannot be written because of the archive
// itself (the entries stored by then stay).
func Import(ctx context.Context, dst Archive, path string, opt Options, progress func(Progress)) (Report, error) {
	var r *reader
	for i := range readers {
		if readers[i].is(path) {
			r = &readers[i]
			break
		}
	}
	if r == nil {
		return Report{}, fmt.Errorf("import %s: %w", path, ErrNotLibrary)
	}
	rep := Report{Source: r.tool, Path: path}
	src, err := r.read(path)
	if err != nil {
		return rep, fmt.Errorf("import %s: %w", filepath.Base(path), err)
	}
	rep.Entries = len(src.entries)
	rep.Skipped = append(rep.Skipped, src.skipped...)
	im := &run{dst: dst, src: src, opt: opt, rep: &rep}
	for i := range src.entries {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		e := &src.entries[i]
		outcome, err := im.store(ctx, e)
		if err != nil {
			return rep, fmt.Errorf("import %s, %s: %w", filepath.Base(path), e.ref, err)
		}
		if progress != nil {
			progress(Progress{Done: i + 1, Total: len(src.entries), Entry: e.ref, Outcome: outcome})
		}
	}
	return rep, nil
}
