package export

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/internal/urlnorm"
)

// The body's inline structure (links, emphasis, code, sub- and
// superscripts) over the highlighted segments of a block, for the
// formats that keep it, and where its links point in an export.

// inlineVisitor hears a run of a block's text in order: enter when an
// inline element starts, text for each piece (cut where a highlight or an
// element starts or ends), leave when an element ends. Elements are
// entered and left as a stack, so that the output is well-formed.
type inlineVisitor struct {
	enter func(archive.Inline)
	text  func(segment)
	leave func(archive.Inline)
}

// walkInline walks bytes [from, to) of a block's text, whose highlighted
// segments are segs (they join into the whole text), with its inline
// marks (byte offsets into the same text). Marks that do not fall on
// character boundaries, or are empty, are left out; a mark that crosses
// another ends with it.
func walkInline(segs []segment, from, to int, marks []archive.Inline, v inlineVisitor) {
	var full strings.Builder
	for _, s := range segs {
		full.WriteString(s.Text)
	}
	ms := usableMarks(full.String(), from, to, marks)
	var stack []archive.Inline
	next, pos := 0, 0
	for _, seg := range segs {
		segStart := pos
		pos += len(seg.Text)
		a, b := max(segStart, from), min(pos, to)
		for a < b {
			for n := len(stack); n > 0 && stack[n-1].End <= a; n = len(stack) {
				v.leave(stack[n-1])
				stack = stack[:n-1]
			}
			for next < len(ms) && ms[next].Start <= a {
				v.enter(ms[next])
				stack = append(stack, ms[next])
				next++
			}
			c := b
			if n := len(stack); n > 0 {
				c = min(c, stack[n-1].End)
			}
			if next < len(ms) {
				c = min(c, ms[next].Start)
			}
			v.text(segment{Text: seg.Text[a-segStart : c-segStart], Mark: seg.Mark, Color: seg.Color})
			a = c
		}
	}
	for n := len(stack); n > 0; n-- {
		v.leave(stack[n-1])
	}
}

// usableMarks returns the marks over text that cover some of [from, to),
// on character boundaries, clipped to it, outer ones first.
func usableMarks(text string, from, to int, marks []archive.Inline) []archive.Inline {
	boundary := func(i int) bool { return i == len(text) || i >= 0 && i < len(text) && utf8.RuneStart(text[i]) }
	var out []archive.Inline
	for _, m := range marks {
		if !boundary(m.Start) || !boundary(m.End) {
			continue
		}
		m.Start, m.End = max(m.Start, from), min(m.End, to)
		if m.Start < m.End {
			out = append(out, m)
		}
	}
	archive.SortInline(out)
	return out
}

// shiftMarks returns marks moved by off bytes (a cell's marks, placed in
// its table's text).
func shiftMarks(marks []archive.Inline, off int) []archive.Inline {
	out := make([]archive.Inline, len(marks))
	for i, m := range marks {
		m.Start += off
		m.End += off
		out[i] = m
	}
	return out
}

// localLinks maps the address key of each exported article to its file
// in the export, so that a link between two exported articles stays
// inside the export.
type localLinks map[string]string

// newLocalLinks maps the articles of entries to files.
func newLocalLinks(entries []*entry, files []string) localLinks {
	return byAddress(entries, files)
}

// byAddress maps the address key (urlnorm.Key) of each article of
// entries to its value in vals, the first article of an address winning.
func byAddress[T any](entries []*entry, vals []T) map[string]T {
	m := map[string]T{}
	for i, e := range entries {
		if k := urlnorm.Key(e.Meta.URL); k != "" && i < len(vals) {
			if _, dup := m[k]; !dup {
				m[k] = vals[i]
			}
		}
	}
	return m
}

// target is where a link to addr points in the export: the file of an
// exported article, the address itself for any other web page, "" (no
// link) for an address that is not http(s).
func (l localLinks) target(addr string) string {
	addr = cleanLine(addr)
	if !webAddress(addr) {
		return ""
	}
	if f, ok := l[urlnorm.Key(addr)]; ok {
		return f
	}
	return uriSafe(addr)
}

// uriSafe percent-encodes what a page's address may hold that no URI
// may (RFC 3986), so that XHTML readers such as EPUB's accept the link:
// spaces, quotes, angle brackets, braces, "|", "\\", "^", "`", controls
// and non-ASCII anywhere; after the host, "[" and "]", a "%" that starts
// no escape, and every "#" after the first. Escapes already there stay.
func uriSafe(addr string) string {
	path := len(addr)
	if i := strings.Index(addr, "://"); i >= 0 {
		path = i + 3
		if j := strings.IndexAny(addr[path:], "/?#"); j >= 0 {
			path += j
		} else {
			path = len(addr)
		}
	}
	var b strings.Builder
	fragment := false
	for i := 0; i < len(addr); i++ {
		c := addr[i]
		bad := c <= ' ' || c >= 0x7f || strings.IndexByte("\"<>{}|\\^`", c) >= 0
		if i >= path {
			switch c {
			case '[', ']':
				bad = true
			case '%':
				bad = bad || i+2 >= len(addr) || !isHex(addr[i+1:i+3])
			case '#':
				bad, fragment = fragment, true
			}
		}
		if bad {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// webAddress reports whether s is an absolute http or https address.
func webAddress(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") && len(l) > len("http://") || strings.HasPrefix(l, "https://") && len(l) > len("https://")
}

// cellSpans places the cells of a table in its block's text (the cells
// in order, each found after the one before): the byte offset of each
// cell's text, -1 when it is not there.
func cellSpans(text string, t *archive.Table) [][]int {
	at := 0
	out := make([][]int, len(t.Rows))
	for r, row := range t.Rows {
		out[r] = make([]int, len(row))
		for c, cell := range row {
			out[r][c] = -1
			if k := strings.Index(text[at:], cell.Text); k >= 0 {
				out[r][c] = at + k
				at += k + len(cell.Text)
			}
		}
	}
	return out
}
