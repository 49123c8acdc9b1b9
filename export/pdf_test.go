package export

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"
)

func TestPDF(t *testing.T) {
	fx := newFixture(t)
	out := filepath.Join(t.TempDir(), "book.pdf")
	res, err := Export(context.Background(), fx.store, fx.all, Options{Format: PDF, Out: out, Title: "Test book"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %v", err)
	}
	if !strings.Contains(strings.Join(res.Warnings, "\n"), "SVG images are not exported") {
		t.Errorf("warnings %q do not mention the SVG left out", res.Warnings)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed (apt-get install poppler-utils)")
	}
	text, err := exec.Command("pdftotext", "-enc", "UTF-8", out, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	flat := strings.Join(strings.Fields(string(text)), " ")
	want := []string{"Test book", "Libraries keep the news", "Public libraries keep the news of their towns for a century.",
		"Ελληνικά και кириллица too.", "Visits per year — Photo: Bo Ek", hostileTitle, "1. nested one",
		"Follow up with the archivist.", "Citation key: lindqvist2024librariesb"}
	if len(FindCJKFonts("")) > 0 {
		want = append(want, "金正恩氏、トランプ大統領と再会談へ", "中国は二回目の首脳会談を支持した。")
	} else {
		t.Log("no CJK font on this system: CJK text not checked")
	}
	for _, w := range want {
		if !strings.Contains(flat, w) && !strings.Contains(strings.ReplaceAll(flat, " ", ""), strings.ReplaceAll(w, " ", "")) {
			t.Errorf("pdftotext does not give back %q", w)
		}
	}
	pages := regexp.MustCompile(`(?m)^\s*(\d+) ?/ ?(\d+)\s*$`).FindAllStringSubmatch(string(text), -1)
	if len(pages) < len(fx.all)+1 || pages[0][1] != "1" || pages[0][2] != pages[len(pages)-1][1] {
		t.Errorf("page numbers: %v", pages)
	}
}

func TestPDFFonts(t *testing.T) {
	f := fpdf.New("P", "mm", "A4", "")
	fs, err := loadFonts(f, nil)
	if err != nil {
		t.Fatal(err)
	}
	cases := map[rune]string{'a': famText, 'Ж': famText, 'λ': famText, ' ': famText, '中': "", '\u200b': "", '😀': "", '\ufe0f': ""}
	for r, want := range cases {
		if got := fs.family(famText, r); got != want {
			t.Errorf("family(%q) = %q, want %q", r, got, want)
		}
	}
	if !fs.missing['中'] || !fs.missing['😀'] || fs.missing['\u200b'] || fs.missing['\ufe0f'] {
		t.Errorf("missing = %v: want 中 and 😀 counted, the zero-width space and the variation selector not", fs.missing)
	}
	// A fallback font may have a glyph for a variation selector (DejaVu
	// Sans does); drawn, it set the rest of a title apart and lost words.
	if fb, err := loadFonts(fpdf.New("P", "mm", "A4", ""), FindCJKFonts("")); err != nil {
		t.Fatal(err)
	} else if got := fb.family(famText, '\ufe0f'); got != "" {
		t.Errorf("with the fallback fonts %v, family(U+FE0F) = %q, want it dropped", FindCJKFonts(""), got)
	}
	if got := fs.family(famMono, 'x'); got != famMono {
		t.Errorf("mono family(x) = %q", got)
	}
}

func TestBreakLines(t *testing.T) {
	p := func(text string, w float64, brk bool) piece { return piece{text: text, w: w, breakAfter: brk} }
	ps := []piece{p("aa ", 3, true), p("bb ", 3, true), p("c", 1, false), p("c ", 2, true), p("ddddd", 5, true),
		{newline: true}, p("e", 1, true)}
	var got []string
	for _, l := range breakLines(ps, 7) {
		var b strings.Builder
		for _, q := range l {
			b.WriteString(q.text)
		}
		got = append(got, b.String())
	}
	// "cc " is not split between its two pieces, though "c" would fit on the first line.
	want := []string{"aa bb ", "cc ", "ddddd", "e"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("lines %q, want %q", got, want)
	}
}
