package app

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/clippings/clippings/archive/archivetest"
	"github.com/clippings/clippings/importer"
	"github.com/clippings/clippings/library"
)

// TestImportLibraries imports a Wallabag export dropped with a saved page:
// the export is imported entry by entry, its link without content is
// reported left out (kept as a reading list when Preferences says so),
// and the page goes on to the importer.
func TestImportLibraries(t *testing.T) {
	page, err := os.ReadFile("testdata/harbour-seals.html")
	if err != nil {
		t.Fatal(err)
	}
	export, _ := json.Marshal([]map[string]any{
		{"id": 1, "title": "Harbour seals", "url": "https://example.org/seals", "content": string(page), "is_archived": 1, "is_starred": 0},
		{"id": 2, "title": "Later", "url": "https://example.org/later", "content": "", "is_archived": 0, "is_starred": 0},
	})
	dir := t.TempDir()
	path := filepath.Join(dir, "wallabag.json")
	if err := os.WriteFile(path, export, 0o644); err != nil {
		t.Fatal(err)
	}
	im := &imports{sink: archivetest.MustOpen(t)}
	var seen []string
	rest, rep, err := im.importLibraries(context.Background(), []string{path, "testdata/allotment-bees.html"},
		func(p importer.Progress) { seen = append(seen, p.Last.Path) })
	if err != nil {
		t.Fatal(err)
	}
	if len(rest) != 1 || rest[0] != "testdata/allotment-bees.html" {
		t.Errorf("left for the importer: %v", rest)
	}
	if rep.Imported != 1 || rep.Failed != 1 || len(rep.Files[0].IDs) != 1 || len(seen) != 2 {
		t.Fatalf("report %+v, progress %v", rep, seen)
	}
	if got := failureText(rep.Failures()[0]); !strings.Contains(got, "wallabag.json (entry 2): a link without content") {
		t.Errorf("failure %q", got)
	}

	t.Run("ReadingList", func(t *testing.T) {
		s := archivetest.MustOpen(t)
		im := &imports{sink: s, readingList: func() bool { return true }}
		_, rep, err := im.importLibraries(context.Background(), []string{path}, func(importer.Progress) {})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Failed != 0 || len(rep.Files) != 1 || len(rep.Files[0].IDs) != 2 {
			t.Fatalf("report %+v: want both entries stored", rep)
		}
		later, err := s.Article(context.Background(), rep.Files[0].IDs[1])
		if err != nil {
			t.Fatal(err)
		}
		if later.Title != "Later" || !slices.Contains(later.Tags, library.NotCaptured) {
			t.Errorf("the link is stored as %q, tags %v; want \"Later\" tagged %q", later.Title, later.Tags, library.NotCaptured)
		}
	})
}
