package export

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf16"

	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/language"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gobolditalic"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
)

// Fonts of the PDF. The Go fonts (Latin, Greek, Cyrillic and common
// symbols) are bundled; a character they lack is drawn in a font of the
// system that fontconfig (fc-match) names for the article's language or
// the character's script, tried in fontconfig's order until one has it:
// TrueType, OpenType/CFF, and faces of collections (.ttc, .otc) alike.
// Without fontconfig a few well-known places are tried. A font given by
// the user (--cjk-font, $CLIPPINGS_CJK_FONT) comes before the system's.

// fontStyle is the face a paragraph is set in.
type fontStyle int

const (
	regular fontStyle = iota
	bold
	italic
	boldItalic
	mono
	styleCount
)

// cjkFontEnv names a font file tried first for what the Go fonts lack.
const cjkFontEnv = "CLIPPINGS_CJK_FONT"

// knownFonts are tried, in order, when fontconfig is not installed.
var knownFonts = []string{
	"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", // Debian/Ubuntu fonts-noto-cjk
	"/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",      // Arch, Fedora
	"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
	"/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
	"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
	"/System/Library/Fonts/PingFang.ttc", // macOS
	"/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
	`C:\Windows\Fonts\msyh.ttc`, // Windows
	`C:\Windows\Fonts\malgun.ttf`,
	`C:\Windows\Fonts\arial.ttf`,
}

// maxCandidates bounds the fonts tried for one query.
const maxCandidates = 8

// pdfFace is one font face the document may use.
type pdfFace struct {
	face *font.Face
	name string // PostScript-like name, without the subset tag
	upem float64
	res  string              // resource name in content streams: /F1…
	obj  int                 // its Type0 font object; 0 until first drawn
	used map[font.GID]string // glyphs drawn → the text each stands for
}

// fontFile is a font file and a face index in it.
type fontFile struct {
	path  string
	index int
}

// fontBook finds and loads the faces of one document.
type fontBook struct {
	base    [styleCount]*pdfFace
	user    []fontFile
	byFace  map[*font.Face]*pdfFace
	loaded  map[fontFile]*pdfFace // nil when the file cannot be used
	data    map[string][]byte
	queries map[string][]fontFile
	picked  map[pickKey]*pdfFace
	faces   []*pdfFace // every face drawn with, in order of first use
	// match lists fonts for a fontconfig pattern, best first
	// (fcMatch; replaced in tests).
	match func(pattern string) []fontFile
}

type pickKey struct {
	r    rune
	bold bool
	lang string
}

// newFontBook loads the Go fonts; user names font files tried first.
func newFontBook(user ...string) (*fontBook, error) {
	b := &fontBook{byFace: map[*font.Face]*pdfFace{}, loaded: map[fontFile]*pdfFace{}, data: map[string][]byte{},
		queries: map[string][]fontFile{}, picked: map[pickKey]*pdfFace{}, match: systemFonts}
	for st, ttf := range [][]byte{goregular.TTF, gobold.TTF, goitalic.TTF, gobolditalic.TTF, gomono.TTF} {
		ld, err := ot.NewLoader(bytes.NewReader(ttf))
		if err != nil {
			return nil, fmt.Errorf("go font: %w", err)
		}
		f, err := font.NewFont(ld)
		if err != nil {
			return nil, fmt.Errorf("go font: %w", err)
		}
		b.base[st] = b.register(font.NewFace(f), ld)
	}
	for _, u := range user {
		if u != "" {
			b.user = append(b.user, parseFontArg(u))
		}
	}
	return b, nil
}

// parseFontArg reads "PATH" or "PATH#INDEX" (a face of a collection).
func parseFontArg(s string) fontFile {
	if i := strings.LastIndexByte(s, '#'); i > 0 {
		if n, err := strconv.Atoi(s[i+1:]); err == nil {
			return fontFile{s[:i], n}
		}
	}
	return fontFile{s, 0}
}

