package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestImportNewVersionAndReextract(t *testing.T) {
	db := filepath.Join(t.TempDir(), "archive.db")
	dir := samples(t)
	if code, out, errs := clippings(t, "import", "--archive", db, dir); code != 0 {
		t.Fatalf("import exit %d\n%s%s", code, out, errs)
	}
	page, err := os.ReadFile(filepath.Join(dir, "night-trains-return.html"))
	if err != nil {
		t.Fatal(err)
	}
	later := filepath.Join(t.TempDir(), "night-trains-updated.html")
	changed := strings.Replace(string(page), "That has changed.", "That has changed, and quickly.", 1)
	if err := os.WriteFile(later, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := clippings(t, "import", "--archive", db, later)
	if code != 0 || !strings.Contains(out, "0 imported, 1 new version, 0 already present, 0 failed") ||
		!strings.Contains(out, "night-trains-updated.html: new version of 1 article") {
		t.Errorf("import of a changed page: exit %d\n%s%s", code, out, errs)
	}

	code, out, errs = clippings(t, "reextract", "--archive", db)
	if code != 0 || !strings.Contains(out, "0 updated, 4 unchanged, 0 failed") {
		t.Errorf("reextract: exit %d\n%s%s", code, out, errs)
	}
	if code, _, _ := clippings(t, "reextract", "--archive", db, "extra"); code != 2 {
		t.Errorf("reextract with an argument: exit %d, want 2", code)
	}
}

func TestImportReportsReasons(t *testing.T) {
	db := filepath.Join(t.TempDir(), "archive.db")
	dir := t.TempDir()
	for name, data := range map[string]string{"a.json": `{"a": 1}`, "b.html": "", "c.bin": "\x00\x01\x02\x03"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errs := clippings(t, "import", "--archive", db, dir)
	if code == 0 || !strings.Contains(errs, "nothing could be imported") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	for _, want := range []string{"a.json: json data", "b.html: empty file", "c.bin: binary file", "0 imported, 0 already present, 3 failed"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestProgressBar(t *testing.T) {
	var out strings.Builder
	b := newProgressBar(&out, "importing")
	if b.tty {
		t.Fatal("a strings.Builder taken for a terminal")
	}
	b.update(1, 2, "a.html: imported (article 1)", false)
	if got, want := out.String(), "[1/2] a.html: imported (article 1)\n"; got != want {
		t.Errorf("plain output %q, want %q", got, want)
	}
	b.column = 80
	line := b.render(50, 100, "/some/folder/"+strings.Repeat("x", 100)+".html: imported")
	if !strings.HasPrefix(line, "importing [############............] 50/100 ") || len([]rune(line)) > 80 {
		t.Errorf("bar %q: want the bar, the count and the file name cut to 80 columns", line)
	}
}
