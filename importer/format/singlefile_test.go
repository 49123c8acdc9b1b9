package format

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestSingleFile(t *testing.T) {
	html := readTestdata(t, "singlefile.html")
	u, saved, ok := SingleFile(html)
	if !ok {
		t.Fatal("SingleFile comment not found")
	}
	if got, want := u, "https://www.example.com/2024/03/04/tide-mills"; got != want {
		t.Errorf("url = %q, want %q", got, want)
	}
	if got, want := saved, time.Date(2024, 3, 4, 9, 15, 42, 0, time.UTC); !got.Equal(want) {
		t.Errorf("saved = %v, want %v", got, want)
	}
	p := HTML(html)
	if p.Format != FormatSingleFile || p.URL != u || !p.Captured.Equal(saved) || p.Charset != "utf-8" {
		t.Errorf("HTML() = format %q url %q captured %v charset %q", p.Format, p.URL, p.Captured, p.Charset)
	}
	t.Run("data URIs", func(t *testing.T) {
		red := readTestdata(t, "red.png")
		refs := dataURIs(html)
		if got, want := len(refs), 6; got != want {
			t.Fatalf("%d data: URIs in the page, want %d", got, want)
		}
		mimes := map[string]int{}
		for _, ref := range refs {
			r, ok := p.Resource(ref)
			if !ok {
				t.Errorf("Resource(%.40q…) not decoded", ref)
				continue
			}
			mimes[r.MIME]++
			if r.MIME == "image/svg+xml" && !bytes.HasPrefix(r.Data, []byte(`<svg xmlns="http://www.w3.org/2000/svg"`)) {
				t.Errorf("svg = %q", r.Data)
			}
		}
		if mimes["image/png"] != 4 || mimes["image/gif"] != 1 || mimes["image/svg+xml"] != 1 {
			t.Errorf("media types %v", mimes)
		}
		// refs: CSS gif, icon, img src, srcset 1x and 2x, svg.
		if !bytes.Equal(mustResource(t, p, refs[2]).Data, red) || !bytes.Equal(mustResource(t, p, refs[3]).Data, red) {
			t.Error("the <img> src and srcset 1x do not decode to testdata/red.png")
		}
	})
}

func mustResource(t *testing.T, p *Page, ref string) Resource {
	t.Helper()
	r, ok := p.Resource(ref)
	if !ok {
		t.Fatalf("Resource(%.40q…) not found", ref)
	}
	return r
}

// dataURIs lists the data: URIs of a page: attribute values, srcset
// candidates (without their descriptors) and CSS url()s.
func dataURIs(html []byte) []string {
	var out []string
	descriptor := regexp.MustCompile(` \d+(\.\d+)?[wx]$`)
	for _, m := range regexp.MustCompile(`data:[^"')]+`).FindAll(html, -1) {
		for _, cand := range strings.Split(string(m), ", ") {
			out = append(out, descriptor.ReplaceAllString(cand, ""))
		}
	}
	return out
}

func TestSingleFileVariants(t *testing.T) {
	for _, tc := range []struct {
		name, html, url string
		saved           time.Time
		ok              bool
	}{
		{"toUTCString date", "<html><!--\n Page saved with SingleFile \n url: https://a.org/x \n saved date: Mon, 04 Mar 2024 09:15:42 GMT\n-->",
			"https://a.org/x", time.Date(2024, 3, 4, 9, 15, 42, 0, time.UTC), true},
		{"CRLF, negative offset, info line", "<html><!--\r\n Page saved with SingleFile \r\n url: http://a.org/y?q=1 \r\n saved date: Sun Mar 3 2024 23:00:00 GMT-0500 (Eastern Standard Time)\r\n info: extra\r\n-->",
			"http://a.org/y?q=1", time.Date(2024, 3, 4, 4, 0, 0, 0, time.UTC), true},
		{"legacy header", "<!-- Archive processed by SingleFile \n url: https://a.org/z \n saved date: 2019-01-02T03:04:05Z -->",
			"https://a.org/z", time.Date(2019, 1, 2, 3, 4, 5, 0, time.UTC), true},
		{"no url, bad date", "<!--\n Page saved with SingleFile \n saved date: yesterday\n-->", "", time.Time{}, true},
		{"javascript url refused", "<!--\n Page saved with SingleFile \n url: javascript:alert(1)\n-->", "", time.Time{}, true},
		{"marker outside a comment", "<p>Page saved with SingleFile url: https://a.org/</p>", "", time.Time{}, false},
		{"plain page", "<html><body>hello</body></html>", "", time.Time{}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u, saved, ok := SingleFile([]byte(tc.html))
			if u != tc.url || !saved.Equal(tc.saved) || ok != tc.ok {
				t.Errorf("SingleFile = %q, %v, %v; want %q, %v, %v", u, saved, ok, tc.url, tc.saved, tc.ok)
			}
		})
	}
}

func TestSavedFromURL(t *testing.T) {
	for _, tc := range []struct{ html, want string }{
		{"<!DOCTYPE html>\n<!-- saved from url=(0022)https://example.org/a -->\n<html>", "https://example.org/a"},
		{"<!-- saved from url=(0021)https://example.org/ab -->", "https://example.org/a"}, // the length rules
		{"<!-- saved from url=(9999)https://example.org/b -->", "https://example.org/b"},
		{"<!-- saved from url=(0014)about:internet -->", ""},
		{"<html>no mark</html>", ""},
	} {
		got, ok := SavedFromURL([]byte(tc.html))
		if got != tc.want && tc.want != "" || ok != (tc.want != "") {
			t.Errorf("SavedFromURL(%q) = %q, %v; want %q", tc.html, got, ok, tc.want)
		}
	}
	p := HTML([]byte("<!-- saved from url=(0022)https://example.org/a -->\n<meta charset=koi8-r>"))
	if p.Format != FormatHTML || p.URL != "https://example.org/a" || p.Charset != "koi8-r" {
		t.Errorf("HTML() = format %q url %q charset %q", p.Format, p.URL, p.Charset)
	}
}
