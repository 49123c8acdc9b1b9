package importer

import (
	"os"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestCleanReadable cleans the content Readability extracted from a
// corpus page (as a reading app keeps it): all of its text is kept, the
// app's title is the title, and the page's address is the capture
// address.
func TestCleanReadable(t *testing.T) {
	for _, name := range []string{"ars-1", "aclu", "nytimes-1"} {
		data, err := os.ReadFile("../../shared/corpus/mozilla/" + name + "/expected.html")
		if err != nil {
			t.Skip(err)
		}
		a, _, err := CleanReadable(Readable{Name: name, HTML: data, URL: "https://example.org/story?utm_source=x", Title: "The app's title"})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		doc, err := html.Parse(strings.NewReader(string(data)))
		if err != nil {
			t.Fatal(err)
		}
		want, got := len(strings.Fields(nodeText(doc))), len(strings.Fields(a.Text()))
		if got < want*85/100 {
			t.Errorf("%s: %d words cleaned of %d in the content", name, got, want)
		}
		if a.Title != "The app's title" || a.URL != "https://example.org/story" || a.CaptureURL != "https://example.org/story?utm_source=x" {
			t.Errorf("%s: title %q, url %q, capture %q", name, a.Title, a.URL, a.CaptureURL)
		}
	}
}
