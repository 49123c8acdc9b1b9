package importer_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"image/color"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/importer"
	"github.com/clippings/clippings/internal/testguard"
)

// mdIntro opens the generated Markdown files with enough text for an
// article.
var mdIntro = "# Structure\n\n" + strings.Repeat("Fishermen welcomed the new harbour wall, which the council approved. ", 8) + "\n\n"

// repeatLines returns n lines made by line(i).
func repeatLines(n int, line func(i int) string) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(line(i))
	}
	return b.String()
}

// structureCase is a file whose structure, not its size, costs the
// parser: it must be refused with ErrTooComplex naming the limit
// (limit > 0), or read, with want in its text.
type structureCase struct {
	name  string
	data  string
	limit int
	want  string
}

// checkStructure extracts c under a time and heap guard.
func checkStructure(t *testing.T, c structureCase) {
	t.Helper()
	var capt *archive.Capture
	var err error
	start := time.Now()
	heap := testguard.Bounded(t, 60*time.Second, c.name, func() { capt, err = importer.Extract(c.name, []byte(c.data)) })
	took := time.Since(start)
	checkOutcome(t, c.name, []byte(c.data), capt, err)
	t.Logf("%s (%d KB): peak heap %d MiB, %.2f s, %v", c.name, len(c.data)>>10, heap>>20, took.Seconds(), err)
	if heap > 384<<20 {
		t.Errorf("%s: %d MiB of heap", c.name, heap>>20)
	}
	switch {
	case c.limit > 0 && (!errors.Is(err, importer.ErrTooComplex) || !strings.Contains(err.Error(), fmt.Sprint(c.limit))):
		t.Errorf("%s: %v, want ErrTooComplex naming the limit %d", c.name, err, c.limit)
	case c.limit == 0 && err != nil:
		t.Errorf("%s: %v, want it read", c.name, err)
	case c.limit == 0 && !strings.Contains(capt.Articles[0].Text(), c.want):
		t.Errorf("%s: the text lacks %q", c.name, c.want)
	}
}

// TestHostileMarkdownStructure gives the Markdown reader the structures
// its parser spends time and memory on: long and wide tables (the parser
// fills every row to the header's columns), many link reference
// definitions (removed one by one from their paragraph: n²), lists nested
// by indentation, and one-line paragraphs by the hundred thousand.
func TestHostileMarkdownStructure(t *testing.T) {
	row := "| cell one | cell two | cell three |\n"
	cases := []structureCase{
		{"long-table.md", mdIntro + "| a | b | c |\n|---|---|---|\n" + strings.Repeat(row, 40_000), importer.MaxTableCells, ""},
		{"wide-table.md", mdIntro + "|" + strings.Repeat("h|", 2_000) + "\n|" + strings.Repeat("-|", 2_000) + "\n" + strings.Repeat("|\n", 60),
			importer.MaxTableCells, ""},
		{"quoted-table.md", mdIntro + "> | a | b | c |\n> |---|---|---|\n" + strings.Repeat("> "+row, 40_000), importer.MaxTableCells, ""},
		{"small-table.md", mdIntro + "| a | b | c |\n|---|---|---|\n" + strings.Repeat(row, 2_000), 0, "cell two"},
		{"definitions.md", mdIntro + "See [the last one][d99999].\n\n" +
			repeatLines(100_000, func(i int) string { return fmt.Sprintf("[d%d]: https://example.org/%d\n", i, i) }), 0, "the last one"},
		{"many-definitions.md", mdIntro + repeatLines(500_000, func(i int) string { return fmt.Sprintf("[d%d]: /%d\n", i, i) }),
			importer.MaxMarkdownNodes, ""},
		{"indented-lists.md", mdIntro + repeatLines(4_500, func(i int) string { return strings.Repeat("  ", i) + "- item\n" }), 0, "item"},
		{"paragraphs.md", mdIntro + strings.Repeat("a\n\n", 310_000), importer.MaxMarkdownNodes, ""},
		{"emphasis.md", mdIntro + strings.Repeat("*a* ", 160_000), importer.MaxMarkdownNodes, ""},
		// The bombs of issue 17 at their size: a 15 MB table, a 12 MB
		// wide table, 80,000 definitions (5.6 s before the fix).
		{"table-15mb.md", mdIntro + "| a | b | c |\n|---|---|---|\n" + strings.Repeat(row, 15_000_000/len(row)), importer.MaxTableCells, ""},
		{"wide-table-12mb.md", mdIntro + wideRows(2_000, 12_000_000), importer.MaxTableCells, ""},
		{"definitions-80k.md", mdIntro + "See [the last one][d79999].\n\n" +
			repeatLines(80_000, func(i int) string { return fmt.Sprintf("[d%d]: https://example.org/%d\n", i, i) }), 0, "the last one"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkStructure(t, c) })
	}
}

// wideRows is a Markdown table of cols columns, rows added up to size bytes.
func wideRows(cols, size int) string {
	head := "|" + strings.Repeat("h|", cols) + "\n|" + strings.Repeat("-|", cols) + "\n"
	row := "|" + strings.Repeat("x|", cols) + "\n"
	return head + strings.Repeat(row, (size-len(head))/len(row))
}

