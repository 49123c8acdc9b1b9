package app

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// luminance is the relative luminance of c (WCAG 2).
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// contrast is the WCAG contrast ratio of two colours.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// TestInputOutlinesVisible checks that the outline of an unselected radio
// button or check box (the input border) stands out from the background
// at 3:1 or more, in both variants, whatever the Preferences say.
func TestInputOutlinesVisible(t *testing.T) {
	for _, name := range []string{"light", "dark", "system"} {
		th := newTheme(name, nil)
		for _, v := range []struct {
			name    string
			variant fyne.ThemeVariant
		}{{"light", theme.VariantLight}, {"dark", theme.VariantDark}} {
			border := th.Color(theme.ColorNameInputBorder, v.variant)
			bg := th.Color(theme.ColorNameBackground, v.variant)
			if c := contrast(border, bg); c < 3 {
				t.Errorf("theme %q, %s variant: input outline contrast %.2f:1, want 3:1", name, v.name, c)
			}
		}
	}
}
