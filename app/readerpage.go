package app

import (
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// textPos is a place in the reader's text: before rune char of item.
type textPos struct{ item, char int }

func (a textPos) less(b textPos) bool {
	return a.item < b.item || a.item == b.item && a.char < b.char
}

// selection is the text selected in the reader, from where it was started
// (anchor) to where it was extended (caret).
type selection struct{ anchor, caret textPos }

func (s selection) empty() bool { return s.anchor == s.caret }

// ordered returns the ends of the selection, first one first.
func (s selection) ordered() (textPos, textPos) {
	if s.caret.less(s.anchor) {
		return s.caret, s.anchor
	}
	return s.anchor, s.caret
}

// inItem returns the runes of item i (of n runes) that are selected.
func (s selection) inItem(i, n int) (int, int, bool) {
	a, b := s.ordered()
	if s.empty() || i < a.item || i > b.item {
		return 0, 0, false
	}
	st, en := 0, n
	if i == a.item {
		st = a.char
	}
	if i == b.item {
		en = b.char
	}
	return st, en, st < en
}

// readerPage is the scrolled content of the reader: it holds the objects
// of the items in view and turns the mouse and the keyboard into a
// selection. Its coordinates are those of the whole article.
type readerPage struct {
	widget.BaseWidget
	v       *blockView
	content *fyne.Container
	pressed bool // a button went down on the page: drags extend the selection
}

func newReaderPage(v *blockView) *readerPage {
	p := &readerPage{v: v, content: container.NewWithoutLayout()}
	p.ExtendBaseWidget(p)
	return p
}

func (p *readerPage) setObjects(objs []fyne.CanvasObject) {
	p.content.Objects = objs
	canvas.Refresh(p.content)
}

// CreateRenderer links the page to its renderer; part of fyne.Widget.
func (p *readerPage) CreateRenderer() fyne.WidgetRenderer { return &pageRenderer{p} }

// Cursor shows the text cursor over the page; part of desktop.Cursorable.
func (p *readerPage) Cursor() desktop.Cursor { return desktop.TextCursor }

// MouseDown starts a selection, or extends it with Shift.
func (p *readerPage) MouseDown(ev *desktop.MouseEvent) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(p); c != nil {
		c.Focus(p)
	}
	if ev.Button != desktop.MouseButtonPrimary {
		return
	}
	pos := p.v.hit(ev.Position)
	if ev.Modifier&fyne.KeyModifierShift != 0 {
		p.v.setSelection(p.v.sel.anchor, pos)
	} else {
		p.v.setSelection(pos, pos)
	}
	p.pressed = true
}

// MouseUp ends a press; part of desktop.Mouseable.
func (p *readerPage) MouseUp(*desktop.MouseEvent) { p.pressed = false }

// Dragged extends the selection to the pointer, scrolling when it leaves
// the view. A drag without a press before it (the test driver's) starts
// where it began.
func (p *readerPage) Dragged(ev *fyne.DragEvent) {
	if !p.pressed {
		start := p.v.hit(ev.Position.Subtract(ev.Dragged))
		p.v.setSelection(start, start)
		p.pressed = true
	}
	p.v.setSelection(p.v.sel.anchor, p.v.hit(ev.Position))
	top, bottom := p.v.scroll.Offset.Y, p.v.scroll.Offset.Y+p.v.scroll.Size().Height
	switch {
	case ev.Position.Y < top:
		p.v.scrollBy(ev.Position.Y - top)
	case ev.Position.Y > bottom:
		p.v.scrollBy(ev.Position.Y - bottom)
	}
}

// DragEnd ends a drag; part of fyne.Draggable.
func (p *readerPage) DragEnd() { p.pressed = false }

// Tapped follows a related link, or opens a highlight, under the pointer.
func (p *readerPage) Tapped(ev *fyne.PointEvent) {
	v := p.v
	if !v.sel.empty() {
		return
	}
	pos := v.hit(ev.Position)
	if pos.item < 0 || pos.item >= len(v.items) {
		return
	}
	if it := &v.items[pos.item]; it.kind == itemLink && v.onLink != nil {
		v.onLink(it.link)
		return
	}
	if id, ok := v.markAt(pos); ok && v.onMark != nil {
		v.onMark(id, ev.AbsolutePosition)
	}
}

// DoubleTapped selects the word under the pointer.
func (p *readerPage) DoubleTapped(ev *fyne.PointEvent) {
	v := p.v
	pos := v.hit(ev.Position)
	if pos.item < 0 || pos.item >= len(v.items) || v.layouts[pos.item] == nil {
		return
	}
	s, e := v.layouts[pos.item].wordAt(pos.char)
	v.setSelection(textPos{pos.item, s}, textPos{pos.item, e})
}

// TappedSecondary opens the reader's context menu.
func (p *readerPage) TappedSecondary(ev *fyne.PointEvent) {
	if p.v.onMenu != nil {
		p.v.onMenu(ev.AbsolutePosition)
	}
}

// FocusGained is part of fyne.Focusable.
func (p *readerPage) FocusGained() {}

// FocusLost is part of fyne.Focusable.
func (p *readerPage) FocusLost() {}

// TypedRune hands typed letters to the reader (shortcuts such as j, k, h).
func (p *readerPage) TypedRune(r rune) {
	if p.v.onKey != nil {
		p.v.onKey(r)
	}
}

