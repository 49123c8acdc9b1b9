package format

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"
)

// warcRecord renders one WARC/1.0 record.
func warcRecord(typ, uri, contentType string, block []byte) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\n", typ, uri)
	fmt.Fprintf(&b, "WARC-Date: 2024-03-04T09:15:42Z\r\nWARC-Record-ID: <urn:uuid:%08x-0000-4000-8000-000000000000>\r\n", len(uri)*7919+len(block))
	fmt.Fprintf(&b, "Content-Type: %s\r\nContent-Length: %d\r\n\r\n", contentType, len(block))
	b.Write(block)
	b.WriteString("\r\n\r\n")
	return b.Bytes()
}

// httpResponse renders an HTTP response block; headers are "K: V" lines.
func httpResponse(status int, body []byte, headers ...string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "HTTP/1.1 %d X\r\n", status)
	for _, h := range headers {
		b.WriteString(h + "\r\n")
	}
	b.WriteString("\r\n")
	b.Write(body)
	return b.Bytes()
}

// response renders a response record for uri.
func response(uri string, status int, body []byte, headers ...string) []byte {
	return warcRecord("response", uri, "application/http; msgtype=response", httpResponse(status, body, headers...))
}

// gzipMembers compresses each record as its own gzip member, as .warc.gz
// files are written.
func gzipMembers(records ...[]byte) []byte {
	var out bytes.Buffer
	for _, r := range records {
		zw := gzip.NewWriter(&out)
		zw.Write(r)
		zw.Close()
	}
	return out.Bytes()
}

func gzipped(data []byte) []byte { return gzipMembers(data) }

func chunked(body []byte, size int) []byte {
	var b bytes.Buffer
	for len(body) > 0 {
		n := min(size, len(body))
		fmt.Fprintf(&b, "%x\r\n%s\r\n", n, body[:n])
		body = body[n:]
	}
	b.WriteString("0\r\n\r\n")
	return b.Bytes()
}

func deflated(data []byte) []byte {
	var b bytes.Buffer
	zw := zlib.NewWriter(&b)
	zw.Write(data)
	zw.Close()
	return b.Bytes()
}

func TestWARCSamples(t *testing.T) {
	for _, tc := range []struct {
		file, firstURL string
		pages, images  int
		captured       time.Time
	}{
		{"warc/archiveorg-2008-warc017-heritrix.warc.gz", "http://www.archive.org/", 2, 3,
			time.Date(2008, 4, 30, 20, 48, 26, 0, time.UTC)},
		// 36 text/html responses, of which 4 are 403/404 error pages.
		{"warc/datagovuk-blog-heritrix.warc.gz", "http://data.gov.uk/", 32, 7,
			time.Date(2014, 3, 25, 12, 12, 38, 0, time.UTC)},
		{"warc/iana-chunked-warcprox.warc", "http://www.iana.org/", 1, 0,
			time.Date(2017, 3, 6, 16, 54, 9, 0, time.UTC)},
		// The article was fetched twice with the same bytes: one page.
		{"warc/wikipedia-mona-lisa-wget.warc.gz", "http://en.wikipedia.org/wiki/Mona_Lisa", 1, 22,
			time.Date(2013, 1, 3, 20, 35, 42, 0, time.UTC)},
	} {
		t.Run(tc.file, func(t *testing.T) {
			pages := corpusWARC(t, tc.file)
			if got, want := len(pages), tc.pages; got != want {
				t.Fatalf("%d pages, want %d", got, want)
			}
			p := pages[0]
			if got, want := p.URL, tc.firstURL; got != want {
				t.Errorf("URL = %q, want %q", got, want)
			}
			if got, want := p.Captured, tc.captured; !got.Equal(want) {
				t.Errorf("Captured = %v, want %v", got, want)
			}
			if got, want := countMIME(p, "image/"), tc.images; got != want {
				t.Errorf("%d images, want %d", got, want)
			}
			for _, p := range pages {
				if p.Format != FormatWARC || p.Charset != "utf-8" || !bytes.Contains(bytes.ToLower(p.HTML), []byte("</html>")) {
					t.Errorf("%s: format %q charset %q, %d bytes of HTML", p.URL, p.Format, p.Charset, len(p.HTML))
				}
			}
		})
	}
}

