package export

import (
	"sort"
	"strings"

	"github.com/clippings/clippings/archive"
)

// segment is a piece of a block's text, highlighted or not.
type segment struct {
	Text  string
	Mark  bool
	Color string // the first covering highlight's colour
	Link  string // the address the text links to (the PDF's segments: pdfSegments)
}

// marker splits the blocks of an article into highlighted and plain
// segments. Highlight offsets are in characters of Article.Text(), which
// joins the blocks that are not figures and not blank with "\n\n".
type marker struct {
	spans []archive.Annotation // anchored highlights, by start
	pos   int                  // offset of the next text block in Article.Text()
	first bool
}

// newMarker prepares the anchored highlights of notes.
func newMarker(notes []archive.Annotation) *marker {
	m := &marker{first: true}
	for _, n := range notes {
		if n.Kind == archive.KindHighlight && !n.Orphaned && n.End > n.Start && n.Start >= 0 {
			m.spans = append(m.spans, n)
		}
	}
	sort.SliceStable(m.spans, func(i, j int) bool { return m.spans[i].Start < m.spans[j].Start })
	return m
}

// segments returns the segments of block b, which must be passed in
// order, every block of the article. A figure or blank block yields none.
func (m *marker) segments(b archive.Block) []segment {
	if b.Kind == archive.FigureRef || strings.TrimSpace(b.Text) == "" {
		return nil
	}
	if !m.first {
		m.pos += 2 // the "\n\n" between blocks
	}
	m.first = false
	rs := []rune(b.Text)
	start, end := m.pos, m.pos+len(rs)
	m.pos = end
	// Cut points: the block's ends and every highlight boundary inside it.
	cuts := []int{start, end}
	for _, h := range m.spans {
		for _, c := range []int{h.Start, h.End} {
			if c > start && c < end {
				cuts = append(cuts, c)
			}
		}
	}
	sort.Ints(cuts)
	var out []segment
	for i := 0; i+1 < len(cuts); i++ {
		s, e := cuts[i], cuts[i+1]
		if s == e {
			continue
		}
		seg := segment{Text: string(rs[s-start : e-start])}
		for _, h := range m.spans {
			if h.Start <= s && h.End >= e {
				seg.Mark, seg.Color = true, h.Color
				break
			}
		}
		out = appendSegment(out, seg)
	}
	return out
}

// appendSegment appends seg, merging it with the last one when both are
// plain or both marked in the same colour, with the same link.
func appendSegment(out []segment, seg segment) []segment {
	if n := len(out); n > 0 && out[n-1].Mark == seg.Mark && out[n-1].Color == seg.Color && out[n-1].Link == seg.Link {
		out[n-1].Text += seg.Text
		return out
	}
	return append(out, seg)
}

// plain joins segments without marks.
func plain(segs []segment) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteString(s.Text)
	}
	return b.String()
}

// colorClass maps a highlight colour to one of a few CSS class names;
// anything else gets the default.
func colorClass(c string) string {
	switch c = strings.ToLower(strings.TrimSpace(c)); c {
	case "yellow", "green", "blue", "pink", "purple", "orange", "red", "grey", "gray":
		return c
	}
	return "yellow"
}

// unmarked is segs as one plain segment, without highlights.
func unmarked(segs []segment) []segment {
	return []segment{{Text: plain(segs)}}
}
