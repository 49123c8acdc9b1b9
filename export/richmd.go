package export

import (
	"fmt"
	"strings"

	"github.com/clippings/clippings/archive"
)

// The inline structure, tables, definition lists and footnotes of an
// article as Markdown (CommonMark with the extensions pandoc and Obsidian
// read): [text](url) links (to the exported article's note when it is in
// the export), *emphasis*, **strong**, `code`, ~sub~ and ^sup^, pipe
// tables, pandoc definition lists.

// mdMarkers are the delimiters of the inline kinds but links and code.
var mdMarkers = map[archive.InlineKind]string{
	archive.InlineEm: "*", archive.InlineStrong: "**", archive.InlineSub: "~", archive.InlineSup: "^",
}

// mdRich is bytes [from, to) of a block's text as Markdown, highlights
// as ==marked== text, with its inline marks. Code is written verbatim
// between enough backticks; a sub- or superscript's spaces are escaped,
// as pandoc wants.
func mdRich(segs []segment, from, to int, marks []archive.Inline, links localLinks) string {
	var full strings.Builder
	for _, s := range segs {
		full.WriteString(s.Text)
	}
	m := &mdInlineWriter{text: full.String(), links: links}
	walkInline(segs, from, to, marks, inlineVisitor{enter: m.enter, text: m.piece, leave: m.leave})
	return mdLines(m.b.String())
}

// mdInlineWriter writes a block's inline marks as Markdown.
type mdInlineWriter struct {
	b      strings.Builder
	text   string // the block's whole text
	links  localLinks
	fences []string // of the code spans open
	script int      // sub- and superscripts open
}

func (m *mdInlineWriter) enter(in archive.Inline) {
	switch {
	case in.Kind == archive.InlineLink && m.links.target(in.Href) != "":
		m.b.WriteString("[")
	case in.Kind == archive.InlineCode:
		code := oneLine(cleanText(m.text[in.Start:in.End]))
		fence := strings.Repeat("`", longestRun(code, '`')+1)
		m.fences = append(m.fences, fence)
		m.b.WriteString(fence)
		if strings.HasPrefix(code, "`") {
			m.b.WriteString(" ")
		}
	default:
		m.b.WriteString(mdMarkers[in.Kind])
		if in.Kind == archive.InlineSub || in.Kind == archive.InlineSup {
			m.script++
		}
	}
}

func (m *mdInlineWriter) piece(s segment) {
	switch {
	case len(m.fences) > 0:
		m.b.WriteString(oneLine(cleanText(s.Text)))
	case m.script > 0:
		m.b.WriteString(strings.ReplaceAll(mdPiece(s), " ", `\ `))
	default:
		m.b.WriteString(mdPiece(s))
	}
}

func (m *mdInlineWriter) leave(in archive.Inline) {
	switch {
	case in.Kind == archive.InlineLink && m.links.target(in.Href) != "":
		m.b.WriteString("](" + mdURL(m.links.target(in.Href)) + ")")
	case in.Kind == archive.InlineCode && len(m.fences) > 0:
		fence := m.fences[len(m.fences)-1]
		m.fences = m.fences[:len(m.fences)-1]
		if strings.HasSuffix(m.b.String(), "`") {
			m.b.WriteString(" ")
		}
		m.b.WriteString(fence)
	default:
		m.b.WriteString(mdMarkers[in.Kind])
		if in.Kind == archive.InlineSub || in.Kind == archive.InlineSup {
			m.script--
		}
	}
}

// mdURL is an address as the destination of a Markdown link: the
// characters that would end it percent-escaped.
func mdURL(u string) string {
	return strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E").Replace(u)
}

// mdTable writes a table block as a pipe table: its caption before it
// (pandoc's "Table:"), the first row as the header row, spanning cells
// followed by empty ones, every row as wide as the widest.
func mdTable(w *strings.Builder, b archive.Block, segs []segment, links localLinks) {
	t := b.Table
	at := cellSpans(b.Text, t)
	cols := 0
	rows := make([][]string, len(t.Rows))
	for r, row := range t.Rows {
		for c, cell := range row {
			var md string
			if at[r][c] < 0 {
				md = mdRich([]segment{{Text: cell.Text}}, 0, len(cell.Text), cell.Inline, links)
			} else {
				md = mdRich(segs, at[r][c], at[r][c]+len(cell.Text), shiftMarks(cell.Inline, at[r][c]), links)
			}
			rows[r] = append(rows[r], strings.TrimSpace(oneLine(md)))
			for range max(cell.ColSpan, 1) - 1 {
				rows[r] = append(rows[r], "")
			}
		}
		cols = max(cols, len(rows[r]))
	}
	if cols == 0 {
		return
	}
	if c := cleanLine(t.Caption); c != "" {
		fmt.Fprintf(w, "Table: %s\n\n", mdInline(c))
	}
	for r, row := range rows {
		for len(row) < cols {
			row = append(row, "")
		}
		fmt.Fprintf(w, "| %s |\n", strings.Join(row, " | "))
		if r == 0 {
			w.WriteString("|" + strings.Repeat(" --- |", cols) + "\n")
		}
	}
	w.WriteString("\n")
}

// markdownRichBlock writes a table, a term, a definition or a footnote;
// false for other blocks.
func markdownRichBlock(w *strings.Builder, b archive.Block, segs []segment, links localLinks) bool {
	text := func() string { return oneLine(mdRich(segs, 0, len(b.Text), b.Inline, links)) }
	switch b.Kind {
	case archive.TableKind:
		if b.Table == nil {
			return false
		}
		mdTable(w, b, segs, links)
	default:
		return writeNoteBlock(w, b, text, mdNotes)
	}
	return true
}

// mdNotes writes terms and definitions as pandoc's definition lists, a
// footnote as a paragraph with its label ^raised^.
var mdNotes = noteFormat{term: "%s\n\n", define: ":   %s\n\n", footnote: "%s%s\n\n",
	label: func(l string) string { return "^" + strings.ReplaceAll(mdInline(l), " ", `\ `) + "^ " }}

// mdRelated is a related link: its title linked to the page (or to the
// exported article's note), the address after it.
func mdRelated(l archive.Link, links localLinks) string {
	title := mdInline(orText(l.Title, l.URL))
	if target := links.target(l.URL); target != "" && !webAddress(target) {
		return fmt.Sprintf("[%s](%s)", title, mdURL(target))
	}
	return strings.TrimSpace(mdInline(cleanLine(l.Title)) + " " + mdLink(l.URL))
}
