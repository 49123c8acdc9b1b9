package app

import (
	"fmt"
	"image"
	"net/url"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/clippings/clippings/archive"
)

// itemKind says how the reader lays out one item of an article.
type itemKind int

const (
	itemTitle itemKind = iota
	itemStandfirst
	itemByline
	itemMeta
	itemProvenance
	itemHeading
	itemSubheading // headings of level 3 and below
	itemParagraph
	itemListItem
	itemQuote
	itemCode
	itemImage
	itemCaption
	itemMissingImage // a figure whose image the capture did not hold
	itemLink         // a related link
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
func articleItems(a *archive.Article, images map[int]image.Image, links []relatedLink) []readerItem {
	items := []readerItem{{kind: itemTitle, text: orDefault(a.Title, "Untitled")}}
	add := func(kind itemKind, text string) {
		if text = strings.TrimSpace(text); text != "" {
			items = append(items, readerItem{kind: kind, text: text})
		}
	}
	add(itemStandfirst, a.Subtitle)
	add(itemByline, a.Byline)
	add(itemMeta, headerLine(a))
	add(itemProvenance, provenanceLine(a))
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
		if it, ok := blockItem(b, numbers); ok {
			it.inBody = true
			it.start = start + leadingSpace(b.Text, it.kind)
			items = append(items, it)
		}
	}
	if len(links) > 0 {
		add(itemHeading, "Related")
		for i, l := range links {
			items = append(items, readerItem{kind: itemLink, text: "• " + orDefault(l.Title, l.URL), indent: 1, link: i})
		}
	}
	return items
}

// blockItem turns a body block other than a figure into an item; ok is
// false for a block with no text.
func blockItem(b archive.Block, numbers map[int]int) (readerItem, bool) {
	text := strings.TrimSpace(b.Text)
	if text == "" {
		return readerItem{}, false
	}
	switch b.Kind {
	case archive.Heading:
		if b.Level > 2 {
			return readerItem{kind: itemSubheading, text: text}, true
		}
		return readerItem{kind: itemHeading, text: text}, true
	case archive.ListItem:
		return listItem(b, numbers), true
	case archive.Quote:
		return readerItem{kind: itemQuote, text: text, indent: 1}, true
	case archive.Code:
		return readerItem{kind: itemCode, text: strings.TrimRight(b.Text, "\n")}, true
	}
	return readerItem{kind: itemParagraph, text: text}, true
}

// leadingSpace is how many runes of a block's text its item leaves out at
// the start.
func leadingSpace(text string, kind itemKind) int {
	if kind == itemCode {
		return 0
	}
	return utf8.RuneCountInString(text) - utf8.RuneCountInString(strings.TrimLeftFunc(text, unicode.IsSpace))
}

func listItem(b archive.Block, numbers map[int]int) readerItem {
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
	return readerItem{kind: itemListItem, text: marker + " " + strings.TrimSpace(b.Text), indent: depth,
		prefix: utf8.RuneCountInString(marker) + 1}
}

func figureItems(a *archive.Article, i int, images map[int]image.Image) []readerItem {
	if i < 0 || i >= len(a.Figures) {
		return nil
	}
	f := a.Figures[i]
	var items []readerItem
	if img, ok := images[i]; ok {
		items = append(items, readerItem{kind: itemImage, img: img, text: f.Alt})
	} else if f.Image != "" || f.Alt != "" {
		items = append(items, readerItem{kind: itemMissingImage, text: "[Image not saved: " + orDefault(f.Alt, imageName(f.Image)) + "]"})
	}
	caption, credit := strings.TrimSpace(f.Caption), strings.TrimSpace(f.Credit)
	if caption != "" || credit != "" {
		items = append(items, readerItem{kind: itemCaption, text: caption, credit: credit})
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

// Styles of the reader's text.
var (
	styleBody    = spanStyle{size: theme.SizeNameText, color: theme.ColorNameForeground}
	styleFaint   = spanStyle{size: theme.SizeNameCaptionText, color: theme.ColorNamePlaceHolder}
	styleCaption = spanStyle{size: theme.SizeNameCaptionText, style: fyne.TextStyle{Italic: true}, color: theme.ColorNameForeground}
)

// itemStyles maps an item kind to its style; kinds not here are body text.
var itemStyles = map[itemKind]spanStyle{
	itemTitle:        {size: theme.SizeNameHeadingText, style: fyne.TextStyle{Bold: true}, color: theme.ColorNameForeground},
	itemStandfirst:   {size: theme.SizeNameSubHeadingText, color: theme.ColorNameForeground},
	itemByline:       {size: theme.SizeNameText, style: fyne.TextStyle{Bold: true}, color: theme.ColorNameForeground},
	itemMeta:         {size: theme.SizeNameText, color: theme.ColorNamePlaceHolder},
	itemProvenance:   styleFaint,
	itemHeading:      {size: theme.SizeNameSubHeadingText, style: fyne.TextStyle{Bold: true}, color: theme.ColorNameForeground},
	itemSubheading:   {size: theme.SizeNameText, style: fyne.TextStyle{Bold: true}, color: theme.ColorNameForeground},
	itemQuote:        {size: theme.SizeNameText, style: fyne.TextStyle{Italic: true}, color: theme.ColorNameForeground},
	itemCode:         {size: theme.SizeNameText, style: fyne.TextStyle{Monospace: true}, color: theme.ColorNameForeground},
	itemMissingImage: {size: theme.SizeNameText, color: theme.ColorNamePlaceHolder},
	itemLink:         {size: theme.SizeNameText, color: theme.ColorNameHyperlink},
}

// runes returns the item's text as the reader shows it, with its styles.
func (it *readerItem) runes() ([]rune, []span) {
	if it.kind == itemCaption {
		return captionRunes(it.text, it.credit)
	}
	st, ok := itemStyles[it.kind]
	if !ok {
		st = styleBody
	}
	rs := []rune(it.text)
	return rs, []span{{end: len(rs), style: st}}
}

// captionRunes sets a credit apart from its caption, in a fainter style.
func captionRunes(caption, credit string) ([]rune, []span) {
	rs := []rune(caption)
	var spans []span
	if caption != "" {
		spans = append(spans, span{end: len(rs), style: styleCaption})
	}
	if credit != "" {
		if caption != "" {
			rs = append(rs, ' ', ' ')
		}
		rs = append(rs, []rune(credit)...)
		spans = append(spans, span{end: len(rs), style: styleFaint})
	}
	return rs, spans
}

// bodyRange returns the runes [start, end) of the article body the item
// shows, if it shows a part of the body.
func (it *readerItem) bodyRange(n int) (int, int, bool) {
	if !it.inBody {
		return 0, 0, false
	}
	return it.start, it.start + n - it.prefix, true
}

// gap is the space below an item of kind k, in units of the padding.
func gap(k itemKind) float32 {
	switch k {
	case itemTitle, itemProvenance:
		return 4
	case itemListItem, itemLink, itemImage, itemStandfirst, itemByline:
		return 1
	case itemHeading, itemSubheading:
		return 1.5
	}
	return 3
}
