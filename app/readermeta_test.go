package app

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/clippings/clippings/app/blockview"
	"github.com/clippings/clippings/archive"
)

func versioned(text string, captured time.Time) *archive.Capture {
	c := textCapture(&archive.Article{
		Title: "Summit talks", Site: "Example", URL: "https://example.org/summit",
		Blocks:  []archive.Block{{Kind: archive.Paragraph, Text: text}},
		Related: []archive.Link{{Title: "Earlier talks", URL: "https://example.org/earlier"}, {Title: "Elsewhere", URL: "https://elsewhere.example/x"}},
	})
	c.Articles[0].Captured = captured
	c.Articles[0].CaptureURL = "https://example.org/summit?utm=1"
	return c
}

func TestReaderMeta(t *testing.T) {
	s := openStore(t)
	ids := addCapture(t, s, versioned("The talks began on Monday.", time.Date(2019, 2, 1, 0, 0, 0, 0, time.UTC)))
	addCapture(t, s, versioned("The talks began on Monday and ended on Tuesday.", time.Date(2019, 2, 3, 0, 0, 0, 0, time.UTC)))
	// The related link says https://example.org/earlier; the page was
	// saved from the same address written otherwise.
	earlier := addCapture(t, s, textCapture(&archive.Article{Title: "Earlier talks", URL: "http://www.example.org/earlier/",
		Blocks: []archive.Block{{Kind: archive.Paragraph, Text: "Before."}}}))
	u, q := newTestUI(t, s)
	waitFor(t, q, "the list", func() bool { return u.list.length() == 2 })
	u.reader.show(ids[0])
	waitFor(t, q, "the article", func() bool { return u.reader.doc != nil && u.reader.doc.id == ids[0] })
	v, tools := u.reader.view, u.reader.tools

	t.Run("Provenance", func(t *testing.T) {
		texts := itemTexts(v)
		if !containsText(texts, "captured 3 Feb 2019") {
			t.Errorf("reader shows %q, want the captured date", texts)
		}
		if !containsText(texts, "From Summit talks.txt (text) · SHA-256 ") || !containsText(texts, "saved from https://example.org/summit?utm=1") {
			t.Errorf("reader shows %q, want the provenance line", texts)
		}
	})
	t.Run("Versions", func(t *testing.T) {
		if !tools.versions.Visible() || len(tools.versions.Options) != 2 {
			t.Fatalf("version picker shown %v with %q, want two versions", tools.versions.Visible(), tools.versions.Options)
		}
		if !strings.HasSuffix(tools.versions.Selected, "· current") {
			t.Errorf("picker shows %q, want the current version", tools.versions.Selected)
		}
		tools.versions.SetSelected(tools.versions.Options[0])
		waitFor(t, q, "version 1", func() bool { return u.reader.doc.version == 1 })
		if texts := itemTexts(v); !slices.Contains(texts, "The talks began on Monday.") {
			t.Errorf("version 1 shows %q", texts)
		}
		v.SetSelection(blockview.Pos{Item: 5, Char: 0}, blockview.Pos{Item: 5, Char: 5})
		u.reader.highlight("yellow", "")
		if got := overlayTexts(u); !containsText(got, "Show the current version") {
			t.Errorf("highlighting an old version says %q", got)
		}
		u.win.Canvas().Overlays().Top().Hide()
		tools.versions.SetSelected(tools.versions.Options[1])
		waitFor(t, q, "the current version", func() bool { return u.reader.doc.current() })
	})
	t.Run("LinkInArchiveOpens", func(t *testing.T) {
		i := itemIndex(t, v, "• Earlier talks")
		test.TapAt(v.Page(), pagePos(v, i, 3))
		waitFor(t, q, "the linked article", func() bool { return u.reader.doc.id == earlier[0] })
	})
	t.Run("LinkElsewhereShowsAddress", func(t *testing.T) {
		u.reader.show(ids[0])
		waitFor(t, q, "the article", func() bool { return u.reader.doc.id == ids[0] })
		i := itemIndex(t, v, "• Elsewhere")
		test.TapAt(v.Page(), pagePos(v, i, 3))
		tapButton(t, u, "Copy address")
		if got, want := u.app.Clipboard().Content(), "https://elsewhere.example/x"; got != want {
			t.Errorf("clipboard = %q, want %q", got, want)
		}
	})
	t.Run("FontSize", func(t *testing.T) {
		before := v.ContentHeight()
		u.zoomText(4)
		if got, want := u.prefs.fontSize(), float32(defaultFontSize+4); got != want {
			t.Errorf("font size = %v, want %v", got, want)
		}
		if after := v.ContentHeight(); after <= before {
			t.Errorf("article height %v after enlarging, was %v", after, before)
		}
		u.zoomText(-4)
	})
	t.Run("StarButton", func(t *testing.T) {
		test.Tap(tools.star)
		waitFor(t, q, "the star", func() bool { return tools.star.Text == "Starred" })
		if n, _ := s.SearchCount(context.Background(), "is:starred"); n != 1 {
			t.Errorf("%d starred, want 1", n)
		}
	})
}

func TestResolveLinks(t *testing.T) {
	s := openStore(t)
	held := addCapture(t, s, textCapture(&archive.Article{Title: "Held", URL: "https://news.example/held?utm_source=x",
		Blocks: []archive.Block{{Kind: archive.Paragraph, Text: "Kept."}}}))
	links := resolveLinks(context.Background(), s, []archive.Link{
		{URL: "https://news.example/held"}, {URL: "https://news.example/other"}, {URL: "mailto:a@b.example"}, {Title: "no address"}})
	for i, want := range []int64{held[0], 0, 0, 0} {
		if got := links[i].id; got != want {
			t.Errorf("link %d (%q) opens article %d, want %d", i, links[i].URL, got, want)
		}
	}
}
