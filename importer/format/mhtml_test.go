package format

import (
	"bytes"
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestMHTMLTiny(t *testing.T) {
	p, err := MHTML(readTestdata(t, "tiny.mhtml"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := p.URL, "https://news.example.org/2024/03/river-report"; got != want {
		t.Errorf("URL = %q, want %q", got, want)
	}
	if got, want := p.Captured, time.Date(2024, 3, 4, 9, 15, 42, 0, time.UTC); !got.Equal(want) {
		t.Errorf("Captured = %v, want %v", got, want)
	}
	if got, want := p.Title, "Café owners fight the river"; got != want {
		t.Errorf("Title = %q, want %q", got, want)
	}
	if got, want := p.Charset, "windows-1252"; got != want {
		t.Errorf("Charset = %q, want %q", got, want)
	}
	for _, want := range []string{"<title>Caf\xe9 owners", "A=b, 2+2=4 and a stray = sign.", `<img src="/img/flood.png"`, "</figcaption>"} {
		if !bytes.Contains(p.HTML, []byte(want)) {
			t.Errorf("HTML lacks %q", want)
		}
	}
	t.Run("Resources", func(t *testing.T) {
		for _, tc := range []struct{ ref, mime string }{
			{"/img/flood.png", "image/png"},
			{"https://news.example.org/img/flood.png#zoom", "image/png"},
			{"cid:logo-1@mhtml.blink", "image/gif"},
			{"https://ads.example.net/frame.html", "text/html"},
			{"cid:frame-3D4E5F@mhtml.blink", "text/html"},
		} {
			r, ok := p.Resource(tc.ref)
			if !ok {
				t.Errorf("Resource(%q) not found", tc.ref)
				continue
			}
			if r.MIME != tc.mime {
				t.Errorf("Resource(%q).MIME = %q, want %q", tc.ref, r.MIME, tc.mime)
			}
		}
		r, _ := p.Resource("/img/flood.png")
		if !bytes.Equal(r.Data, readTestdata(t, "red.png")) {
			t.Error("flood.png does not decode to testdata/red.png")
		}
		if _, ok := p.Resource("https://news.example.org/2024/03/river-report"); ok {
			t.Error("the main document is also a resource")
		}
		if _, ok := p.Resource("/img/missing.png"); ok {
			t.Error("a missing image resolved")
		}
	})
}

// TestMHTMLSnapshot checks that the part at Snapshot-Content-Location is the
// main document even when a frame comes first, and that a folded header and
// 8bit parts are read.
func TestMHTMLSnapshot(t *testing.T) {
	doc := strings.ReplaceAll(`MIME-Version: 1.0
Snapshot-Content-Location: https://example.org/a
Content-Type: multipart/related; type="text/html";
 boundary=XYZ

--XYZ
Content-Type: text/html; charset=utf-8
Content-Location: https://ads.example.net/

<p>ad</p>
--XYZ
Content-Type: text/html; charset=utf-8
Content-Transfer-Encoding: 8bit
Content-Location: https://example.org/a

<p>article</p>
--XYZ--
`, "\n", "\r\n")
	p, err := MHTML([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(p.HTML), "<p>article</p>"; got != want {
		t.Errorf("HTML = %q, want %q", got, want)
	}
	if got, want := p.Charset, "utf-8"; got != want {
		t.Errorf("Charset = %q, want %q", got, want)
	}
	if !p.Captured.IsZero() {
		t.Errorf("Captured = %v, want zero (no Date header)", p.Captured)
	}
}

func TestMHTMLSamples(t *testing.T) {
	for _, tc := range []struct {
		file, url, title, charset string
		captured                  time.Time
		images                    int
	}{
		{"mhtml/libru-koi8r-blink.mhtml", "https://lib.ru/", "Lib.Ru: Библиотека Максима Мошкова", "koi8-r",
			time.Date(2026, 7, 16, 21, 33, 33, 0, time.UTC), 1},
		{"mhtml/wikipedia-nodejs-blink.mhtml", "https://en.wikipedia.org/wiki/Node.js", "Node.js - Wikipedia", "utf-8",
			time.Date(2018, 12, 17, 11, 18, 49, 0, time.UTC), 12},
		{"mhtml/usatoday-home-blink.mhtml", "https://www.usatoday.com/", "USA TODAY: Latest World and US News - USATODAY.com", "utf-8",
			time.Date(2018, 12, 17, 11, 18, 2, 0, time.UTC), 84},
	} {
		t.Run(tc.file, func(t *testing.T) {
			p, err := MHTML(readCorpus(t, tc.file))
			if err != nil {
				t.Fatal(err)
			}
			if got, want := p.URL, tc.url; got != want {
				t.Errorf("URL = %q, want %q", got, want)
			}
			if got, want := p.Title, tc.title; got != want {
				t.Errorf("Title = %q, want %q", got, want)
			}
			if got, want := p.Charset, tc.charset; got != want {
				t.Errorf("Charset = %q, want %q", got, want)
			}
			if got, want := p.Captured, tc.captured; !got.Equal(want) {
				t.Errorf("Captured = %v, want %v", got, want)
			}
			if got, want := countMIME(p, "image/"), tc.images; got != want {
				t.Errorf("%d images, want %d", got, want)
			}
			if !bytes.Contains(bytes.ToLower(p.HTML[:200]), []byte("<html")) {
				t.Errorf("HTML starts %q", p.HTML[:200])
			}
		})
	}
}

func TestMHTMLSampleResources(t *testing.T) {
	t.Run("libru cid script", func(t *testing.T) {
		p, err := MHTML(readCorpus(t, "mhtml/libru-koi8r-blink.mhtml"))
		if err != nil {
			t.Fatal(err)
		}
		r, ok := p.Resource("cid:js-9f406952-4f2a-47d9-bd89-c384fe0bd36f@mhtml.blink")
		if !ok || r.MIME != "text/javascript" || !bytes.Contains(r.Data, []byte("function main")) {
			t.Errorf("cid: script = %q %v", r.MIME, ok)
		}
	})
	t.Run("wikipedia images resolve", func(t *testing.T) {
		p, err := MHTML(readCorpus(t, "mhtml/wikipedia-nodejs-blink.mhtml"))
		if err != nil {
			t.Fatal(err)
		}
		srcs := regexp.MustCompile(`<img[^>]+src="([^"]+)"`).FindAllSubmatch(p.HTML, -1)
		found := 0
		for _, m := range srcs {
			if r, ok := p.Resource(string(m[1])); ok && strings.HasPrefix(r.MIME, "image/") {
				found++
			}
		}
		if len(srcs) == 0 || found < len(srcs)*3/4 {
			t.Errorf("%d of %d <img src> resolve to an image", found, len(srcs))
		}
	})
}

func TestMHTMLErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte // or, when nil, the corpus file name
		want error
		msg  string
	}{
		{"mhtml/malformed/missing-boundary.mhtml", nil, ErrMalformed, "no boundary line"},
		{"mhtml/malformed/unexpected-eof.mhtml", nil, ErrMalformed, "no closing boundary"},
		{"not mhtml", []byte("hello, world"), ErrMalformed, "header"},
		{"no boundary parameter", []byte("Content-Type: multipart/related\r\n\r\nx"), ErrMalformed, "missing boundary"},
		{"no html part", []byte("Content-Type: multipart/related; boundary=B\r\n\r\n--B\r\nContent-Type: image/png\r\n\r\nx\r\n--B--\r\n"), ErrNoPage, "text/html"},
		{"empty", []byte{}, ErrMalformed, "mhtml"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.data == nil {
				tc.data = readCorpus(t, tc.name)
			}
			p, err := MHTML(tc.data)
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			if p != nil {
				t.Error("page returned with an error")
			}
			if !strings.Contains(err.Error(), tc.msg) || !strings.HasPrefix(err.Error(), "mhtml: ") {
				t.Errorf("err = %q, want it to start with mhtml: and say %q", err, tc.msg)
			}
		})
	}
}

func TestDecodeQP(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"a=3Db", "a=b"},
		{"lower=3d", "lower="},
		{"soft=\r\nbreak", "softbreak"},
		{"soft=\nLF", "softLF"},
		{"blanks=  \r\nafter", "blanksafter"},
		{"2+2=4 ok", "2+2=4 ok"},
		{"end=", "end"},
		{"=E2=82=AC", "€"},
		{"ctrl\x0c=41", "ctrl\x0cA"},
	} {
		if got := string(decodeQP([]byte(tc.in))); got != tc.want {
			t.Errorf("decodeQP(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got := string(decodeQuotedPrintable([]byte(tc.in))); got != tc.want {
			t.Errorf("decodeQuotedPrintable(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
