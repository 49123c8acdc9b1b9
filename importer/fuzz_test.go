package importer

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzExtract feeds Extract the seed page, the test pages, real saves in
// every container format (../shared/corpus/formats) and mutations of
// them, so that every reader is fuzzed through sniffing. Extract must not
// panic, and what it returns must hold together.
func FuzzExtract(f *testing.F) {
	addFuzzSeeds(f)
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		c, err := Extract(name, data)
		if err != nil {
			if c != nil {
				t.Fatal("capture returned with an error")
			}
			return
		}
		if len(c.Articles) == 0 {
			t.Fatal("no article and no error")
		}
		held := map[string]bool{}
		for _, im := range c.Images {
			held[im.SHA256] = true
		}
		for _, a := range c.Articles {
			if a.Text() == "" {
				t.Error("article without text")
			}
			for _, f := range a.Figures {
				if f.ImageSHA != "" && !held[f.ImageSHA] {
					t.Errorf("figure refers to image %s the capture lacks", f.ImageSHA)
				}
			}
			for _, b := range a.Blocks {
				if b.Kind == "figure" && (b.Figure < 0 || b.Figure >= len(a.Figures)) {
					t.Errorf("figure block points to figure %d of %d", b.Figure, len(a.Figures))
				}
			}
		}
	})
}

// addFuzzSeeds adds the seed corpus of FuzzExtract.
func addFuzzSeeds(f *testing.F) {
	if data, err := os.ReadFile(seedPage); err == nil {
		f.Add("seed.txt", data)
	}
	pages, _ := filepath.Glob(filepath.Join("testdata", "*.html"))
	xmlArchives, _ := filepath.Glob(filepath.Join("testdata", "*.webarchive"))
	pages = append(pages, xmlArchives...)
	for _, p := range pages {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(filepath.Base(p), data)
		}
	}
	// Real saves of every container format, small enough to mutate.
	for _, rel := range []string{
		"markdown/daringfireball-iphone16e-defuddle.md", "mhtml/libru-koi8r-blink.mhtml",
		"webarchive/christiantietze-blogpost-safari.webarchive", "warc/iana-chunked-warcprox.warc",
		"warc/archiveorg-2008-warc017-heritrix.warc.gz", "mhtml/malformed/unexpected-eof.mhtml",
		"warc/malformed/example-com-truncated.warc",
	} {
		if data, err := os.ReadFile(filepath.Join(formatsDir, rel)); err == nil {
			f.Add(filepath.Base(rel), data)
		}
	}
	f.Add("note.md", []byte("# Title\n\nSome *text*."))
	f.Add("clip.md", []byte("---\ntitle: T\nsource: https://example.com/a\n---\n![x](data:image/png;base64,iVBORw0KGgo=)\n*cap*\n\n> quote\n\n1. one\n   - two\n"))
	f.Add("page.html", []byte("<!--\n Page saved with SingleFile\n url: https://example.com/a\n-->\n<p>Text <img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\"></p>"))
	f.Add("page.html.gz", []byte("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff\xb3)\xb0\x0bI\xad(\xb1\xd1\x07\x02\x00\x00\xff\xff"))
	f.Add("empty.txt", []byte{})
}
