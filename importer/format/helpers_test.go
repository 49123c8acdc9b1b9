package format

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// corpusDir is the shared corpus of real saved pages, seen from this
// package's directory.
const corpusDir = "../../../shared/corpus/formats"

// corpusFile returns the path of a file of the shared corpus, skipping the
// test when the corpus is not there.
func corpusFile(tb testing.TB, rel string) string {
	tb.Helper()
	path := filepath.Join(corpusDir, filepath.FromSlash(rel))
	if _, err := os.Stat(path); err != nil {
		tb.Skipf("shared corpus file %s not available (%v); skipping", rel, err)
	}
	return path
}

// readCorpus reads a file of the shared corpus, or skips the test.
func readCorpus(tb testing.TB, rel string) []byte {
	tb.Helper()
	data, err := os.ReadFile(corpusFile(tb, rel))
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// readTestdata reads a file of testdata/.
func readTestdata(tb testing.TB, name string) []byte {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", filepath.FromSlash(name)))
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// wrapsSentinel reports whether err wraps one of the package's errors.
func wrapsSentinel(err error) bool {
	return errors.Is(err, ErrMalformed) || errors.Is(err, ErrTooLarge) || errors.Is(err, ErrNoPage)
}

// countMIME counts a page's resources whose media type starts with prefix.
func countMIME(p *Page, prefix string) int {
	n := 0
	for _, r := range p.Resources {
		if len(r.MIME) >= len(prefix) && r.MIME[:len(prefix)] == prefix {
			n++
		}
	}
	return n
}