// register makes a pdfFace of f, read by ld.
func (b *fontBook) register(f *font.Face, ld *ot.Loader) *pdfFace {
	name := strings.Map(func(r rune) rune {
		if r > ' ' && r < 0x7f && !strings.ContainsRune("()<>[]{}/%#", r) {
			return r
		}
		return -1
	}, postScriptName(ld))
	if name == "" {
		name = "Font"
	}
	p := &pdfFace{face: f, name: name, upem: float64(f.Upem()), used: map[font.GID]string{}}
	b.byFace[f] = p
	return p
}

// has reports whether p draws r with a glyph of its own.
func (p *pdfFace) has(r rune) bool {
	_, ok := p.face.NominalGlyph(r)
	return ok
}

// resolve returns the face to draw r in, style st, in an article in
// language lang where r is of script sc: the Go font when it has r,
// else the first font that has it among the user's and the system's; nil
// when none has.
func (b *fontBook) resolve(r rune, st fontStyle, lang string, sc language.Script) *pdfFace {
	if b.base[st].has(r) {
		return b.base[st]
	}
	if st != mono && b.base[regular].has(r) {
		return b.base[regular]
	}
	isBold := st == bold || st == boldItalic
	fl := fontLang(r, sc, lang)
	key := pickKey{r, isBold, fl}
	if p, ok := b.picked[key]; ok {
		return p
	}
	p := b.first(b.user, r)
	if p == nil {
		p = b.first(b.candidates(fl, isBold), r)
	}
	if p == nil {
		p = b.first(fontsWith(r), r)
	}
	if p == nil {
		p = b.first(b.known(), r)
	}
	b.picked[key] = p
	return p
}

// first returns the first usable face in files that has r.
func (b *fontBook) first(files []fontFile, r rune) *pdfFace {
	for _, ff := range files {
		if p := b.load(ff); p != nil && p.has(r) {
			return p
		}
	}
	return nil
}

// candidates are the fonts fontconfig lists for a pattern (":lang=ja"),
// bold ones when isBold.
func (b *fontBook) candidates(pattern string, isBold bool) []fontFile {
	if pattern == "" {
		return nil
	}
	if isBold {
		pattern += ":weight=bold"
	}
	if list, ok := b.queries[pattern]; ok {
		return list
	}
	list := b.match(pattern)
	b.queries[pattern] = list
	return list
}

// known are the well-known font places that exist, when fontconfig is
// not installed.
func (b *fontBook) known() []fontFile {
	if _, err := exec.LookPath("fc-match"); err == nil || b.match(":lang=en") == nil {
		return nil // fontconfig answers, or there are no system fonts at all (tests)
	}
	var out []fontFile
	for _, p := range knownFonts {
		if _, err := os.Stat(p); err == nil {
			out = append(out, fontFile{p, 0})
		}
	}
	return out
}

// load reads a face of a font file (once); nil when it cannot be used:
// unreadable, or its glyphs are bitmaps or SVG (colour emoji fonts).
func (b *fontBook) load(ff fontFile) *pdfFace {
	if p, ok := b.loaded[ff]; ok {
		return p
	}
	b.loaded[ff] = nil
	data, ok := b.data[ff.path]
	if !ok {
		var err error
		if data, err = os.ReadFile(ff.path); err != nil {
			data = nil
		}
		b.data[ff.path] = data
	}
	if data == nil {
		return nil
	}
	lds, err := ot.NewLoaders(bytes.NewReader(data))
	if err != nil || ff.index < 0 || ff.index >= len(lds) {
		return nil
	}
	ld := lds[ff.index]
	if !ld.HasTable(ot.MustNewTag("glyf")) && !ld.HasTable(ot.MustNewTag("CFF ")) && !ld.HasTable(ot.MustNewTag("CFF2")) {
		return nil
	}
	f, err := font.NewFont(ld)
	if err != nil {
		return nil
	}
	p := b.register(font.NewFace(f), ld)
	b.loaded[ff] = p
	return p
}

