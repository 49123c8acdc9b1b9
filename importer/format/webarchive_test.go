package format

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"howett.net/plist"
)

func TestWebArchiveSamples(t *testing.T) {
	for _, tc := range []struct {
		file, url, contains   string
		images, css, frameDoc int
	}{
		{"webarchive/christiantietze-blogpost-safari.webarchive",
			"https://christiantietze.de/posts/2022/11/nstableview-variable-row-heights-broken-macos-ventura-13-0/",
			"NSTableView", 0, 1, 0},
		// A frameset: the jlist frame, which holds the game list, is chosen.
		{"webarchive/psxdatacenter-frameset-safari.webarchive", "http://psxdatacenter.com/jlist.html",
			"<table", 45, 0, 4},
		{"webarchive/wikipedia-mainpage-safari.webarchive", "https://en.wikipedia.org/wiki/Main_Page",
			"In the news", 21, 3, 0},
	} {
		t.Run(tc.file, func(t *testing.T) {
			p, err := WebArchive(readCorpus(t, tc.file))
			if err != nil {
				t.Fatal(err)
			}
			if got, want := p.URL, tc.url; got != want {
				t.Errorf("URL = %q, want %q", got, want)
			}
			if got, want := p.Format, FormatWebArchive; got != want {
				t.Errorf("Format = %q, want %q", got, want)
			}
			if got, want := p.Charset, "utf-8"; got != want {
				t.Errorf("Charset = %q, want %q", got, want)
			}
			if !bytes.Contains(p.HTML, []byte(tc.contains)) {
				t.Errorf("HTML lacks %q", tc.contains)
			}
			if !p.Captured.IsZero() {
				t.Errorf("Captured = %v, want zero", p.Captured)
			}
			for _, c := range []struct {
				prefix    string
				got, want int
			}{
				{"image/", countMIME(p, "image/"), tc.images},
				{"text/css", countMIME(p, "text/css"), tc.css},
				{"text/html", countMIME(p, "text/html"), tc.frameDoc},
			} {
				if c.got != c.want {
					t.Errorf("%d %s resources, want %d", c.got, c.prefix, c.want)
				}
			}
		})
	}
}

// TestWebArchiveXML reads the real web archives converted to XML property
// lists (as "plutil -convert xml1" writes them): the same page as from the
// binary file.
func TestWebArchiveXML(t *testing.T) {
	for _, file := range []string{"webarchive/christiantietze-blogpost-safari.webarchive",
		"webarchive/psxdatacenter-frameset-safari.webarchive", "webarchive/wikipedia-mainpage-safari.webarchive"} {
		t.Run(file, func(t *testing.T) {
			data := readCorpus(t, file)
			var v any
			if _, err := plist.Unmarshal(data, &v); err != nil {
				t.Fatal(err)
			}
			xmlData, err := plist.MarshalIndent(v, plist.XMLFormat, "\t")
			if err != nil {
				t.Fatal(err)
			}
			want, err := WebArchive(data)
			if err != nil {
				t.Fatal(err)
			}
			got, err := WebArchive(xmlData)
			if err != nil {
				t.Fatalf("XML web archive: %v", err)
			}
			if got.URL != want.URL || !bytes.Equal(got.HTML, want.HTML) || len(got.Resources) != len(want.Resources) {
				t.Errorf("XML gives %s (%d bytes, %d resources), binary %s (%d bytes, %d resources)",
					got.URL, len(got.HTML), len(got.Resources), want.URL, len(want.HTML), len(want.Resources))
			}
			if !IsXMLWebArchive(xmlData[:8<<10]) {
				t.Error("IsXMLWebArchive = false")
			}
		})
	}
}

func TestWebArchiveFrameset(t *testing.T) {
	t.Run("frameset kept as a resource", func(t *testing.T) {
		p, err := WebArchive(readCorpus(t, "webarchive/psxdatacenter-frameset-safari.webarchive"))
		if err != nil {
			t.Fatal(err)
		}
		r, ok := p.Resource("ntsc-j_list.html")
		if !ok || !bytes.Contains(bytes.ToLower(r.Data), []byte("<frameset")) {
			t.Errorf("the frameset document is not a resource (found %v)", ok)
		}
	})
}

func TestWebArchiveBuilt(t *testing.T) {
	html := []byte(`<html><head><meta charset="iso-8859-1"></head><body><img src="img/a.png"></body></html>`)
	wa := webArchive{
		Main: &webResource{Data: html, MIME: "text/html", URL: "https://example.org/post/"},
		Subresources: []webResource{
			{Data: []byte("PNG"), MIME: "image/png", URL: "https://example.org/post/img/a.png"},
		},
	}
	data, err := plist.Marshal(wa, plist.BinaryFormat)
	if err != nil {
		t.Fatal(err)
	}
	p, err := WebArchive(data)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := p.Charset, "iso-8859-1"; got != want {
		t.Errorf("Charset = %q, want %q (from <meta>)", got, want)
	}
	if r, ok := p.Resource("img/a.png"); !ok || string(r.Data) != "PNG" {
		t.Errorf("relative image: %v %q", ok, r.Data)
	}
}

func TestWebArchiveErrors(t *testing.T) {
	marshal := func(v any) []byte {
		data, err := plist.Marshal(v, plist.BinaryFormat)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	xmlImage, err := plist.Marshal(webArchive{Main: &webResource{Data: []byte("GIF89a"), MIME: "image/gif"}}, plist.XMLFormat)
	if err != nil {
		t.Fatal(err)
	}
	deep := []byte(`<?xml version="1.0"?><plist version="1.0">` + strings.Repeat("<array>", 100000) + strings.Repeat("</array>", 100000) + `</plist>`)
	image := webArchive{Main: &webResource{Data: []byte("GIF89a"), MIME: "image/gif", URL: "https://x.org/a.gif"}}
	for _, tc := range []struct {
		name string
		data []byte
		want error
	}{
		{"not a plist", []byte("<html>not a plist</html>"), ErrMalformed},
		{"XML, not a plist", []byte(`<?xml version="1.0"?><dict><key>WebMainResource</key></dict>`), ErrMalformed},
		{"XML plist nested deep", deep, ErrMalformed},
		{"XML plist cut", xmlImage[:len(xmlImage)-20], ErrMalformed},
		{"XML main is an image", xmlImage, ErrNoPage},
		{"empty", []byte{}, ErrMalformed},
		{"cut binary plist", marshal(image)[:50], ErrMalformed},
		{"no main resource", marshal(map[string]any{"WebSubresources": []any{}}), ErrMalformed},
		{"wrong shape", marshal(map[string]any{"WebMainResource": "text"}), ErrMalformed},
		{"main is an image", marshal(image), ErrNoPage},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := WebArchive(tc.data)
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			if p != nil || !strings.HasPrefix(err.Error(), "webarchive: ") {
				t.Errorf("page %v, err %q", p != nil, err)
			}
		})
	}
}
