package export

import (
	"archive/zip"
	"bytes"
	"compress/zlib"
	"context"
	"html"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/clippings/clippings/archive"
)

// The body model in the exports, on the Obesity Medicine Association's
// page on weight-loss medications (wcxb-dev 0065 in ../shared/corpus):
// paragraphs with links (one to a page exported too, one to a
// javascript: address), its table (a header row in bold), a definition
// and a footnote, with highlights across a link and in a cell.

const (
	fdaURL      = "https://www.fda.gov/drugs/postmarket-drug-safety-information-patients-and-providers/fdas-concerns-unapproved-glp-1-drugs-used-weight-loss"
	providerURL = "https://obesitymedicine.org/about/find-a-provider/"
)

// inline marks sub in text with a mark of kind k.
func inline(text, sub string, k archive.InlineKind, href string) archive.Inline {
	i := strings.Index(text, sub)
	return archive.Inline{Start: i, End: i + len(sub), Kind: k, Href: href}
}

func medications() *archive.Article {
	p1 := "Some online healthcare providers claim to sell Ozempic, Wegovy, or Zepbound at reduced prices. However, the FDA warns against buying medications from any source other than a state-licensed pharmacy."
	p2 := "Are you seeking obesity treatment? Find an obesity medicine specialist near you who can assist in finding the best weight loss medications for you."
	rows := [][]string{
		{"Drug name", "Brand name(s)", "Approved for", "How it’s administered", "Frequency"},
		{"Semaglutide", "Wegovy, Ozempic", "Adults, Children 12+", "Injection", "Once weekly"},
		{"Phentermine", "Adipex, Suprenza, Lomaira", "Age 17+", "Tablet, capsule, or ODT", "Daily (Lomaira 3x/day)"},
		{"Hydrogel", "Plenity (Note: This is an FDA-approved medical device, not a medication)", "Adults", "Capsule", "Twice daily"},
	}
	table := &archive.Table{}
	var lines []string
	for r, row := range rows {
		var cells []archive.Cell
		for _, s := range row {
			c := archive.Cell{Text: s}
			if r == 0 {
				c.Inline = []archive.Inline{{Start: 0, End: len(s), Kind: archive.InlineStrong}}
			}
			cells = append(cells, c)
		}
		table.Rows = append(table.Rows, cells)
		lines = append(lines, strings.Join(row, "\t"))
	}
	def := "Compounded medications are not FDA-approved."
	note := "Plenity is an FDA-approved medical device, not a medication."
	return &archive.Article{Title: "Top Weight Loss Medications", Site: "Obesity Medicine Association",
		URL: "https://obesitymedicine.org/blog/weight-loss-medications/", Language: "en", Imported: day0("2025-06-01"),
		Blocks: []archive.Block{
			{Kind: archive.Paragraph, Text: p1, Inline: []archive.Inline{
				inline(p1, "FDA warns", archive.InlineLink, fdaURL),
				inline(p1, "Ozempic", archive.InlineEm, ""),
			}},
			{Kind: archive.TableKind, Text: strings.Join(lines, "\n"), Table: table},
			{Kind: archive.Paragraph, Text: p2, Inline: []archive.Inline{
				inline(p2, "Find an obesity medicine specialist near you", archive.InlineLink, providerURL),
				inline(p2, "obesity treatment", archive.InlineLink, "javascript:alert(1)"),
			}},
			{Kind: archive.Term, Text: "Compounded medications"},
			{Kind: archive.Define, Text: def, Inline: []archive.Inline{inline(def, "FDA", archive.InlineCode, "")}},
			{Kind: archive.Footnote, Label: "1", Text: note},
		},
		Related: []archive.Link{{Title: "Find a provider", URL: "http://www.obesitymedicine.org/about/find-a-provider?utm_campaign=y"}},
	}
}

// medicationsStore stores the article, the provider page its link points
// to, and highlights across the FDA link and in a cell.
func medicationsStore(t *testing.T) (*archive.Store, []int64) {
	t.Helper()
	s := emptyStore(t)
	ctx := context.Background()
	a := medications()
	res, err := s.AddCapture(ctx, capture("medications.html", a))
	if err != nil {
		t.Fatal(err)
	}
	provider := &archive.Article{Title: "Find a provider", URL: providerURL, Imported: day0("2025-06-02"),
		Blocks: []archive.Block{{Kind: archive.Paragraph, Text: "Find an obesity medicine specialist."}}}
	res2, err := s.AddCapture(ctx, capture("provider.html", provider))
	if err != nil {
		t.Fatal(err)
	}
	id := res.IDs[0]
	for _, h := range []archive.NewHighlight{{Exact: "the FDA warns against", Color: "yellow"}, {Exact: "Wegovy, Ozempic", Color: "green"}} {
		if _, err := s.AddHighlight(ctx, id, h); err != nil {
			t.Fatal(err)
		}
	}
	return s, []int64{id, res2.IDs[0]}
}

