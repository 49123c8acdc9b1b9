package importer_test

// Hostile and broken input: none may crash the importer, make it hang,
// read outside what it was given or use unbounded memory. Each test runs
// the importer under a time limit (testguard.Bounded), and checks what comes back
// (checkOutcome): a capture that holds together, or an error that names
// the file and wraps one of the importer's sentinels.

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/importer"
	"github.com/clippings/clippings/importer/format"
	"github.com/clippings/clippings/internal/testguard"
)

// corpusRoot is the shared corpus, relative to this package.
const corpusRoot = "../../shared/corpus"

// sentinels are the errors the importer's errors must wrap.
var sentinels = []error{importer.ErrNotArticle, importer.ErrUnsupported, importer.ErrTooLarge, importer.ErrTooComplex,
	format.ErrMalformed, format.ErrTooLarge, format.ErrNoPage}

// checkOutcome fails unless exactly one of c and err is set, err names
// the file and wraps a sentinel, and c holds the very bytes given and
// whole articles of valid UTF-8 text.
func checkOutcome(t *testing.T, name string, data []byte, c *archive.Capture, err error) {
	t.Helper()
	if err != nil {
		if c != nil {
			t.Errorf("%s: a capture and an error %v", name, err)
		}
		if !strings.Contains(err.Error(), filepath.Base(name)) {
			t.Errorf("%s: the error does not name the file: %v", name, err)
		}
		wraps := false
		for _, s := range sentinels {
			wraps = wraps || errors.Is(err, s)
		}
		if !wraps {
			t.Errorf("%s: the error wraps no sentinel: %v", name, err)
		}
		return
	}
	if c == nil || len(c.Articles) == 0 {
		t.Fatalf("%s: no error and no article", name)
	}
	if data != nil && !bytes.Equal(c.Original.Data, data) {
		t.Errorf("%s: the original kept is not the file given", name)
	}
	for i, a := range c.Articles {
		for field, s := range map[string]string{"title": a.Title, "text": a.Text(), "byline": a.Byline, "site": a.Site, "url": a.URL, "captions": a.Captions()} {
			if !utf8.ValidString(s) || strings.ContainsRune(s, 0) {
				t.Errorf("%s: article %d: %s holds invalid UTF-8 or NUL: %q", name, i, field, clip(s))
			}
		}
		if strings.TrimSpace(a.Text()) == "" {
			t.Errorf("%s: article %d has no text", name, i)
		}
	}
	var total int
	for _, im := range c.Images {
		total += len(im.Data)
		if len(im.Data) > importer.MaxImageSize {
			t.Errorf("%s: image of %d bytes kept, over MaxImageSize", name, len(im.Data))
		}
	}
	if total > 64<<20 {
		t.Errorf("%s: %d MiB of images kept for one capture", name, total>>20)
	}
}

func clip(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}

// extract runs Extract on hostile input within d.
func extract(t *testing.T, d time.Duration, name string, data []byte) (*archive.Capture, error) {
	t.Helper()
	var c *archive.Capture
	var err error
	testguard.Bounded(t, d, name, func() { c, err = importer.Extract(name, data) })
	checkOutcome(t, name, data, c, err)
	return c, err
}

// pageExts are the extensions of saved pages.
var pageExts = []string{".html", ".htm", ".xhtml", ".mhtml", ".mht", ".warc", ".warc.gz", ".webarchive", ".txt", ".md", ".html.gz"}

func TestHostileEmptyAndBinary(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	noise := make([]byte, 8192)
	for i := range noise {
		noise[i] = byte(r.Uint32())
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(noise)
	zw.Close()
	contents := map[string][]byte{
		"empty":      {},
		"blank":      []byte(" \r\n\t\n  "),
		"noise":      noise,
		"png":        append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), noise[:500]...),
		"zip":        append([]byte("PK\x03\x04"), noise[:500]...),
		"nul":        make([]byte, 4096),
		"gzip noise": gz.Bytes(),
		"bom only":   []byte("\xef\xbb\xbf"),
		"utf16 bom":  []byte("\xff\xfe"),
	}
	for what, data := range contents {
		for _, ext := range pageExts {
			name := strings.ReplaceAll(what, " ", "-") + ext
			t.Run(name, func(t *testing.T) {
				_, err := extract(t, 10*time.Second, name, data)
				if err == nil {
					t.Errorf("%s: an article from %s", name, what)
				}
				path := filepath.Join(t.TempDir(), name)
				os.WriteFile(path, data, 0o644)
				var c *archive.Capture
				testguard.Bounded(t, 10*time.Second, "ReadFile "+name, func() { c, err = importer.ReadFile(context.Background(), path) })
				checkOutcome(t, path, data, c, err)
				if err == nil {
					t.Errorf("ReadFile %s: an article from %s", name, what)
				}
			})
		}
	}
}

// corpusFiles returns the saved pages of the shared corpus.
func corpusFiles(t *testing.T) []string {
	var files []string
	filepath.Walk(filepath.Join(corpusRoot, "formats"), func(p string, info os.FileInfo, err error) error {
		if err == nil && info.Mode().IsRegular() && !strings.Contains(p, "_files") && !strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return nil
	})
	zyte, _ := filepath.Glob(filepath.Join(corpusRoot, "zyte-dev", "html", "*.gz"))
	files = append(files, zyte[:min(len(zyte), 3)]...)
	local, _ := filepath.Glob(filepath.Join("testdata", "*.html"))
	files = append(files, local...)
	if len(files) < 10 {
		t.Skipf("the shared corpus is not at %s", corpusRoot)
	}
	return files
}

