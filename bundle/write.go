package bundle

import (
	"archive/zip"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/clippings/clippings/archive"
)

// Files gives the bytes of the originals and images a bundle carries.
// *archive.Store satisfies it.
type Files interface {
	Original(ctx context.Context, sha string) (*archive.Original, error)
	Image(ctx context.Context, sha string) (*archive.Image, error)
}

// Refs are the SHA-256 of the originals and images a document names.
type Refs struct {
	Originals, Images map[string]bool
}

// Write writes a bundle to w: the document that writeDoc streams to the
// writer it is given, then every original and image the document names,
// read from files (an image files does not have is left out, as the
// document leaves it out). Every entry is dated modified. It returns the
// errors of writeDoc, files and w, and the context's error when ctx ends
// first.
func Write(ctx context.Context, w io.Writer, modified time.Time, files Files, writeDoc func(io.Writer) (Refs, error)) error {
	zw := zip.NewWriter(w)
	doc, err := zw.CreateHeader(&zip.FileHeader{Name: docName, Method: zip.Deflate, Modified: modified.UTC()})
	if err != nil {
		return err
	}
	refs, err := writeDoc(doc)
	if err != nil {
		return err
	}
	for _, sha := range slices.Sorted(maps.Keys(refs.Originals)) {
		if err := ctx.Err(); err != nil {
			return err
		}
		o, err := files.Original(ctx, sha)
		if err != nil {
			return err
		}
		if err := addFile(zw, originalsDir, sha, zip.Deflate, modified, o.Data); err != nil {
			return err
		}
	}
	for _, sha := range slices.Sorted(maps.Keys(refs.Images)) {
		im, err := files.Image(ctx, sha)
		if errors.Is(err, archive.ErrNotFound) {
			continue // the document does not list it either
		}
		if err != nil {
			return err
		}
		// Images are compressed already.
		if err := addFile(zw, imagesDir, sha, zip.Store, modified, im.Data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// addFile adds one original or image to a bundle, named by its SHA-256.
func addFile(zw *zip.Writer, dir, sha string, method uint16, modified time.Time, data []byte) error {
	name := dir + strings.ToLower(sha)
	if !isSHA256(strings.ToLower(sha)) {
		return fmt.Errorf("bundle: %q is not a SHA-256", name)
	}
	w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method, Modified: modified.UTC()})
	if err == nil {
		_, err = w.Write(data)
	}
	if err != nil {
		return fmt.Errorf("bundle %s: %w", name, err)
	}
	return nil
}
