package importer

import (
	"sync"

	"github.com/clippings/clippings/archive"
)

// A Recleaner cleans again an original stored by another package in a
// format of its own (a reading app's export holding many articles), for
// Reextract: it returns the articles in the order they were stored, each
// with the capture address it had.
type Recleaner func(name string, data []byte) (*archive.Capture, error)

var recleaners sync.Map // original format → Recleaner

// RegisterRecleaner makes Reextract clean the originals stored with the
// format name through fn instead of sniffing them. A package that stores
// such originals registers its recleaner in an init function.
func RegisterRecleaner(format string, fn Recleaner) {
	recleaners.Store(format, fn)
}

// reclean cleans a stored original: through the recleaner registered for
// its format, else as Extract would.
func reclean(o *archive.Original) (*archive.Capture, error) {
	if fn, ok := recleaners.Load(o.Format); ok {
		return fn.(Recleaner)(o.Name, o.Data)
	}
	return Extract(o.Name, o.Data)
}

var (
	keepersMu sync.RWMutex
	keepers   []func(*archive.Article) bool
)

// RegisterRecordKeeper makes Reextract keep the record of the stored
// articles for which keep is true: their title, authors, site, address,
// language, dates and standfirst came from elsewhere than their original
// (a Zotero item's fields, over its snapshot), so only their body is
// cleaned again, and a field of the record is taken from the cleaner only
// where the stored one is empty. A package that stores such articles
// registers its keeper in an init function.
func RegisterRecordKeeper(keep func(a *archive.Article) bool) {
	keepersMu.Lock()
	defer keepersMu.Unlock()
	keepers = append(keepers, keep)
}

// keepsRecord reports whether a registered keeper keeps a's record.
func keepsRecord(a *archive.Article) bool {
	keepersMu.RLock()
	defer keepersMu.RUnlock()
	for _, keep := range keepers {
		if keep(a) {
			return true
		}
	}
	return false
}

// keepRecord gives fresh the record of old, field by field where old has
// one.
func keepRecord(fresh, old *archive.Article) {
	keep := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	keep(&fresh.Title, old.Title)
	keep(&fresh.Standfirst, old.Standfirst)
	keep(&fresh.Byline, old.Byline)
	keep(&fresh.Site, old.Site)
	keep(&fresh.URL, old.URL)
	keep(&fresh.CaptureURL, old.CaptureURL)
	keep(&fresh.Language, old.Language)
	keep(&fresh.Format, old.Format)
	keep(&fresh.FileName, old.FileName)
	if len(old.Authors) > 0 {
		fresh.Authors = old.Authors
	}
	if !old.Published.IsZero() {
		fresh.Published = old.Published
	}
	if !old.Modified.IsZero() {
		fresh.Modified = old.Modified
	}
}
