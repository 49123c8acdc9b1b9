package blockview

import (
	"sort"
	"strings"

	"fyne.io/fyne/v2"
)

// Pos is a place in the view's text: before rune Char of item Item.
type Pos struct{ Item, Char int }

func (a Pos) less(b Pos) bool {
	return a.Item < b.Item || a.Item == b.Item && a.Char < b.Char
}

// selection is the text selected in the view, from where it was started
// (anchor) to where it was extended (caret).
type selection struct{ anchor, caret Pos }

func (s selection) empty() bool { return s.anchor == s.caret }

// ordered returns the ends of the selection, first one first.
func (s selection) ordered() (Pos, Pos) {
	if s.caret.less(s.anchor) {
		return s.caret, s.anchor
	}
	return s.anchor, s.caret
}

// inItem returns the runes of item i (of n runes) that are selected.
func (s selection) inItem(i, n int) (int, int, bool) {
	a, b := s.ordered()
	if s.empty() || i < a.Item || i > b.Item {
		return 0, 0, false
	}
	st, en := 0, n
	if i == a.Item {
		st = a.Char
	}
	if i == b.Item {
		en = b.Char
	}
	return st, en, st < en
}

// hit returns the place in the text nearest to p, in page coordinates.
func (v *View) hit(p fyne.Position) Pos {
	n := len(v.items)
	if n == 0 || len(v.tops) <= n {
		return Pos{}
	}
	if p.Y < v.tops[0] {
		return Pos{0, 0}
	}
	i := sort.Search(n, func(i int) bool { return v.tops[i+1] > p.Y })
	if i >= n {
		return Pos{n - 1, v.itemLen(n - 1)}
	}
	it := &v.items[i]
	local := fyne.NewPos(p.X-v.left(it), p.Y-v.tops[i])
	if _, ok := v.tables[i]; ok {
		return Pos{i, v.tableHit(i, local)}
	}
	if l := v.layouts[i]; l != nil {
		return Pos{i, l.hit(local)}
	}
	return Pos{i, 0}
}

// itemLen is the number of runes of item i; 0 for an image.
func (v *View) itemLen(i int) int {
	if l := v.layouts[i]; l != nil {
		return len(l.runes)
	}
	return 0
}

// SetSelection selects from anchor to caret and draws it; two equal
// places select nothing.
func (v *View) SetSelection(anchor, caret Pos) {
	s := selection{anchor, caret}
	if s == v.sel {
		return
	}
	v.sel = s
	v.redraw()
	if v.OnSelect != nil {
		v.OnSelect()
	}
}

// HasSelection reports whether some text is selected.
func (v *View) HasSelection() bool { return !v.sel.empty() }

// SelectAll selects the whole article.
func (v *View) SelectAll() {
	if n := len(v.items); n > 0 {
		v.SetSelection(Pos{0, 0}, Pos{n - 1, v.itemLen(n - 1)})
	}
}

// SelectedText returns the selected text, items joined by newlines.
func (v *View) SelectedText() string {
	var parts []string
	a, b := v.sel.ordered()
	for i := a.Item; i <= b.Item && i < len(v.items); i++ {
		if s, e, ok := v.sel.inItem(i, v.itemLen(i)); ok {
			parts = append(parts, string(v.layouts[i].runes[s:e]))
		}
	}
	return strings.Join(parts, "\n")
}

// SelectionInBody returns the runes [start, end) of the article body
// (Article.Text()) that the selection covers: from its first selected
// body character to its last. ok is false when it covers no body text
// (only the title, say).
func (v *View) SelectionInBody() (start, end int, ok bool) {
	a, b := v.sel.ordered()
	for i := a.Item; i <= b.Item && i < len(v.items); i++ {
		it := &v.items[i]
		s, e, sel := v.sel.inItem(i, v.itemLen(i))
		bs, be, body := it.bodyRange(v.itemLen(i))
		if !sel || !body {
			continue
		}
		s, e = max(s-it.Prefix, 0)+bs, max(e-it.Prefix, 0)+bs
		if e <= s || s >= be {
			continue
		}
		if !ok {
			start, ok = s, true
		}
		end = min(e, be)
	}
	return start, end, ok
}

// SelectBody selects runes [start, end) of the article body and scrolls
// to them; false when they are not shown (another version, say).
func (v *View) SelectBody(start, end int) bool {
	var from, to Pos
	found := false
	for i := range v.items {
		it := &v.items[i]
		bs, be, ok := it.bodyRange(v.itemLen(i))
		if !ok || be <= start || bs >= end {
			continue
		}
		if !found {
			from, found = Pos{i, it.Prefix + max(start, bs) - bs}, true
		}
		to = Pos{i, it.Prefix + min(end, be) - bs}
	}
	if !found {
		return false
	}
	v.ScrollToItem(from.Item, 0.4)
	v.SetSelection(from, to)
	return true
}

// markAt returns the highlight at pos, the last drawn if several.
func (v *View) markAt(pos Pos) (int64, bool) {
	it := &v.items[pos.Item]
	bs, _, ok := it.bodyRange(v.itemLen(pos.Item))
	if !ok || pos.Char < it.Prefix {
		return 0, false
	}
	at := bs + pos.Char - it.Prefix
	for k := len(v.marks) - 1; k >= 0; k-- {
		if m := v.marks[k]; m.Start <= at && at < m.End {
			return m.ID, true
		}
	}
	return 0, false
}

// SetMarks replaces the highlights drawn.
func (v *View) SetMarks(marks []Mark) {
	v.marks = marks
	v.redraw()
}
