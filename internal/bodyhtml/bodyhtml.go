// Package bodyhtml writes an article body ([]archive.Block with its
// figures) as small, safe HTML: p, h2–h6, ul/ol/li, blockquote, pre/code,
// table/thead/tbody/tr/th/td, figure/img/figcaption, a, em, strong, sub,
// sup and br, with no attribute but href (http, https and mailto
// addresses), src (http and https) and alt. Every text and attribute value
// is escaped; nothing of the page's markup passes through, so the result
// is safe to show whatever the stored article holds.
//
// Blocks map as follows: a heading to h2–h6 (its level, clamped); list
// items to nested ul/ol by their level; a definition list's term to
// <p><strong>, its definition to a paragraph; a footnote to a paragraph
// starting with its label in <sup>; a table to table (in a figure with a
// figcaption when it has a caption; header rows at the top in thead; a
// cell spanning columns is followed by empty cells, as colspan is no
// allowed attribute); a figure to figure/img/figcaption.
package bodyhtml

import (
	"html"
	"net/url"
	"strconv"
	"strings"

	"github.com/clippings/clippings/archive"
)

// Render returns the blocks as HTML; figures are the article's figures,
// which FigureRef blocks index.
func Render(blocks []archive.Block, figures []archive.Figure) string {
	w := &writer{}
	for _, bl := range blocks {
		w.block(bl, figures)
	}
	w.closeLists(0)
	return w.b.String()
}

type writer struct {
	b     strings.Builder
	lists []list // the open lists, innermost last
}

// list is an open list: "ul" or "ol", and whether an item of it is open.
type list struct {
	tag  string
	item bool
}

func (w *writer) block(bl archive.Block, figures []archive.Figure) {
	if bl.Kind != archive.ListItem {
		w.closeLists(0)
	}
	switch bl.Kind {
	case archive.Heading:
		h := "h" + strconv.Itoa(min(6, max(2, bl.Level)))
		w.wrap(h, bl.Text, bl.Inline)
	case archive.ListItem:
		w.listItem(bl)
	case archive.Quote:
		w.wrap("blockquote", bl.Text, bl.Inline)
	case archive.Code:
		w.b.WriteString("<pre><code>" + html.EscapeString(bl.Text) + "</code></pre>\n")
	case archive.FigureRef:
		if bl.Figure >= 0 && bl.Figure < len(figures) {
			w.figure(figures[bl.Figure])
		}
	case archive.TableKind:
		w.table(bl)
	case archive.Term:
		w.b.WriteString("<p><strong>")
		w.inline(bl.Text, bl.Inline)
		w.b.WriteString("</strong></p>\n")
	case archive.Footnote:
		w.b.WriteString("<p>")
		if bl.Label != "" {
			w.b.WriteString("<sup>" + html.EscapeString(bl.Label) + "</sup> ")
		}
		w.inline(bl.Text, bl.Inline)
		w.b.WriteString("</p>\n")
	default: // paragraphs, definitions and kinds this package does not know
		if bl.Text != "" {
			w.wrap("p", bl.Text, bl.Inline)
		}
	}
}

// wrap writes text with its marks inside the element tag.
func (w *writer) wrap(tag, text string, marks []archive.Inline) {
	w.b.WriteString("<" + tag + ">")
	w.inline(text, marks)
	w.b.WriteString("</" + tag + ">\n")
}

// listItem opens or closes lists down to the item's level and writes it.
func (w *writer) listItem(bl archive.Block) {
	level := min(max(bl.Level, 1), 32)
	tag := "ul"
	if bl.Ordered {
		tag = "ol"
	}
	w.closeLists(level)
	if len(w.lists) == level && w.lists[level-1].tag != tag {
		w.closeLists(level - 1)
	}
	if len(w.lists) == level && w.lists[level-1].item {
		w.b.WriteString("</li>\n")
	}
	for len(w.lists) < level {
		if n := len(w.lists); n > 0 && !w.lists[n-1].item {
			w.b.WriteString("<li>") // a deeper item with no item above it
			w.lists[n-1].item = true
		}
		w.b.WriteString("<" + tag + ">\n")
		w.lists = append(w.lists, list{tag: tag})
	}
	w.lists[level-1].item = true
	w.b.WriteString("<li>")
	w.inline(bl.Text, bl.Inline)
}

// closeLists closes the open lists deeper than depth.
func (w *writer) closeLists(depth int) {
	for len(w.lists) > depth {
		l := w.lists[len(w.lists)-1]
		if l.item {
			w.b.WriteString("</li>\n")
		}
		w.b.WriteString("</" + l.tag + ">\n")
		w.lists = w.lists[:len(w.lists)-1]
	}
}

func (w *writer) figure(f archive.Figure) {
	src := safeURL(f.Image, false)
	text := strings.TrimSpace(strings.TrimSpace(f.Caption + " " + f.Credit))
	if src == "" && text == "" {
		return
	}
	w.b.WriteString("<figure>")
	if src != "" {
		w.b.WriteString(`<img src="` + html.EscapeString(src) + `" alt="` + html.EscapeString(f.Alt) + `">`)
	}
	if text != "" {
		w.b.WriteString("<figcaption>" + html.EscapeString(text) + "</figcaption>")
	}
	w.b.WriteString("</figure>\n")
}

// safeURL returns u when it is an absolute http or https address (or, for
// a link, a mailto: one), else "".
func safeURL(u string, link bool) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil {
		return ""
	}
	switch strings.ToLower(p.Scheme) {
	case "http", "https":
		if p.Host == "" {
			return ""
		}
	case "mailto":
		if !link {
			return ""
		}
	default:
		return ""
	}
	return p.String()
}
