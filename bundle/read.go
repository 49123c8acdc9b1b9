package bundle

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// Names inside a bundle.
const (
	docName      = "clippings.json"
	originalsDir = "originals/"
	imagesDir    = "images/"
)

// Ext is the extension of a bundle file.
const Ext = ".clippings"

// HasExt reports whether path names a bundle by its extension: Merge reads
// it, not the importer.
func HasExt(path string) bool {
	return strings.EqualFold(filepath.Ext(path), Ext)
}

// ErrInvalid is wrapped by the errors of a file that is not a bundle Merge
// accepts.
var ErrInvalid = errors.New("not a valid Clippings bundle")

// reader is an opened, checked bundle.
type reader struct {
	zr        *zip.ReadCloser
	doc       *zip.File
	originals map[string]*zip.File // by lower-case SHA-256
	images    map[string]*zip.File
}

// openReader opens a bundle and checks its entries: only the names of
// the layout above, no two alike, sizes within bounds.
func openReader(path string) (*reader, error) {
	zr, err := zip.OpenReader(path)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	if zr == nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	b := &reader{zr: zr, originals: map[string]*zip.File{}, images: map[string]*zip.File{}}
	if err := b.index(); err != nil {
		zr.Close()
		return nil, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	return b, nil
}

// index sorts the entries of the zip, refusing what does not belong.
func (b *reader) index() error {
	if len(b.zr.File) > maxEntries {
		return fmt.Errorf("%d entries (at most %d)", len(b.zr.File), maxEntries)
	}
	var total uint64
	for _, f := range b.zr.File {
		if max := entryLimit(f.Name); f.UncompressedSize64 > max {
			return fmt.Errorf("entry %q: %d bytes (at most %d)", f.Name, f.UncompressedSize64, max)
		}
		if total += f.UncompressedSize64; total > maxSize {
			return fmt.Errorf("more than %d bytes in all", maxSize)
		}
		if err := b.add(f); err != nil {
			return err
		}
	}
	if b.doc == nil {
		return fmt.Errorf("no %s", docName)
	}
	return nil
}

// entryLimit is the largest entry of that name: an original or an image
// as the importer takes them, the document up to maxEntrySize.
func entryLimit(name string) uint64 {
	switch {
	case strings.HasPrefix(name, originalsDir):
		return min(MaxOriginalSize, maxEntrySize)
	case strings.HasPrefix(name, imagesDir):
		return min(MaxImageSize, maxEntrySize)
	}
	return maxEntrySize
}

// add files one entry under its kind.
func (b *reader) add(f *zip.File) error {
	name := f.Name
	dir, base, _ := strings.Cut(name, "/")
	switch {
	case name == docName && b.doc == nil:
		b.doc = f
		return nil
	case (name == originalsDir || name == imagesDir) && f.FileInfo().IsDir():
		return nil
	case isSHA256(base) && !f.FileInfo().IsDir():
		m := b.originals
		if dir+"/" == imagesDir {
			m = b.images
		} else if dir+"/" != originalsDir {
			break
		}
		if m[base] != nil {
			return fmt.Errorf("entry %q twice", name)
		}
		m[base] = f
		return nil
	}
	return fmt.Errorf("unexpected entry %q", name)
}

// readEntry returns the content of an entry, refusing more bytes than it
// declares.
func readEntry(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Name, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, int64(f.UncompressedSize64)+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Name, err)
	}
	if uint64(len(data)) != f.UncompressedSize64 {
		return nil, fmt.Errorf("%s: size differs from the one declared", f.Name)
	}
	return data, nil
}

// isSHA256 reports whether s is a SHA-256 as a bundle names its files: 64
// lower-case hex digits.
func isSHA256(s string) bool {
	if len(s) != 64 {
		return false
	}
	for _, c := range s {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}
