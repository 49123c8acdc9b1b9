package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// command is an action of the main menu, with its keyboard shortcut (if
// any); the Help screen lists them.
type command struct {
	menu  string // the menu it is in
	label string
	key   fyne.KeyName // "" for no shortcut
	mod   fyne.KeyModifier
	run   func()
}

// shortcut returns the command's shortcut, nil if it has none.
func (c command) shortcut() fyne.Shortcut {
	if c.key == "" {
		return nil
	}
	return &desktop.CustomShortcut{KeyName: c.key, Modifier: c.mod}
}

// keys names the command's shortcut as Help shows it.
func (c command) keys() string {
	if c.key == "" {
		return ""
	}
	s := ""
	if c.mod&fyne.KeyModifierShortcutDefault != 0 {
		s += "Ctrl+"
	}
	if c.mod&fyne.KeyModifierAlt != 0 {
		s += "Alt+"
	}
	if c.mod&fyne.KeyModifierShift != 0 {
		s += "Shift+"
	}
	return s + keyName(c.key)
}

func keyName(k fyne.KeyName) string {
	switch k {
	case fyne.KeyEqual:
		return "+"
	case fyne.KeyMinus:
		return "−"
	case fyne.KeyDown:
		return "↓"
	case fyne.KeyUp:
		return "↑"
	case fyne.KeyComma:
		return ","
	}
	return string(k)
}

const ctrl = fyne.KeyModifierShortcutDefault

// commands are the window's actions, menu by menu.
func (u *UI) commands() []command {
	return []command{
		{"File", "Import…", fyne.KeyO, ctrl, u.imports.chooseFiles},
		{"File", "Import folder…", fyne.KeyO, ctrl | fyne.KeyModifierShift, u.imports.chooseFolder},
		{"File", "Import sample articles", "", 0, u.imports.importSamples},
		{"File", "Export…", fyne.KeyE, ctrl, u.exports.chooseScope},
		{"File", "Preferences…", fyne.KeyComma, ctrl, u.showPreferences},
		{"View", "Search", fyne.KeyF, ctrl, u.focusSearch},
		{"View", "Save search…", fyne.KeyS, ctrl, u.search.saveSearch},
		{"View", "Next article", fyne.KeyDown, fyne.KeyModifierAlt, func() { u.list.step(1) }},
		{"View", "Previous article", fyne.KeyUp, fyne.KeyModifierAlt, func() { u.list.step(-1) }},
		{"View", "Larger text", fyne.KeyEqual, ctrl, func() { u.zoomText(1) }},
		{"View", "Smaller text", fyne.KeyMinus, ctrl, func() { u.zoomText(-1) }},
		{"Article", "Tag…", fyne.KeyT, ctrl, func() { u.tagDialog(u.list.selectedIDs()) }},
		{"Article", "Add to collection…", fyne.KeyL, ctrl, func() { u.collectionDialog(u.list.selectedIDs()) }},
		{"Article", "Highlight selection", fyne.KeyH, ctrl, func() { u.reader.highlight(u.reader.tools.color, "") }},
		{"Article", "Highlight with a note…", fyne.KeyH, ctrl | fyne.KeyModifierShift, func() { u.reader.highlightWithNote(u.reader.tools.color) }},
		{"Article", "Star or unstar", fyne.KeyD, ctrl, u.reader.tools.toggleStar},
		{"Article", "Mark unread", fyne.KeyU, ctrl, func() { u.setRead(u.list.selectedIDs(), false) }},
		{"Article", "Move up in collection", fyne.KeyUp, fyne.KeyModifierAlt | fyne.KeyModifierShift, func() { u.list.moveInCollection(-1) }},
		{"Article", "Move down in collection", fyne.KeyDown, fyne.KeyModifierAlt | fyne.KeyModifierShift, func() { u.list.moveInCollection(1) }},
		{"Article", "Delete…", fyne.KeyDelete, ctrl, func() { u.confirmDelete(u.list.selectedIDs()) }},
		{"File", "Quit", fyne.KeyQ, ctrl, u.quit},
		{"Help", "Keyboard shortcuts", fyne.KeySlash, ctrl, u.showHelp},
	}
}

// quit closes the window, which ends the program (Ctrl+Q, File › Quit).
func (u *UI) quit() { u.Close() }

// buildMenu makes the main menu from the commands.
func (u *UI) buildMenu() *fyne.MainMenu {
	var menus []*fyne.Menu
	byName := map[string]*fyne.Menu{}
	for _, c := range u.commands() {
		m, ok := byName[c.menu]
		if !ok {
			m = fyne.NewMenu(c.menu)
			byName[c.menu] = m
			menus = append(menus, m)
		}
		item := fyne.NewMenuItem(c.label, c.run)
		item.Shortcut = c.shortcut()
		item.IsQuit = c.label == "Quit" // so that Fyne adds no Quit of its own
		m.Items = append(m.Items, item)
	}
	return fyne.NewMainMenu(menus...)
}

// addShortcuts registers the commands' shortcuts on the canvas too (the
// menu handles them when it is drawn in the window; the canvas when
// nothing else does), and the single letters typed when nothing has focus.
func (u *UI) addShortcuts() {
	c := u.win.Canvas()
	for _, cmd := range u.commands() {
		if s := cmd.shortcut(); s != nil {
			run := cmd.run
			c.AddShortcut(s, func(fyne.Shortcut) { run() })
		}
	}
	c.SetOnTypedRune(func(r rune) { u.readerKey(r) })
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		switch ev.Name {
		case fyne.KeyF1:
			u.showHelp()
		case fyne.KeyEscape:
			u.list.clearSelection()
		}
	})
}

// letterKeys are the single keys of the reader (and of the window when
// nothing has focus), for Help.
var letterKeys = [][2]string{
	{"j / k", "Next / previous article"},
	{"h", "Highlight the selection"},
	{"n", "Highlight the selection with a note"},
	{"t", "Add a tag to the article"},
	{"/", "Search"},
	{"Ctrl+C", "Copy the selected text"},
	{"Ctrl+A", "Select the whole article"},
	{"Escape", "Clear the selection"},
	{"↑ ↓ Page Up/Down Home End", "Scroll the article"},
	{"Shift+click", "Extend the selection (text or list)"},
	{"Ctrl+click", "Add an article to the list's selection"},
	{"Double-click", "Select a word"},
	{"F1", "This help"},
}
