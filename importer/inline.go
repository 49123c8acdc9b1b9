package importer

import (
	"net/url"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/internal/urlnorm"
)

// Inline marks. While a block's text is gathered, the elements that mark a
// run of it (links, emphasis, code, sub- and superscripts) note where in the
// gathered text they start and end. When the block ends its text is cleaned
// (white space folded, invisible characters dropped) and the marks are
// carried through the same cleaning, so that they are byte offsets into the
// block's final plain text, which the marks never change.

// inlineKinds maps the elements that mark a run of text to their kind.
var inlineKinds = map[string]archive.InlineKind{
	"a": archive.InlineLink, "em": archive.InlineEm, "i": archive.InlineEm,
	"strong": archive.InlineStrong, "b": archive.InlineStrong, "code": archive.InlineCode,
	"kbd": archive.InlineCode, "samp": archive.InlineCode, "sub": archive.InlineSub, "sup": archive.InlineSup,
}

// rawMark is a mark over the gathered, not yet cleaned, text of a block.
type rawMark struct {
	start, end int
	kind       archive.InlineKind
	href       string
}

// openMark is a mark whose element is being read.
type openMark struct {
	start int
	kind  archive.InlineKind
	href  string
}

// marked reads n, an element that marks its text, noting the run its text
// takes. A link whose address cannot be followed (in the page, a script, a
// data: URI) marks nothing; its text stays.
func (b *blockBuilder) marked(n *html.Node, kind archive.InlineKind) {
	href := ""
	if kind == archive.InlineLink {
		if href = linkHref(b.p.base, attrOf(n, "href")); href == "" {
			b.walk(n)
			return
		}
	}
	m := &openMark{start: b.buf.Len(), kind: kind, href: href}
	b.open = append(b.open, m)
	b.walk(n)
	for i := len(b.open) - 1; i >= 0; i-- { // a flush inside may have replaced it
		if b.open[i] == m {
			b.open = append(b.open[:i], b.open[i+1:]...)
			break
		}
	}
	b.marks = append(b.marks, rawMark{start: m.start, end: b.buf.Len(), kind: kind, href: href})
}

// takeMarks returns the marks over the text gathered so far and starts
// afresh: marks still open (an element that holds several blocks) end here
// and go on from the start of the next block.
func (b *blockBuilder) takeMarks() []rawMark {
	marks := b.marks
	for _, m := range b.open {
		marks = append(marks, rawMark{start: m.start, end: b.buf.Len(), kind: m.kind, href: m.href})
		m.start = 0
	}
	b.marks = nil
	return marks
}

// linkHref returns the address a link of the body leads to: absolute,
// resolved against the page's base and normalised (tracking parameters
// dropped), or "" when it cannot be followed from the archive: a place in
// the same page, a script, a data: URI, a relative address with no base.
func linkHref(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	low := strings.ToLower(ref)
	if ref == "" || strings.HasPrefix(ref, "#") || strings.HasPrefix(low, "javascript:") || strings.HasPrefix(low, "data:") {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
		if u.Fragment != "" && samePage(u, base) {
			return ""
		}
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return NormalizeURL(u.String())
}

// samePage reports whether u is an address within the page at base.
func samePage(u, base *url.URL) bool {
	return strings.EqualFold(u.Host, base.Host) && u.Path == base.Path && u.RawQuery == base.RawQuery
}

// cleanMarked cleans gathered text as cleanInline does and carries the
// marks over to the cleaned text. Marks are trimmed of the white space at
// their ends; empty ones are dropped. When the cleaning could not be
// followed exactly, the text is cleanInline's and there are no marks.
func cleanMarked(raw string, marks []rawMark) (string, []archive.Inline) {
	if len(marks) == 0 {
		return cleanInline(raw), nil
	}
	text, at := cleanMapped(raw)
	if text != cleanInline(raw) {
		return cleanInline(raw), nil
	}
	var out []archive.Inline
	for _, m := range marks {
		if m.start < 0 || m.end > len(raw) || m.start >= m.end {
			continue
		}
		s, e := at[m.start], at[m.end]
		for s < e && (text[s] == ' ' || text[s] == '\n') {
			s++
		}
		for e > s && (text[e-1] == ' ' || text[e-1] == '\n') {
			e--
		}
		if s < e {
			out = append(out, archive.Inline{Start: s, End: e, Kind: m.kind, Href: m.href})
		}
	}
	return text, sortInline(out)
}

// sortInline orders marks by start, the outer of two nested marks first,
// and drops repeats (<b><strong>…</strong></b>).
func sortInline(ms []archive.Inline) []archive.Inline {
	archive.SortInline(ms)
	kept := ms[:0]
	for i, m := range ms {
		if i > 0 && m == ms[i-1] {
			continue
		}
		kept = append(kept, m)
	}
	if len(kept) == 0 {
		return nil
	}
	return kept
}

// cleanMapped does what cleanInline does (invisible characters dropped,
// runs of white space folded into one space, empty lines dropped) and
// returns, for every byte offset of raw (and its end), the offset in the
// cleaned text where what followed it went.
func cleanMapped(raw string) (string, []int) {
	at := make([]int, len(raw)+1)
	var out strings.Builder
	lineHas, space, newline := false, false, false
	for i := 0; i < len(raw); {
		r, size := utf8.DecodeRuneInString(raw[i:])
		for k := i; k < i+size; k++ {
			at[k] = out.Len()
		}
		i += size
		switch {
		case r == '\u00ad' || r == '\u200b' || r == '\u2060' || r == '\ufeff':
		case r == '\n':
			if lineHas {
				newline, space, lineHas = true, false, false
			}
		case r == '\u00a0' || unicode.IsSpace(r):
			if lineHas {
				space = true
			}
		default:
			if newline {
				out.WriteByte('\n')
				for k := i - size; k < i; k++ {
					at[k] = out.Len()
				}
			} else if space {
				out.WriteByte(' ')
			}
			newline, space, lineHas = false, false, true
			out.WriteRune(r)
		}
	}
	at[len(raw)] = out.Len()
	return out.String(), at
}

// dropSelfLinks drops the body's links to the article's own address (a
// Wikipedia footnote mark, "#cite_note-1", written as the page's full
// address, which linkHref cannot tell from another page when the page's
// address was not known then): they lead nowhere from the archive. Their
// text stays.
func dropSelfLinks(p *htmlPage) error {
	self := urlnorm.Key(p.art.URL)
	if self == "" {
		return nil
	}
	for marks := range p.art.MarkLists() {
		*marks = slices.DeleteFunc(*marks, func(m archive.Inline) bool {
			return m.Kind == archive.InlineLink && urlnorm.Key(m.Href) == self
		})
	}
	return nil
}
