package export

import (
	"fmt"
	"html"
	"strings"

	"github.com/clippings/clippings/archive"
)

// The inline structure, tables, definition lists and footnotes of an
// article as (X)HTML, for the HTML folder and the EPUB book. Links are
// <a href> to http(s) addresses only, or to the file of an exported
// article; any other address stays text.

// htmlRich is bytes [from, to) of a block's text as HTML: highlights in
// <mark>, its inline elements, line breaks as <br/>.
func htmlRich(segs []segment, from, to int, marks []archive.Inline, links localLinks) string {
	var b strings.Builder
	walkInline(segs, from, to, marks, inlineVisitor{
		enter: func(m archive.Inline) { b.WriteString(htmlTag(m, links, false)) },
		text:  func(s segment) { b.WriteString(renderSegments([]segment{s})) },
		leave: func(m archive.Inline) { b.WriteString(htmlTag(m, links, true)) },
	})
	return b.String()
}

// htmlTag is the start (or end) tag of inline mark m; "" for a link that
// stays text and for a kind without an element.
func htmlTag(m archive.Inline, links localLinks, end bool) string {
	if m.Kind == archive.InlineLink {
		target := links.target(m.Href)
		switch {
		case target == "":
			return ""
		case end:
			return "</a>"
		}
		return fmt.Sprintf("<a href=\"%s\">", html.EscapeString(target))
	}
	tag := m.Kind.Element()
	switch {
	case tag == "":
		return ""
	case end:
		return "</" + tag + ">"
	}
	return "<" + tag + ">"
}

// htmlLink is text as a link to addr, or as text when addr is not a web
// address.
func htmlLink(text, addr string, links localLinks) string {
	if target := links.target(addr); target != "" {
		return fmt.Sprintf("<a href=\"%s\">%s</a>", html.EscapeString(target), text)
	}
	return text
}

// renderTable writes a table block: its caption, the leading rows of
// header cells as <thead>, the others as <tbody>, each cell with its
// highlights and inline marks.
func renderTable(w *strings.Builder, b archive.Block, segs []segment, links localLinks) {
	t := b.Table
	at := cellSpans(b.Text, t)
	head := 0
	for head < len(t.Rows) && allHeaders(t.Rows[head]) {
		head++
	}
	w.WriteString("<table>\n")
	if c := escLine(t.Caption); c != "" {
		fmt.Fprintf(w, "<caption>%s</caption>\n", c)
	}
	for r, row := range t.Rows {
		switch r {
		case 0:
			if head > 0 {
				w.WriteString("<thead>\n")
			} else {
				w.WriteString("<tbody>\n")
			}
		case head:
			w.WriteString("</thead>\n<tbody>\n")
		}
		w.WriteString("<tr>")
		for c, cell := range row {
			tag := "td"
			if cell.Header {
				tag = "th"
			}
			span := ""
			if cell.ColSpan > 1 {
				span = fmt.Sprintf(" colspan=\"%d\"", cell.ColSpan)
			}
			fmt.Fprintf(w, "<%s%s>%s</%s>", tag, span, cellHTML(segs, at[r][c], cell, links), tag)
		}
		w.WriteString("</tr>\n")
	}
	if len(t.Rows) > 0 {
		if head == len(t.Rows) {
			w.WriteString("</thead>\n")
		} else {
			w.WriteString("</tbody>\n")
		}
	}
	w.WriteString("</table>\n")
}

// cellHTML is a cell's text with its marks and, when it was found at
// byte off of the table's text, the highlights over it.
func cellHTML(segs []segment, off int, cell archive.Cell, links localLinks) string {
	if off < 0 {
		return htmlRich([]segment{{Text: cell.Text}}, 0, len(cell.Text), cell.Inline, links)
	}
	return htmlRich(segs, off, off+len(cell.Text), shiftMarks(cell.Inline, off), links)
}

// allHeaders reports whether a row is header cells only.
func allHeaders(row []archive.Cell) bool {
	for _, c := range row {
		if !c.Header {
			return false
		}
	}
	return len(row) > 0
}

// defList keeps a definition list open while terms and definitions are
// written. XHTML (and so EPUB) wants each group of a list to be one or
// more terms, then one or more definitions: a definition with no term
// before it gets an empty <dt>, terms left without one an empty <dd>.
type defList struct{ open, term, pending bool }

// next opens or closes the list before a block of kind k.
func (d *defList) next(w *strings.Builder, k archive.BlockKind) {
	in := k == archive.Term || k == archive.Define
	if in && !d.open {
		w.WriteString("<dl>\n")
		d.term = false
	}
	if !in {
		d.close(w)
	}
	if k == archive.Define && !d.term {
		w.WriteString("<dt></dt>\n")
	}
	d.term = d.term || k == archive.Term
	d.pending = k == archive.Term
	d.open = in
}

// close ends the list, if open.
func (d *defList) close(w *strings.Builder) {
	if d.pending {
		w.WriteString("<dd></dd>\n")
	}
	if d.open {
		w.WriteString("</dl>\n")
	}
	d.open, d.pending = false, false
}

// renderRichBlock writes a table, a term, a definition or a footnote;
// false for other blocks.
func renderRichBlock(w *strings.Builder, b archive.Block, segs []segment, links localLinks) bool {
	text := func() string { return htmlRich(segs, 0, len(b.Text), b.Inline, links) }
	switch b.Kind {
	case archive.TableKind:
		if b.Table == nil {
			fmt.Fprintf(w, "<pre>%s</pre>\n", esc(plain(segs)))
		} else {
			renderTable(w, b, segs, links)
		}
	default:
		return writeNoteBlock(w, b, text, htmlNotes)
	}
	return true
}

// noteFormat is how a format writes terms, definitions and footnotes:
// templates of the text (a footnote's: of its label, then its text), and
// the label as the format marks it.
type noteFormat struct {
	term, define, footnote string
	label                  func(string) string
}

// htmlNotes writes them as <dt>, <dd> and a paragraph with the label raised.
var htmlNotes = noteFormat{term: "<dt>%s</dt>\n", define: "<dd>%s</dd>\n",
	footnote: "<p class=\"footnote\">%s%s</p>\n", label: func(l string) string { return "<sup>" + escLine(l) + "</sup> " }}

// writeNoteBlock writes a term, a definition or a footnote in format f,
// its text made by text; false for other blocks.
func writeNoteBlock(w *strings.Builder, b archive.Block, text func() string, f noteFormat) bool {
	switch b.Kind {
	case archive.Term:
		fmt.Fprintf(w, f.term, text())
	case archive.Define:
		fmt.Fprintf(w, f.define, text())
	case archive.Footnote:
		label := ""
		if l := cleanLine(b.Label); l != "" {
			label = f.label(l)
		}
		fmt.Fprintf(w, f.footnote, label, text())
	default:
		return false
	}
	return true
}

// richStyles is the style sheet's part for tables and footnotes.
const richStyles = `table { border-collapse: collapse; margin: 1em 0; display: block; overflow-x: auto; }
th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; vertical-align: top; text-align: left; }
thead th, th { background: #f2f2f2; }
caption { font-style: italic; text-align: left; padding-bottom: 0.3em; }
dt { font-weight: bold; }
dd { margin-left: 1.5em; }
.footnote { font-size: 0.9em; }
a { color: #1a5fb4; }
`

// orText is s, or def when s is blank.
func orText(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}
