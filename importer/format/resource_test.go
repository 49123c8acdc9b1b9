package format

import (
	"testing"
)

func TestLocalKey(t *testing.T) {
	for _, tc := range []struct {
		ref, key string
		ok       bool
	}{
		{"./a_files/x.png", "a_files/x.png", true},
		{"a_files/x%20y.png?v=1#f", "a_files/x y.png", true},
		{"a_files/sub/../x.png", "a_files/x.png", true},
		{`a_files\x.png`, "a_files/x.png", true},
		{"../x.png", "", false},
		{"a_files/../../x.png", "", false},
		{"%2E%2E/x.png", "", false},
		{"/etc/passwd", "", false},
		{"//host/share/x.png", "", false},
		{`\\host\share\x.png`, "", false},
		{"file:///etc/passwd", "", false},
		{"C:/Windows/win.ini", "", false},
		{"http://example.org/x.png", "", false},
		{".", "", false},
		{"a%00.png", "", false},
	} {
		key, ok := localKey(tc.ref)
		if key != tc.key || ok != tc.ok {
			t.Errorf("localKey(%q) = %q, %v; want %q, %v", tc.ref, key, ok, tc.key, tc.ok)
		}
	}
}

func TestDataURI(t *testing.T) {
	for _, tc := range []struct {
		ref, mime, data string
		ok              bool
	}{
		{"data:,Hello%2C%20World", "text/plain", "Hello, World", true},
		{"data:text/html;charset=utf-8,%3Cp%3Ehi", "text/html", "<p>hi", true},
		{"data:image/gif;base64,R0lG\nODlh", "image/gif", "GIF89a", true},
		{"DATA:IMAGE/PNG;BASE64,iVBORw", "image/png", "\x89PNG", true},
		{"data:;base64,SGk=", "text/plain", "Hi", true},
		{"data:image/png;base64,SGk", "image/png", "Hi", true},
		{"data:image/png;base64,S!Gk", "", "", false},
		{"data:image/png;base64", "", "", false},
	} {
		p := &Page{}
		r, ok := p.Resource(tc.ref)
		if ok != tc.ok || r.MIME != tc.mime || string(r.Data) != tc.data {
			t.Errorf("Resource(%q) = %q %q %v; want %q %q %v", tc.ref, r.MIME, r.Data, ok, tc.mime, tc.data, tc.ok)
		}
	}
}

func TestResourceResolve(t *testing.T) {
	p := &Page{URL: "https://Example.org/news/story.html?id=1", Resources: map[string]Resource{}}
	for _, u := range []string{"https://example.org/news/img/a b.jpg", "https://cdn.example.net/x.png", "cid:part1@mhtml"} {
		addResource(p.Resources, Resource{URL: u})
	}
	for ref, want := range map[string]string{
		"img/a%20b.jpg":                 "https://example.org/news/img/a b.jpg",
		"/news/img/a b.jpg#top":         "https://example.org/news/img/a b.jpg",
		"//cdn.example.net/x.png":       "https://cdn.example.net/x.png",
		"HTTPS://CDN.EXAMPLE.NET/x.png": "https://cdn.example.net/x.png",
		"cid:<part1@mhtml>":             "cid:part1@mhtml",
		" cid:part1@mhtml ":             "cid:part1@mhtml",
		"img/missing.jpg":               "",
		"":                              "",
	} {
		r, ok := p.Resource(ref)
		if ok != (want != "") || r.URL != want {
			t.Errorf("Resource(%q) = %q, %v; want %q", ref, r.URL, ok, want)
		}
	}
}
