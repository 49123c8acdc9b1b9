package bodyhtml

import (
	"html"
	"strings"
	"unicode/utf8"

	"github.com/clippings/clippings/archive"
)

// inline writes text with its marks. Marks that are out of the text's
// range, cut a character, cross another mark, are of no known kind or
// link to an address that is not http, https or mailto are left out;
// their text stays.
func (w *writer) inline(text string, marks []archive.Inline) {
	var stack []archive.Inline
	pos := 0
	closeTo := func(at int) {
		for len(stack) > 0 && stack[len(stack)-1].End <= at {
			top := stack[len(stack)-1]
			w.text(text[pos:top.End])
			pos = top.End
			w.b.WriteString(closeTag(top))
			stack = stack[:len(stack)-1]
		}
	}
	for _, m := range validMarks(text, marks) {
		closeTo(m.Start)
		w.text(text[pos:m.Start])
		pos = m.Start
		w.b.WriteString(openTag(m))
		stack = append(stack, m)
	}
	closeTo(len(text))
	w.text(text[pos:])
}

// validMarks returns the marks that can be written, ordered by start, the
// outer of two nested marks first.
func validMarks(text string, marks []archive.Inline) []archive.Inline {
	var ok []archive.Inline
	for _, m := range marks {
		if m.Start < 0 || m.End > len(text) || m.Start >= m.End || !boundary(text, m.Start) || !boundary(text, m.End) {
			continue
		}
		if m.Kind == archive.InlineLink {
			if m.Href = safeURL(m.Href, true); m.Href == "" {
				continue
			}
		} else if m.Kind.Element() == "" {
			continue
		}
		ok = append(ok, m)
	}
	archive.SortInline(ok)
	var kept, stack []archive.Inline
	for _, m := range ok {
		for len(stack) > 0 && stack[len(stack)-1].End <= m.Start {
			stack = stack[:len(stack)-1]
		}
		if len(stack) > 0 && m.End > stack[len(stack)-1].End {
			continue // crosses the mark it starts in
		}
		kept = append(kept, m)
		stack = append(stack, m)
	}
	return kept
}

// boundary reports whether i is the start of a character of s or its end.
func boundary(s string, i int) bool {
	return i == len(s) || utf8.RuneStart(s[i])
}

func openTag(m archive.Inline) string {
	if m.Kind == archive.InlineLink {
		return `<a href="` + html.EscapeString(m.Href) + `">`
	}
	return "<" + m.Kind.Element() + ">"
}

func closeTag(m archive.Inline) string {
	if m.Kind == archive.InlineLink {
		return "</a>"
	}
	return "</" + m.Kind.Element() + ">"
}

// text writes s escaped, its line breaks as <br>.
func (w *writer) text(s string) {
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			w.b.WriteString("<br>\n")
		}
		w.b.WriteString(html.EscapeString(line))
	}
}

// maxSpan is the most columns a cell is written to span.
const maxSpan = 100

// table writes a table block; one without rows is written as a paragraph.
func (w *writer) table(bl archive.Block) {
	t := bl.Table
	if t == nil || len(t.Rows) == 0 {
		if bl.Text != "" {
			w.wrap("p", bl.Text, bl.Inline)
		}
		return
	}
	if t.Caption != "" {
		w.b.WriteString("<figure>")
	}
	w.b.WriteString("<table>\n")
	head := 0
	for head < len(t.Rows) && allHeaders(t.Rows[head]) {
		head++
	}
	if head == len(t.Rows) {
		head = 0
	}
	if head > 0 {
		w.rows("thead", t.Rows[:head])
	}
	w.rows("tbody", t.Rows[head:])
	w.b.WriteString("</table>")
	if t.Caption != "" {
		w.b.WriteString("<figcaption>" + html.EscapeString(t.Caption) + "</figcaption></figure>")
	}
	w.b.WriteString("\n")
}

func (w *writer) rows(group string, rows [][]archive.Cell) {
	w.b.WriteString("<" + group + ">\n")
	for _, row := range rows {
		w.b.WriteString("<tr>")
		for _, c := range row {
			tag := "td"
			if c.Header {
				tag = "th"
			}
			w.wrap(tag, c.Text, c.Inline)
			for range min(c.ColSpan, maxSpan) - 1 {
				w.b.WriteString("<" + tag + "></" + tag + ">")
			}
		}
		w.b.WriteString("</tr>\n")
	}
	w.b.WriteString("</" + group + ">\n")
}

func allHeaders(row []archive.Cell) bool {
	for _, c := range row {
		if !c.Header {
			return false
		}
	}
	return len(row) > 0
}
