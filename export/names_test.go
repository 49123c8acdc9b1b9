package export

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSafeName(t *testing.T) {
	cases := []struct{ title, want string }{
		{"Libraries keep the news", "Libraries keep the news"},
		{"../../etc/passwd", "etc passwd"},
		{`..\..\Windows\system32`, `Windows system32`},
		{"/absolute/path", "absolute path"},
		{"a/b\\c:d*e?f\"g<h>i|j", "a b c d e f g h i j"},
		{"Obsidian #tag ^block [[link]]", "Obsidian tag block link"},
		{"CON", "_CON"},
		{"nul.txt", "_nul.txt"},
		{"com1", "_com1"},
		{"Concert", "Concert"},
		{"...", "untitled"},
		{"", "untitled"},
		{" \t\n ", "untitled"},
		{".hidden", "hidden"},
		{"trailing dot.", "trailing dot"},
		{"line\nbreak\x00nul\x1bescape", "line break nul escape"},
		{"evil\u202etxt.exe", "eviltxt.exe"},
		{"zero\u200bwidth", "zerowidth"},
		{"金正恩氏、トランプ大統領と再会談へ", "金正恩氏、トランプ大統領と再会談へ"},
		{"e\u0301te\u0301", "été"}, // NFC
	}
	for _, c := range cases {
		if got := SafeName(c.title); got != c.want {
			t.Errorf("SafeName(%q) = %q, want %q", c.title, got, c.want)
		}
	}
}

func TestSafeNameStaysInside(t *testing.T) {
	hostile := []string{hostileTitle, "..", ".", "../", "a/../../b", strings.Repeat("長", 400),
		strings.Repeat("a/", 300), "\xff\xfe bad utf-8", "C:\\x", "~/x", "$HOME", "%2e%2e%2f"}
	for _, h := range hostile {
		name := SafeName(h)
		if !filepath.IsLocal(name) || strings.ContainsAny(name, `/\`) || name != filepath.Base(name) {
			t.Errorf("SafeName(%q) = %q leaves its folder", h, name)
		}
		if len(name) > maxNameBytes || !utf8.ValidString(name) || name == "" {
			t.Errorf("SafeName(%q) = %q: %d bytes, valid UTF-8 %v", h, name, len(name), utf8.ValidString(name))
		}
	}
}

func TestNamerUnique(t *testing.T) {
	var n namer
	got := []string{n.name("Report", ".md"), n.name("report", ".md"), n.name("REPORT", ".md"), n.name("Report", ".html")}
	want := []string{"Report.md", "report 2.md", "REPORT 3.md", "Report.html"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("name %d = %q, want %q", i, got[i], want[i])
		}
	}
}
