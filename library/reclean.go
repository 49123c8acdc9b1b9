package library

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/importer"
)

// The formats of the originals the export readers store: each names the
// parser that reads the export again when the archive is re-extracted.
const (
	formatWallabag  = "wallabag-export"
	formatOmnivore  = "omnivore-export"
	formatReadeck   = "readeck-export"
	formatKarakeep  = "karakeep-export"
	formatPocket    = "pocket-export"
	formatBookmarks = "bookmarks"
)

// parser reads an export file held in memory.
type parser func(name string, data []byte) (*source, error)

// exportParsers are the parsers of the exports by the format of their
// originals, with the tool each is of.
var exportParsers = map[string]struct {
	tool  string
	parse parser
}{
	formatWallabag:  {"Wallabag export", parseWallabag},
	formatOmnivore:  {"Omnivore export", parseOmnivore},
	formatReadeck:   {"Readeck export", parseReadeck},
	formatKarakeep:  {"Karakeep export", parseKarakeep},
	formatPocket:    {"Pocket export", parsePocket},
	formatBookmarks: {"bookmarks file", parseBookmarks},
}

// zoteroFormat starts the format of an article made from a Zotero item
// ("Zotero, item ABCD2345"): its original is the item's snapshot, and its
// record the item's fields, which re-extracting keeps.
const zoteroFormat = "Zotero, "

func init() {
	for format, p := range exportParsers {
		importer.RegisterRecleaner(format, recleaner(p.tool, p.parse))
	}
	importer.RegisterRecordKeeper(func(a *archive.Article) bool { return strings.HasPrefix(a.Format, zoteroFormat) })
}

// readWith reads the export at path with the parser of format.
func readWith(format string) func(path string) (*source, error) {
	return func(path string) (*source, error) {
		data, err := readLimited(path)
		if err != nil {
			return nil, err
		}
		return exportParsers[format].parse(filepath.Base(path), data)
	}
}

// recleaner cleans an export again for importer.Reextract: each entry's
// article at the place it was stored at, a link as its reading-list
// article (an empty article stands for an entry that was never stored).
// An entry with content that no longer cleans fails the whole export, so
// that no stored article is replaced by nothing.
func recleaner(tool string, parse parser) importer.Recleaner {
	return func(name string, data []byte) (*archive.Capture, error) {
		src, err := parse(name, data)
		if err != nil {
			return nil, err
		}
		c := &archive.Capture{Original: src.original}
		for _, e := range src.entries {
			for len(c.Articles) <= e.pos {
				c.Articles = append(c.Articles, &archive.Article{})
			}
			switch {
			case e.fail != "":
			case e.clean == nil:
				c.Articles[e.pos] = linkArticle(&e, tool)
			default:
				a, images, err := e.clean()
				if err != nil {
					return nil, fmt.Errorf("%s: %w", e.ref, err)
				}
				c.Articles[e.pos] = a
				c.Images = append(c.Images, images...)
			}
		}
		return c, nil
	}
}