func TestWARCSampleDetails(t *testing.T) {
	read := corpusWARC
	t.Run("chunked body is decoded", func(t *testing.T) {
		p := read(t, "warc/iana-chunked-warcprox.warc")[0]
		if !bytes.HasPrefix(bytes.TrimSpace(p.HTML), []byte("<!doctype html>")) {
			t.Errorf("HTML starts %q", p.HTML[:min(40, len(p.HTML))])
		}
	})
	t.Run("mona lisa figures resolve", func(t *testing.T) {
		p := read(t, "warc/wikipedia-mona-lisa-wget.warc.gz")[0]
		srcs := regexp.MustCompile(`<img[^>]+src="([^"]+)"`).FindAllSubmatch(p.HTML, -1)
		found := 0
		for _, m := range srcs {
			if _, ok := p.Resource(string(m[1])); ok {
				found++
			}
		}
		if len(srcs) < 20 || found < 18 {
			t.Errorf("%d of %d <img src> resolve", found, len(srcs))
		}
	})
	t.Run("datagovuk blog posts share resources", func(t *testing.T) {
		pages := read(t, "warc/datagovuk-blog-heritrix.warc.gz")
		blogs := 0
		for _, p := range pages {
			if strings.Contains(p.URL, "/blog/") {
				blogs++
			}
			if len(p.Resources) != len(pages[0].Resources) {
				t.Errorf("%s has %d resources, first page %d", p.URL, len(p.Resources), len(pages[0].Resources))
			}
		}
		if blogs < 5 {
			t.Errorf("%d blog posts, want at least 5", blogs)
		}
	})
}

