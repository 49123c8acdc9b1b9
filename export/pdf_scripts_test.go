package export

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/clippings/clippings/archive"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/font/cff"
)

// The PDF in every script: text comes back from pdftotext in reading
// order, lines break where CJK rules allow, a character no font has
// fails the export (or is left out when asked), fonts are embedded as
// subsets, and the document says its title, authors and language.

// pdfText runs pdftotext on a PDF, without the bidi controls it adds.
func pdfToText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed (apt-get install poppler-utils)")
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.Map(func(r rune) rune {
		if r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
			return -1
		}
		return r
	}, string(out))
}

// letterWords are the words of s: runs of letters, marks and digits.
func letterWords(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	}), " ")
}

func squashSpaces(s string) string { return strings.ReplaceAll(s, " ", "") }

// cjkOnly keeps the Han, kana and Hangul characters of s.
func cjkOnly(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
			return r
		}
		return -1
	}, s)
}

func TestPDFScriptsReadingOrder(t *testing.T) {
	s, ids := newScriptsFixture(t)
	out := filepath.Join(t.TempDir(), "scripts.pdf")
	if _, err := Export(context.Background(), s, []int64{ids["ar"], ids["he"], ids["zh"], ids["ko"]}, Options{Format: PDF, Out: out}, nil); err != nil {
		if errors.Is(err, ErrMissingGlyphs) {
			t.Skipf("this system lacks fonts: %v", err)
		}
		t.Fatal(err)
	}
	text := pdfToText(t, out)
	// pdftotext puts right-to-left lines back in reading order but may
	// move a space between a number and a word: letters and digits are
	// compared, in order, without spaces.
	words, cjk := squashSpaces(letterWords(text)), cjkOnly(text)
	for name, a := range scriptArticles() {
		for _, b := range append([]archive.Block{{Text: a.Title}}, a.Blocks...) {
			if name == "zh" || name == "ko" {
				if want := cjkOnly(b.Text); !strings.Contains(cjk, want) {
					t.Errorf("%s: pdftotext does not give back %q in order", name, want)
				}
			} else if want := squashSpaces(letterWords(b.Text)); !strings.Contains(words, want) {
				t.Errorf("%s: pdftotext does not give back %q in reading order:\n%s", name, want, words)
			}
		}
	}
}

func TestPDFKinsoku(t *testing.T) {
	if !hasFontFor('图') {
		t.Skip("no CJK font on this system")
	}
	d := newTestPDFDoc(t)
	text := scriptArticles()["zh"].Blocks[0].Text + "「引用」，（括号）！还有、顿号。"
	noStart, noEnd := "，。、」）！”", "「（“"
	if n := len(d.layout([]segment{{Text: text}}, stBody, 40, "zh")); n < 12 {
		t.Fatalf("%d lines at 40 points: the text is not broken between characters", n)
	}
	for width := 40.0; width < 260; width += 7 {
		for _, l := range d.layout([]segment{{Text: text}}, stBody, width, "zh") {
			first, last := lineEnds(l)
			if strings.ContainsRune(noStart, first) || strings.ContainsRune(noEnd, last) {
				t.Errorf("width %v: a line runs from %q to %q", width, first, last)
			}
		}
	}
}

// lineEnds are the first and last characters (in reading order) of a
// left-to-right line.
func lineEnds(l textLine) (rune, rune) {
	lo, hi := -1, -1
	for _, r := range l.runs {
		for _, g := range r.glyphs {
			if invisible(r.text[g.ClusterIndex]) || unicode.IsSpace(r.text[g.ClusterIndex]) {
				continue
			}
			if lo < 0 || g.ClusterIndex < lo {
				lo = g.ClusterIndex
			}
			hi = max(hi, g.ClusterIndex)
		}
	}
	if lo < 0 {
		return 0, 0
	}
	return l.runs[0].text[lo], l.runs[0].text[hi]
}

// newTestPDFDoc is a document writing nowhere, for layout tests.
func newTestPDFDoc(t *testing.T) *pdfDoc {
	fonts, err := newFontBook()
	if err != nil {
		t.Fatal(err)
	}
	return &pdfDoc{pdf: newPDFFile(&bytes.Buffer{}), fonts: fonts, missing: map[rune]bool{}}
}