// htmlRow is a row of an HTML table of three cells.
const htmlRow = "<tr><td>cell one</td><td>cell two</td><td>cell three</td></tr>\n"

// TestHostileHTMLStructure gives the HTML reader pages of more elements
// than MaxElements: a row of 210,000 cells, a long table, paragraphs.
// Markup inside a script does not count.
func TestHostileHTMLStructure(t *testing.T) {
	page := func(inner string) string {
		return "<!DOCTYPE html><html><head><title>Structure</title></head><body><article><h1>Structure</h1>" + body + inner + "</article></body></html>"
	}
	cases := []structureCase{
		{"cells.html", page("<table><tr>" + strings.Repeat("<td>x", 210_000) + "</table>"), importer.MaxElements, ""},
		{"table.html", page("<table>" + strings.Repeat("<tr><td>a</td><td>b</td><td>c</td></tr>\n", 55_000) + "</table>"), importer.MaxElements, ""},
		{"paragraphs.html", page(strings.Repeat("<p>Words.</p>", 210_000)), importer.MaxElements, ""},
		// The bombs of issue 17 at their size: 3 million cells, a 30 MB table.
		{"cells-3m.html", page("<table><tr>" + strings.Repeat("<td>x", 3_000_000) + "</table>"), importer.MaxElements, ""},
		{"table-30mb.html", page("<table>" + strings.Repeat(htmlRow, 30_000_000/len(htmlRow)) + "</table>"), importer.MaxElements, ""},
		{"script.html", page("<script>var t = '" + strings.Repeat("<p>x", 210_000) + "';</script>"), 0, "harbour wall"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkStructure(t, c) })
	}
}

// TestHostileReadableStructure gives CleanReadable (the content a reading
// app's export holds) the HTML bombs: the same MaxElements holds.
func TestHostileReadableStructure(t *testing.T) {
	for name, inner := range map[string]string{
		"cells-3m":   "<table><tr>" + strings.Repeat("<td>x", 3_000_000) + "</table>",
		"table-30mb": "<table>" + strings.Repeat(htmlRow, 30_000_000/len(htmlRow)) + "</table>",
	} {
		var err error
		heap := testguard.Bounded(t, 60*time.Second, name, func() {
			_, _, err = importer.CleanReadable(importer.Readable{Name: name + ".json", HTML: []byte(body + inner)})
		})
		t.Logf("%s in a reading app's export: peak heap %d MiB, %v", name, heap>>20, err)
		if !errors.Is(err, importer.ErrTooComplex) || !strings.Contains(err.Error(), fmt.Sprint(importer.MaxElements)) {
			t.Errorf("%s: %v, want ErrTooComplex naming the limit %d", name, err, importer.MaxElements)
		}
	}
	if _, _, err := importer.CleanReadable(importer.Readable{Name: "small.json", HTML: []byte(body + strings.Repeat(htmlRow, 100))}); err != nil {
		t.Errorf("a table of 100 rows: %v", err)
	}
}

// TestHostileImageBomb puts a 304 KB PNG of 50,000×50,000 pixels (2.5 GB
// decoded) in a "complete" save, beside a good image, and as a data: URI:
// the importer must not keep it (the reader or an export would decode
// it), and its figure must keep its caption.
func TestHostileImageBomb(t *testing.T) {
	bomb := testguard.PNGBomb(50_000, 50_000)
	good := pngBytes(100, 80, color.RGBA{10, 200, 10, 255})
	dir := t.TempDir()
	page := filepath.Join(dir, "story.html")
	mustWriteFile(t, filepath.Join(dir, "story_files", "bomb.png"), bomb)
	mustWriteFile(t, filepath.Join(dir, "story_files", "good.png"), good)
	figures := `<figure><img src="story_files/bomb.png"><figcaption>The black square of the harbour</figcaption></figure>` + body +
		`<figure><img src="data:image/png;base64,` + base64.StdEncoding.EncodeToString(bomb) + `"><figcaption>The same square inline</figcaption></figure>` + body +
		`<figure><img src="story_files/good.png"><figcaption>The green harbour wall</figcaption></figure>` + body
	mustWriteFile(t, page, []byte("<!-- saved from url=(0024)https://example.org/story -->\n<html><head><title>Bomb</title></head><body><article><h1>Bomb</h1>"+
		figures+"</article></body></html>"))
	var c *archive.Capture
	var err error
	heap := testguard.Bounded(t, 60*time.Second, "ReadFile", func() { c, err = importer.ReadFile(context.Background(), page) })
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("a complete save holding a %d KB PNG of 50,000×50,000 pixels: heap %d MiB", len(bomb)>>10, heap>>20)
	if heap > 64<<20 {
		t.Errorf("reading the page took %d MiB of heap", heap>>20)
	}
	keptGood := false
	for _, im := range c.Images {
		keptGood = keptGood || bytes.Equal(im.Data, good)
		if bytes.Equal(im.Data, bomb) {
			t.Errorf("the 50,000×50,000 PNG was kept")
		}
	}
	if !keptGood {
		t.Errorf("the good image was not kept: the test would prove nothing")
	}
	if caps := c.Articles[0].Captions(); !strings.Contains(caps, "black square") || !strings.Contains(caps, "square inline") {
		t.Errorf("captions = %q, want the bomb's figures kept without their image", caps)
	}
}
