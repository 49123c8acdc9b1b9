package export

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/clippings/clippings/bundle"
)

func TestJSON(t *testing.T) {
	fx := newFixture(t)
	data, err := os.ReadFile(exportTo(t, fx.store, fx.all, JSON))
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var doc bundle.Document
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("the JSON does not decode into Document: %v", err)
	}
	if doc.Format != bundle.DocFormat || doc.Version != bundle.DocVersion || len(doc.Articles) != len(fx.all) {
		t.Fatalf("format %q version %d, %d articles", doc.Format, doc.Version, len(doc.Articles))
	}
	by := map[string]bundle.DocArticle{}
	for _, a := range doc.Articles {
		by[a.Key] = a
	}
	lib, trains := by["lindqvist2024libraries"], by["rail2023night"]
	if len(lib.Annotations) != 3 || !lib.Starred || len(lib.Tags) != 2 || len(lib.Figures) != 2 || len(lib.Blocks) != 12 {
		t.Errorf("libraries: %d annotations, starred %v, tags %v, %d figures, %d blocks",
			len(lib.Annotations), lib.Starred, lib.Tags, len(lib.Figures), len(lib.Blocks))
	}
	if len(trains.Versions) != 1 || trains.Versions[0].Provenance.FileName != "trains-v1.html" ||
		trains.Provenance.FileName != "trains-v2.html" {
		t.Errorf("trains versions: %+v", trains.Versions)
	}
	if got, want := len(doc.Collections), 2; got != want {
		t.Errorf("%d collections, want %d (Reading, Reading/Summits; not the empty one)", got, want)
	}
	if len(doc.Collections) == 2 && (doc.Collections[0].Path != "Reading" || doc.Collections[0].Articles[0] != "rail2023night") {
		t.Errorf("collections: %+v", doc.Collections)
	}
	if len(doc.SavedSearches) != 1 || len(doc.Originals) != 6 || len(doc.Images) != 3 {
		t.Errorf("%d saved searches, %d originals, %d images", len(doc.SavedSearches), len(doc.Originals), len(doc.Images))
	}
	t.Run("Deterministic", func(t *testing.T) {
		rev := make([]int64, len(fx.all))
		for i, id := range fx.all {
			rev[len(fx.all)-1-i] = id
		}
		again, err := os.ReadFile(exportTo(t, fx.store, rev, JSON))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(again, data) {
			t.Errorf("exporting the same articles in another order gives another document:\n%s", diffLines(string(data), string(again)))
		}
	})
}
