package app

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/clippings/clippings/app/blockview"
	"github.com/clippings/clippings/archive"
)

func TestArticleItems(t *testing.T) {
	a := &archive.Article{
		Title:      "Title",
		Standfirst: "Standfirst",
		Byline:     "A. Writer",
		Site:       "Example",
		Published:  time.Date(2024, 5, 6, 0, 0, 0, 0, time.UTC),
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
		kind   blockview.Kind
		text   string
		indent int
	}
	var got []item
	for _, it := range articleItems(a, nil, []relatedLink{{Link: a.Related[0]}}) {
		got = append(got, item{it.Kind, it.Text, it.Indent})
	}
	want := []item{
		{blockview.Title, "Title", 0},
		{blockview.Standfirst, "Standfirst", 0},
		{blockview.Byline, "A. Writer", 0},
		{blockview.Meta, "Example · 6 May 2024", 0},
		{blockview.Paragraph, "First.", 0},
		{blockview.Heading, "Section", 0},
		{blockview.Subheading, "Subsection", 0},
		{blockview.ListItem, "1. one", 1},
		{blockview.ListItem, "• nested", 2},
		{blockview.ListItem, "2. two", 1},
		{blockview.ListItem, "1. again one", 1},
		{blockview.Quote, "Quoted.", 1},
		{blockview.MissingImage, "[Image not saved: Alt]", 0},
		{blockview.Caption, "Caption.", 0},
		{blockview.Heading, "Related", 0},
		{blockview.Link, "• Further", 1},
	}
	if !slices.Equal(got, want) {
		t.Errorf("items:\n got %v\nwant %v", got, want)
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
	waitFor(t, q, "the figure", func() bool { text, _ := u.reader.view.ItemText(0); return text == "Pictured" })

	var shown *canvas.Image
	for _, o := range test.LaidOutObjects(u.reader.view) {
		if img, ok := o.(*canvas.Image); ok && img.Image != nil {
			shown = img
		}
	}
	if shown == nil {
		t.Fatal("the reader shows no image")
	}
	if got, want := shown.Size().Height, float32(20); got != want {
		t.Errorf("image height = %v, want %v (natural size, not enlarged)", got, want)
	}
	if texts := u.reader.view.VisibleText(); !containsText(texts, "A red dot.  Test") {
		t.Errorf("reader shows %q, want the caption with its credit", texts)
	}
}

// TestReaderAlone builds the reader alone on a temporary archive: it
// shows an article, marks it read, and a highlight of a selection is
// stored and reported to onAnnotated.
func TestReaderAlone(t *testing.T) {
	s := openStore(t)
	ids := addFile(t, s, sealsFile)
	e, q := newTestEnv(t)
	var read []int64
	annotated := map[int64]bool{}
	r := &reader{env: e, lib: s, clip: fyne.CurrentApp().Clipboard(), scale: 1,
		onKey: func(rune) bool { return false }, onRead: func(id int64) { read = append(read, id) },
		onZoom: func(int) {}, onChanged: func() {}, onTagsChanged: func() {}, tagNames: func() []string { return nil },
		onAnnotated: func(id int64, has bool) { annotated[id] = has }}
	e.win.SetContent(r.buildUI())
	r.show(ids[0])
	waitFor(t, q, "the article", func() bool { return r.doc != nil && r.doc.id == ids[0] })
	if got := e.win.Title(); got != sealsTitle+" — Clippings" {
		t.Errorf("window title = %q", got)
	}
	if !slices.Equal(read, ids[:1]) {
		t.Errorf("marked read %v, want %v", read, ids[:1])
	}
	v := r.view
	p := itemIndex(t, v, sealsP2)
	from := runeIndex(v, p, "the dunes")
	v.SetSelection(blockview.Pos{Item: p, Char: from}, blockview.Pos{Item: p, Char: from + len("the dunes")})
	r.highlight("green", "")
	waitFor(t, q, "the highlight", func() bool { return len(v.Marks()) == 1 })
	if !annotated[ids[0]] {
		t.Error("onAnnotated was not told of the highlight")
	}
}
