package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Preference keys, in the app's fyne.Preferences.
const (
	prefFontSize = "reader.fontSize" // points of the reader's body text
	prefTheme    = "theme"           // "system", "light" or "dark"
	prefArchive  = "archive.path"    // the archive to open at the next start; "" for the default
	prefSort     = "list.sort"       // the list's order
	// prefReadingList keeps the links of other tools' libraries that carry
	// no content (Pocket, bookmarks) as a reading list.
	prefReadingList = "import.readingList"
)

// Reader text sizes, in points.
const (
	defaultFontSize = 15
	minFontSize     = 10
	maxFontSize     = 28
)

// prefs reads and writes the window's preferences.
type prefs struct{ p fyne.Preferences }

// fontSize returns the reader's body text size.
func (p prefs) fontSize() float32 {
	s := float32(p.p.FloatWithFallback(prefFontSize, defaultFontSize))
	return min(max(s, minFontSize), maxFontSize)
}

// fontScale returns the reader's text size relative to the theme's.
func (p prefs) fontScale() float32 {
	return p.fontSize() / theme.DefaultTheme().Size(theme.SizeNameText)
}

func (p prefs) setFontSize(s float32) {
	p.p.SetFloat(prefFontSize, float64(min(max(s, minFontSize), maxFontSize)))
}

// readingList reports whether imports keep links without content as a
// reading list (the command line's --reading-list).
func (p prefs) readingList() bool { return p.p.Bool(prefReadingList) }

// themeName returns "system", "light" or "dark".
func (p prefs) themeName() string {
	switch t := p.p.String(prefTheme); t {
	case "light", "dark":
		return t
	}
	return "system"
}

// ArchivePath returns the archive the user chose in Preferences, or ""
// when they chose none (use the default). The window only records the
// choice; the program opens the archive, so it reads this at start.
func ArchivePath(a fyne.App) string {
	return a.Preferences().String(prefArchive)
}
