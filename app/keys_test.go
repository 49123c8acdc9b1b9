package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/clippings/clippings/app/blockview"
)

// press types a shortcut on the window's canvas, as the driver does when
// no focused widget takes it.
func press(u *UI, key fyne.KeyName, mod fyne.KeyModifier) {
	u.win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: mod})
}

func TestShortcuts(t *testing.T) {
	u, q, _ := openSeals(t)
	v := u.reader.view
	t.Run("Import", func(t *testing.T) {
		press(u, fyne.KeyO, ctrlMod)
		if u.imports.picker == nil {
			t.Fatal("Ctrl+O opens no import picker")
		}
		u.imports.picker.dialog.Hide()
	})
	t.Run("Export", func(t *testing.T) {
		press(u, fyne.KeyE, ctrlMod)
		if u.exports.form == nil {
			t.Fatal("Ctrl+E opens no export dialog")
		}
		u.win.Canvas().Overlays().Top().Hide()
	})
	t.Run("Tag", func(t *testing.T) {
		press(u, fyne.KeyT, ctrlMod)
		if u.dialogs.tag == nil || u.win.Canvas().Focused() != u.dialogs.tag.entry {
			t.Fatal("Ctrl+T opens no tag dialog with the entry focused")
		}
		u.win.Canvas().Overlays().Top().Hide()
	})
	t.Run("Delete", func(t *testing.T) {
		press(u, fyne.KeyDelete, ctrlMod)
		if got := overlayTexts(u); !containsText(got, "Delete “"+sealsTitle+"” from the archive, with its highlights") {
			t.Fatalf("Ctrl+Delete shows %q, want the question before deleting the article open", got)
		}
		tapButton(t, u, "No")
	})
	t.Run("Highlight", func(t *testing.T) {
		p2 := itemIndex(t, v, sealsP2)
		v.SetSelection(blockview.Pos{Item: p2, Char: 4}, blockview.Pos{Item: p2, Char: 9})
		press(u, fyne.KeyH, ctrlMod)
		waitFor(t, q, "the highlight", func() bool { return len(v.Marks()) == 1 })
	})
	t.Run("LettersInReader", func(t *testing.T) {
		p2 := itemIndex(t, v, sealsP2)
		v.SetSelection(blockview.Pos{Item: p2, Char: 10}, blockview.Pos{Item: p2, Char: 14})
		test.Type(v.Page(), "h")
		waitFor(t, q, "the second highlight", func() bool { return len(v.Marks()) == 2 })
		test.Type(v.Page(), "/")
		if u.win.Canvas().Focused() != u.search.entry {
			t.Error("/ in the reader does not go to the search")
		}
	})
	t.Run("TextSize", func(t *testing.T) {
		before := u.prefs.fontSize()
		press(u, fyne.KeyEqual, ctrlMod)
		if got := u.prefs.fontSize(); got != before+1 {
			t.Errorf("Ctrl+= makes the text %v, want %v", got, before+1)
		}
		press(u, fyne.KeyMinus, ctrlMod)
	})
}

func TestHelp(t *testing.T) {
	u, q := newTestUI(t, openStore(t))
	q.drain()
	press(u, fyne.KeySlash, ctrlMod)
	if u.dialogs.help == nil {
		t.Fatal("no help")
	}
	markup := test.RenderObjectToMarkup(u.win.Canvas().Overlays().Top())
	for _, want := range []string{"Ctrl+F", "View › Search", "j / k", "Highlight the selection", "Ctrl+E"} {
		if !strings.Contains(markup, want) {
			t.Errorf("help does not list %q", want)
		}
	}
}

func TestPreferences(t *testing.T) {
	u, q := newTestUI(t, openStore(t))
	q.drain()
	u.showPreferences()
	f := u.dialogs.prefs
	if !strings.Contains(f.archive.Text, "clippings.db") {
		t.Errorf("archive shown as %q, want the file in use", f.archive.Text)
	}
	t.Run("Theme", func(t *testing.T) {
		f.theme.SetSelected("Dark")
		if got := u.prefs.themeName(); got != "dark" {
			t.Errorf("theme preference = %q, want dark", got)
		}
		th := u.app.Settings().Theme()
		want := theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantDark)
		if got := th.Color(theme.ColorNameBackground, theme.VariantLight); got != want {
			t.Errorf("dark theme background = %v, want %v", got, want)
		}
		f.theme.SetSelected("Light")
		want = theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantLight)
		if got := u.app.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantDark); got != want {
			t.Errorf("light theme background = %v, want %v", got, want)
		}
	})
	t.Run("ReadingList", func(t *testing.T) {
		if f.links.Checked || u.imports.readingList() {
			t.Fatal("links without content are kept before the user asked")
		}
		test.Tap(f.links)
		if !u.prefs.readingList() || !u.imports.readingList() {
			t.Error("the check does not make imports keep links without content")
		}
	})
	t.Run("FontSize", func(t *testing.T) {
		f.size.SetValue(20)
		if got := u.prefs.fontSize(); got != 20 {
			t.Errorf("font size = %v, want 20", got)
		}
		if got, want := u.reader.view.Scale(), u.prefs.fontScale(); got != want {
			t.Errorf("reader scale = %v, want %v", got, want)
		}
	})
	t.Run("ArchivePath", func(t *testing.T) {
		u.setArchivePath("/data/clippings/archive.db")
		if got := ArchivePath(u.app); got != "/data/clippings/archive.db" {
			t.Errorf("ArchivePath = %q", got)
		}
		if got := u.archiveText(); !strings.Contains(got, "At the next start: /data/clippings/archive.db") {
			t.Errorf("archive text = %q", got)
		}
	})
}
