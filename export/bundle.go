package export

import (
	"archive/zip"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/clippings/clippings/archive"
)

// A bundle (.clippings) is a zip file holding
//
//	clippings.json      the Document (docs/export-json.md)
//	originals/SHA256    each saved file the articles were cleaned from
//	images/SHA256       each stored image their figures use
//
// and nothing else. ImportBundle checks all of it before writing anything.

// Names inside a bundle.
const (
	bundleDoc       = "clippings.json"
	bundleOriginals = "originals/"
	bundleImages    = "images/"
)

// BundleExt is the extension of a bundle file.
const BundleExt = ".clippings"

// IsBundle reports whether path names a bundle (by its extension), which
// ImportBundle reads rather than the importer.
func IsBundle(path string) bool {
	return strings.EqualFold(filepath.Ext(path), BundleExt)
}

func writeBundle(ctx context.Context, j *job) error {
	zw := zip.NewWriter(j.out)
	w, err := zw.CreateHeader(&zip.FileHeader{Name: bundleDoc, Method: zip.Deflate, Modified: j.opt.Now.UTC()})
	if err != nil {
		return err
	}
	refs, err := writeDocument(ctx, j, w)
	if err != nil {
		return err
	}
	for _, sha := range sortedKeys(refs.originals) {
		if err := ctx.Err(); err != nil {
			return err
		}
		o, err := j.src.Original(ctx, sha)
		if err != nil {
			return err
		}
		if err := bundleFile(zw, bundleOriginals+strings.ToLower(sha), zip.Deflate, j, o.Data); err != nil {
			return err
		}
	}
	for _, sha := range sortedKeys(refs.images) {
		im, err := j.src.Image(ctx, sha)
		if errors.Is(err, archive.ErrNotFound) {
			continue // the document does not list it either
		}
		if err != nil {
			return err
		}
		if err := bundleFile(zw, bundleImages+strings.ToLower(sha), zip.Store, j, im.Data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// bundleFile adds one file to a bundle.
func bundleFile(zw *zip.Writer, name string, method uint16, j *job, data []byte) error {
	if !isHex(name[strings.IndexByte(name, '/')+1:]) {
		return fmt.Errorf("bundle: %q is not a SHA-256", name)
	}
	w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method, Modified: j.opt.Now.UTC()})
	if err == nil {
		_, err = w.Write(data)
	}
	if err != nil {
		return fmt.Errorf("bundle %s: %w", name, err)
	}
	return nil
}

// Limits of a bundle that ImportBundle accepts (variables for the tests).
var (
	maxBundleEntries        = 500_000
	maxEntrySize     uint64 = 1 << 30 // one original, image or the document
	maxBundleSize    uint64 = 16 << 30
)

// ErrBadBundle is wrapped by the errors of a file that is not a bundle
// ImportBundle accepts.
var ErrBadBundle = errors.New("not a valid Clippings bundle")

// bundleReader is an opened, checked bundle.
type bundleReader struct {
	zr        *zip.ReadCloser
	doc       *zip.File
	originals map[string]*zip.File // by lower-case SHA-256
	images    map[string]*zip.File
}

// openBundle opens a bundle and checks its entries: only the names of
// the layout above, no two alike, sizes within bounds.
func openBundle(path string) (*bundleReader, error) {
	zr, err := zip.OpenReader(path)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, fmt.Errorf("%w: %v", ErrBadBundle, err)
	}
	if zr == nil {
		return nil, fmt.Errorf("%w: %v", ErrBadBundle, err)
	}
	b := &bundleReader{zr: zr, originals: map[string]*zip.File{}, images: map[string]*zip.File{}}
	if err := b.index(); err != nil {
		zr.Close()
		return nil, fmt.Errorf("%w: %v", ErrBadBundle, err)
	}
	return b, nil
}

// index sorts the entries of the zip, refusing what does not belong.
func (b *bundleReader) index() error {
	if len(b.zr.File) > maxBundleEntries {
		return fmt.Errorf("%d entries (at most %d)", len(b.zr.File), maxBundleEntries)
	}
	var total uint64
	for _, f := range b.zr.File {
		if f.UncompressedSize64 > maxEntrySize {
			return fmt.Errorf("entry %q: %d bytes (at most %d)", f.Name, f.UncompressedSize64, maxEntrySize)
		}
		if total += f.UncompressedSize64; total > maxBundleSize {
			return fmt.Errorf("more than %d bytes in all", maxBundleSize)
		}
		if err := b.add(f); err != nil {
			return err
		}
	}
	if b.doc == nil {
		return fmt.Errorf("no %s", bundleDoc)
	}
	return nil
}

// add files one entry under its kind.
func (b *bundleReader) add(f *zip.File) error {
	name := f.Name
	dir, base, _ := strings.Cut(name, "/")
	switch {
	case name == bundleDoc && b.doc == nil:
		b.doc = f
		return nil
	case (name == bundleOriginals || name == bundleImages) && f.FileInfo().IsDir():
		return nil
	case len(base) == 64 && isHex(base) && base == strings.ToLower(base) && !f.FileInfo().IsDir():
		m := b.originals
		if dir+"/" == bundleImages {
			m = b.images
		} else if dir+"/" != bundleOriginals {
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

// read returns the content of an entry, refusing more bytes than it
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
