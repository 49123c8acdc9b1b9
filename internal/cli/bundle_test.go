package cli

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// rewriteDocument copies the bundle from to to with edit applied to its
// clippings.json.
func rewriteDocument(t *testing.T, from, to string, edit func(string) string) {
	t.Helper()
	zr, err := zip.OpenReader(from)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if f.Name != "clippings.json" {
			if err := zw.Copy(f); err != nil {
				t.Fatal(err)
			}
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		doc, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		w, _ := zw.Create(f.Name)
		w.Write([]byte(edit(string(doc))))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A bundle exported by this Clippings imports as it is; one whose text
// was changed is stored as its original says, and the import says so.
func TestImportBundleCheckedAgainstOriginals(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "src.db")
	if code, out, errs := clippings(t, "import", "--archive", src, samples(t)); code != 0 {
		t.Fatalf("import: exit %d\n%s%s", code, out, errs)
	}
	good := filepath.Join(dir, "all.clippings")
	if code, out, errs := clippings(t, "export", "--archive", src, "--format", "bundle", "--query", "", "-o", good); code != 0 {
		t.Fatalf("export: exit %d\n%s%s", code, out, errs)
	}
	code, out, errs := clippings(t, "import", "--archive", filepath.Join(dir, "copy.db"), good)
	if code != 0 || strings.Contains(out, "cleaned again") || !strings.Contains(out, "3 captures stored") {
		t.Errorf("the bundle as exported: exit %d\n%s%s", code, out, errs)
	}
	changed := filepath.Join(dir, "changed.clippings")
	rewriteDocument(t, good, changed, func(doc string) string {
		return strings.Replace(doc, "That has changed.", "Nothing has changed.", 1)
	})
	db := filepath.Join(dir, "changed.db")
	code, out, errs = clippings(t, "import", "--archive", db, changed)
	if code != 0 || !strings.Contains(out, "1 article version stored as cleaned again from the original") ||
		!strings.Contains(out, "was cleaned differently") {
		t.Errorf("a bundle with a sentence changed: exit %d\n%s%s", code, out, errs)
	}
	if _, out, _ := clippings(t, "search", "--archive", db, `"Nothing has changed"`); strings.Contains(out, "night") || strings.Contains(out, "Night") {
		t.Errorf("the changed sentence was stored:\n%s", out)
	}
}
