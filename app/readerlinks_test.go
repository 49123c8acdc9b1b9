package app

import (
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/clippings/clippings/app/blockview"
	"github.com/clippings/clippings/archive"
)

// mozilla is the start of Wikipedia's page on Mozilla (mozilla/wikipedia
// in ../shared/corpus) as the importer's body model holds it: the first
// paragraph with its links, bold and footnote marks, the infobox as a
// table, a definition and a footnote. Link and mark offsets are in bytes.
func mozilla() *archive.Article {
	p := "Mozilla is a free-software community, created in 1998 by members of Netscape. The Mozilla community uses, develops, spreads and supports Mozilla products, thereby promoting exclusively free software and open standards, with only minor exceptions.[1]"
	link := func(text, sub, href string) archive.Inline {
		i := strings.Index(text, sub)
		return archive.Inline{Start: i, End: i + len(sub), Kind: archive.InlineLink, Href: href}
	}
	founded := "February\u00a028, 1998; 18 years ago"
	rows := [][]archive.Cell{
		{{Text: "Industry", Header: true}, {Text: "Open-source software", Inline: []archive.Inline{{Start: 0, End: 20, Kind: archive.InlineLink, Href: "http://fakehost/wiki/Open-source_software"}}}},
		{{Text: "Founded", Header: true}, {Text: founded}},
		{{Text: "Founder", Header: true}, {Text: "Netscape Communications Corporation", Inline: []archive.Inline{{Start: 0, End: 35, Kind: archive.InlineLink, Href: "http://fakehost/wiki/Netscape"}}}},
		{{Text: "Website", Header: true}, {Text: "mozilla.org", Inline: []archive.Inline{{Start: 0, End: 11, Kind: archive.InlineLink, Href: "file:///etc/passwd"}}}},
	}
	var table []string
	for _, r := range rows {
		table = append(table, r[0].Text+"\t"+r[1].Text)
	}
	note := "Mozilla Manifesto"
	return &archive.Article{Title: "Mozilla", URL: "http://fakehost/wiki/Mozilla", Blocks: []archive.Block{
		{Kind: archive.Paragraph, Text: p, Inline: []archive.Inline{
			{Start: 0, End: 7, Kind: archive.InlineStrong},
			link(p, "free-software", "http://fakehost/wiki/Free_software"),
			link(p, "Netscape", "http://fakehost/wiki/Netscape?utm_source=wiki"),
			{Start: len(p) - 3, End: len(p), Kind: archive.InlineSup},
			{Start: len(p) - 3, End: len(p), Kind: archive.InlineLink, Href: "http://fakehost/wiki/Mozilla"},
		}},
		{Kind: archive.TableKind, Text: strings.Join(table, "\n"), Table: &archive.Table{Caption: "Mozilla", Rows: rows}},
		{Kind: archive.Term, Text: "Founded"},
		{Kind: archive.Define, Text: founded + ", by Netscape", Inline: []archive.Inline{link(founded+", by Netscape", "Netscape", "http://fakehost/wiki/Netscape")}},
		{Kind: archive.Footnote, Label: "1", Text: note, Inline: []archive.Inline{link(note, note, "https://www.mozilla.org/about/manifesto/")}},
	}}
}

