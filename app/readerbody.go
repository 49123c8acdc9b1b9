package app

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clippings/clippings/app/blockview"
	"github.com/clippings/clippings/archive"
)

// The body's inline structure and its richer blocks as reader items:
// links, emphasis, code, sub- and superscripts become the items' spans;
// tables, definition lists and footnotes items of their own. The items'
// text stays the blocks' text, so that highlights find their runes.

// spanKinds maps the archive's inline kinds to the view's.
var spanKinds = map[archive.InlineKind]blockview.SpanKind{
	archive.InlineLink:   blockview.SpanLink,
	archive.InlineEm:     blockview.SpanEm,
	archive.InlineStrong: blockview.SpanStrong,
	archive.InlineCode:   blockview.SpanCode,
	archive.InlineSub:    blockview.SpanSub,
	archive.InlineSup:    blockview.SpanSup,
}

// inlineSpans turns inline marks over text (byte offsets) into spans over
// an item that shows text from byte from on, after prefix runes of its
// own. Marks outside what the item shows, malformed ones and links
// without an address are left out.
func inlineSpans(text string, from, prefix int, marks []archive.Inline) []blockview.Span {
	var out []blockview.Span
	for _, m := range marks {
		kind, ok := spanKinds[m.Kind]
		s, e := max(m.Start, from), min(m.End, len(text))
		if !ok || s >= e || kind == blockview.SpanLink && m.Href == "" {
			continue
		}
		out = append(out, blockview.Span{
			Start: prefix + utf8.RuneCountInString(text[from:s]),
			End:   prefix + utf8.RuneCountInString(text[from:e]),
			Kind:  kind, Href: m.Href,
		})
	}
	return out
}

// leadingBytes is how many bytes of text an item of kind leaves out at
// the start (leadingSpace in bytes).
func leadingBytes(text string, kind blockview.Kind) int {
	if kind == blockview.Code {
		return 0
	}
	return len(text) - len(strings.TrimLeftFunc(text, unicode.IsSpace))
}

// richItem turns a table, a term, a definition or a footnote into an
// item; ok is false for other blocks.
func richItem(b archive.Block, text string) (blockview.Item, bool) {
	switch b.Kind {
	case archive.TableKind:
		if b.Table == nil {
			return blockview.Item{Kind: blockview.Code, Text: strings.TrimRight(b.Text, "\n")}, true
		}
		return tableItem(b.Table, text), true
	case archive.Term:
		return blockview.Item{Kind: blockview.Term, Text: text}, true
	case archive.Define:
		return blockview.Item{Kind: blockview.Definition, Text: text, Indent: 1}, true
	case archive.Footnote:
		label := strings.TrimSpace(b.Label)
		if label == "" {
			return blockview.Item{Kind: blockview.Footnote, Text: text}, true
		}
		n := utf8.RuneCountInString(label)
		return blockview.Item{Kind: blockview.Footnote, Text: label + " " + text, Prefix: n + 1,
			Spans: []blockview.Span{{Start: 0, End: n, Kind: blockview.SpanSup}}}, true
	}
	return blockview.Item{}, false
}

// tableItem lays a table out as a Table item whose text is text (the
// block's); each cell is found in it, in order, so that a selection in a
// cell maps to the body's text.
func tableItem(t *archive.Table, text string) blockview.Item {
	it := blockview.Item{Kind: blockview.Table, Text: text}
	at := 0 // bytes of text before the next cell
	for _, row := range t.Rows {
		cells := make([]blockview.Cell, 0, len(row))
		for _, c := range row {
			cell := blockview.Cell{Text: c.Text, Header: c.Header, ColSpan: c.ColSpan, Start: -1,
				Spans: inlineSpans(c.Text, 0, 0, c.Inline)}
			if k := strings.Index(text[at:], c.Text); k >= 0 {
				cell.Start = utf8.RuneCountInString(text[:at+k])
				at += k + len(c.Text)
			}
			cells = append(cells, cell)
		}
		it.Cells = append(it.Cells, cells)
	}
	return it
}

// tableCaption is the caption of a table block as an item, if it has one.
func tableCaption(b archive.Block) []blockview.Item {
	if b.Kind != archive.TableKind || b.Table == nil || strings.TrimSpace(b.Table.Caption) == "" {
		return nil
	}
	return []blockview.Item{{Kind: blockview.Caption, Text: strings.TrimSpace(b.Table.Caption)}}
}
