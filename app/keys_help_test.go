package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// TestF1OpensHelp presses F1 with the focus in the search box, in the
// reader and nowhere: each time the help opens.
func TestF1OpensHelp(t *testing.T) {
	u, _, _ := openSeals(t)
	f1 := &fyne.KeyEvent{Name: fyne.KeyF1}
	for _, tt := range []struct {
		where string
		focus fyne.Focusable
	}{{"search box", u.search.entry}, {"reader", u.reader.view.Page()}, {"nothing", nil}} {
		u.dialogs.help = nil
		c := u.win.Canvas()
		if tt.focus != nil {
			c.Focus(tt.focus)
		} else {
			c.Unfocus()
		}
		// What the driver does with a key: the focused widget's TypedKey,
		// else the canvas's.
		if f := c.Focused(); f != nil {
			f.TypedKey(f1)
		} else {
			c.OnTypedKey()(f1)
		}
		if u.dialogs.help == nil {
			t.Errorf("F1 with the focus in the %s opens no help", tt.where)
			continue
		}
		u.win.Canvas().Overlays().Top().Hide()
	}
	if u.search.entry.Text != "" {
		t.Errorf("F1 typed %q into the search box", u.search.entry.Text)
	}
}

// TestCtrlQQuits checks that the File menu ends with Quit on Ctrl+Q, and
// that the shortcut closes the window.
func TestCtrlQQuits(t *testing.T) {
	u, _ := newFilledUI(t)
	file := u.buildMenu().Items[0]
	last := file.Items[len(file.Items)-1]
	sc, ok := last.Shortcut.(*desktop.CustomShortcut)
	if !last.IsQuit || !ok || sc.KeyName != fyne.KeyQ || sc.Modifier != ctrlMod {
		t.Errorf("the File menu ends with %q (quit %v, shortcut %v), want Quit on Ctrl+Q", last.Label, last.IsQuit, last.Shortcut)
	}
	press(u, fyne.KeyQ, ctrlMod)
	if u.ctx.Err() == nil {
		t.Error("Ctrl+Q left the window open")
	}
}
