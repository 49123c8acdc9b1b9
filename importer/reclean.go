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