// systemFonts lists the system's fonts for a fontconfig pattern (tests
// replace it to see the export on a system without fonts).
var systemFonts = fcMatch

// fontsWith lists the system's fonts that have a character (replaced
// in tests with systemFonts).
var fontsWith = fcCovering

// fcFont is a font fc-list lists, with the characters it has.
type fcFont struct {
	file   fontFile
	ranges [][2]rune
}

// fcLists keeps fc-list's answer for the life of the process.
var fcLists sync.Map // $FONTCONFIG_FILE → []fcFont

// fcCovering returns the fonts fontconfig knows that have r, by path, at
// most maxCandidates; none without fontconfig.
func fcCovering(r rune) []fontFile {
	key := os.Getenv("FONTCONFIG_FILE")
	v, ok := fcLists.Load(key)
	if !ok {
		v = fcList()
		fcLists.Store(key, v)
	}
	var out []fontFile
	for _, f := range v.([]fcFont) {
		for _, rg := range f.ranges {
			if r >= rg[0] && r <= rg[1] {
				out = append(out, f.file)
				break
			}
		}
		if len(out) == maxCandidates {
			break
		}
	}
	return out
}

// fcList lists every font fontconfig knows, sorted by path, with the
// characters each has.
func fcList() []fcFont {
	out, err := exec.Command("fc-list", "--format=%{file}\t%{index}\t%{charset}\n").Output()
	if err != nil {
		return nil
	}
	var list []fcFont
	for _, line := range strings.Split(string(out), "\n") {
		parts := strings.SplitN(line, "\t", 3)
		if len(parts) != 3 {
			continue
		}
		if ext := strings.ToLower(filepath.Ext(parts[0])); ext != ".ttf" && ext != ".otf" && ext != ".ttc" && ext != ".otc" {
			continue // Type 1, bitmap and other fonts Clippings cannot embed
		}
		n, _ := strconv.Atoi(parts[1])
		f := fcFont{file: fontFile{parts[0], n}}
		for _, rg := range strings.Fields(parts[2]) {
			lo, hi, found := strings.Cut(rg, "-")
			a, err1 := strconv.ParseInt(lo, 16, 32)
			z, err2 := strconv.ParseInt(hi, 16, 32)
			if !found {
				z, err2 = a, nil
			}
			if err1 == nil && err2 == nil {
				f.ranges = append(f.ranges, [2]rune{rune(a), rune(z)})
			}
		}
		list = append(list, f)
	}
	slices.SortFunc(list, func(x, y fcFont) int {
		return strings.Compare(x.file.path+"#"+strconv.Itoa(x.file.index), y.file.path+"#"+strconv.Itoa(y.file.index))
	})
	return list
}

// fcCache keeps fc-match's answers for the life of the process.
var fcCache sync.Map // pattern → []fontFile

// fcMatch runs fc-match -s for pattern and returns its fonts, best
// first, at most maxCandidates; none without fontconfig.
func fcMatch(pattern string) []fontFile {
	key := os.Getenv("FONTCONFIG_FILE") + "\x00" + pattern
	if v, ok := fcCache.Load(key); ok {
		return v.([]fontFile)
	}
	list := runFcMatch(pattern)
	fcCache.Store(key, list)
	return list
}

func runFcMatch(pattern string) []fontFile {
	out, err := exec.Command("fc-match", "-s", "--format=%{file}\t%{index}\n", pattern).Output()
	if err != nil {
		return nil
	}
	var list []fontFile
	for _, line := range strings.Split(string(out), "\n") {
		path, idx, ok := strings.Cut(line, "\t")
		if !ok || path == "" {
			continue
		}
		n, _ := strconv.Atoi(idx)
		list = append(list, fontFile{path, n})
		if len(list) == maxCandidates {
			break
		}
	}
	return list
}