// TestHostileTruncated cuts every sample page of every format at several
// places: each piece must give a whole article or a clear error.
func TestHostileTruncated(t *testing.T) {
	for _, path := range corpusFiles(t) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		cuts := []int{1, 16, 200, 2000, len(data) / 3, len(data) / 2, len(data) - 1}
		if len(data) > 1<<20 {
			cuts = []int{200, len(data) / 2, len(data) - 1}
		}
		t.Run(filepath.Base(path), func(t *testing.T) {
			for _, n := range cuts {
				if n <= 0 || n >= len(data) {
					continue
				}
				extract(t, 60*time.Second, filepath.Base(path), data[:n])
			}
		})
	}
}

// TestHostileMalformed feeds containers and markup that are wrong in the
// ways parsers trip on.
func TestHostileMalformed(t *testing.T) {
	para := "<p>" + strings.Repeat("The council approved the harbour budget after a long debate. ", 8) + "</p>"
	page := "<html><head><title>T</title></head><body><article>" + para + para + "</article></body></html>"
	mime := func(boundary, parts string) string {
		return "MIME-Version: 1.0\r\nSubject: x\r\nContent-Type: multipart/related; type=\"text/html\"; boundary=\"" + boundary + "\"\r\n\r\n" + parts
	}
	cases := map[string]string{
		"missing-boundary.mhtml": mime("B", "--X\r\nContent-Type: text/html\r\n\r\n"+page+"\r\n--X--"),
		"empty-boundary.mhtml":   mime("", "--\r\nContent-Type: text/html\r\n\r\n"+page),
		"bad-base64.mhtml":       mime("B", "--B\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!***@@@\r\n--B--"),
		"bad-qp.mhtml":           mime("B", "--B\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n=ZZ=\r\n=3"+page+"=\r\n--B--"),
		"boundaries-only.mhtml":  mime("B", strings.Repeat("--B\r\n", 100_000)),
		"nested-multipart.mhtml": mime("B0", nestedParts(2000, page)),
		"no-html-part.mhtml":     mime("B", "--B\r\nContent-Type: image/png\r\n\r\nPNG\r\n--B--"),
		"huge-length.warc":       "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999999999999999999\r\n\r\nHTTP/1.1 200 OK\r\n\r\n" + page,
		"negative-length.warc":   "WARC/1.0\r\nWARC-Type: resource\r\nContent-Type: text/html\r\nContent-Length: -5\r\n\r\n" + page,
		"long-header.warc":       "WARC/1.0\r\nWARC-Target-URI: " + strings.Repeat("a", 10<<20),
		"many-records.warc":      strings.Repeat("WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n\r\n\r\n", 100_000),
		"chunked-lies.warc":      warcResponse("Transfer-Encoding: chunked", "ffffffffffffffff\r\n"+page),
		"gzip-lies.warc":         warcResponse("Content-Encoding: gzip", page),
		"bad-offsets.webarchive": "bplist00\xd1\x01\x02" + strings.Repeat("\xff", 40) + "\x00\x00\x00\x00\x00\x00\x01\x08\x00\x00\x00\x00\x00\x00\x00\x09\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x08",
		"huge-count.webarchive":  "bplist00\xaf\x13\xff\xff\xff\xff\xff\xff\xff\xff" + strings.Repeat("\x00", 32),
		"unclosed.html":          "<html><body>" + strings.Repeat("<p><b><i><a href=x>", 20_000) + para,
		"comments.html":          "<html><body><!--" + strings.Repeat("<p>", 100_000),
		"many-attributes.html":   "<html><body><div " + strings.Repeat("a=b ", 200_000) + ">" + para + "</div></body></html>",
		"entity-bomb.xhtml":      "<?xml version=\"1.0\"?><!DOCTYPE html [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><html><body><p>&c;&c;&c;</p>" + para + "</body></html>",
		"frameset.html":          "<html><frameset><frame src=\"../../../etc/passwd\"><frame src=\"file:///etc/passwd\"></frameset></html>",
		"script-only.html":       "<html><body><script>" + strings.Repeat("var a = '<p>x</p>';", 200_000) + "</script></body></html>",
		"foreign-content.html":   "<html><body>" + strings.Repeat("<svg><math><mi><svg><foreignObject>", 5_000) + para,
		"template-soup.html":     "<html><body>" + strings.Repeat("<template><table><select><option>", 10_000) + para,
		"jsonld-deep.html":       "<html><head><script type=\"application/ld+json\">" + strings.Repeat("[", 100_000) + "</script></head><body>" + para + "</body></html>",
		"meta-refresh-loop.html": "<html><head><meta http-equiv=\"refresh\" content=\"0;url=file:///etc/passwd\"><base href=\"file:///etc/\"></head><body>" + para + "</body></html>",
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) { extract(t, 60*time.Second, name, []byte(data)) })
	}
}

// nestedParts returns n multipart bodies nested in each other.
func nestedParts(n int, page string) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "--B%d\r\nContent-Type: multipart/related; boundary=\"B%d\"\r\n\r\n", i, i+1)
	}
	fmt.Fprintf(&b, "--B%d\r\nContent-Type: text/html\r\n\r\n%s\r\n", n, page)
	return b.String()
}

// warcResponse is a WARC response record whose HTTP message has the header
// and body given.
func warcResponse(header, body string) string {
	http := "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + header + "\r\n\r\n" + body
	return fmt.Sprintf("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/a\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", len(http), http)
}
