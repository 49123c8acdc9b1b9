// Package archivetest helps the tests of every package use a real
// archive: a store in a temporary folder, and captures and articles made
// in one line. The archive package's own tests are inside the package and
// cannot import it; its external tests (package archive_test) do.
package archivetest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/clippings/clippings/archive"
)

// MustOpen opens a new, empty archive in a temporary folder of tb,
// closed when the test ends; it stops the test when that fails.
func MustOpen(tb testing.TB) *archive.Store {
	tb.Helper()
	s, err := archive.Open(context.Background(), filepath.Join(tb.TempDir(), "archive.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		if err := s.Close(); err != nil {
			tb.Error(err)
		}
	})
	return s
}

// SHA256 returns the hex SHA-256 of data, as the archive names originals
// and images.
func SHA256(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// Article returns an article with a title and a paragraph for each of
// paragraphs. Set its other fields as the test needs.
func Article(title string, paragraphs ...string) *archive.Article {
	a := &archive.Article{Title: title}
	for _, p := range paragraphs {
		a.Blocks = append(a.Blocks, archive.Block{Kind: archive.Paragraph, Text: p})
	}
	return a
}

// Capture returns a capture of an HTML original named name, whose bytes
// are data, holding arts.
func Capture(name, data string, arts ...*archive.Article) *archive.Capture {
	return &archive.Capture{
		Original: archive.Original{SHA256: SHA256([]byte(data)), Name: name, Format: "html", Data: []byte(data)},
		Articles: arts,
	}
}

// Image returns a JPEG image of these bytes.
func Image(data string) archive.Image {
	return archive.Image{SHA256: SHA256([]byte(data)), MIME: "image/jpeg", Data: []byte(data)}
}

// MustAdd stores c and returns the IDs of its articles; it stops the test
// when that fails or c was stored before.
func MustAdd(tb testing.TB, s *archive.Store, c *archive.Capture) []int64 {
	tb.Helper()
	res, err := s.AddCapture(context.Background(), c)
	if err != nil {
		tb.Fatal(err)
	}
	if got, want := res.Outcome, archive.Imported; got != want {
		tb.Fatalf("add %s: outcome %v, want %v", c.Original.Name, got, want)
	}
	return res.IDs
}

// originals numbers the originals MustAddArticles makes, so that no two
// are the same file.
var originals atomic.Int64

// MustAddArticles stores each article as the one article of a capture of
// its own and returns their IDs, in order; it stops the test when that
// fails.
func MustAddArticles(tb testing.TB, s *archive.Store, arts ...*archive.Article) []int64 {
	tb.Helper()
	ids := make([]int64, 0, len(arts))
	for _, a := range arts {
		n := originals.Add(1)
		c := Capture(fmt.Sprintf("%d.html", n), fmt.Sprintf("<html><title>%s</title>%d</html>", a.Title, n), a)
		ids = append(ids, MustAdd(tb, s, c)...)
	}
	return ids
}