// scriptLangs are the languages fontconfig is asked about for a script
// whose fonts differ by language or that no article language implies.
var scriptLangs = map[language.Script]string{
	language.Han: "zh-cn", language.Hiragana: "ja", language.Katakana: "ja", language.Hangul: "ko",
	language.Bopomofo: "zh-tw", language.Arabic: "ar", language.Hebrew: "he", language.Thai: "th",
	language.Devanagari: "hi", language.Bengali: "bn", language.Tamil: "ta", language.Telugu: "te",
	language.Kannada: "kn", language.Malayalam: "ml", language.Gujarati: "gu", language.Gurmukhi: "pa",
	language.Oriya: "or", language.Sinhala: "si", language.Khmer: "km", language.Lao: "lo",
	language.Myanmar: "my", language.Tibetan: "bo", language.Ethiopic: "am", language.Armenian: "hy",
	language.Georgian: "ka", language.Syriac: "syr", language.Thaana: "dv",
}

// cjkLangs are the article languages that choose among the regional
// forms of Han characters.
var cjkLangs = map[string]string{"zh": "zh-cn", "ja": "ja", "ko": "ko", "zh-Hant": "zh-tw", "zh-TW": "zh-tw",
	"zh-HK": "zh-hk", "zh-Hans": "zh-cn", "zh-CN": "zh-cn"}

// fontLang is the fontconfig pattern for a font with r: by the
// article's language for Han characters and for punctuation among text
// of its script, else by r's script; "" when neither says.
func fontLang(r rune, sc language.Script, lang string) string {
	t := langTag(lang)
	base, _, _ := strings.Cut(t, "-")
	if own := language.LookupScript(r); own != language.Common && own != language.Inherited {
		sc = own
	}
	switch {
	case sc == language.Han || sc == language.Common && cjkLangs[base] != "":
		if l, ok := cjkLangs[t]; ok {
			return ":lang=" + l
		}
		if l, ok := cjkLangs[base]; ok {
			return ":lang=" + l
		}
	case sc == language.Arabic && isRTL(t) && base != "":
		return ":lang=" + base // Persian, Urdu… have fonts of their own
	}
	if l, ok := scriptLangs[sc]; ok {
		return ":lang=" + l
	}
	return ""
}

// ignorable reports whether r is drawn with no glyph, so that no font
// needs it: white space, invisible formatting, variation selectors.
func ignorable(r rune) bool {
	return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Variation_Selector, r) ||
		unicode.IsControl(r) || unicode.Is(unicode.Mn, r) && r >= 0xfe00 && r <= 0xfe0f
}

// postScriptName is the PostScript name (name ID 6) of the font ld
// reads, "" when it has none.
func postScriptName(ld *ot.Loader) string {
	t, err := ld.RawTable(ot.MustNewTag("name"))
	if err != nil || len(t) < 6 {
		return ""
	}
	count, strs := int(binary.BigEndian.Uint16(t[2:])), int(binary.BigEndian.Uint16(t[4:]))
	for i := 0; i < count && 6+12*i+12 <= len(t); i++ {
		rec := t[6+12*i:]
		platform, nameID := binary.BigEndian.Uint16(rec), binary.BigEndian.Uint16(rec[6:])
		length, off := int(binary.BigEndian.Uint16(rec[8:])), strs+int(binary.BigEndian.Uint16(rec[10:]))
		if nameID != 6 || off+length > len(t) {
			continue
		}
		raw := t[off : off+length]
		switch platform {
		case 1: // Macintosh, Roman: ASCII for PostScript names
			return string(raw)
		case 0, 3: // Unicode, Windows: UTF-16BE
			u := make([]uint16, len(raw)/2)
			for k := range u {
				u[k] = binary.BigEndian.Uint16(raw[2*k:])
			}
			return string(utf16.Decode(u))
		}
	}
	return ""
}