func TestWARCBuilt(t *testing.T) {
	article := []byte("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Tide</title></head><body><p>Tide mills</p><img src=\"/i/a.png\"></body></html>")
	png := readTestdata(t, "red.png")
	records := [][]byte{
		warcRecord("warcinfo", "", "application/warc-fields", []byte("software: test\r\n")),
		response("https://example.org/chunked-gzip", 200, chunked(gzipped(article), 17),
			"Content-Type: text/html; charset=ISO-8859-1", "Transfer-Encoding: chunked", "Content-Encoding: gzip"),
		response("https://example.org/deflate", 200, deflated(article), "Content-Type: text/html", "Content-Encoding: deflate"),
		response("https://example.org/stored-decoded", 200, article, "Content-Type: text/html", "Content-Encoding: gzip", "Transfer-Encoding: chunked"),
		response("https://example.org/no-type", 200, article),
		response("https://example.org/missing", 404, article, "Content-Type: text/html"),
		response("https://example.org/app.js", 200, []byte("var x;"), "Content-Type: application/javascript"),
		response("https://example.org/i/a.png", 200, png, "Content-Type: image/png"),
		warcRecord("revisit", "https://example.org/chunked-gzip", "application/http; msgtype=response", httpResponse(200, nil, "Content-Type: text/html")),
		warcRecord("resource", "file:///home/me/saved.html", "text/html; charset=utf-8", article),
		response("https://example.org/deflate", 200, deflated(article), "Content-Type: text/html", "Content-Encoding: deflate"),
	}
	plain := bytes.Join(records, nil)
	for name, data := range map[string][]byte{"warc": plain, "warc.gz": gzipMembers(records...)} {
		t.Run(name, func(t *testing.T) {
			pages, err := WARC(bytes.NewReader(data), Limits{})
			if err != nil {
				t.Fatal(err)
			}
			var urls []string
			for _, p := range pages {
				urls = append(urls, p.URL)
				if !bytes.Equal(p.HTML, article) {
					t.Errorf("%s: HTML = %q", p.URL, p.HTML[:min(30, len(p.HTML))])
				}
			}
			want := "https://example.org/chunked-gzip https://example.org/deflate https://example.org/stored-decoded https://example.org/no-type file:///home/me/saved.html"
			if got := strings.Join(urls, " "); got != want {
				t.Errorf("pages\n %s\nwant\n %s", got, want)
			}
			if got, want := pages[0].Charset, "iso-8859-1"; got != want {
				t.Errorf("Charset = %q, want %q", got, want)
			}
			if got, want := pages[0].Captured, time.Date(2024, 3, 4, 9, 15, 42, 0, time.UTC); !got.Equal(want) {
				t.Errorf("Captured = %v, want %v", got, want)
			}
			if r, ok := pages[0].Resource("/i/a.png"); !ok || !bytes.Equal(r.Data, png) || r.MIME != "image/png" {
				t.Errorf("image: found %v, MIME %q", ok, r.MIME)
			}
		})
	}
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func TestWARCLimits(t *testing.T) {
	page := response("https://example.org/", 200, []byte("<html>ok</html>"), "Content-Type: text/html")
	huge := response("https://example.org/big.png", 200, make([]byte, 16<<20), "Content-Type: image/png")
	bombBody := gzipped(make([]byte, 8<<20))
	for _, tc := range []struct {
		name    string
		data    []byte
		limits  Limits
		maxRead int64
		msg     string
	}{
		{"huge record", bytes.Join([][]byte{page, huge, page}, nil), Limits{MaxRecordSize: 64 << 10}, 8 << 20, "record 2: too large: record larger"},
		{"gzip bomb", gzipMembers(page, huge), Limits{MaxTotal: 1 << 20}, 1 << 20, "more than 1 MiB once decompressed"},
		{"gzip body bomb", response("https://example.org/", 200, bombBody, "Content-Type: text/html", "Content-Encoding: gzip"),
			Limits{MaxRecordSize: 1 << 20}, 1 << 20, "body larger than 1 MiB"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cr := &countingReader{r: bytes.NewReader(tc.data)}
			pages, err := WARC(cr, tc.limits)
			if !errors.Is(err, ErrTooLarge) {
				t.Fatalf("err = %v, want ErrTooLarge", err)
			}
			if !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("err = %q, want it to say %q", err, tc.msg)
			}
			if cr.n > tc.maxRead {
				t.Errorf("read %d bytes of %d, want at most %d", cr.n, len(tc.data), tc.maxRead)
			}
			if tc.name == "huge record" && len(pages) != 1 {
				t.Errorf("%d pages before the huge record, want 1", len(pages))
			}
		})
	}
}

func TestWARCErrors(t *testing.T) {
	page := response("https://example.org/", 200, []byte("<html>ok</html>"), "Content-Type: text/html")
	gz := gzipMembers(page, page)
	for _, tc := range []struct {
		name  string
		data  []byte // or, when nil, the corpus file name
		want  error
		msg   string
		pages int
	}{
		{"warc/malformed/example-com-truncated.warc", nil, ErrMalformed, "record 3: malformed container: block digest mismatch", 0},
		{"cut in a record", page[:len(page)-30], ErrMalformed, "record 1: malformed container: truncated", 0},
		{"cut after a page", append(append([]byte{}, page...), page[:50]...), ErrMalformed, "record 2", 1},
		{"cut gzip", gz[:len(gz)-20], ErrMalformed, "record 2", 1},
		{"garbage", []byte(strings.Repeat("not a warc at all ", 10)), ErrMalformed, "record 1", 0},
		{"garbage after gzip", append(append([]byte{}, gzipMembers(page)...), "junk!"...), ErrMalformed, "record", 1},
		{"empty", []byte{}, ErrNoPage, "no HTML", 0},
		{"only an image", response("https://example.org/a.png", 200, []byte("PNG"), "Content-Type: image/png"), ErrNoPage, "no HTML", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.data == nil {
				tc.data = readCorpus(t, tc.name)
			}
			pages, err := WARC(bytes.NewReader(tc.data), Limits{})
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			if !strings.HasPrefix(err.Error(), "warc: ") || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("err = %q, want it to say %q", err, tc.msg)
			}
			if got, want := len(pages), tc.pages; got != want {
				t.Errorf("%d pages along with the error, want %d", got, want)
			}
		})
	}
}
