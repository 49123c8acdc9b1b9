package export

import (
	"context"
	"fmt"
	"html"
	"strings"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/internal/words"
)

// The article as (X)HTML, shared by the HTML folder and the EPUB book. It
// is written from the article's blocks: every text escaped, no original
// markup, no script, no event handler, no style attribute. The only
// remote addresses are the href of links (<a>) to http(s) pages: the
// article's URL, its related links and the links of its text; a link to
// an exported article points to its file instead (richhtml.go). The
// output is well-formed XML, so that EPUB can use it as it is.

// imageSrc returns the local path an image is written to, "" when it is
// left out.
type imageSrc func(ctx context.Context, a *archive.Article, f archive.Figure) (string, error)

// esc escapes text for HTML and XML alike.
func esc(s string) string { return html.EscapeString(cleanText(s)) }

// escLine is esc on one line.
func escLine(s string) string { return html.EscapeString(cleanLine(s)) }

// renderArticle writes the <article> element of a.
func renderArticle(ctx context.Context, w *strings.Builder, e *entry, a *archive.Article, img imageSrc, links localLinks) error {
	w.WriteString("<article>\n<header>\n")
	fmt.Fprintf(w, "<h1>%s</h1>\n", escLine(title(a)))
	if s := escLine(a.Standfirst); s != "" {
		fmt.Fprintf(w, "<p class=\"standfirst\">%s</p>\n", s)
	}
	if s := words.Join(" · ", cleanLine(a.Byline), cleanLine(a.Site), day(a.Published)); s != "" {
		fmt.Fprintf(w, "<p class=\"meta\">%s</p>\n", html.EscapeString(s))
	}
	if u := escLine(a.URL); u != "" {
		fmt.Fprintf(w, "<p class=\"source\">Source: %s</p>\n", htmlLink("<span class=\"url\">"+u+"</span>", a.URL, nil))
	}
	fmt.Fprintf(w, "<p class=\"cite\">Citation key: <code>%s</code></p>\n</header>\n", esc(e.Key))
	var lists listState
	var defs defList
	m := newMarker(e.Notes)
	for _, b := range a.Blocks {
		if b.Kind != archive.ListItem {
			lists.close(w)
		}
		defs.next(w, b.Kind)
		if b.Kind == archive.FigureRef {
			if err := renderFigure(ctx, w, a, b.Figure, img); err != nil {
				return err
			}
			continue
		}
		segs := m.segments(b)
		if len(segs) == 0 {
			continue
		}
		if b.Kind == archive.ListItem {
			lists.item(w, b.Level, b.Ordered)
		}
		if !renderRichBlock(w, b, segs, links) {
			renderBlock(w, b, segs, links)
		}
	}
	lists.close(w)
	defs.close(w)
	renderRelated(w, a.Related, links)
	renderNotes(w, e)
	w.WriteString("</article>\n")
	return nil
}

// renderBlock writes one text block; a list item's <li> is already open.
func renderBlock(w *strings.Builder, b archive.Block, segs []segment, links localLinks) {
	rich := htmlRich(segs, 0, len(b.Text), b.Inline, links)
	switch b.Kind {
	case archive.Heading:
		n := min(max(b.Level, 2), 6)
		fmt.Fprintf(w, "<h%d>%s</h%d>\n", n, rich, n)
	case archive.ListItem:
		w.WriteString(rich)
	case archive.Quote:
		fmt.Fprintf(w, "<blockquote><p>%s</p></blockquote>\n", rich)
	case archive.Code:
		fmt.Fprintf(w, "<pre><code>%s</code></pre>\n", esc(plain(segs)))
	default:
		fmt.Fprintf(w, "<p>%s</p>\n", rich)
	}
}

// renderSegments is the escaped text of segments, highlights in <mark>,
// line breaks as <br/>.
func renderSegments(segs []segment) string {
	var b strings.Builder
	for _, s := range segs {
		text := strings.ReplaceAll(esc(s.Text), "\n", "<br/>")
		if s.Mark {
			fmt.Fprintf(&b, "<mark class=\"%s\">%s</mark>", colorClass(s.Color), text)
		} else {
			b.WriteString(text)
		}
	}
	return b.String()
}

// renderFigure writes figure n with its image (when there is one to
// carry over), caption and credit.
func renderFigure(ctx context.Context, w *strings.Builder, a *archive.Article, n int, img imageSrc) error {
	if n < 0 || n >= len(a.Figures) {
		return nil
	}
	f := a.Figures[n]
	src, err := img(ctx, a, f)
	if err != nil {
		return err
	}
	caption, credit := escLine(f.Caption), escLine(f.Credit)
	if src == "" && caption == "" && credit == "" {
		return nil
	}
	w.WriteString("<figure>\n")
	if src != "" {
		fmt.Fprintf(w, "<img src=\"%s\" alt=\"%s\"/>\n", html.EscapeString(src), escLine(f.Alt))
	}
	if caption != "" || credit != "" {
		w.WriteString("<figcaption>" + caption)
		if credit != "" {
			fmt.Fprintf(w, " <span class=\"credit\">%s</span>", credit)
		}
		w.WriteString("</figcaption>\n")
	}
	w.WriteString("</figure>\n")
	return nil
}

