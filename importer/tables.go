package importer

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"

	"github.com/clippings/clippings/archive"
)

// Tables. A data table of the content becomes one TableKind block: its
// rows of cells (header cells marked, spans kept), its caption, and as its
// Text the caption (when there is one) on the first line, then the cells'
// text, one row per line, the cells of a row separated by " | " and white
// space folded: exactly the lines that table rows were before tables were
// kept, so that highlights made then still find their text. Rows without
// text are left out. A table
// used for layout (one that wraps the article, or a box of one row or
// column) is read as before: its rows are paragraphs. A table inside a
// cell of a data table is flattened into the cell's text.

// tableRead is the data table being read: the figures met in its cells
// wait to be added after it.
type tableRead struct {
	held []func()
}

// held runs f, which adds a figure, now, or after the data table being read.
func (b *blockBuilder) held(f func()) {
	if b.table != nil {
		b.table.held = append(b.table.held, f)
		return
	}
	f()
}

// Limits of a data table: a cell of more words, or one holding a heading,
// a quotation or preformatted text and more words than a label, lays out
// prose. A cell that is only a short heading labels a column or a group
// of rows, and is a header cell.
const (
	maxDataCellWords   = 150
	maxHeadedCellWords = 30
)

// isDataTable reports whether the table n holds data rather than laying
// out the page: at least two rows and two columns, not marked as
// presentation, and no cell that holds prose (long text, or a heading,
// quotation or preformatted text with more than a label's words).
func isDataTable(n *html.Node) bool {
	if r := strings.ToLower(attrOf(n, "role")); r == "presentation" || r == "none" {
		return false
	}
	rows, cols := 0, 0
	prose := false
	forRows(n, func(tr *html.Node, _ bool) {
		rows++
		c := 0
		forCells(tr, func(td *html.Node) {
			c++
			words := len(strings.Fields(nodeText(td)))
			if words > maxDataCellWords || words > maxHeadedCellWords && holdsProse(td) {
				prose = true
			}
		})
		cols = max(cols, c)
	})
	return !prose && rows >= 2 && cols >= 2
}

// holdsProse reports whether n holds a heading, a quotation or
// preformatted text.
func holdsProse(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.Data {
		case "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "article":
			return true
		}
		if holdsProse(c) {
			return true
		}
	}
	return false
}

// forRows calls f for each row of the table n (not of tables inside it),
// saying whether it is in the table's head.
func forRows(n *html.Node, f func(tr *html.Node, head bool)) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.Data {
		case "tr":
			f(c, false)
		case "thead", "tbody", "tfoot":
			for r := c.FirstChild; r != nil; r = r.NextSibling {
				if r.Type == html.ElementNode && r.Data == "tr" {
					f(r, c.Data == "thead")
				}
			}
		}
	}
}

// forCells calls f for each cell of the row tr.
func forCells(tr *html.Node, f func(td *html.Node)) {
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.Data == "td" || c.Data == "th") {
			f(c)
		}
	}
}

// readTable adds the data table n as a TableKind block, then the figures
// its cells held.
func (b *blockBuilder) readTable(n *html.Node) {
	b.flush()
	outer := b.open
	b.open = nil
	b.table = &tableRead{}
	t := &archive.Table{}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data == "caption" {
			t.Caption = cleanInline(nodeText(c))
		}
	}
	var lines []string
	if t.Caption != "" {
		lines = append(lines, t.Caption)
	}
	forRows(n, func(tr *html.Node, head bool) {
		var row []archive.Cell
		var texts []string
		forCells(tr, func(td *html.Node) {
			cell := b.readCell(td)
			cell.Header = head || td.Data == "th" || holdsProse(td)
			if span, err := strconv.Atoi(attrOf(td, "colspan")); err == nil && span > 1 {
				cell.ColSpan = min(span, 1000)
			}
			row = append(row, cell)
			texts = append(texts, cell.Text)
		})
		if line := cleanInline(strings.Join(texts, " | ")); line != "" {
			t.Rows = append(t.Rows, row)
			lines = append(lines, line)
		}
	})
	held := b.table.held
	b.table, b.open = nil, outer
	if len(t.Rows) > 0 {
		b.art.Blocks = append(b.art.Blocks, archive.Block{Kind: archive.TableKind, Text: strings.Join(lines, "\n"), Table: t})
	}
	for _, f := range held {
		f()
	}
}

// readCell reads the text of a data table's cell with its marks.
func (b *blockBuilder) readCell(td *html.Node) archive.Cell {
	b.buf.Reset()
	b.marks = nil
	b.walk(td)
	text, inline := cleanMarked(b.buf.String(), b.marks)
	b.buf.Reset()
	b.marks = nil
	return archive.Cell{Text: strings.ReplaceAll(text, "\n", " "), Inline: inline}
}

// inCell reads n, inside a cell of a data table, when it is no inline
// element: blocks and line breaks become spaces, the rows of a table
// inside are separated by "; ". Figures and captions are left to the
// caller, which holds them until the table ends.
func (b *blockBuilder) inCell(n *html.Node) bool {
	switch {
	case n.Data == "br":
		b.buf.WriteString(" ")
	case n.Data == "figure" || n.Data == "figcaption" || captionClass.MatchString(attrOf(n, "class")) && isCaptionElement(selection(n)):
		return false
	case n.Data == "tr" && prevElement(n) != nil:
		b.buf.WriteString("; ")
		b.walk(n)
	case blockTags[n.Data] || n.Data == "td" || n.Data == "th" || isStyledBlock(n):
		b.buf.WriteString(" ")
		b.walk(n)
		b.buf.WriteString(" ")
	default:
		return false
	}
	return true
}
