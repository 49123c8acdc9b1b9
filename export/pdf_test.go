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
		"Follow up with the archivist.", "Citation key: lindqvist2024libraries"}
	if hasFontFor('金') {
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

// hasFontFor reports whether the system has a font for r.
func hasFontFor(r rune) bool {
	b, err := newFontBook()
	return err == nil && b.resolve(r, regular, "", 0) != nil
}
