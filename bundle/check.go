package bundle

import (
	"archive/zip"
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
)

// loadDocument reads and checks the bundle's document as it streams out
// of the zip (decodeDocument), then its format and version, the
// collections' members, and that every original it names is in the
// bundle with the right SHA-256 (and every image it lists too). It reads
// every entry once to check the hashes.
func (b *reader) loadDocument() (*Document, error) {
	rc, err := b.doc.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", docName, err)
	}
	defer rc.Close()
	doc, err := decodeDocument(bufio.NewReader(io.LimitReader(rc, int64(b.doc.UncompressedSize64))))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", docName, err)
	}
	if doc.Format != DocFormat {
		return nil, fmt.Errorf("%s: format %q, not %q", docName, doc.Format, DocFormat)
	}
	if doc.Version < 1 || doc.Version > DocVersion {
		return nil, fmt.Errorf("%s: version %d (this Clippings reads 1 to %d)", docName, doc.Version, DocVersion)
	}
	if err := checkMembers(doc); err != nil {
		return nil, fmt.Errorf("%s: %w", docName, err)
	}
	if err := b.checkFiles(doc); err != nil {
		return nil, err
	}
	return doc, nil
}

// checkMembers checks that collections name articles of the document.
func checkMembers(doc *Document) error {
	keys := make(map[string]bool, len(doc.Articles))
	for _, a := range doc.Articles {
		keys[a.Key] = true
	}
	for _, c := range doc.Collections {
		for _, k := range c.Articles {
			if !keys[k] {
				return fmt.Errorf("collection %q: no article %q", c.Path, k)
			}
		}
	}
	return nil
}

// checkFiles checks that the originals and images the document needs are
// in the bundle, and that every file's content has the SHA-256 of its
// name.
func (b *reader) checkFiles(doc *Document) error {
	listed := map[string]bool{}
	for _, o := range doc.Originals {
		sha := strings.ToLower(o.SHA256)
		if b.originals[sha] == nil {
			return fmt.Errorf("original %s (%s) is missing", o.SHA256, o.Name)
		}
		listed[sha] = true
	}
	for _, a := range doc.Articles {
		for _, c := range append([]DocContent{a.DocContent}, a.Versions...) {
			if sha := strings.ToLower(c.Provenance.OriginalSHA256); !listed[sha] {
				return fmt.Errorf("article %s: original %q is not listed", a.Key, c.Provenance.OriginalSHA256)
			}
		}
	}
	for _, im := range doc.Images {
		if b.images[strings.ToLower(im.SHA256)] == nil {
			return fmt.Errorf("image %s is missing", im.SHA256)
		}
	}
	for _, m := range []map[string]*zip.File{b.originals, b.images} {
		for sha, f := range m {
			if err := checkHash(f, sha); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkHash reads an entry and compares its SHA-256 with want.
func checkHash(f *zip.File, want string) error {
	rc, err := f.Open()
	if err != nil {
		return fmt.Errorf("%s: %w", f.Name, err)
	}
	defer rc.Close()
	h := sha256.New()
	n, err := io.Copy(h, io.LimitReader(rc, int64(f.UncompressedSize64)+1))
	if err != nil {
		return fmt.Errorf("%s: %w", f.Name, err)
	}
	if uint64(n) != f.UncompressedSize64 {
		return fmt.Errorf("%s: size differs from the one declared", f.Name)
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != want {
		return fmt.Errorf("%s: content has SHA-256 %s", f.Name, got)
	}
	return nil
}
