package importer

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/clippings/clippings/archive"
)

// mozillaArticle cleans a page of the shared Mozilla corpus, skipping the
// test when the corpus is absent.
func mozillaArticle(t *testing.T, page string) (*archive.Article, *goquery.Document) {
	t.Helper()
	path := filepath.Join(sharedCorpus, "mozilla", page, "source.html")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skip("shared Mozilla corpus not found")
	}
	c, err := Extract("source.html", data)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	return c.Articles[0], doc
}

// markTexts returns the text of every mark of kind in the article's
// blocks and table cells, with the address of links.
func markTexts(a *archive.Article, kind archive.InlineKind) map[string]string {
	out := map[string]string{}
	add := func(text string, marks []archive.Inline) {
		for _, m := range marks {
			if m.Kind == kind {
				out[text[m.Start:m.End]] = m.Href
			}
		}
	}
	for _, b := range a.Blocks {
		add(b.Text, b.Inline)
		if b.Table != nil {
			for _, row := range b.Table.Rows {
				for _, c := range row {
					add(c.Text, c.Inline)
				}
			}
		}
	}
	return out
}

// sourceTexts returns the folded text of the source's elements matching sel.
func sourceTexts(doc *goquery.Document, sel string) map[string]bool {
	out := map[string]bool{}
	doc.Find(sel).Each(func(_ int, s *goquery.Selection) { out[cleanInline(s.Text())] = true })
	return out
}

// TestMarksWellFormed checks, on every page of the Mozilla corpus, that
// marks lie inside their text on character boundaries, in order, nested
// without crossing, and that links are absolute http(s) addresses.
func TestMarksWellFormed(t *testing.T) {
	for _, dir := range mozillaPages(t) {
		a, _ := mozillaArticle(t, filepath.Base(dir))
		for _, b := range a.Blocks {
			checkMarks(t, dir, b.Text, b.Inline)
			if b.Table != nil {
				for _, row := range b.Table.Rows {
					for _, c := range row {
						checkMarks(t, dir, c.Text, c.Inline)
					}
				}
			}
		}
	}
}

func checkMarks(t *testing.T, page, text string, marks []archive.Inline) {
	t.Helper()
	var stack []archive.Inline
	for i, m := range marks {
		if m.Start < 0 || m.End > len(text) || m.Start >= m.End || !validCut(text, m.Start) || !validCut(text, m.End) {
			t.Errorf("%s: mark %+v outside %q", page, m, text)
			return
		}
		if i > 0 && (m.Start < marks[i-1].Start) {
			t.Errorf("%s: marks out of order in %q", page, text)
		}
		for len(stack) > 0 && stack[len(stack)-1].End <= m.Start {
			stack = stack[:len(stack)-1]
		}
		if len(stack) > 0 && m.End > stack[len(stack)-1].End {
			t.Errorf("%s: mark %+v crosses %+v", page, m, stack[len(stack)-1])
		}
		stack = append(stack, m)
		if u, err := url.Parse(m.Href); m.Kind == archive.InlineLink && (err != nil || !u.IsAbs() || u.Host == "") {
			t.Errorf("%s: link %q not absolute", page, m.Href)
		}
		if strings.TrimSpace(text[m.Start:m.End]) != text[m.Start:m.End] {
			t.Errorf("%s: mark %q not trimmed", page, text[m.Start:m.End])
		}
	}
}

func validCut(s string, i int) bool { return i == len(s) || i < len(s) && (s[i]&0xC0) != 0x80 }

// TestInlineLinks checks a page of many links: each link mark covers the
// text of a link of the source and leads to its address, resolved and
// normalised; links within the page are not links.
func TestInlineLinks(t *testing.T) {
	a, doc := mozillaArticle(t, "wikipedia")
	base, _ := url.Parse(a.URL)
	want := map[string]bool{}
	doc.Find("a[href]").Each(func(_ int, s *goquery.Selection) {
		if h := linkHref(base, s.AttrOr("href", "")); h != "" {
			want[cleanInline(s.Text())+" → "+h] = true
		}
	})
	links := markTexts(a, archive.InlineLink)
	if len(links) < 100 {
		t.Fatalf("%d distinct links kept, want at least 100", len(links))
	}
	for text, href := range links {
		if !want[text+" → "+href] {
			t.Errorf("link %q → %s is no link of the source", text, href)
		}
	}
	if got := links["free-software"]; got != "https://en.wikipedia.org/wiki/Free_software" {
		t.Errorf("free-software links to %q", got)
	}
	for text, href := range links {
		if strings.Contains(href, "#cite_note") {
			t.Errorf("note reference %q kept as a link to %s", text, href)
		}
	}
}

// TestInlineEmphasisCodeSub checks emphasis, strong, code and subscript
// marks against the elements of the source pages that hold them.
func TestInlineEmphasisCodeSub(t *testing.T) {
	cases := []struct {
		page string
		kind archive.InlineKind
		sel  string
		min  int
	}{
		{"wikipedia-3", archive.InlineEm, "em, i", 10},
		{"wikipedia-3", archive.InlineSub, "sub", 2},
		{"wikipedia", archive.InlineStrong, "strong, b", 1},
		{"v8-blog", archive.InlineCode, "code", 10},
		{"wikipedia", archive.InlineSup, "sup", 50},
	}
	for _, c := range cases {
		a, doc := mozillaArticle(t, c.page)
		src := sourceTexts(doc, c.sel)
		got := markTexts(a, c.kind)
		if len(got) < c.min {
			t.Errorf("%s: %d distinct %s marks, want at least %d", c.page, len(got), c.kind, c.min)
		}
		for text := range got {
			if !src[text] {
				t.Errorf("%s: %s mark %q is no %s of the source", c.page, c.kind, text, c.sel)
			}
		}
	}
}