// renderRelated lists the related links, each title a link (inside the
// export when the page is exported too), their addresses as text.
func renderRelated(w *strings.Builder, related []archive.Link, links localLinks) {
	if len(related) == 0 {
		return
	}
	w.WriteString("<section class=\"related\">\n<h2>Related</h2>\n<ul>\n")
	for _, l := range related {
		fmt.Fprintf(w, "<li>%s <span class=\"url\">%s</span></li>\n", htmlLink(escLine(orText(l.Title, l.URL)), l.URL, links), escLine(l.URL))
	}
	w.WriteString("</ul>\n</section>\n")
}

// renderNotes writes the free note and the highlights with their notes.
func renderNotes(w *strings.Builder, e *entry) {
	note, hs := e.note(), e.highlights()
	if note == "" && len(hs) == 0 {
		return
	}
	w.WriteString("<section class=\"notes\">\n")
	if note != "" {
		fmt.Fprintf(w, "<h2>Note</h2>\n%s\n", paragraphs(note))
	}
	if len(hs) > 0 {
		w.WriteString("<h2>Highlights</h2>\n")
	}
	for _, h := range hs {
		fmt.Fprintf(w, "<blockquote class=\"%s\">%s</blockquote>\n", colorClass(h.Color), paragraphs(h.Quote.Exact))
		if h.Orphaned {
			w.WriteString("<p class=\"orphan\">This passage is no longer found in the text.</p>\n")
		}
		if n := strings.TrimSpace(h.Note); n != "" {
			fmt.Fprintf(w, "<div class=\"note\">%s</div>\n", paragraphs(n))
		}
	}
	w.WriteString("</section>\n")
}

// paragraphs is text as <p> elements, one per blank-line-separated part.
func paragraphs(s string) string {
	var b strings.Builder
	for _, p := range strings.Split(strings.TrimSpace(cleanText(s)), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			fmt.Fprintf(&b, "<p>%s</p>", strings.ReplaceAll(html.EscapeString(p), "\n", "<br/>"))
		}
	}
	return b.String()
}

// maxListDepth is the deepest list an export writes: a deeper item (a
// bundle may claim any level, 2^40 included) is written at it.
const maxListDepth = 6

// listDepth is a list item's level within 1…maxListDepth.
func listDepth(level int) int { return min(max(level, 1), maxListDepth) }

// listState keeps the lists open while list items are written; every
// open list has an open <li>.
type listState struct {
	open []bool // ordered, per open list, outermost first
}

// item closes and opens lists so that the next <li> is at level (from 1)
// in a list of the right kind, and opens it.
func (ls *listState) item(w *strings.Builder, level int, ordered bool) {
	level = listDepth(level)
	for len(ls.open) > level {
		ls.pop(w)
	}
	if len(ls.open) == level {
		if ls.open[level-1] != ordered {
			ls.pop(w)
		} else {
			w.WriteString("</li>\n")
		}
	}
	for len(ls.open) < level {
		w.WriteString("<" + listTag(ordered) + ">\n")
		ls.open = append(ls.open, ordered)
		if len(ls.open) < level {
			w.WriteString("<li>")
		}
	}
	w.WriteString("<li>")
}

// pop closes the innermost list and its open item.
func (ls *listState) pop(w *strings.Builder) {
	n := len(ls.open) - 1
	w.WriteString("</li>\n</" + listTag(ls.open[n]) + ">\n")
	ls.open = ls.open[:n]
}

// close closes every open list.
func (ls *listState) close(w *strings.Builder) {
	for len(ls.open) > 0 {
		ls.pop(w)
	}
}

func listTag(ordered bool) string {
	if ordered {
		return "ol"
	}
	return "ul"
}

// styleSheet is the CSS of the HTML folder and of the EPUB book.
const styleSheet = richStyles + `body { font-family: Georgia, "Times New Roman", serif; line-height: 1.5; margin: 1em auto; max-width: 40em; padding: 0 1em; }
h1 { line-height: 1.2; }
.standfirst { font-size: 1.15em; }
.meta, .source, .cite, figcaption, .orphan { color: #555; font-size: 0.9em; }
.url { word-break: break-all; }
figure { margin: 1.5em 0; }
img { max-width: 100%; height: auto; }
.credit { font-style: italic; }
blockquote { border-left: 3px solid #ccc; margin-left: 0; padding-left: 1em; }
pre { white-space: pre-wrap; }
mark, blockquote.yellow { background: #fff3a0; }
mark.green, blockquote.green { background: #d4f5c9; }
mark.blue, blockquote.blue { background: #cfe6ff; }
mark.pink, blockquote.pink, mark.red, blockquote.red { background: #ffd6e0; }
mark.purple, blockquote.purple { background: #e6d9ff; }
mark.orange, blockquote.orange { background: #ffe0bf; }
mark.grey, blockquote.grey, mark.gray, blockquote.gray { background: #e6e6e6; }
.note { margin-left: 1em; font-style: italic; }
nav.pages { margin: 2em 0; font-size: 0.9em; }
del { background: #ffd6d6; color: #700; }
ins { background: #d4f5c9; color: #050; text-decoration: none; border-bottom: 1px solid #393; }
`
