package archivetest

import (
	"bytes"
	"compress/gzip"
	"context"
	_ "embed"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/clippings/clippings/archive"
)

// prevRelease is an archive written by the release at commit f14bfae
// (schema migrations 0001–0005: no authors, no confidence, the address
// keys of the two normalisers), made by testdata/prev-f14bfae.sh from
// six real pages of ../shared/corpus.
//
//go:embed testdata/prev-f14bfae.db.gz
var prevRelease []byte

// The articles of PrevRelease by ID, in the order they were imported.
const (
	PrevFuturism  int64 = iota + 1 // two versions; tag space/europa, starred, a highlight, in collection Research/Space
	PrevAlJazeera                  // tag afghanistan, read, a free note
	PrevKorean
	PrevSwim
	PrevMoreBikes // tag reviews, a highlight
	PrevParkview  // its address holds percent-escapes
)

// PrevRelease opens a copy of the archive written by the release at
// commit f14bfae, which opening migrates; it is closed when the test
// ends. It stops the test when that fails.
func PrevRelease(tb testing.TB) *archive.Store {
	tb.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(prevRelease))
	if err != nil {
		tb.Fatal(err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		tb.Fatal(err)
	}
	p := filepath.Join(tb.TempDir(), "prev.db")
	if err := os.WriteFile(p, data, 0o600); err != nil {
		tb.Fatal(err)
	}
	s, err := archive.Open(context.Background(), p)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}