func TestArticleItemsInline(t *testing.T) {
	a := mozilla()
	items := articleItems(a, nil, nil)
	byKind := map[blockview.Kind]blockview.Item{}
	for _, it := range items {
		if _, ok := byKind[it.Kind]; !ok {
			byKind[it.Kind] = it
		}
	}
	spanText := func(it blockview.Item, s blockview.Span) string {
		return string([]rune(it.Text)[s.Start:s.End])
	}
	p := byKind[blockview.Paragraph]
	var got []string
	for _, s := range p.Spans {
		got = append(got, spanText(p, s))
	}
	if want := "Mozilla|free-software|Netscape|[1]|[1]"; strings.Join(got, "|") != want {
		t.Errorf("paragraph spans %q, want %q", got, want)
	}
	tab := byKind[blockview.Table]
	if tab.Text != a.Blocks[1].Text || len(tab.Cells) != 4 {
		t.Fatalf("table item %q with %d rows", tab.Text, len(tab.Cells))
	}
	for _, row := range tab.Cells {
		for _, c := range row {
			if c.Start < 0 || string([]rune(tab.Text)[c.Start:c.Start+utf8.RuneCountInString(c.Text)]) != c.Text {
				t.Errorf("cell %q placed at rune %d of the table's text", c.Text, c.Start)
			}
		}
	}
	if c := tab.Cells[2][1]; len(c.Spans) != 1 || c.Spans[0].End != utf8.RuneCountInString(c.Text) || c.Header {
		t.Errorf("the founder's cell %+v: want one link over its text", c)
	}
	if c := byKind[blockview.Caption]; c.Text != "Mozilla" {
		t.Errorf("table caption %q", c.Text)
	}
	d := byKind[blockview.Definition]
	if len(d.Spans) != 1 || spanText(d, d.Spans[0]) != "Netscape" || d.Indent != 1 {
		t.Errorf("definition %+v: want Netscape linked, indented (offsets past a no-break space)", d)
	}
	if n := byKind[blockview.Footnote]; n.Text != "1 Mozilla Manifesto" || n.Prefix != 2 || len(n.Spans) != 2 || spanText(n, n.Spans[1]) != "Mozilla Manifesto" {
		t.Errorf("footnote %+v", n)
	}
	if byKind[blockview.Term].Text != "Founded" {
		t.Errorf("term %+v", byKind[blockview.Term])
	}
}

// openMozilla stores the Mozilla article and the Netscape one its links
// point to (at another form of the address), and shows Mozilla.
func openMozilla(t *testing.T) (*UI, *uiQueue, int64) {
	t.Helper()
	s := openStore(t)
	moz := addCapture(t, s, textCapture(mozilla()))[0]
	netscape := &archive.Article{Title: "Netscape", URL: "https://www.fakehost/wiki/Netscape/",
		Blocks: []archive.Block{{Kind: archive.Paragraph, Text: "Netscape Communications Corporation was an American software company."}}}
	ns := addCapture(t, s, textCapture(netscape))[0]
	u, q := newTestUI(t, s)
	u.reader.show(moz)
	waitFor(t, q, "the Mozilla article", func() bool { return u.reader.doc != nil && u.reader.doc.id == moz })
	return u, q, ns
}

// tapText taps the reader at the rune after the first sub in the item
// whose text starts with prefix.
func tapText(t *testing.T, u *UI, prefix, sub string) {
	t.Helper()
	v := u.reader.view
	i := itemIndex(t, v, prefix)
	v.ScrollToItem(i, 0)
	v.Page().Tapped(&fyne.PointEvent{Position: v.PointAt(i, runeIndex(v, i, sub)+1)})
}

