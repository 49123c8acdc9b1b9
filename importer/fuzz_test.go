package importer

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzExtract feeds Extract the seed page, the test pages and mutations
// of them. Extract must not panic, and what it returns must hold together.
func FuzzExtract(f *testing.F) {
	if data, err := os.ReadFile(seedPage); err == nil {
		f.Add("seed.txt", data)
	}
	pages, _ := filepath.Glob(filepath.Join("testdata", "*.html"))
	for _, p := range pages {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(filepath.Base(p), data)
		}
	}
	f.Add("note.md", []byte("# Title\n\nSome *text*."))
	f.Add("empty.txt", []byte{})
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		c, err := Extract(name, data)
		if err != nil {
			if c != nil {
				t.Fatal("capture returned with an error")
			}
			return
		}
		if len(c.Articles) == 0 {
			t.Fatal("no article and no error")
		}
		for _, a := range c.Articles {
			if a.Text() == "" {
				t.Error("article without text")
			}
			for _, b := range a.Blocks {
				if b.Kind == "figure" && (b.Figure < 0 || b.Figure >= len(a.Figures)) {
					t.Errorf("figure block points to figure %d of %d", b.Figure, len(a.Figures))
				}
			}
		}
	})
}
