package format

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/zstd"
)

func brotlied(data []byte) []byte {
	var b bytes.Buffer
	w := brotli.NewWriter(&b)
	w.Write(data)
	w.Close()
	return b.Bytes()
}

func zstded(data []byte) []byte {
	w, _ := zstd.NewWriter(nil)
	defer w.Close()
	return w.EncodeAll(data, nil)
}

// corpusWARC returns the pages of a WARC of the shared corpus, decoded,
// or skips the test when the corpus is not there.
func corpusWARC(t *testing.T, rel string) []*Page {
	t.Helper()
	f, err := os.Open(corpusFile(t, rel))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	pages, err := WARC(f, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

// TestWARCBrotliZstd re-encodes the response of a real WARC (warcprox's
// capture of iana.org) with br and zstd, as servers now send pages: the
// page reads as before, also when a crawler stored it decoded under the
// same header.
func TestWARCBrotliZstd(t *testing.T) {
	page := corpusWARC(t, "warc/iana-chunked-warcprox.warc")[0]
	for _, tc := range []struct {
		coding string
		body   []byte
	}{
		{"br", brotlied(page.HTML)},
		{"zstd", zstded(page.HTML)},
		{"br", page.HTML},
		{"zstd", page.HTML},
	} {
		name := tc.coding
		if bytes.Equal(tc.body, page.HTML) {
			name += " stored decoded"
		}
		t.Run(name, func(t *testing.T) {
			rec := response(page.URL, 200, tc.body, "Content-Type: text/html; charset=UTF-8", "Content-Encoding: "+tc.coding)
			pages, err := WARC(bytes.NewReader(gzipMembers(rec)), Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if len(pages) != 1 || !bytes.Equal(pages[0].HTML, page.HTML) || pages[0].URL != page.URL {
				t.Errorf("%d pages, want the page as the original WARC gives it", len(pages))
			}
		})
	}
	t.Run("damaged", func(t *testing.T) {
		rec := response(page.URL, 200, brotlied(page.HTML)[:40], "Content-Type: text/html", "Content-Encoding: zstd")
		if _, err := WARC(bytes.NewReader(rec), Limits{}); !errors.Is(err, ErrNoPage) {
			t.Errorf("err = %v, want ErrNoPage", err)
		}
	})
}

// TestWARCBrotliZstdBombs: a small compressed body that expands past the
// limit fails with ErrTooLarge, as a gzip one does.
func TestWARCBrotliZstdBombs(t *testing.T) {
	zeros := make([]byte, 8<<20)
	for coding, body := range map[string][]byte{"br": brotlied(zeros), "zstd": zstded(zeros)} {
		t.Run(coding, func(t *testing.T) {
			rec := response("https://example.org/", 200, body, "Content-Type: text/html", "Content-Encoding: "+coding)
			_, err := WARC(bytes.NewReader(rec), Limits{MaxRecordSize: 1 << 20})
			if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "body larger than 1 MiB") {
				t.Errorf("err = %v, want ErrTooLarge for the body", err)
			}
		})
	}
}
