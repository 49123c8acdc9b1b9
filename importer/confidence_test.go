package importer

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/importer/format"
)

// warcResponse renders one WARC/1.0 response record holding an HTTP 200
// response with body, the given header lines added to its head.
func warcResponse(uri string, body []byte, headers ...string) []byte {
	var http bytes.Buffer
	http.WriteString("HTTP/1.1 200 OK\r\n")
	for _, h := range headers {
		http.WriteString(h + "\r\n")
	}
	http.WriteString("\r\n")
	http.Write(body)
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\nWARC-Date: 2013-01-22T10:00:00Z\r\n", uri)
	fmt.Fprintf(&b, "WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-%012d>\r\n", len(body))
	fmt.Fprintf(&b, "Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n", http.Len())
	b.Write(http.Bytes())
	b.WriteString("\r\n\r\n")
	return b.Bytes()
}

// monaLisaLead returns the page of the Mona Lisa WARC cut after its lead
// section: a short, unsigned encyclopedia article.
func monaLisaLead(t *testing.T) []byte {
	t.Helper()
	data := readShared(t, filepath.Join(formatsDir, "warc", "wikipedia-mona-lisa-wget.warc.gz"))
	pages, err := format.WARC(bytes.NewReader(data), format.Limits{})
	if err != nil || len(pages) == 0 {
		t.Fatalf("read the Mona Lisa WARC: %d pages, %v", len(pages), err)
	}
	page := pages[0].HTML
	cut := bytes.Index(page, []byte(`<table id="toc"`))
	if cut < 0 {
		t.Fatal("the Mona Lisa page has no table of contents to cut at")
	}
	return append(page[:cut:cut], "</div></div></body></html>"...)
}

func TestAssess(t *testing.T) {
	words := func(n int) string { return strings.Repeat("word ", n) }
	para := func(n int) archive.Block { return archive.Block{Kind: archive.Paragraph, Text: words(n)} }
	item := func(n int) archive.Block { return archive.Block{Kind: archive.ListItem, Text: words(n)} }
	tests := []struct {
		name   string
		blocks []archive.Block
		byline string
		want   archive.Confidence
	}{
		{"Signed", []archive.Block{para(60), para(60), para(60)}, "Jane Doe", archive.ConfidenceArticle},
		{"Unsigned", []archive.Block{para(60), para(60), para(60)}, "", archive.ConfidencePage},
		{"LongUnsigned", []archive.Block{para(600), para(600), para(600)}, "", archive.ConfidenceArticle},
		{"Lists", []archive.Block{para(60), para(60), para(60), item(200), item(200)}, "Jane Doe", archive.ConfidencePage},
		{"Short", []archive.Block{para(40), para(40)}, "Jane Doe", archive.ConfidenceStub},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := assess(&archive.Article{Blocks: tt.blocks, Byline: tt.byline}); got != tt.want {
				t.Errorf("assess = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestNeverRefusePicked: a file the user picked gives an article whenever
// it holds readable text, marked with how much it reads as one; only the
// pages of a crawl are chosen by that.
func TestNeverRefusePicked(t *testing.T) {
	t.Run("OnePageWARC", func(t *testing.T) {
		lead := monaLisaLead(t)
		path := filepath.Join(t.TempDir(), "mona-lisa-lead.warc")
		if err := os.WriteFile(path, warcResponse("http://en.wikipedia.org/wiki/Mona_Lisa", lead,
			"Content-Type: text/html; charset=UTF-8"), 0o644); err != nil {
			t.Fatal(err)
		}
		c, err := ReadFile(context.Background(), path)
		if err != nil {
			t.Fatalf("a short encyclopedia article in a one-page WARC: %v", err)
		}
		a := c.Articles[0]
		if !strings.Contains(a.Text(), "The Mona Lisa") || a.Confidence != archive.ConfidencePage {
			t.Errorf("confidence %q, text %.80q: want the lead section as a page", a.Confidence, a.Text())
		}
	})
	for _, name := range []string{"iana-chunked-warcprox.warc", "archiveorg-2008-warc017-heritrix.warc.gz"} {
		t.Run("FrontPageWARC/"+name, func(t *testing.T) {
			c := readSample(t, filepath.Join("warc", name))
			if len(c.Articles) != 1 || c.Articles[0].Confidence == archive.ConfidenceArticle {
				t.Errorf("%d articles, first %q: want the one front page, not called an article", len(c.Articles), c.Articles[0].Confidence)
			}
		})
	}
	t.Run("CrawlChoosesArticles", func(t *testing.T) {
		for _, a := range readSample(t, "warc/datagovuk-blog-heritrix.warc.gz").Articles {
			if a.Confidence != archive.ConfidenceArticle {
				t.Errorf("%q: confidence %q, want article", a.Title, a.Confidence)
			}
		}
	})
	t.Run("WebArchiveMainPage", func(t *testing.T) {
		a := readSample(t, "webarchive/wikipedia-mainpage-safari.webarchive").Articles[0]
		if a.Confidence != archive.ConfidencePage || !strings.Contains(a.Text(), "From today's featured article") {
			t.Errorf("confidence %q: want the main page as a page", a.Confidence)
		}
	})
}
