package importer

import (
	"net/url"
	"os"
	"path/filepath"
	"regexp"
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

// TestNoLinksToThePageItself: on Mozilla's "wikipedia-4" page, whose
// footnote marks link to the page's own full address
// (…/List_of_films_featuring_time_loops#cite_note-TTIPM-1) and whose
// <base href="."> gives no address to tell them by, no link of the body
// leads to the article itself; the marks stay as superscripts, and links
// to other pages stay links.
func TestNoLinksToThePageItself(t *testing.T) {
	a, _ := mozillaArticle(t, "wikipedia-4")
	if a.URL != "https://en.wikipedia.org/wiki/List_of_films_featuring_time_loops" {
		t.Fatalf("article address %q", a.URL)
	}
	for text, href := range markTexts(a, archive.InlineLink) {
		if href == a.URL {
			t.Errorf("%q links to the article itself", text)
		}
	}
	if _, ok := markTexts(a, archive.InlineSup)["[1]"]; !ok {
		t.Error("the footnote mark [1] is no longer a superscript")
	}
	if n := len(markTexts(a, archive.InlineLink)); n < 50 {
		t.Errorf("%d links left, want the links to other pages (over 50)", n)
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

// blocksKind returns the article's blocks of kind.
func blocksKind(a *archive.Article, kind archive.BlockKind) []archive.Block {
	var out []archive.Block
	for _, b := range a.Blocks {
		if b.Kind == kind {
			out = append(out, b)
		}
	}
	return out
}

// TestTables checks data tables against their source: the caption, header
// cells from th and thead, every row with as many cells as the source row,
// and the block's text one line per row; a table laying out a whole
// article stays paragraphs.
func TestTables(t *testing.T) {
	a, doc := mozillaArticle(t, "google-sre-book-1")
	tables := blocksKind(a, archive.TableKind)
	if len(tables) != 1 {
		t.Fatalf("%d tables, want 1", len(tables))
	}
	tb, src := tables[0].Table, doc.Find("table").First()
	if want := cleanInline(src.Find("caption").Text()); tb.Caption != want || want == "" {
		t.Errorf("caption %q, want %q", tb.Caption, want)
	}
	rows := src.Find("tr")
	if len(tb.Rows) != rows.Length() {
		t.Fatalf("%d rows, want %d", len(tb.Rows), rows.Length())
	}
	rows.Each(func(i int, tr *goquery.Selection) {
		cells := tr.Find("td, th")
		if len(tb.Rows[i]) != cells.Length() {
			t.Errorf("row %d: %d cells, want %d", i, len(tb.Rows[i]), cells.Length())
			return
		}
		cells.Each(func(j int, c *goquery.Selection) {
			got := tb.Rows[i][j]
			if head := c.Is("th") || c.ParentsFiltered("thead").Length() > 0; got.Header != head || got.Text != cleanInline(c.Text()) {
				t.Errorf("cell %d,%d: %+v, want %q header %v", i, j, got, cleanInline(c.Text()), head)
			}
		})
	})
	if lines := strings.Split(tables[0].Text, "\n"); len(lines) != len(tb.Rows)+1 || lines[0] != tb.Caption ||
		lines[1] != tb.Rows[0][0].Text+" | "+tb.Rows[0][1].Text {
		t.Errorf("table text %q", tables[0].Text)
	}

	// Wikipedia's infobox: header cells in rows, links in cells.
	wiki, _ := mozillaArticle(t, "wikipedia")
	box := blocksKind(wiki, archive.TableKind)
	if len(box) == 0 || len(box[0].Table.Rows) < 5 || !box[0].Table.Rows[0][0].Header || len(box[0].Table.Rows[0][1].Inline) == 0 {
		t.Errorf("infobox: %+v", box)
	}

	// Tables laying out the whole article (one cell of 2,000 words; the
	// page frame of LWN) are read as before.
	for _, page := range []string{"table-style-attributes", "lwn-1"} {
		a, _ := mozillaArticle(t, page)
		if n := len(blocksKind(a, archive.TableKind)); n != 0 || len(blocksKind(a, archive.Paragraph)) < 10 {
			t.Errorf("%s: %d tables, %d paragraphs: a layout table became a table", page, n, len(blocksKind(a, archive.Paragraph)))
		}
	}
}

// noteMark is a numbered reference as Wikipedia sets it.
var noteMark = regexp.MustCompile(`^\[\d+\]$`)

// TestDefinitionsAndFootnotes checks dl terms and definitions, and
// Wikipedia's references as footnotes labelled as the text marks them.
func TestDefinitionsAndFootnotes(t *testing.T) {
	a, doc := mozillaArticle(t, "google-sre-book-1")
	terms, defs := blocksKind(a, archive.Term), blocksKind(a, archive.Define)
	if len(terms) == 0 || len(defs) < 10 {
		t.Errorf("%d terms, %d definitions; want the glossary's", len(terms), len(defs))
	}
	dts, dds := sourceTexts(doc, "dl dt"), sourceTexts(doc, "dl dd, dl dd p")
	for _, b := range terms {
		if !dts[b.Text] {
			t.Errorf("term %q is no dt of the source", b.Text)
		}
	}
	for _, b := range defs {
		if !dds[b.Text] {
			t.Errorf("definition %q is no dd of the source", b.Text)
		}
	}

	wiki, doc := mozillaArticle(t, "wikipedia")
	notes := blocksKind(wiki, archive.Footnote)
	if want := doc.Find("ol.references > li").Length(); len(notes) != want || want == 0 {
		t.Fatalf("%d footnotes, want the %d references", len(notes), want)
	}
	labels := map[string]bool{}
	for _, n := range notes {
		labels[n.Label] = true
	}
	refs := 0
	for _, b := range wiki.Blocks {
		for _, m := range b.Inline {
			if mark := b.Text[m.Start:m.End]; m.Kind == archive.InlineSup && noteMark.MatchString(mark) {
				refs++
				if !labels[strings.Trim(mark, "[]")] {
					t.Errorf("reference %s has no footnote", mark)
				}
			}
		}
	}
	if refs < len(notes) {
		t.Errorf("%d references in the text for %d footnotes", refs, len(notes))
	}
	if want := cleanInline(doc.Find("ol.references > li").First().Text()); notes[0].Label != "1" || notes[0].Text != want {
		t.Errorf("first footnote %+v, want %q labelled 1", notes[0], want)
	}
}
