package blockview

import (
	"image"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Kind says how the view lays out one item of an article.
type Kind int

const (
	Title Kind = iota
	Standfirst
	Byline
	Meta
	Provenance
	Heading
	Subheading // headings of level 3 and below
	Paragraph
	ListItem
	Quote
	Code
	Image
	Caption
	MissingImage // a figure whose image the capture did not hold
	Link         // a related link
	Table        // a table: Cells holds its rows (table.go)
	Term         // a term of a definition list
	Definition   // the definition of the term before it
	Footnote     // a footnote; its label is the Prefix
)

// Item is one laid-out piece of an article: a block of text, an image or
// a caption. Items are built off the UI goroutine, widgets from them on it.
type Item struct {
	Kind   Kind
	Text   string
	Credit string      // captions only
	Indent int         // list nesting depth, quotes 1
	Img    image.Image // Image only

	// Spans style runs of Text: links, emphasis, code, sub- and
	// superscripts (spans.go).
	Spans []Span

	// Cells are the rows of a Table item. Its Text is the cells' text as
	// the body holds it (selection and highlights count its runes); each
	// cell says where its text is in it.
	Cells [][]Cell

	// Where the text is in the article's body (Article.Text()), for
	// highlights: InBody items show runes [Start, Start+len-Prefix) of
	// it after Prefix runes of their own (a list marker).
	InBody bool
	Start  int
	Prefix int
	Link   int // Link items: the index of the link, handed to View.OnLink

	// Changes mark the runs of Text that a later version of the article
	// inserted or deleted, when the reader compares two versions.
	Changes []Change
}

// Change is a run of an item's text [Start, End) (in runes, the prefix
// included) that the newer of two versions inserted, or Deleted.
type Change struct {
	Start, End int
	Deleted    bool
}

// Mark is a highlight as the view draws it: runes [Start, End) of the
// article body, in a colour.
type Mark struct {
	ID         int64
	Start, End int
	Color      string
}

// HighlightColors are the colours a highlight can have, in menu order.
var HighlightColors = []string{"yellow", "green", "blue", "pink", "purple"}

// HighlightColor returns the colour a highlight is drawn in; an unknown
// name is drawn yellow.
func HighlightColor(name string) color.Color {
	switch name {
	case "green":
		return color.NRGBA{R: 0x5c, G: 0xc8, B: 0x6a, A: 0x70}
	case "blue":
		return color.NRGBA{R: 0x4a, G: 0x9c, B: 0xff, A: 0x70}
	case "pink":
		return color.NRGBA{R: 0xff, G: 0x6e, B: 0xb4, A: 0x70}
	case "purple":
		return color.NRGBA{R: 0xa0, G: 0x70, B: 0xe8, A: 0x70}
	}
	return color.NRGBA{R: 0xff, G: 0xd4, B: 0x00, A: 0x80}
}

// Styles of the view's text.
var (
	styleBody    = spanStyle{size: theme.SizeNameText, color: theme.ColorNameForeground}
	styleFaint   = spanStyle{size: theme.SizeNameCaptionText, color: theme.ColorNamePlaceHolder}
	styleCaption = spanStyle{size: theme.SizeNameCaptionText, style: fyne.TextStyle{Italic: true}, color: theme.ColorNameForeground}
)

// itemStyles maps an item kind to its style; kinds not here are body text.
var itemStyles = map[Kind]spanStyle{
	Title:        {size: theme.SizeNameHeadingText, style: fyne.TextStyle{Bold: true}, color: theme.ColorNameForeground},
	Standfirst:   {size: theme.SizeNameSubHeadingText, color: theme.ColorNameForeground},
	Byline:       {size: theme.SizeNameText, style: fyne.TextStyle{Bold: true}, color: theme.ColorNameForeground},
	Meta:         {size: theme.SizeNameText, color: theme.ColorNamePlaceHolder},
	Provenance:   styleFaint,
	Heading:      {size: theme.SizeNameSubHeadingText, style: fyne.TextStyle{Bold: true}, color: theme.ColorNameForeground},
	Subheading:   {size: theme.SizeNameText, style: fyne.TextStyle{Bold: true}, color: theme.ColorNameForeground},
	Quote:        {size: theme.SizeNameText, style: fyne.TextStyle{Italic: true}, color: theme.ColorNameForeground},
	Code:         {size: theme.SizeNameText, style: fyne.TextStyle{Monospace: true}, color: theme.ColorNameForeground},
	MissingImage: {size: theme.SizeNameText, color: theme.ColorNamePlaceHolder},
	Link:         {size: theme.SizeNameText, color: theme.ColorNameHyperlink},
	Term:         {size: theme.SizeNameText, style: fyne.TextStyle{Bold: true}, color: theme.ColorNameForeground},
	Footnote:     {size: theme.SizeNameCaptionText, color: theme.ColorNameForeground},
}

// runes returns the item's text as the view shows it, with its styles.
func (it *Item) runes() ([]rune, []span) {
	if it.Kind == Caption {
		return captionRunes(it.Text, it.Credit)
	}
	st, ok := itemStyles[it.Kind]
	if !ok {
		st = styleBody
	}
	rs := []rune(it.Text)
	return rs, applySpans([]span{{end: len(rs), style: st}}, len(rs), it.Spans)
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
func (it *Item) bodyRange(n int) (int, int, bool) {
	if !it.InBody {
		return 0, 0, false
	}
	return it.Start, it.Start + n - it.Prefix, true
}

// gap is the space below an item of kind k, in units of the padding.
func gap(k Kind) float32 {
	switch k {
	case Title, Provenance:
		return 4
	case ListItem, Link, Image, Standfirst, Byline, Term, Footnote:
		return 1
	case Heading, Subheading:
		return 1.5
	}
	return 3
}
