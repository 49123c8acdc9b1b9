package app

import (
	"fmt"
	"image"
	"net/url"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clippings/clippings/app/blockview"
	"github.com/clippings/clippings/archive"
)

// relatedLink is a related link of an article and, when the archive
// holds the page it points to, that article.
type relatedLink struct {
	archive.Link
	id int64
}

// articleItems lays an article out as reader items: the header (title,
// standfirst, byline, site and dates, provenance), then the body in
// reading order, then the related links. Body items know where their text
// is in a.Text(), so that a selection maps to highlight offsets.
func articleItems(a *archive.Article, images map[int]image.Image, links []relatedLink) []blockview.Item {
	items := []blockview.Item{{Kind: blockview.Title, Text: orDefault(a.Title, "Untitled")}}
	add := func(kind blockview.Kind, text string) {
		if text = strings.TrimSpace(text); text != "" {
			items = append(items, blockview.Item{Kind: kind, Text: text})
		}
	}
	add(blockview.Standfirst, a.Standfirst)
	add(blockview.Byline, a.Byline)
	add(blockview.Meta, headerLine(a))
	add(blockview.Provenance, provenanceLine(a))
	numbers := map[int]int{} // the running number of ordered list items, by depth
	pos, first := 0, true    // runes of a.Text() before the block; no block yet
	for _, b := range a.Blocks {
		if b.Kind != archive.ListItem {
			clear(numbers)
		}
		start := pos
		if b.Kind != archive.FigureRef && strings.TrimSpace(b.Text) != "" {
			if !first {
				start += 2 // the blank line between blocks
			}
			first = false
			pos = start + utf8.RuneCountInString(b.Text)
		}
		if b.Kind == archive.FigureRef {
			items = append(items, figureItems(a, b.Figure, images)...)
			continue
		}
		items = append(items, tableCaption(b)...)
		if it, ok := blockItem(b, numbers); ok {
			it.InBody = true
			it.Start = start + leadingSpace(b.Text, it.Kind)
			it.Spans = append(it.Spans, inlineSpans(b.Text, leadingBytes(b.Text, it.Kind), it.Prefix, b.Inline)...)
			items = append(items, it)
		}
	}
	if len(links) > 0 {
		add(blockview.Heading, "Related")
		for i, l := range links {
			title := orDefault(l.Title, l.URL)
			items = append(items, blockview.Item{Kind: blockview.Link, Text: "• " + title, Indent: 1, Link: i,
				Spans: []blockview.Span{{Start: 2, End: 2 + utf8.RuneCountInString(title), Kind: blockview.SpanLink, Href: l.URL}}})
		}
	}
	return items
}

// blockItem turns a body block other than a figure into an item; ok is
// false for a block with no text.
func blockItem(b archive.Block, numbers map[int]int) (blockview.Item, bool) {
	text := strings.TrimSpace(b.Text)
	if text == "" {
		return blockview.Item{}, false
	}
	if it, ok := richItem(b, text); ok {
		return it, true
	}
	switch b.Kind {
	case archive.Heading:
		if b.Level > 2 {
			return blockview.Item{Kind: blockview.Subheading, Text: text}, true
		}
		return blockview.Item{Kind: blockview.Heading, Text: text}, true
	case archive.ListItem:
		return listItem(b, numbers), true
	case archive.Quote:
		return blockview.Item{Kind: blockview.Quote, Text: text, Indent: 1}, true
	case archive.Code:
		return blockview.Item{Kind: blockview.Code, Text: strings.TrimRight(b.Text, "\n")}, true
	}
	return blockview.Item{Kind: blockview.Paragraph, Text: text}, true
}

// leadingSpace is how many runes of a block's text its item leaves out at
// the start.
func leadingSpace(text string, kind blockview.Kind) int {
	if kind == blockview.Code {
		return 0
	}
	return utf8.RuneCountInString(text) - utf8.RuneCountInString(strings.TrimLeftFunc(text, unicode.IsSpace))
}

func listItem(b archive.Block, numbers map[int]int) blockview.Item {
	depth := max(b.Level, 1)
	for d := range numbers {
		if d > depth {
			delete(numbers, d) // a deeper list ended
		}
	}
	marker := "•"
	if b.Ordered {
		numbers[depth]++
		marker = fmt.Sprintf("%d.", numbers[depth])
	}
	return blockview.Item{Kind: blockview.ListItem, Text: marker + " " + strings.TrimSpace(b.Text), Indent: depth,
		Prefix: utf8.RuneCountInString(marker) + 1}
}

func figureItems(a *archive.Article, i int, images map[int]image.Image) []blockview.Item {
	if i < 0 || i >= len(a.Figures) {
		return nil
	}
	f := a.Figures[i]
	var items []blockview.Item
	if img, ok := images[i]; ok {
		items = append(items, blockview.Item{Kind: blockview.Image, Img: img, Text: f.Alt})
	} else if f.Image != "" || f.Alt != "" {
		items = append(items, blockview.Item{Kind: blockview.MissingImage, Text: "[Image not saved: " + orDefault(f.Alt, imageName(f.Image)) + "]"})
	}
	caption, credit := strings.TrimSpace(f.Caption), strings.TrimSpace(f.Credit)
	if caption != "" || credit != "" {
		items = append(items, blockview.Item{Kind: blockview.Caption, Text: caption, Credit: credit})
	}
	return items
}

// imageName is the file name in an image's address, without the query.
func imageName(addr string) string {
	if u, err := url.Parse(addr); err == nil && u.Path != "" {
		return path.Base(u.Path)
	}
	return addr
}

// headerLine is the site, the published date and the captured date.
func headerLine(a *archive.Article) string {
	line := metaLine(a.Site, a.Published)
	captured := a.Captured
	if captured.IsZero() {
		captured = a.Imported
	}
	if !captured.IsZero() {
		if line != "" {
			line += " · "
		}
		line += "captured " + captured.Format("2 Jan 2006")
	}
	return line
}

// provenanceLine says where the article came from: the saved file, its
// format and SHA-256, and the address it was saved from.
func provenanceLine(a *archive.Article) string {
	var parts []string
	if a.FileName != "" {
		f := "From " + a.FileName
		if a.Format != "" {
			f += " (" + a.Format + ")"
		}
		parts = append(parts, f)
	}
	if a.OriginalSHA != "" {
		parts = append(parts, "SHA-256 "+a.OriginalSHA)
	}
	if a.CaptureURL != "" {
		parts = append(parts, "saved from "+a.CaptureURL)
	}
	return strings.Join(parts, " · ")
}

func orDefault(s, def string) string {
	if s = strings.TrimSpace(s); s != "" {
		return s
	}
	return def
}
