package export

import (
	"strings"
	"testing"

	"github.com/clippings/clippings/archive"
)

// A page's address with template braces (seen in export-check: a Roku
// advertising link "…_{{subscriber_id}}…") is written as a URI that
// epubcheck accepts; what is encoded already stays.
func TestLinkTargetIsAURI(t *testing.T) {
	for in, want := range map[string]string{
		"https://a.example/x?id=1_{{subscriber_id}}":      "https://a.example/x?id=1_%7B%7Bsubscriber_id%7D%7D",
		"https://a.example/a b|c\"d<e>^`\\":               "https://a.example/a%20b%7Cc%22d%3Ce%3E%5E%60%5C",
		"https://a.example/caf%C3%A9?q=1&r=2#s":           "https://a.example/caf%C3%A9?q=1&r=2#s",
		"https://a.example/x/[cta_link]?p=100%&q=%zz#a#b": "https://a.example/x/%5Bcta_link%5D?p=100%25&q=%25zz#a%23b",
		"http://[::1]:8080/a[1]":                          "http://[::1]:8080/a%5B1%5D",
		"https://a.example/café":                          "https://a.example/caf%C3%A9",
	} {
		if got := (localLinks{}).target(in); got != want {
			t.Errorf("target(%q) = %q, want %q", in, got, want)
		}
	}
}

// A definition list whose first item is a definition (the page had no
// term for it) still starts with a <dt>, and one that ends on a term ends
// with a <dd>, as XHTML requires (both refused by epubcheck in
// export-check).
func TestDefinitionWithoutTerm(t *testing.T) {
	var w strings.Builder
	var d defList
	for _, k := range []archive.BlockKind{archive.Define, archive.Term, archive.Define, archive.Define, archive.Paragraph, archive.Define, archive.Paragraph, archive.Term, archive.Term} {
		d.next(&w, k)
		w.WriteString(string(k) + "\n")
	}
	d.close(&w)
	want := "<dl>\n<dt></dt>\ndd\ndt\ndd\ndd\n</dl>\np\n<dl>\n<dt></dt>\ndd\n</dl>\np\n<dl>\ndt\ndt\n<dd></dd>\n</dl>\n"
	if w.String() != want {
		t.Errorf("got\n%s\nwant\n%s", w.String(), want)
	}
}