func TestPDFRightToLeftFlushRight(t *testing.T) {
	d := newTestPDFDoc(t)
	if !hasFontFor('ש') {
		t.Skip("no Hebrew font on this system")
	}
	lines := d.layout([]segment{{Text: scriptArticles()["he"].Blocks[0].Text}}, stBody, 120, "he")
	if len(lines) < 2 {
		t.Fatalf("%d lines, want several", len(lines))
	}
	for _, l := range lines {
		if !l.rtl || l.width > 120 {
			t.Errorf("line rtl %v width %v", l.rtl, l.width)
		}
	}
}

func TestPDFMissingGlyphs(t *testing.T) {
	saved, savedWith := systemFonts, fontsWith
	systemFonts = func(string) []fontFile { return nil } // a system with no fonts but the Go fonts
	fontsWith = func(rune) []fontFile { return nil }
	defer func() { systemFonts, fontsWith = saved, savedWith }()
	s, ids := newScriptsFixture(t)
	out := filepath.Join(t.TempDir(), "he.pdf")
	_, err := Export(context.Background(), s, []int64{ids["he"]}, Options{Format: PDF, Out: out}, nil)
	if !errors.Is(err, ErrMissingGlyphs) || !strings.Contains(err.Error(), scriptArticles()["he"].Title) ||
		!strings.Contains(err.Error(), "Hebrew") || !strings.Contains(err.Error(), "--skip-missing") {
		t.Fatalf("err = %v, want ErrMissingGlyphs naming the article, Hebrew and --skip-missing", err)
	}
	if _, serr := os.Stat(out); serr == nil {
		t.Error("a failed export left its file")
	}
	res, err := Export(context.Background(), s, []int64{ids["he"]}, Options{Format: PDF, Out: out, SkipMissing: true}, nil)
	if err != nil || !strings.Contains(strings.Join(res.Warnings, "\n"), "left out for want of a font") {
		t.Fatalf("with SkipMissing: %v, warnings %q", err, res.Warnings)
	}
}

func TestPDFDocumentInfo(t *testing.T) {
	fx := newFixture(t)
	out := filepath.Join(t.TempDir(), "one.pdf")
	if _, err := Export(context.Background(), fx.store, []int64{fx.ids["libraries"]}, Options{Format: PDF, Out: out}, nil); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"/Title (Libraries keep the news)", "/Author (By Anna Lindqvist and Bo Ek)", "/Lang (en)",
		"/URI (https://example.com/news/libraries?id=1&x=%20)", "/URI (https://example.com/more)", "/Type /Outlines", "/Count 1"} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("the PDF lacks %s", want)
		}
	}
	if _, err := exec.LookPath("pdffonts"); err != nil {
		t.Skip("pdffonts is not installed")
	}
	fonts, err := exec.Command("pdffonts", out).Output()
	if err != nil {
		t.Fatal(err)
	}
	rows := regexp.MustCompile(`(?m)^[A-Z]{6}\+\S+\s+CID Type 0C\s+Identity-H\s+yes yes yes`).FindAll(fonts, -1)
	if len(rows) == 0 || len(rows) != len(bytes.Split(bytes.TrimSpace(fonts), []byte("\n")))-2 {
		t.Errorf("fonts not all embedded subsets with Unicode maps:\n%s", fonts)
	}
}

func TestCFFSubsetReadsBack(t *testing.T) {
	b, err := newFontBook()
	if err != nil {
		t.Fatal(err)
	}
	p := b.base[regular]
	var glyphs []cffGlyph
	box := bbox{}
	for _, r := range "\x00Ag@é" {
		g, _ := p.face.NominalGlyph(r)
		segs, _ := glyphOutline(p.face, g)
		glyphs = append(glyphs, cffGlyph{cid: int(g), width: p.width(g), code: charstring(segs, 1000/p.upem, p.width(g), &box)})
	}
	f, err := cff.Parse(buildCFF("TEST+Go", glyphs, glyphs[len(glyphs)-1].cid+1))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Charstrings) != len(glyphs) {
		t.Fatalf("%d charstrings, want %d", len(f.Charstrings), len(glyphs))
	}
	for i, g := range glyphs {
		segs, bounds, err := f.LoadGlyph(uint16(i))
		want, _ := glyphOutline(p.face, font.GID(g.cid))
		if err != nil || len(segs) < len(want) {
			t.Errorf("glyph %d: %d segments (%v), want %d", g.cid, len(segs), err, len(want))
		}
		if i > 0 && (bounds.Max.X-bounds.Min.X < 100 || bounds.Max.X > float64(box.x1)) {
			t.Errorf("glyph %d: bounds %v outside %v", g.cid, bounds, box)
		}
	}
}
