package export

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Documents in every script: languages and directions in EPUB and HTML,
// the book's author, safe front matter, plain highlights, CSV for
// spreadsheets.

func TestEPUBLanguages(t *testing.T) {
	s, ids := newScriptsFixture(t)
	out := filepath.Join(t.TempDir(), "book.epub")
	sel := []int64{ids["ar"], ids["he"], ids["zh"], ids["ko"]}
	if _, err := Export(context.Background(), s, sel, Options{Format: EPUB, Out: out, Author: "Eva Researcher"}, nil); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.OpenReader(out)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	files := map[string]string{}
	for _, f := range zr.File {
		data, err := zipEntry(f)
		if err != nil {
			t.Fatal(err)
		}
		files[f.Name] = string(data)
	}
	var pkg struct {
		Language string `xml:"metadata>language"`
		Creator  string `xml:"metadata>creator"`
	}
	if err := xml.Unmarshal([]byte(files["OEBPS/content.opf"]), &pkg); err != nil {
		t.Fatal(err)
	}
	// Four articles in four languages: the first in sorted order of the
	// most common, never "und"; the creator is the researcher.
	if pkg.Language != "ar" || pkg.Creator != "Eva Researcher" {
		t.Errorf("language %q, creator %q: want ar and the researcher", pkg.Language, pkg.Creator)
	}
	want := map[string]string{"c0001": `xml:lang="ar" lang="ar" dir="rtl"`, "c0002": `xml:lang="he" lang="he" dir="rtl"`,
		"c0003": `xml:lang="zh" lang="zh">`, "c0004": `xml:lang="ko" lang="ko">`}
	for c, attrs := range want {
		if page := files["OEBPS/text/"+c+".xhtml"]; !strings.Contains(page, attrs) {
			t.Errorf("%s: <html> lacks %s:\n%.300s", c, attrs, page)
		}
	}
	if nav := files["OEBPS/nav.xhtml"]; !strings.Contains(nav, `<li xml:lang="he" lang="he" dir="rtl">`) {
		t.Errorf("the table of contents does not mark the Hebrew title:\n%s", nav)
	}
}

func TestHTMLLanguages(t *testing.T) {
	s, ids := newScriptsFixture(t)
	dir := filepath.Join(t.TempDir(), "site")
	if _, err := Export(context.Background(), s, []int64{ids["he"], ids["zh"], ids["he"]}, Options{Format: HTML, Out: dir}, nil); err != nil {
		t.Fatal(err)
	}
	read := func(name string) string {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	if page := read(SafeName(scriptArticles()["he"].Title) + ".html"); !strings.Contains(page, `<html lang="he" dir="rtl">`) {
		t.Errorf("the Hebrew page is not marked right to left:\n%.200s", page)
	}
	if page := read(SafeName(scriptArticles()["zh"].Title) + ".html"); !strings.Contains(page, `<html lang="zh">`) {
		t.Errorf("the Chinese page does not say its language:\n%.200s", page)
	}
	if index := read("index.html"); !strings.Contains(index, `<html lang="he" dir="rtl">`) {
		t.Errorf("the index is not in the dominant language:\n%.200s", index)
	}
}

func TestIsRTL(t *testing.T) {
	for lang, want := range map[string]bool{"ar": true, "he": true, "fa": true, "ur": true, "yi": true,
		"en": false, "ja": false, "az-Arab": true, "ku": false, "": false, "xx-invalid!": false} {
		if got := isRTL(lang); got != want {
			t.Errorf("isRTL(%q) = %v, want %v", lang, got, want)
		}
	}
}

func TestFrontMatterEscaped(t *testing.T) {
	for in, want := range map[string]string{
		`<script>alert(1)</script>`: `\<script\>alert(1)\</script\>`,
		`[x](javascript:a) *b* $c$`: `\[x\](javascript:a) \*b\* \$c\$`,
		"Q&A &amp; `code`{=html}":   "Q&A \\&amp; \\`code\\`{=html}",
		`Plain title, 2024`:         `Plain title, 2024`,
	} {
		if got := metaEscape(in); got != want {
			t.Errorf("metaEscape(%q) = %q, want %q", in, got, want)
		}
	}
	fx := newFixture(t)
	dir := exportTo(t, fx.store, fx.all, Markdown)
	note := filepath.Join(dir, SafeName(hostileTitle)+".md")
	data, err := os.ReadFile(note)
	if err != nil {
		t.Fatal(err)
	}
	m, _ := splitNote(t, string(data))
	if aliases, _ := m["aliases"].([]any); len(aliases) != 1 || aliases[0] != m["title"] {
		t.Errorf("aliases = %v, want the title %q", m["aliases"], m["title"])
	}
	if _, err := exec.LookPath("pandoc"); err != nil {
		t.Skip("pandoc is not installed")
	}
	page, err := exec.Command("pandoc", "-s", "-f", "markdown", "-t", "html", note).Output()
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(page, []byte("<script")) || !bytes.Contains(page, []byte("&lt;script&gt;alert")) {
		t.Errorf("pandoc renders the title as HTML:\n%s", regexp.MustCompile(`(?s)<title>.*?</title>`).Find(page))
	}
}

func TestMarkdownPlainMarks(t *testing.T) {
	fx := newFixture(t)
	dir := filepath.Join(t.TempDir(), "vault")
	if _, err := Export(context.Background(), fx.store, fx.all, Options{Format: Markdown, Out: dir, PlainMarks: true}, nil); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "Libraries keep the news.md"))
	if err != nil {
		t.Fatal(err)
	}
	if body := string(data); strings.Contains(body, "==") || !strings.Contains(body, "Public libraries keep the news of") ||
		!strings.Contains(body, "## Highlights\n\n> keep the news") {
		t.Errorf("plain marks: the body has == or lost the highlights section:\n%s", body)
	}
}

func TestCSVByteOrderMark(t *testing.T) {
	fx := newFixture(t)
	for _, f := range []Format{CSV, AnnotationsCSV} {
		for _, bom := range []bool{false, true} {
			out := filepath.Join(t.TempDir(), "out.csv")
			if _, err := Export(context.Background(), fx.store, fx.all, Options{Format: f, Out: out, BOM: bom}, nil); err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			if got := bytes.HasPrefix(data, []byte("\xef\xbb\xbfkey,")); got != bom {
				t.Errorf("%s with BOM %v starts %q", f, bom, data[:8])
			}
		}
	}
}
