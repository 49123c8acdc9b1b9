package blockview

import (
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// Links in the text: the pointer turns into a hand over them, and a tap
// hands their address to View.OnHref.

// runeAt returns the rune under p (layout coordinates), -1 when p is
// beside the text of its line, above or below the text.
func (t *textLayout) runeAt(p fyne.Position) int {
	if len(t.lines) == 0 || p.Y < 0 || p.Y >= t.height || p.X < 0 {
		return -1
	}
	l := t.lines[t.lineAt(p.Y)]
	k := sort.Search(l.end-l.start, func(k int) bool { return t.width(l.start, l.start+k+1) > p.X })
	if k >= l.end-l.start {
		return -1
	}
	return l.start + k
}

// hrefAt returns the address and the text of the link under p (page
// coordinates).
func (v *View) hrefAt(p fyne.Position) (href, text string, ok bool) {
	i := v.itemAt(p.Y)
	if i < 0 || v.layouts[i] == nil {
		return "", "", false
	}
	it := &v.items[i]
	local := fyne.NewPos(p.X-v.left(it), p.Y-v.tops[i])
	if it.Kind == Table {
		return v.tableHrefAt(i, local)
	}
	if len(it.Spans) == 0 {
		return "", "", false
	}
	k := v.layouts[i].runeAt(local)
	if k < 0 {
		return "", "", false
	}
	return linkAt(v.layouts[i].runes, it.Spans, k)
}

// followLink calls OnHref if p is on a link; true if it was.
func (v *View) followLink(p fyne.Position) bool {
	href, text, ok := v.hrefAt(p)
	if !ok || v.OnHref == nil {
		return false
	}
	v.OnHref(href, text)
	return true
}

// MouseIn is part of desktop.Hoverable.
func (p *Page) MouseIn(ev *desktop.MouseEvent) { p.MouseMoved(ev) }

// MouseMoved notes whether the pointer is over a link, for Cursor.
func (p *Page) MouseMoved(ev *desktop.MouseEvent) {
	_, _, p.overLink = p.v.hrefAt(ev.Position)
}

// MouseOut is part of desktop.Hoverable.
func (p *Page) MouseOut() { p.overLink = false }
