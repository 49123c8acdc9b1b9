package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// clippingsTheme is Fyne's default theme, in the variant the user chose
// (or the system's). It embeds the default and overrides only the
// variant.
type clippingsTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
	forced  bool // false: follow the system
}

// newTheme returns the theme for a Preferences choice: "light", "dark" or
// anything else for the system's.
func newTheme(name string) fyne.Theme {
	t := &clippingsTheme{Theme: theme.DefaultTheme()}
	switch name {
	case "light":
		t.variant, t.forced = theme.VariantLight, true
	case "dark":
		t.variant, t.forced = theme.VariantDark, true
	}
	return t
}

// Color returns the default theme's colour in the chosen variant.
func (t *clippingsTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.forced {
		v = t.variant
	}
	return t.Theme.Color(n, v)
}

// applyTheme makes the theme of the preferences the app's. Following
// the system leaves the app's theme alone unless the user changed it in
// this session (the default theme follows the system).
func (u *UI) applyTheme() {
	if name := u.prefs.themeName(); name != "system" || u.themeSet {
		u.app.Settings().SetTheme(newTheme(name))
		u.themeSet = true
	}
}