func TestRichHTML(t *testing.T) {
	s, ids := medicationsStore(t)
	dir := exportTo(t, s, ids, HTML)
	data, err := os.ReadFile(filepath.Join(dir, "Top Weight Loss Medications.html"))
	if err != nil {
		t.Fatal(err)
	}
	page := string(data)
	for _, want := range []string{
		`<mark class="yellow">the </mark><a href="` + fdaURL + `"><mark class="yellow">FDA warns</mark></a><mark class="yellow"> against</mark>`,
		`<em>Ozempic</em>`,
		`<a href="Find%20a%20provider.html">Find an obesity medicine specialist near you</a>`,
		`<tbody>`, `<td><strong>Drug name</strong></td>`, `<td><mark class="green">Wegovy, Ozempic</mark></td>`,
		`<td>Tablet, capsule, or ODT</td>`,
		"<dl>\n<dt>Compounded medications</dt>\n<dd>Compounded medications are not <code>FDA</code>-approved.</dd>\n</dl>",
		`<p class="footnote"><sup>1</sup> Plenity is`,
		`<li><a href="Find%20a%20provider.html">Find a provider</a>`,
		`Source: <a href="https://obesitymedicine.org/blog/weight-loss-medications/">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	if strings.Contains(page, "javascript") {
		t.Error("a javascript: link became a link")
	}
	bad, refs, _ := unsafeHTML(t, data)
	if len(bad) > 0 {
		t.Errorf("the page carries %v", bad)
	}
	for _, r := range refs {
		if _, err := os.Stat(filepath.Join(dir, r)); err != nil {
			t.Errorf("the page links to %s, not in the folder", r)
		}
	}
}

func TestRichEPUB(t *testing.T) {
	s, ids := medicationsStore(t)
	book := exportTo(t, s, ids, EPUB)
	zr, err := zip.OpenReader(book)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	files := map[string][]byte{}
	for _, f := range zr.File {
		if files[f.Name], err = zipEntry(f); err != nil {
			t.Fatal(err)
		}
	}
	ch := "OEBPS/text/c0001.xhtml"
	checkXHTML(t, ch, files[ch], files)
	for _, want := range []string{`<a href="c0002.xhtml">Find an obesity`, `<a href="` + fdaURL + `">`, "<table>", "<dd>"} {
		if !strings.Contains(string(files[ch]), want) {
			t.Errorf("the chapter lacks %s", want)
		}
	}
	t.Run("Epubcheck", func(t *testing.T) { epubcheck(t, book) })
}

func TestRichMarkdown(t *testing.T) {
	s, ids := medicationsStore(t)
	dir := exportTo(t, s, ids, Markdown)
	data, err := os.ReadFile(filepath.Join(dir, "Top Weight Loss Medications.md"))
	if err != nil {
		t.Fatal(err)
	}
	note := string(data)
	for _, want := range []string{
		"==the== [==FDA warns==](" + fdaURL + ") ==against== buying",
		"*Ozempic*",
		"[Find an obesity medicine specialist near you](Find%20a%20provider.md)",
		"| **Drug name** | **Brand name(s)** |",
		"| --- | --- | --- | --- | --- |",
		"| Semaglutide | ==Wegovy, Ozempic== |",
		"Compounded medications\n\n:   Compounded medications are not `FDA`-approved.",
		"^1^ Plenity",
		"- [Find a provider](Find%20a%20provider.md)",
	} {
		if !strings.Contains(note, want) {
			t.Errorf("the note lacks %s", want)
		}
	}
	if strings.Contains(note, "javascript") {
		t.Error("a javascript: link became a link")
	}
	t.Run("Pandoc", func(t *testing.T) {
		if _, err := exec.LookPath("pandoc"); err != nil {
			t.Skip("pandoc is not installed")
		}
		out, err := exec.Command("pandoc", "-f", "markdown", "-t", "html", "--wrap=none", filepath.Join(dir, "Top Weight Loss Medications.md")).Output()
		if err != nil {
			t.Fatal(err)
		}
		html := string(out)
		for _, want := range []string{"<table>", "<th><strong>Drug name</strong></th>", "<td>Tablet, capsule, or ODT</td>",
			`<a href="` + fdaURL + `">`, "<dt>Compounded medications</dt>", "<sup>1</sup>"} {
			if !strings.Contains(html, want) {
				t.Errorf("pandoc's HTML lacks %s:\n%s", want, html)
			}
		}
	})
}

// TestRichPDF: the PDF links the body's links (the FDA's page on the web,
// the provider page to its article in the same PDF, never javascript:)
// and sets the table as a table: each row's cells side by side, in order.
func TestRichPDF(t *testing.T) {
	s, ids := medicationsStore(t)
	out := exportTo(t, s, ids, PDF)
	if p := os.Getenv("CLIPPINGS_KEEP_PDF"); p != "" {
		defer func() { d, _ := os.ReadFile(out); os.WriteFile(p, d, 0o644) }()
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(data, []byte("/URI ("+fdaURL+")")); n < 1 {
		t.Errorf("no link annotation to %s", fdaURL)
	}
	if bytes.Contains(data, []byte("javascript")) {
		t.Error("a javascript: link became a link")
	}
	// Underlines: the FDA link, the provider link and the related link;
	// the javascript: one is left as text.
	if n := bytes.Count(pdfContent(t, data), []byte("0.2 0.35 0.7 RG")); n != 3 {
		t.Errorf("%d links underlined, want 3", n)
	}
	// Links inside the PDF: the cover's two entries, the body's link to
	// the provider page and the related link to it.
	inside := regexp.MustCompile(`/Subtype /Link /Rect \[[^\]]*\] /Border \[0 0 0\] /Dest \[`).FindAll(data, -1)
	if len(inside) < 4 {
		t.Errorf("%d links inside the PDF, want at least 4 (2 cover entries, the body's and the related link to the provider page)", len(inside))
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed (apt-get install poppler-utils)")
	}
	box, err := exec.Command("pdftotext", "-bbox", "-enc", "UTF-8", out, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	// Each row's first words: on one baseline, left to right, and each
	// column's cells starting at the same x in every row.
	rows := [][]string{
		{"Drug", "Brand", "Approved", "How", "Frequency"},
		{"Semaglutide", "Wegovy,", "Adults,", "Injection", "Once"},
		{"Phentermine", "Adipex,", "Age", "Tablet,", "Daily"},
		{"Hydrogel", "Plenity", "Adults", "Capsule", "Twice"},
	}
	words := pdfWords(t, box)
	var columns []float64
	for _, row := range rows {
		found := false
		for _, w := range words {
			if w.text != row[0] {
				continue
			}
			xs := []float64{w.x}
			for _, c := range row[1:] {
				for _, v := range words {
					if v.text == c && math.Abs(v.y-w.y) < 1 && v.x > xs[len(xs)-1] {
						xs = append(xs, v.x)
						break
					}
				}
			}
			if len(xs) < len(row) {
				continue
			}
			found = true
			if columns == nil {
				columns = xs
			}
			for c := range xs {
				if math.Abs(xs[c]-columns[c]) > 1 {
					t.Errorf("row %q: cell %d starts at x %.1f, the column at %.1f", row, c, xs[c], columns[c])
				}
			}
			break
		}
		if !found {
			t.Errorf("no baseline of the PDF has the cells %q left to right", row)
		}
	}
}

// pdfContent is the streams of a PDF, inflated, one after the other.
func pdfContent(t *testing.T, data []byte) []byte {
	t.Helper()
	var out []byte
	for _, m := range regexp.MustCompile(`(?s)/FlateDecode[^>]*>>\s*stream\r?\n(.*?)endstream`).FindAllSubmatch(data, -1) {
		r, err := zlib.NewReader(bytes.NewReader(m[1]))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(r) // the match may carry a line end after the stream
		out = append(out, b...)
	}
	return out
}

// pdfWord is a word of pdftotext -bbox's output: its text and top left.
type pdfWord struct {
	text string
	x, y float64
}

// pdfWords reads the words of pdftotext -bbox's output.
func pdfWords(t *testing.T, box []byte) []pdfWord {
	t.Helper()
	var out []pdfWord
	for _, m := range regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="([0-9.]+)"[^>]*>([^<]*)</word>`).FindAllSubmatch(box, -1) {
		x, _ := strconv.ParseFloat(string(m[1]), 64)
		y, _ := strconv.ParseFloat(string(m[2]), 64)
		out = append(out, pdfWord{text: html.UnescapeString(string(m[3])), x: x, y: y})
	}
	if len(out) == 0 {
		t.Fatal("pdftotext -bbox gave no words")
	}
	return out
}
