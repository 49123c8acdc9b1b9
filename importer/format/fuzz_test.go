package format

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"howett.net/plist"
)

// maxSeed keeps big samples out of the seed corpus, which plain go test
// runs: mutating a megabyte file finds little and slows every run.
const maxSeed = 64 << 10

// addSeeds adds the files of the shared corpus that exist and are small.
func addSeeds(f *testing.F, rels ...string) {
	for _, rel := range rels {
		data, err := os.ReadFile(filepath.Join(corpusDir, filepath.FromSlash(rel)))
		if err != nil || len(data) > maxSeed {
			continue
		}
		f.Add(data)
	}
}

// checkResult fails unless exactly one of page and err is set and err
// wraps one of the package's sentinel errors.
func checkResult(t *testing.T, page *Page, err error) {
	t.Helper()
	switch {
	case err != nil && page != nil:
		t.Fatalf("page and error %v", err)
	case err != nil && !wrapsSentinel(err):
		t.Fatalf("error wraps no sentinel: %v", err)
	case err == nil && (page == nil || page.Format == "" || page.Resources == nil):
		t.Fatalf("no error and page %+v", page)
	}
}

// lookUp exercises Page.Resource with references such pages hold.
func lookUp(p *Page) {
	for _, ref := range []string{"a.png", "/img/a.png", "cid:x", p.URL, "data:image/png;base64,iVBORw0KGgo=", "../x"} {
		p.Resource(ref)
	}
}

func FuzzMHTML(f *testing.F) {
	f.Add(readTestdata(f, "tiny.mhtml"))
	f.Add([]byte("Content-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<p>=3D=\r\nx"))
	f.Add([]byte("Content-Type: multipart/related; boundary=B\r\n\r\n--B\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\nPHA+\r\n--B--"))
	addSeeds(f, "mhtml/libru-koi8r-blink.mhtml", "mhtml/malformed/missing-boundary.mhtml", "mhtml/malformed/unexpected-eof.mhtml")
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := MHTML(data)
		checkResult(t, p, err)
		if p != nil {
			lookUp(p)
		}
	})
}

func FuzzWebArchive(f *testing.F) {
	wa := webArchive{
		Main:         &webResource{Data: []byte("<frameset><frame src=a.html></frameset>"), MIME: "text/html", URL: "https://x.org/"},
		Subresources: []webResource{{Data: []byte("GIF89a"), MIME: "image/gif", URL: "https://x.org/a.gif"}},
		Subframes:    []webArchive{{Main: &webResource{Data: []byte("<p>text</p>"), MIME: "text/html", URL: "https://x.org/a.html"}}},
	}
	for _, format := range []int{plist.BinaryFormat, plist.XMLFormat} {
		data, err := plist.Marshal(wa, format)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add(bplistOf(arrayOf(1, 1), arrayOf(2), arrayOf()))
	f.Add(bplistOf(arrayOf(1), arrayOf(0)))
	addSeeds(f, "webarchive/christiantietze-blogpost-safari.webarchive")
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := WebArchive(data)
		checkResult(t, p, err)
		if p != nil {
			lookUp(p)
		}
	})
}

func FuzzWARC(f *testing.F) {
	article := []byte("<html><body><img src=a.png></body></html>")
	records := [][]byte{
		response("https://x.org/", 200, chunked(gzipped(article), 9), "Content-Type: text/html", "Transfer-Encoding: chunked", "Content-Encoding: gzip"),
		response("https://x.org/a.png", 200, []byte("PNG"), "Content-Type: image/png"),
		response("https://x.org/br", 200, brotlied(article), "Content-Type: text/html", "Content-Encoding: br"),
		response("https://x.org/zstd", 200, zstded(article), "Content-Type: text/html", "Content-Encoding: zstd"),
		warcRecord("revisit", "https://x.org/", "application/http; msgtype=response", httpResponse(200, nil)),
		warcRecord("resource", "file:///a.html", "text/html", article),
	}
	f.Add(bytes.Join(records, nil))
	f.Add(gzipMembers(records...))
	addSeeds(f, "warc/iana-chunked-warcprox.warc", "warc/malformed/example-com-truncated.warc",
		"warc/archiveorg-2008-warc017-heritrix.warc.gz")
	if gz, err := os.ReadFile(filepath.Join(corpusDir, "warc", "archiveorg-2008-warc017-heritrix.warc.gz")); err == nil {
		if zr, err := gzip.NewReader(bytes.NewReader(gz)); err == nil {
			if plain, err := io.ReadAll(zr); err == nil {
				f.Add(plain) // mutations of the plain text reach further than those of gzip
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		pages, err := WARC(bytes.NewReader(data), Limits{MaxRecordSize: 1 << 20, MaxTotal: 4 << 20})
		if err != nil && !wrapsSentinel(err) {
			t.Fatalf("error wraps no sentinel: %v", err)
		}
		if err == nil && len(pages) == 0 {
			t.Fatal("no pages and no error")
		}
		for _, p := range pages {
			if p == nil || p.Format != FormatWARC || p.Resources == nil {
				t.Fatalf("bad page %+v", p)
			}
			lookUp(p)
		}
	})
}

func FuzzSingleFile(f *testing.F) {
	f.Add(readTestdata(f, "singlefile.html"))
	f.Add([]byte("<!--\r\n Page saved with SingleFile \r\n url: https://a.org/ \r\n saved date: Mon Mar 04 2024 10:15:42 GMT+0100 (CET)\r\n-->"))
	f.Add([]byte("<!-- saved from url=(0022)https://example.org/a -->"))
	f.Fuzz(func(t *testing.T, html []byte) {
		u, _, ok := SingleFile(html)
		if u != "" && (!ok || !webURL(u)) {
			t.Fatalf("url %q, ok %v", u, ok)
		}
		if u, ok := SavedFromURL(html); ok != webURL(u) {
			t.Fatalf("saved from %q, ok %v", u, ok)
		}
		p := HTML(html)
		checkResult(t, p, nil)
		for _, ref := range dataURIs(html[:min(len(html), 4096)]) {
			if r, ok := p.Resource(ref); ok && r.MIME == "" {
				t.Fatalf("data URI %q decoded without a media type", ref)
			}
		}
	})
}

// FuzzLocalKey checks that no reference, however written, yields a key
// that leaves the page's folder.
func FuzzLocalKey(f *testing.F) {
	for _, s := range []string{"./a_files/x.png", "../x", "%2e%2e/x", `a\..\..\x`, "/etc/passwd", "C:x", "a/./b/../../..", "file:///x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, ref string) {
		key, ok := localKey(ref)
		if !ok {
			return
		}
		if !filepath.IsLocal(filepath.FromSlash(key)) || strings.HasPrefix(key, "../") || strings.Contains(key, ":") && strings.Index(key, ":") < strings.IndexByte(key+"/", '/') {
			t.Fatalf("localKey(%q) = %q escapes", ref, key)
		}
		resourceKey(ref)
	})
}
