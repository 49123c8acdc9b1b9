package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/clippings/clippings/archive"
)

// awkwardNames are tag and collection names that a query built by pasting
// them into the search language breaks on.
var awkwardNames = []string{`say "hi"`, `back\slash`, `a:b`, `(paren`}

// TestExportAwkwardNames checks that export --tag and --collection export
// exactly the articles of a tag or collection whose name holds a quote, a
// backslash, a colon or a bracket, and not those of "say hi", the name
// with its quotes dropped.
func TestExportAwkwardNames(t *testing.T) {
	db := sampleArchive(t)
	ctx := context.Background()
	s, err := archive.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	sums, err := s.List(ctx, archive.ListFilter{Limit: 10})
	if err != nil || len(sums) < 3 {
		t.Fatalf("the samples: %d articles, %v", len(sums), err)
	}
	want := map[string][]string{} // name: the titles tagged and collected
	for i, name := range append(slices.Clone(awkwardNames), "say hi") {
		a, b := sums[i%len(sums)], sums[(i+1)%len(sums)]
		if _, err := s.AddTags(ctx, []int64{a.ID, b.ID}, name); err != nil {
			t.Fatal(err)
		}
		col, err := s.CreateCollection(ctx, 0, name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddToCollection(ctx, col, a.ID, b.ID); err != nil {
			t.Fatal(err)
		}
		want[name] = []string{a.Title, b.Title}
		slices.Sort(want[name])
	}
	s.Close()
	for _, name := range awkwardNames {
		for _, flag := range []string{"--tag", "--collection"} {
			out := filepath.Join(t.TempDir(), "out.json")
			code, stdout, errs := clippings(t, "export", "--archive", db, "--format", "json", flag, name, "-o", out)
			if code != 0 {
				t.Errorf("export %s %q: exit %d\n%s%s", flag, name, code, stdout, errs)
				continue
			}
			if got := exportedTitles(t, out); !slices.Equal(got, want[name]) {
				t.Errorf("export %s %q: %q, want %q", flag, name, got, want[name])
			}
		}
	}
}

// exportedTitles returns the sorted titles of the articles of a JSON
// export.
func exportedTitles(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Articles []struct{ Title string } `json:"articles"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var titles []string
	for _, a := range doc.Articles {
		titles = append(titles, a.Title)
	}
	slices.Sort(titles)
	return titles
}