func TestReaderFollowsLinks(t *testing.T) {
	t.Run("InArchive", func(t *testing.T) {
		u, q, ns := openMozilla(t)
		tapText(t, u, "Mozilla is", "Netscape")
		waitFor(t, q, "the Netscape article", func() bool { return u.reader.doc != nil && u.reader.doc.id == ns })
	})
	t.Run("InTable", func(t *testing.T) {
		u, q, ns := openMozilla(t)
		tapText(t, u, "Industry", "Netscape Communications")
		waitFor(t, q, "the Netscape article", func() bool { return u.reader.doc != nil && u.reader.doc.id == ns })
	})
	t.Run("Related", func(t *testing.T) {
		s := openStore(t)
		a := mozilla()
		a.Related = []archive.Link{{Title: "Netscape", URL: "http://fakehost/wiki/Netscape"}, {Title: "Gecko", URL: "http://fakehost/wiki/Gecko"}}
		moz := addCapture(t, s, textCapture(a))[0]
		ns := addCapture(t, s, textCapture(&archive.Article{Title: "Netscape", URL: "https://fakehost/wiki/Netscape",
			Blocks: []archive.Block{{Kind: archive.Paragraph, Text: "Netscape Communications Corporation."}}}))[0]
		u, q := newTestUI(t, s)
		u.reader.show(moz)
		waitFor(t, q, "the Mozilla article", func() bool { return u.reader.doc != nil && u.reader.doc.id == moz })
		tapText(t, u, "• Gecko", "Gecko")
		waitFor(t, q, "the browser question", func() bool { return containsText(overlayTexts(u), "not in the archive") })
		tapButton(t, u, "Cancel")
		tapText(t, u, "• Netscape", "Netscape")
		waitFor(t, q, "the Netscape article", func() bool { return u.reader.doc != nil && u.reader.doc.id == ns })
	})
	t.Run("Footnote", func(t *testing.T) {
		u, q, _ := openMozilla(t)
		v := u.reader.view
		v.Resize(fyne.NewSize(v.Size().Width, 200)) // the footnote below the fold
		note := itemIndex(t, v, "1 Mozilla Manifesto")
		if _, last := v.VisibleRange(); last > note {
			t.Fatalf("the footnote (item %d) is in view before the tap (items to %d)", note, last)
		}
		tapText(t, u, "Mozilla is", "[1]")
		q.drain()
		if first, last := v.VisibleRange(); note < first || note >= last {
			t.Errorf("after tapping the footnote mark items [%d, %d) are in view, not the footnote %d", first, last, note)
		}
		if u.reader.doc.article.Title != "Mozilla" || len(overlayTexts(u)) > 0 {
			t.Errorf("the footnote mark left the article or opened a dialog: %q", overlayTexts(u))
		}
	})
	t.Run("AsksForBrowser", func(t *testing.T) {
		u, q, _ := openMozilla(t)
		opened := &[]*url.URL{}
		u.reader.openURL = func(u *url.URL) error { *opened = append(*opened, u); return nil }
		tapText(t, u, "Mozilla is", "free-software")
		waitFor(t, q, "the browser question", func() bool { return containsText(overlayTexts(u), "not in the archive") })
		if len(*opened) != 0 {
			t.Fatal("the browser opened before the reader said yes")
		}
		tapButton(t, u, "Open in browser")
		if len(*opened) != 1 || (*opened)[0].String() != "http://fakehost/wiki/Free_software" {
			t.Errorf("opened %v, want the free software page once", *opened)
		}
	})
	t.Run("NeverFile", func(t *testing.T) {
		u, q, _ := openMozilla(t)
		opened := 0
		u.reader.openURL = func(*url.URL) error { opened++; return nil }
		tapText(t, u, "Industry", "mozilla.org")
		q.drain()
		if !containsText(overlayTexts(u), "not a web address") {
			t.Fatalf("a file: link shows %q", overlayTexts(u))
		}
		if labels := buttonLabels(u); containsText(labels, "Open in browser") || !containsText(labels, "Copy address") {
			t.Errorf("a file: link's dialog has the buttons %q: want Copy address, never Open in browser", labels)
		}
		if opened != 0 {
			t.Error("a file: link was opened")
		}
	})
}

// buttonLabels returns the labels of the visible buttons in the topmost
// dialog.
func buttonLabels(u *UI) []string {
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		return nil
	}
	var out []string
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok && b.Visible() {
			out = append(out, b.Text)
		}
	}
	return out
}

// TestTableSelectionInBody selects a cell of the table and text across a
// link: the highlight's offsets in Article.Text() hold that very text.
func TestTableSelectionInBody(t *testing.T) {
	u, _, _ := openMozilla(t)
	v, body := u.reader.view, []rune(u.reader.doc.article.Text())
	for _, tt := range []struct{ prefix, sub string }{
		{"Industry", "Netscape Communications Corporation"},
		{"Industry", "28, 1998"},
		{"Mozilla is", "software community, created in 1998 by members of Netscape"},
	} {
		i := itemIndex(t, v, tt.prefix)
		k := runeIndex(v, i, tt.sub)
		v.SetSelection(blockview.Pos{Item: i, Char: k}, blockview.Pos{Item: i, Char: k + utf8.RuneCountInString(tt.sub)})
		s, e, ok := v.SelectionInBody()
		if !ok || string(body[s:e]) != tt.sub {
			t.Errorf("selecting %q: the body's runes [%d, %d) are %q", tt.sub, s, e, string(body[s:e]))
		}
	}
}
