package blockview

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
)

// A paragraph of the Wikipedia page on the Mona Lisa (wcxb-dev), with
// its links and emphasis as the page marks them.
const monaText = "The Mona Lisa is a half-length portrait painting by Italian artist Leonardo da Vinci. Considered an archetypal masterpiece of the Italian Renaissance, it has been described as \"the best known, the most visited, the most written about, the most sung about, the most parodied work of art in the world\"."

func monaItem() Item {
	return Item{Kind: Paragraph, Text: monaText, InBody: true, Spans: []Span{
		{Start: 4, End: 13, Kind: SpanStrong},
		{Start: 31, End: 48, Kind: SpanLink, Href: "https://en.wikipedia.org/wiki/Portrait_painting"},
		{Start: 67, End: 84, Kind: SpanLink, Href: "https://en.wikipedia.org/wiki/Leonardo_da_Vinci"},
		{Start: 130, End: 149, Kind: SpanEm},
		{Start: 130, End: 149, Kind: SpanLink, Href: "https://en.wikipedia.org/wiki/Italian_Renaissance"},
	}}
}

func TestApplySpans(t *testing.T) {
	it := monaItem()
	rs, spans := it.runes()
	if string(rs) != monaText {
		t.Fatalf("text changed by spans: %q", string(rs))
	}
	for _, tt := range []struct {
		at   int
		want spanStyle
	}{
		{0, styleBody},
		{5, styleBody.with(SpanStrong)},
		{35, styleBody.with(SpanLink)},
		{48, styleBody},
		{135, styleBody.with(SpanEm).with(SpanLink)},
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
	v.SetItems([]Item{{Kind: Title, Text: "Mona Lisa"}, monaItem()})
	var got []string
	v.OnHref = func(href string) { got = append(got, href) }
	v.page.Tapped(&fyne.PointEvent{Position: v.PointAt(1, 70)})
	v.page.Tapped(&fyne.PointEvent{Position: v.PointAt(1, 60)})
	if len(got) != 1 || got[0] != "https://en.wikipedia.org/wiki/Leonardo_da_Vinci" {
		t.Errorf("tapped links %q, want Leonardo da Vinci's once", got)
	}
	v.page.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: v.PointAt(1, 135)}})
	if !v.page.overLink {
		t.Error("the pointer over a link is not noted")
	}
}

// TestLinkDrawn checks that a link is drawn in the hyperlink colour with
// a line under it, and plain text is not.
func TestLinkDrawn(t *testing.T) {
	v := newTestView(t)
	v.SetItems([]Item{monaItem()})
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
	if want := "portrait paintingLeonardo da VinciItalian Renaissance"; joined != want {
		t.Errorf("link texts %q, want the three links", texts)
	}
	if lines < 3 {
		t.Errorf("%d lines under links, want one at least per link", lines)
	}
}

// TestSelectionAcrossSpans selects from inside a link to inside the
// emphasis: the selected text and body offsets are the plain text's.
func TestSelectionAcrossSpans(t *testing.T) {
	v := newTestView(t)
	v.SetItems([]Item{monaItem()})
	v.SetSelection(Pos{0, 40}, Pos{0, 133})
	if got, want := v.SelectedText(), monaText[40:133]; got != want {
		t.Errorf("selected %q, want %q", got, want)
	}
	if s, e, ok := v.SelectionInBody(); !ok || s != 40 || e != 133 {
		t.Errorf("selection in body = %d, %d, %v; want 40, 133", s, e, ok)
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
