package fitline

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/clippings/clippings/archive"
)

// Snippet draws a search snippet on one line, the matched terms in
// bold and the primary colour, cut with an ellipsis where the width ends.
type Snippet struct {
	widget.BaseWidget
	spans []archive.Span
}

// NewSnippet returns an empty snippet line.
func NewSnippet() *Snippet {
	s := &Snippet{}
	s.ExtendBaseWidget(s)
	return s
}

// SetSpans shows spans, with runs of white space made one space.
func (s *Snippet) SetSpans(spans []archive.Span) {
	s.spans = s.spans[:0]
	for _, sp := range spans {
		text := strings.Join(strings.Fields(sp.Text), " ")
		if text == "" {
			continue
		}
		if strings.TrimLeft(sp.Text, " \n\t") != sp.Text {
			text = " " + text
		}
		if strings.TrimRight(sp.Text, " \n\t") != sp.Text {
			text += " "
		}
		s.spans = append(s.spans, archive.Span{Text: text, Match: sp.Match})
	}
	if len(s.spans) > 1 && !s.spans[0].Match {
		s.spans[0].Text = lastWords(s.spans[0].Text, leadContext)
	}
	s.Refresh()
}

// CreateRenderer is part of fyne.Widget.
func (s *Snippet) CreateRenderer() fyne.WidgetRenderer { return &snippetRenderer{s: s} }

// snippetRenderer draws a Snippet: a text per span, the last one cut.
type snippetRenderer struct {
	s     *Snippet
	texts []*canvas.Text
	objs  []fyne.CanvasObject
}

func (r *snippetRenderer) MinSize() fyne.Size {
	return fyne.NewSize(0, fyne.MeasureText("M", theme.CaptionTextSize(), fyne.TextStyle{}).Height+theme.Padding())
}

func (r *snippetRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *snippetRenderer) Destroy()                     {}
func (r *snippetRenderer) Refresh()                     { r.Layout(r.s.Size()) }

// Layout places the spans side by side and cuts the one that does not
// fit.
func (r *snippetRenderer) Layout(size fyne.Size) {
	r.objs = r.objs[:0]
	x, width := theme.InnerPadding(), size.Width-theme.InnerPadding()
	ts := theme.CaptionTextSize()
	height := fyne.MeasureText("M", ts, fyne.TextStyle{}).Height
	for i, sp := range r.s.spans {
		if x >= width {
			break
		}
		style := fyne.TextStyle{Bold: sp.Match}
		text := sp.Text
		w := listWords.line(text, ts, style)
		cut := x+w > width
		if cut {
			text, w = listWords.fit(text, width-x, ts, style)
		}
		t := r.text(i)
		t.Text, t.TextSize, t.TextStyle = text, ts, style
		t.Color = theme.Color(theme.ColorNameForeground)
		if sp.Match {
			t.Color = theme.Color(theme.ColorNamePrimary)
		}
		t.Move(fyne.NewPos(x, theme.Padding()/2))
		t.Resize(fyne.NewSize(w, height))
		t.Refresh()
		r.objs = append(r.objs, t)
		x += w
		if cut {
			break
		}
	}
}

func (r *snippetRenderer) text(i int) *canvas.Text {
	for len(r.texts) <= i {
		r.texts = append(r.texts, &canvas.Text{})
	}
	return r.texts[i]
}

// cutToWidth returns the longest start of text that fits width with an
// ellipsis after it.
func cutToWidth(text string, width, size float32, style fyne.TextStyle) string {
	rs := []rune(text)
	lo, hi := 0, len(rs)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(string(rs[:mid])+"…", size, style).Width <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		return ""
	}
	return strings.TrimRight(string(rs[:lo]), " ") + "…"
}

// leadContext is how many characters of text a snippet keeps before its
// first match, so that the match shows in a narrow list.
const leadContext = 40

// lastWords returns the end of text, at most n runes, from a word start,
// after an ellipsis.
func lastWords(text string, n int) string {
	rs := []rune(text)
	if len(rs) <= n {
		return text
	}
	tail := string(rs[len(rs)-n:])
	if i := strings.IndexByte(tail, ' '); i >= 0 && i < len(tail)-1 {
		tail = tail[i+1:]
	}
	return "…" + tail
}
