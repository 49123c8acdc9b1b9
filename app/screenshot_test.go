package app

import (
	"context"
	"image/png"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/clippings/clippings/archive"
)

// TestReaderScreenshot writes a picture of the reader showing the
// Mozilla article (its links, the infobox as a table, a definition, a
// footnote and highlights across a link and in a cell) to the PNG named
// by CLIPPINGS_SCREENSHOT, drawn by Fyne's software painter in the light
// theme (docs/screenshots/reader-links-table.png is the real window's,
// taken by scripts/screenshots.sh); it checks that the article is the one
// drawn, and is skipped without the variable.
func TestReaderScreenshot(t *testing.T) {
	out := os.Getenv("CLIPPINGS_SCREENSHOT")
	if out == "" {
		t.Skip("CLIPPINGS_SCREENSHOT names no file")
	}
	s := openStore(t)
	a := mozilla()
	a.Site, a.Byline = "Wikipedia", "Wikipedia contributors"
	second := "Mozilla produces many products such as the Firefox web browser, Thunderbird e-mail client, Firefox Mobile web browser, Firefox OS mobile operating system, Bugzilla bug tracking system and other projects."
	var marks []archive.Inline
	for _, sub := range []string{"Mozilla produces many products", "Firefox", "Thunderbird", "Firefox Mobile", "Firefox OS", "Bugzilla"} {
		i := strings.Index(second, sub)
		marks = append(marks, archive.Inline{Start: i, End: i + len(sub), Kind: archive.InlineLink,
			Href: "http://fakehost/wiki/" + strings.ReplaceAll(sub, " ", "_")})
	}
	a.Blocks = append(a.Blocks[:2:2], append([]archive.Block{{Kind: archive.Paragraph, Text: second, Inline: marks}}, a.Blocks[2:]...)...)
	id := addCapture(t, s, textCapture(a))[0]
	ctx := context.Background()
	for _, h := range []struct{ quote, color string }{{"free software and open standards", "yellow"}, {"Netscape Communications", "green"}} {
		if _, err := s.AddHighlight(ctx, id, archive.NewHighlight{Exact: h.quote, Color: h.color}); err != nil {
			t.Fatal(err)
		}
	}
	u, q := newTestUI(t, s)
	u.app.Preferences().SetString(prefTheme, "light")
	u.applyTheme()
	u.win.Resize(fyne.NewSize(1280, 800))
	u.reader.show(id)
	waitFor(t, q, "the Mozilla article", func() bool { return u.reader.doc != nil && u.reader.doc.id == id })
	q.drain()
	if !containsText(itemTexts(u.reader.view), "Netscape Communications Corporation") {
		t.Fatalf("the reader shows %q", itemTexts(u.reader.view))
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, u.win.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}
