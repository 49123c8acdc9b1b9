package app

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2/canvas"

	"github.com/clippings/clippings/archive"
)

func TestArticleItems(t *testing.T) {
	a := &archive.Article{
		Title:     "Title",
		Subtitle:  "Standfirst",
		Byline:    "A. Writer",
		Site:      "Example",
		Published: time.Date(2024, 5, 6, 0, 0, 0, 0, time.UTC),
		Blocks: []archive.Block{
			{Kind: archive.Paragraph, Text: "First."},
			{Kind: archive.Heading, Level: 2, Text: "Section"},
			{Kind: archive.Heading, Level: 3, Text: "Subsection"},
			{Kind: archive.ListItem, Level: 1, Ordered: true, Text: "one"},
			{Kind: archive.ListItem, Level: 2, Text: "nested"},
			{Kind: archive.ListItem, Level: 1, Ordered: true, Text: "two"},
			{Kind: archive.Paragraph, Text: "  "},
			{Kind: archive.ListItem, Level: 1, Ordered: true, Text: "again one"},
			{Kind: archive.Quote, Text: "Quoted."},
			{Kind: archive.FigureRef, Figure: 0},
			{Kind: archive.FigureRef, Figure: 7}, // out of range: skipped
		},
		Figures: []archive.Figure{{Image: "a.jpg", Alt: "Alt", Caption: "Caption.", Credit: "Photo: P"}},
		Related: []archive.Link{{Title: "Further", URL: "https://example.org/f"}},
	}
	type item struct {
		kind   itemKind
		text   string
		indent int
	}
	var got []item
	for _, it := range articleItems(a, nil, []relatedLink{{Link: a.Related[0]}}) {
		got = append(got, item{it.kind, it.text, it.indent})
	}
	want := []item{
		{itemTitle, "Title", 0},
		{itemStandfirst, "Standfirst", 0},
		{itemByline, "A. Writer", 0},
		{itemMeta, "Example · 6 May 2024", 0},
		{itemParagraph, "First.", 0},
		{itemHeading, "Section", 0},
		{itemSubheading, "Subsection", 0},
		{itemListItem, "1. one", 1},
		{itemListItem, "• nested", 2},
		{itemListItem, "2. two", 1},
		{itemListItem, "1. again one", 1},
		{itemQuote, "Quoted.", 1},
		{itemMissingImage, "[Image not saved: Alt]", 0},
		{itemCaption, "Caption.", 0},
		{itemHeading, "Related", 0},
		{itemLink, "• Further", 1},
	}
	if !slices.Equal(got, want) {
		t.Errorf("items:\n got %v\nwant %v", got, want)
	}
}

func TestCaptionRunes(t *testing.T) {
	rs, spans := captionRunes("Caption.", "Photo: P")
	if got, want := string(rs), "Caption.  Photo: P"; got != want {
		t.Errorf("caption = %q, want %q", got, want)
	}
	if got, want := len(spans), 2; got != want {
		t.Fatalf("%d spans, want %d", got, want)
	}
	if got, want := spans[0].end, len("Caption."); got != want {
		t.Errorf("caption span ends at %d, want %d", got, want)
	}
	if got, want := spans[1].style, styleFaint; got != want {
		t.Errorf("credit style = %v, want %v", got, want)
	}
	if rs, _ := captionRunes("", "Photo: P"); string(rs) != "Photo: P" {
		t.Errorf("credit alone = %q", string(rs))
	}
}

func TestReaderImage(t *testing.T) {
	var buf bytes.Buffer
	img := image.NewRGBA(image.Rect(0, 0, 40, 20))
	img.Set(1, 1, color.RGBA{R: 255, A: 255})
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	pic := archive.Image{SHA256: sha(buf.Bytes()), MIME: "image/png", Data: buf.Bytes()}
	s := openStore(t)
	ids := addCapture(t, s, textCapture(&archive.Article{
		Title:   "Pictured",
		Blocks:  []archive.Block{{Kind: archive.Paragraph, Text: "Before."}, {Kind: archive.FigureRef}},
		Figures: []archive.Figure{{Image: "p.png", ImageSHA: pic.SHA256, Caption: "A red dot.", Credit: "Test"}},
	}, pic))

	u, q := newTestUI(t, s)
	waitFor(t, q, "the list", func() bool { return u.list.length() == 1 })
	u.reader.show(ids[0])
	waitFor(t, q, "the figure", func() bool { return len(u.reader.view.items) > 0 && u.reader.view.items[0].text == "Pictured" })

	var shown *canvas.Image
	for _, b := range u.reader.view.shown {
		if b.img != nil && b.img.Image != nil {
			shown = b.img
		}
	}
	if shown == nil {
		t.Fatal("the reader shows no image")
	}
	if got, want := shown.Size().Height, float32(20); got != want {
		t.Errorf("image height = %v, want %v (natural size, not enlarged)", got, want)
	}
	if texts := u.reader.view.visibleText(); !containsText(texts, "A red dot.  Test") {
		t.Errorf("reader shows %q, want the caption with its credit", texts)
	}
}

func TestBlockViewVirtualises(t *testing.T) {
	u, q := newTestUI(t, openStore(t))
	q.drain()
	var items []readerItem
	for i := 0; i < 500; i++ {
		items = append(items, readerItem{kind: itemParagraph, text: "A paragraph long enough to wrap onto a second line in a narrow reader pane, or so."})
	}
	u.showWelcome(false)
	v := u.reader.view
	v.setItems(items)
	shown := len(v.page.content.Objects)
	if shown == 0 || shown > 60 {
		t.Fatalf("%d of 500 items have objects, want only those in view", shown)
	}
	v.scroll.ScrollToBottom()
	v.showVisible()
	if _, ok := v.shown[499]; !ok {
		t.Error("after scrolling to the bottom the last item has no objects")
	}
	if got := len(v.spare) + len(v.page.content.Objects); got > 2*shown+5 {
		t.Errorf("%d item boxes made for %d in view; they should be reused", got, shown)
	}
}
