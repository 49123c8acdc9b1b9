package export

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strconv"
	"unicode"

	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gobolditalic"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// Fonts of the PDF: the Go fonts (Latin, Greek, Cyrillic and common
// symbols), embedded from golang.org/x/image/font/gofont, and a fallback
// TrueType font for the characters they lack, above all Chinese, Japanese
// and Korean. The fallback is found on the system (FindCJKFont); without
// one those characters are left out and the export says so.

// Font family names inside the PDF; fallback fonts are famFallback+"1"…
const (
	famText     = "go"
	famMono     = "gomono"
	famFallback = "fallback"
)

// cjkFontEnv names a TrueType font to use for CJK text.
const cjkFontEnv = "CLIPPINGS_CJK_FONT"

// fallbackPlaces are TrueType (not OpenType/CFF, not .ttc) fonts that
// common systems have, by the scripts they add to the Go fonts; the
// first found of each group is used.
var fallbackPlaces = [][]string{
	{ // Chinese and Japanese
		"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", // Debian/Ubuntu fonts-droid-fallback
		"/usr/share/fonts/truetype/droid/DroidSansFallback.ttf",
		"/usr/share/fonts/google-droid/DroidSansFallback.ttf", // Fedora
		"/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf",
		"/Library/Fonts/Arial Unicode.ttf", // macOS
		"/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
		`C:\Windows\Fonts\simhei.ttf`,
	},
	{ // Korean
		"/usr/share/fonts/truetype/nanum/NanumGothic.ttf", // Debian/Ubuntu fonts-nanum
		"/usr/share/fonts/truetype/unfonts-core/UnDotum.ttf",
		`C:\Windows\Fonts\malgun.ttf`,
	},
	{ // IPA, Arabic, Hebrew, Armenian, Georgian, more symbols
		"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", // fonts-dejavu-core
		"/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf",
		`C:\Windows\Fonts\arial.ttf`,
	},
}

// FindCJKFonts returns the paths of the TrueType fonts the PDF uses for
// the characters the Go fonts lack, Chinese, Japanese and Korean above
// all: path if given, then $CLIPPINGS_CJK_FONT, then the first font found
// of each group of fallbackPlaces. It returns none when there are none.
func FindCJKFonts(path string) []string {
	var out []string
	add := func(p string) bool {
		if p == "" || !isTrueType(p) {
			return false
		}
		for _, q := range out {
			if q == p {
				return true
			}
		}
		out = append(out, p)
		return true
	}
	add(path)
	add(os.Getenv(cjkFontEnv))
	for _, group := range fallbackPlaces {
		for _, p := range group {
			if add(p) {
				break
			}
		}
	}
	return out
}

// isTrueType reports whether the file at path starts like a TrueType font.
func isTrueType(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 4)
	if _, err := io.ReadFull(f, head); err != nil {
		return false
	}
	return bytes.Equal(head, []byte{0, 1, 0, 0}) || string(head) == "true"
}

// fontSet knows which font can draw which character.
type fontSet struct {
	text, mono *sfnt.Font
	fallbacks  []*sfnt.Font // famFallback+"1", "2"…
	buf        sfnt.Buffer
	cache      map[rune]string
	missing    map[rune]bool
}

// loadFonts registers the Go fonts and the fallback fonts at paths with f.
func loadFonts(f *fpdf.Fpdf, paths []string) (*fontSet, error) {
	fs := &fontSet{cache: map[rune]string{}, missing: map[rune]bool{}}
	var err error
	if fs.text, err = sfnt.Parse(goregular.TTF); err != nil {
		return nil, fmt.Errorf("go font: %w", err)
	}
	if fs.mono, err = sfnt.Parse(gomono.TTF); err != nil {
		return nil, fmt.Errorf("go mono font: %w", err)
	}
	f.AddUTF8FontFromBytes(famText, "", goregular.TTF)
	f.AddUTF8FontFromBytes(famText, "B", gobold.TTF)
	f.AddUTF8FontFromBytes(famText, "I", goitalic.TTF)
	f.AddUTF8FontFromBytes(famText, "BI", gobolditalic.TTF)
	f.AddUTF8FontFromBytes(famMono, "", gomono.TTF)
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("font %s: %w", p, err)
		}
		fnt, err := sfnt.Parse(data)
		if err != nil {
			return nil, fmt.Errorf("font %s: %w", p, err)
		}
		fs.fallbacks = append(fs.fallbacks, fnt)
		f.AddUTF8FontFromBytes(fallbackFamily(len(fs.fallbacks)-1), "", data)
		if err := f.Error(); err != nil {
			return nil, fmt.Errorf("font %s: %w", p, err)
		}
	}
	return fs, f.Error()
}

// fallbackFamily is the family name of fallback font i.
func fallbackFamily(i int) string { return famFallback + strconv.Itoa(i+1) }

// has reports whether font fnt has a glyph for r.
func (fs *fontSet) has(fnt *sfnt.Font, r rune) bool {
	if fnt == nil {
		return false
	}
	i, err := fnt.GlyphIndex(&fs.buf, r)
	return err == nil && i != 0
}

// family returns the family that draws r in text of family fam (famText
// or famMono), or "" when no font has it (r is then counted as missing).
// Only the Basic Multilingual Plane is drawn: fpdf handles no more.
func (fs *fontSet) family(fam string, r rune) string {
	if unicode.IsSpace(r) {
		return fam
	}
	if unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Variation_Selector, r) {
		// Invisible formatting (zero-width space…) and variation selectors
		// (emoji or text presentation of the character before): dropped,
		// not missing. A fallback font's glyph for a selector set the
		// rest of its line apart, and lost words.
		return ""
	}
	key := r
	if fam == famMono {
		key = -r - 1
	}
	if got, ok := fs.cache[key]; ok {
		return got
	}
	got := ""
	switch {
	case r > 0xffff:
	case fam == famMono && fs.has(fs.mono, r):
		got = famMono
	case fs.has(fs.text, r):
		got = famText
	default:
		for i, fb := range fs.fallbacks {
			if fs.has(fb, r) {
				got = fallbackFamily(i)
				break
			}
		}
	}
	if got == "" {
		fs.missing[r] = true
	}
	fs.cache[key] = got
	return got
}
