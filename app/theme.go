package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// clippingsTheme is Fyne's default theme, in the variant the user chose
// (or the system's). It embeds the default and overrides the variant and
// one colour.
type clippingsTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
	forced  bool // false: follow the system
}

// newTheme returns the theme for a Preferences choice: "light", "dark" or
// anything else for the system's, which is base (Fyne's default theme
// when nil) with visible outlines.
func newTheme(name string, base fyne.Theme) fyne.Theme {
	if base == nil {
		base = theme.DefaultTheme()
	}
	t := &clippingsTheme{Theme: base}
	switch name {
	case "light":
		t.variant, t.forced = theme.VariantLight, true
	case "dark":
		t.variant, t.forced = theme.VariantDark, true
	}
	if t.forced {
		t.Theme = theme.DefaultTheme()
	}
	return t
}

// inputBorder is the outline of inputs: the default's (#e3e3e3 on white
// in the light variant, 1.55:1 in the dark one) left an unselected radio
// button or check box nearly invisible. This grey stands out from the
// background at 3.4:1 (light) and 5.1:1 (dark), over the 3:1 that WCAG
// asks of the parts of a control.
var inputBorder = color.NRGBA{R: 0x8a, G: 0x8a, B: 0x8a, A: 0xff}

// Color returns the default theme's colour in the chosen variant, with
// inputs outlined visibly.
func (t *clippingsTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.forced {
		v = t.variant
	}
	if n == theme.ColorNameInputBorder {
		return inputBorder
	}
	return t.Theme.Color(n, v)
}

// applyTheme makes the theme of the preferences the app's: always
// Clippings' own (for its outlines), in the variant chosen, or over the
// theme the app started with when following the system.
func (u *UI) applyTheme() {
	if u.base == nil {
		u.base = u.app.Settings().Theme() // Fyne's, following the system
	}
	u.app.Settings().SetTheme(newTheme(u.prefs.themeName(), u.base))
}
