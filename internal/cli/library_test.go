package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clippings/clippings/importer"
)

// TestImportLibrary imports a Wallabag export holding a sample page that
// was imported before as a saved page, and a link Wallabag never fetched:
// the report says what was merged, highlighted and skipped, a reading
// list keeps the link, and re-extraction reads the stored export again.
func TestImportLibrary(t *testing.T) {
	db := filepath.Join(t.TempDir(), "archive.db")
	dir := samples(t)
	if code, out, errs := clippings(t, "import", "--archive", db, dir); code != 0 {
		t.Fatalf("import exit %d\n%s%s", code, out, errs)
	}
	page, err := os.ReadFile(filepath.Join(dir, "night-trains-return.html"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := importer.Extract("night-trains-return.html", page)
	if err != nil {
		t.Fatal(err)
	}
	export, err := json.Marshal([]map[string]any{
		{"id": 4668, "title": c.Articles[0].Title, "url": c.Articles[0].URL, "content": string(page), "tags": []string{"rail"},
			"is_archived": 1, "is_starred": 0, "annotations": []map[string]any{{"quote": "That has changed.", "text": "yes"}}},
		{"id": 4669, "title": "Later", "url": "https://example.org/later", "content": "", "is_archived": 0, "is_starred": 0},
	})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "wallabag.json")
	if err := os.WriteFile(path, export, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := clippings(t, "import", "--archive", db, path)
	for _, want := range []string{"Wallabag export " + path + ": 2 entries read", "0 articles, 1 merged, 0 new versions, 1 skipped",
		"1 tag, 0 notes, 0 collections added; 1 highlight (1 exact, 0 fuzzy, 0 orphaned, 0 already there)",
		"entry 4669: a link without content"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q (exit %d):\n%s%s", want, code, out, errs)
		}
	}
	code, out, errs = clippings(t, "import", "--archive", db, "--reading-list", path)
	if code != 0 || !strings.Contains(out, "0 articles, 1 merged, 0 new versions, 1 link not captured, 0 skipped") {
		t.Errorf("with a reading list: exit %d\n%s%s", code, out, errs)
	}
	code, out, errs = clippings(t, "reextract", "--archive", db)
	if code != 0 || !strings.Contains(out, " 0 failed") {
		t.Errorf("reextract: exit %d\n%s%s", code, out, errs)
	}
}
