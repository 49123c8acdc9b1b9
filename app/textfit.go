package app

import (
	"strings"
	"sync"

	"fyne.io/fyne/v2"
)

// listWords keeps the widths of the words of the list's one-line texts
// (snippets), as fyne.MeasureText gives them. Measuring a text shapes it,
// and a line new to Fyne's cache is shaped anew; words recur from row to
// row and query to query, so a line is fitted to its width by adding up
// the widths of its words instead.
var listWords = &wordWidths{m: map[measureKey]float32{}}

// maxListWords bounds the cache of the list's words.
const maxListWords = 50_000

// wordWidths is a cache of word widths, safe for concurrent use.
type wordWidths struct {
	mu sync.Mutex
	m  map[measureKey]float32
}

// width returns the width of s (a word, a space or an ellipsis).
func (c *wordWidths) width(s string, size float32, style fyne.TextStyle) float32 {
	if s == "" {
		return 0
	}
	k := measureKey{s, size, style}
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