// TypedKey scrolls the article and clears the selection with Escape.
func (p *readerPage) TypedKey(ev *fyne.KeyEvent) {
	v := p.v
	line := theme.TextSize() * 2 * v.scale
	switch ev.Name {
	case fyne.KeyEscape:
		v.setSelection(textPos{}, textPos{})
	case fyne.KeyDown:
		v.scrollBy(line)
	case fyne.KeyUp:
		v.scrollBy(-line)
	case fyne.KeyPageDown, fyne.KeySpace:
		v.scrollBy(v.scroll.Size().Height - line)
	case fyne.KeyPageUp:
		v.scrollBy(-v.scroll.Size().Height + line)
	case fyne.KeyHome:
		v.scrollBy(-v.scroll.Offset.Y)
	case fyne.KeyEnd:
		v.scrollBy(v.tops[len(v.items)])
	}
}

// TypedShortcut copies the selection and selects all; other shortcuts go
// to the window.
func (p *readerPage) TypedShortcut(s fyne.Shortcut) {
	switch sc := s.(type) {
	case *fyne.ShortcutCopy:
		if text := p.v.selectedText(); text != "" {
			clip := sc.Clipboard
			if clip == nil {
				clip = fyne.CurrentApp().Clipboard()
			}
			clip.SetContent(text)
		}
	case *fyne.ShortcutSelectAll:
		p.v.selectAll()
	default:
		if c, ok := fyne.CurrentApp().Driver().CanvasForObject(p).(fyne.Shortcutable); ok {
			c.TypedShortcut(s)
		}
	}
}

type pageRenderer struct{ p *readerPage }

func (r *pageRenderer) Layout(size fyne.Size) { r.p.content.Resize(size) }

func (r *pageRenderer) MinSize() fyne.Size {
	v := r.p.v
	if len(v.tops) == 0 {
		return fyne.Size{}
	}
	return fyne.NewSize(0, v.tops[len(v.tops)-1])
}

func (r *pageRenderer) Refresh()                     { canvas.Refresh(r.p.content) }
func (r *pageRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.p.content} }
func (r *pageRenderer) Destroy()                     {}

// hit returns the place in the text nearest to p, in page coordinates.
func (v *blockView) hit(p fyne.Position) textPos {
	n := len(v.items)
	if n == 0 || len(v.tops) <= n {
		return textPos{}
	}
	if p.Y < v.tops[0] {
		return textPos{0, 0}
	}
	i := sort.Search(n, func(i int) bool { return v.tops[i+1] > p.Y })
	if i >= n {
		return textPos{n - 1, v.itemLen(n - 1)}
	}
	it := &v.items[i]
	local := fyne.NewPos(p.X-v.left(it), p.Y-v.tops[i])
	if l := v.layouts[i]; l != nil {
		return textPos{i, l.hit(local)}
	}
	return textPos{i, 0}
}

// itemLen is the number of runes of item i; 0 for an image.
func (v *blockView) itemLen(i int) int {
	if l := v.layouts[i]; l != nil {
		return len(l.runes)
	}
	return 0
}

// setSelection selects from anchor to caret and draws it.
func (v *blockView) setSelection(anchor, caret textPos) {
	s := selection{anchor, caret}
	if s == v.sel {
		return
	}
	v.sel = s
	v.redraw()
	if v.onSelect != nil {
		v.onSelect()
	}
}

func (v *blockView) selectAll() {
	if n := len(v.items); n > 0 {
		v.setSelection(textPos{0, 0}, textPos{n - 1, v.itemLen(n - 1)})
	}
}

// selectedText returns the selected text, items joined by newlines.
func (v *blockView) selectedText() string {
	var parts []string
	a, b := v.sel.ordered()
	for i := a.item; i <= b.item && i < len(v.items); i++ {
		if s, e, ok := v.sel.inItem(i, v.itemLen(i)); ok {
			parts = append(parts, string(v.layouts[i].runes[s:e]))
		}
	}
	return strings.Join(parts, "\n")
}

// selectionInBody returns the runes [start, end) of the article body
// (Article.Text()) that the selection covers: from its first selected
// body character to its last. ok is false when it covers no body text
// (only the title, say).
func (v *blockView) selectionInBody() (start, end int, ok bool) {
	a, b := v.sel.ordered()
	for i := a.item; i <= b.item && i < len(v.items); i++ {
		it := &v.items[i]
		s, e, sel := v.sel.inItem(i, v.itemLen(i))
		bs, be, body := it.bodyRange(v.itemLen(i))
		if !sel || !body {
			continue
		}
		s, e = max(s-it.prefix, 0)+bs, max(e-it.prefix, 0)+bs
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

// selectBody selects runes [start, end) of the article body and scrolls
// to them; false when they are not shown (another version, say).
func (v *blockView) selectBody(start, end int) bool {
	var from, to textPos
	found := false
	for i := range v.items {
		it := &v.items[i]
		bs, be, ok := it.bodyRange(v.itemLen(i))
		if !ok || be <= start || bs >= end {
			continue
		}
		if !found {
			from, found = textPos{i, it.prefix + max(start, bs) - bs}, true
		}
		to = textPos{i, it.prefix + min(end, be) - bs}
	}
	if !found {
		return false
	}
	v.scrollToItem(from.item, 0.4)
	v.setSelection(from, to)
	return true
}

// markAt returns the highlight at pos, the last drawn if several.
func (v *blockView) markAt(pos textPos) (int64, bool) {
	it := &v.items[pos.item]
	bs, _, ok := it.bodyRange(v.itemLen(pos.item))
	if !ok || pos.char < it.prefix {
		return 0, false
	}
	at := bs + pos.char - it.prefix
	for k := len(v.marks) - 1; k >= 0; k-- {
		if m := v.marks[k]; m.start <= at && at < m.end {
			return m.id, true
		}
	}
	return 0, false
}

// setMarks replaces the highlights drawn.
func (v *blockView) setMarks(marks []mark) {
	v.marks = marks
	v.redraw()
}
