package blockview

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
)

// The first paragraph of Wikipedia's page on Mozilla (mozilla/wikipedia
// in ../shared/corpus), with its links, bold and footnote marks.
const mozText = "Mozilla is a free-software community, created in 1998 by members of Netscape. The Mozilla community uses, develops, spreads and supports Mozilla products, thereby promoting exclusively free software and open standards, with only minor exceptions.[1] The community is supported institutionally by the Mozilla Foundation and its tax-paying subsidiary, the Mozilla Corporation.[2]"

func mozItem() Item {
	return Item{Kind: Paragraph, Text: mozText, InBody: true, Spans: []Span{
		{Start: 0, End: 7, Kind: SpanStrong},
		{Start: 13, End: 26, Kind: SpanLink, Href: "http://fakehost/wiki/Free_software"},
		{Start: 68, End: 76, Kind: SpanLink, Href: "http://fakehost/wiki/Netscape"},
		{Start: 246, End: 249, Kind: SpanSup},
		{Start: 246, End: 249, Kind: SpanLink, Href: "http://fakehost/wiki/Mozilla#cite_note-1"},
		{Start: 300, End: 318, Kind: SpanLink, Href: "http://fakehost/wiki/Mozilla_Foundation"},
	}}
}

func TestApplySpans(t *testing.T) {
	it := mozItem()
	rs, spans := it.runes()
	if string(rs) != mozText {
		t.Fatalf("text changed by spans: %q", string(rs))
	}
	for _, tt := range []struct {
		at   int
		want spanStyle
	}{
		{3, styleBody.with(SpanStrong)},
		{8, styleBody},
		{15, styleBody.with(SpanLink)},
		{26, styleBody},
		{247, styleBody.with(SpanSup).with(SpanLink)},
	} {
		if got := styleIn(spans, tt.at); got != tt.want {
			t.Errorf("style of rune %d (%q) = %+v, want %+v", tt.at, string(rs[tt.at]), got, tt.want)
		}
	}
	if got := spans[len(spans)-1].end; got != len(rs) {
		t.Errorf("spans end at %d, want %d", got, len(rs))
	}
	sub := styleBody.with(SpanSub)
	if sub.shift != shiftSub || sub.size != theme.SizeNameCaptionText {
		t.Errorf("subscript style %+v", sub)
	}
	if code := styleBody.with(SpanCode); !code.style.Monospace || !code.shade {
		t.Errorf("code style %+v", code)
	}
}

// TestLinkTapped taps a link of the text: its address goes to OnHref,
// and a tap on plain text beside it does not.
func TestLinkTapped(t *testing.T) {
	v := newTestView(t)
	v.SetItems([]Item{{Kind: Title, Text: "Mozilla"}, mozItem()})
	var got []string
	v.OnHref = func(href, text string) { got = append(got, href+" "+text) }
	v.page.Tapped(&fyne.PointEvent{Position: v.PointAt(1, 71)})
	v.page.Tapped(&fyne.PointEvent{Position: v.PointAt(1, 60)})
	if len(got) != 1 || got[0] != "http://fakehost/wiki/Netscape Netscape" {
		t.Errorf("tapped links %q, want Netscape's once", got)
	}
	v.page.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: v.PointAt(1, 305)}})
	if !v.page.overLink {
		t.Error("the pointer over a link is not noted")
	}
}

// TestLinkDrawn checks that a link is drawn in the hyperlink colour with
// a line under it, and plain text is not.
func TestLinkDrawn(t *testing.T) {
	v := newTestView(t)
	v.SetItems([]Item{mozItem()})
	link := theme.ColorForWidget(theme.ColorNameHyperlink, v)
	var texts []string
	var lines int
	for _, o := range v.shown[0].box.Objects {
		switch o := o.(type) {
		case *canvas.Text:
			if o.Color == link {
				texts = append(texts, o.Text)
			}
		case *canvas.Rectangle:
			if o.FillColor == link && o.Size().Height <= 2 {
				lines++
			}
		}
	}
	joined := ""
	for _, s := range texts {
		joined += s
	}
	if want := "free-softwareNetscape[1]Mozilla Foundation"; joined != want {
		t.Errorf("link texts %q, want the four links", texts)
	}
	if lines < 4 {
		t.Errorf("%d lines under links, want one at least per link", lines)
	}
}

// TestSelectionAcrossSpans selects from inside a link to inside a
// footnote mark: the selected text and body offsets are the plain text's.
func TestSelectionAcrossSpans(t *testing.T) {
	v := newTestView(t)
	v.SetItems([]Item{mozItem()})
	v.SetSelection(Pos{0, 20}, Pos{0, 248})
	if got, want := v.SelectedText(), mozText[20:248]; got != want {
		t.Errorf("selected %q, want %q", got, want)
	}
	if s, e, ok := v.SelectionInBody(); !ok || s != 20 || e != 248 {
		t.Errorf("selection in body = %d, %d, %v; want 20, 248", s, e, ok)
	}
	v.SetMarks([]Mark{{ID: 1, Start: 20, End: 70, Color: "green"}})
	found := false
	for _, o := range v.shown[0].box.Objects {
		if r, ok := o.(*canvas.Rectangle); ok && r.FillColor == HighlightColor("green") {
			found = true
		}
	}
	if !found {
		t.Error("a highlight across a link is not drawn")
	}
}
