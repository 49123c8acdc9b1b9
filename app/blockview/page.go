package blockview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Page is the scrolled content of the view: it holds the objects of the
// items in view and turns the mouse and the keyboard into a selection.
// Its coordinates are those of the whole article. It is the object that
// takes the focus; its renderer is in page_render.go.
type Page struct {
	widget.BaseWidget
	v        *View
	content  *fyne.Container
	pressed  bool // a button went down on the page: drags extend the selection
	overLink bool // the pointer is over a link (links.go)
	bar      int  // 1 + the table whose bar is dragged; 0 when none (table_draw.go)
}

func newPage(v *View) *Page {
	p := &Page{v: v, content: container.NewWithoutLayout()}
	p.ExtendBaseWidget(p)
	return p
}

func (p *Page) setObjects(objs []fyne.CanvasObject) {
	p.content.Objects = objs
	canvas.Refresh(p.content)
}

// Cursor shows the text cursor over the page; part of desktop.Cursorable.
func (p *Page) Cursor() desktop.Cursor {
	if p.overLink {
		return desktop.PointerCursor
	}
	return desktop.TextCursor
}

// MouseDown starts a selection, or extends it with Shift.
func (p *Page) MouseDown(ev *desktop.MouseEvent) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(p); c != nil {
		c.Focus(p)
	}
	if ev.Button != desktop.MouseButtonPrimary {
		return
	}
	if p.bar = p.v.onTableBar(ev.Position) + 1; p.bar > 0 {
		return
	}
	pos := p.v.hit(ev.Position)
	if ev.Modifier&fyne.KeyModifierShift != 0 {
		p.v.SetSelection(p.v.sel.anchor, pos)
	} else {
		p.v.SetSelection(pos, pos)
	}
	p.pressed = true
}

// MouseUp ends a press; part of desktop.Mouseable.
func (p *Page) MouseUp(*desktop.MouseEvent) { p.pressed, p.bar = false, 0 }

// Dragged extends the selection to the pointer, scrolling when it leaves
// the view. A drag without a press before it (the test driver's) starts
// where it began.
func (p *Page) Dragged(ev *fyne.DragEvent) {
	if !p.pressed && p.bar == 0 {
		p.bar = p.v.onTableBar(ev.Position.Subtract(ev.Dragged)) + 1
	}
	if p.bar > 0 {
		p.v.dragBar(p.bar-1, ev.Dragged.DX)
		return
	}
	if !p.pressed {
		start := p.v.hit(ev.Position.Subtract(ev.Dragged))
		p.v.SetSelection(start, start)
		p.pressed = true
	}
	p.v.SetSelection(p.v.sel.anchor, p.v.hit(ev.Position))
	top, bottom := p.v.scroll.Offset.Y, p.v.scroll.Offset.Y+p.v.scroll.Size().Height
	switch {
	case ev.Position.Y < top:
		p.v.scrollBy(ev.Position.Y - top)
	case ev.Position.Y > bottom:
		p.v.scrollBy(ev.Position.Y - bottom)
	}
}

// DragEnd ends a drag; part of fyne.Draggable.
func (p *Page) DragEnd() { p.pressed, p.bar = false, 0 }

// Tapped follows a link in the text or a related link, or opens a highlight, under the pointer.
func (p *Page) Tapped(ev *fyne.PointEvent) {
	v := p.v
	if !v.sel.empty() {
		return
	}
	pos := v.hit(ev.Position)
	if pos.Item < 0 || pos.Item >= len(v.items) {
		return
	}
	if it := &v.items[pos.Item]; it.Kind == Link && v.OnLink != nil {
		v.OnLink(it.Link)
		return
	}
	if v.followLink(ev.Position) {
		return
	}
	if id, ok := v.markAt(pos); ok && v.OnMark != nil {
		v.OnMark(id, ev.AbsolutePosition)
	}
}

// DoubleTapped selects the word under the pointer.
func (p *Page) DoubleTapped(ev *fyne.PointEvent) {
	v := p.v
	pos := v.hit(ev.Position)
	if pos.Item < 0 || pos.Item >= len(v.items) || v.layouts[pos.Item] == nil {
		return
	}
	s, e := v.layouts[pos.Item].wordAt(pos.Char)
	v.SetSelection(Pos{pos.Item, s}, Pos{pos.Item, e})
}

// TappedSecondary opens the view's context menu (View.OnMenu).
func (p *Page) TappedSecondary(ev *fyne.PointEvent) {
	if p.v.OnMenu != nil {
		p.v.OnMenu(ev.AbsolutePosition)
	}
}

// FocusGained is part of fyne.Focusable.
func (p *Page) FocusGained() {}

// FocusLost is part of fyne.Focusable.
func (p *Page) FocusLost() {}

// TypedRune hands typed letters to View.OnKey (shortcuts such as j, k, h).
func (p *Page) TypedRune(r rune) {
	if p.v.OnKey != nil {
		p.v.OnKey(r)
	}
}

// TypedKey scrolls the article and clears the selection with Escape;
// other keys (F1) go to the window, as when nothing has the focus.
func (p *Page) TypedKey(ev *fyne.KeyEvent) {
	v := p.v
	line := theme.TextSize() * 2 * v.scale
	switch ev.Name {
	case fyne.KeyEscape:
		v.SetSelection(Pos{}, Pos{})
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
	default:
		if c := fyne.CurrentApp().Driver().CanvasForObject(p); c != nil && c.OnTypedKey() != nil {
			c.OnTypedKey()(ev)
		}
	}
}

// TypedShortcut copies the selection and selects all; other shortcuts go
// to the window.
func (p *Page) TypedShortcut(s fyne.Shortcut) {
	switch sc := s.(type) {
	case *fyne.ShortcutCopy:
		if text := p.v.SelectedText(); text != "" {
			clip := sc.Clipboard
			if clip == nil {
				clip = fyne.CurrentApp().Clipboard()
			}
			clip.SetContent(text)
		}
	case *fyne.ShortcutSelectAll:
		p.v.SelectAll()
	default:
		if c, ok := fyne.CurrentApp().Driver().CanvasForObject(p).(fyne.Shortcutable); ok {
			c.TypedShortcut(s)
		}
	}
}
