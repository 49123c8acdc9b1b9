// Package fitline draws one-line texts cut to their width at a word,
// with an ellipsis, at a fraction of a truncating widget.Label's cost:
// Line (a list row's title, or its site and date) and Snippet (a search
// snippet with its matches marked). The widths of words are kept, so a
// line is fitted by adding them up rather than by shaping it again.
package fitline

import (
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// listWords keeps the widths of the words of the list's one-line texts
// (snippets), as fyne.MeasureText gives them. Measuring a text shapes it,
// and a line new to Fyne's cache is shaped anew; words recur from row to
// row and query to query, so a line is fitted to its width by adding up
// the widths of its words instead.
var listWords = &wordWidths{m: map[wordKey]float32{}}

// maxListWords bounds the cache of the list's words.
const maxListWords = 50_000

// wordWidths is a cache of word widths, safe for concurrent use.
type wordWidths struct {
	mu sync.Mutex
	m  map[wordKey]float32
}

// wordKey is a word measured at a size in a style.
type wordKey struct {
	text  string
	size  float32
	style fyne.TextStyle
}

// width returns the width of s (a word, a space or an ellipsis).
func (c *wordWidths) width(s string, size float32, style fyne.TextStyle) float32 {
	if s == "" {
		return 0
	}
	k := wordKey{s, size, style}
	c.mu.Lock()
	w, ok := c.m[k]
	c.mu.Unlock()
	if ok {
		return w
	}
	w = fyne.MeasureText(s, size, style).Width
	c.mu.Lock()
	if len(c.m) >= maxListWords {
		clear(c.m)
	}
	c.m[k] = w
	c.mu.Unlock()
	return w
}

// line returns the width of text: its words and the single spaces between
// them (kerning across a space is left out).
func (c *wordWidths) line(text string, size float32, style fyne.TextStyle) float32 {
	space := c.width(" ", size, style)
	var w float32
	for i, word := range strings.Split(text, " ") {
		if i > 0 {
			w += space
		}
		w += c.width(word, size, style)
	}
	return w
}

// fit returns the longest start of text that ends at a word and fits
// width with an ellipsis after it, and its width. A first word too long
// for the width is cut between letters.
func (c *wordWidths) fit(text string, width, size float32, style fyne.TextStyle) (string, float32) {
	space, ell := c.width(" ", size, style), c.width("…", size, style)
	var w float32
	end, endW := -1, float32(0) // the cut after the last word that fits
	pos := 0
	for i, word := range strings.Split(text, " ") {
		if i > 0 {
			w += space
		}
		w += c.width(word, size, style)
		if w+ell > width {
			break
		}
		pos += len(word)
		if word != "" {
			end, endW = pos, w
		}
		pos++ // the space after it
	}
	if end <= 0 {
		cut := cutToWidth(text, width, size, style)
		return cut, fyne.MeasureText(cut, size, style).Width
	}
	return text[:end] + "…", endW + ell
}

// Line is one line of text that ends with an ellipsis, at a word,
// where its width ends: a row's title or its site and date. It does what
// a truncating widget.Label does for the list at a fraction of the cost
// (the label shapes each new text again to find where to cut).
type Line struct {
	widget.BaseWidget
	text     string
	sizeName fyne.ThemeSizeName
	bold     bool
}

// New returns an empty line of text of the theme's size sizeName.
func New(sizeName fyne.ThemeSizeName) *Line {
	l := &Line{sizeName: sizeName}
	l.ExtendBaseWidget(l)
	return l
}

// Set shows text, in bold or not.
func (l *Line) Set(text string, bold bool) {
	if text == l.text && bold == l.bold {
		return
	}
	l.text, l.bold = text, bold
	l.Refresh()
}

// Text returns the text shown (before it is cut to the width).
func (l *Line) Text() string { return l.text }

// CreateRenderer is part of fyne.Widget.
func (l *Line) CreateRenderer() fyne.WidgetRenderer {
	r := &fitLineRenderer{l: l, t: &canvas.Text{}}
	r.Refresh()
	return r
}

// fitLineRenderer draws a Line: one text, cut to the width.
type fitLineRenderer struct {
	l *Line
	t *canvas.Text
}

func (r *fitLineRenderer) style() (float32, fyne.TextStyle) {
	return theme.Size(r.l.sizeName), fyne.TextStyle{Bold: r.l.bold}
}

func (r *fitLineRenderer) MinSize() fyne.Size {
	size, style := r.style()
	pad := theme.InnerPadding()
	return fyne.NewSize(2*pad, fyne.MeasureText("M", size, style).Height+2*pad)
}

func (r *fitLineRenderer) Layout(size fyne.Size) {
	ts, style := r.style()
	pad := theme.InnerPadding()
	text, width := r.l.text, size.Width-2*pad
	w := listWords.line(text, ts, style)
	if w > width {
		text, w = listWords.fit(text, max(width, 0), ts, style)
	}
	r.t.Text, r.t.TextSize, r.t.TextStyle = text, ts, style
	r.t.Color = theme.Color(theme.ColorNameForeground)
	r.t.Move(fyne.NewPos(pad, pad))
	r.t.Resize(fyne.NewSize(w, fyne.MeasureText("M", ts, style).Height))
	r.t.Refresh()
}

func (r *fitLineRenderer) Refresh()                     { r.Layout(r.l.Size()) }
func (r *fitLineRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.t} }
func (r *fitLineRenderer) Destroy()                     {}
