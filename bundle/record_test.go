package bundle

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/clippings/clippings/archive"
)

// recordFixture is the test bundle's content with authors and
// confidences on the current and the earlier version of an article.
func recordFixture() *fixture {
	fx := newFixture()
	trains := &fx.doc.Articles[0]
	trains.Authors = []archive.Author{
		{Name: "Robert Burns", Kind: archive.Person, Role: "AP National Security Writer"},
		{Name: "Associated Press", Kind: archive.Organization},
	}
	trains.Byline, trains.Confidence = "Robert Burns, Associated Press", archive.ConfidenceArticle
	trains.Versions[0].Authors = []archive.Author{{Name: "Ana Pérez", Kind: archive.Person}}
	trains.Versions[0].Byline, trains.Versions[0].Confidence = "Ana Pérez", archive.ConfidenceStub
	return fx
}

func TestMergeRecord(t *testing.T) {
	ctx := context.Background()
	fx := recordFixture()
	dst := emptyStore(t)
	if _, err := Merge(ctx, dst, fx.write(t), nil); err != nil {
		t.Fatal(err)
	}
	want := fx.doc.Articles[0]
	trains := byURL(t, dst, "https://example.com/trains")
	if !reflect.DeepEqual(trains.Authors, want.Authors) || trains.Confidence != archive.ConfidenceArticle {
		t.Errorf("current version: authors %+v, confidence %q; want %+v, %q", trains.Authors, trains.Confidence, want.Authors, want.Confidence)
	}
	old, err := dst.ArticleVersion(ctx, trains.ID, 1)
	if err != nil || !reflect.DeepEqual(old.Authors, want.Versions[0].Authors) || old.Confidence != archive.ConfidenceStub {
		t.Errorf("earlier version: %+v, %v; want its authors and confidence", old, err)
	}
	// And back: the document of the merged article has them again.
	if got := ContentOf(trains); !reflect.DeepEqual(got.Authors, want.Authors) || got.Confidence != want.Confidence {
		t.Errorf("ContentOf: authors %+v, confidence %q", got.Authors, got.Confidence)
	}
}

// A document written before authors and confidence were kept merges,
// with none; a confidence this version does not know is read as unknown.
func TestMergeDocumentWithoutRecord(t *testing.T) {
	ctx := context.Background()
	fx := recordFixture()
	data, err := json.Marshal(fx.doc)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	for _, a := range doc["articles"].([]any) {
		art := a.(map[string]any)
		delete(art, "authors")
		art["confidence"] = "certain"
		for _, v := range art["versions"].([]any) {
			delete(v.(map[string]any), "authors")
			delete(v.(map[string]any), "confidence")
		}
	}
	if data, err = json.Marshal(doc); err != nil {
		t.Fatal(err)
	}
	dst := emptyStore(t)
	if _, err := Merge(ctx, dst, fx.writeDoc(t, data), nil); err != nil {
		t.Fatal(err)
	}
	trains := byURL(t, dst, "https://example.com/trains")
	if trains.Authors != nil || trains.Confidence != "" || trains.Byline != "Robert Burns, Associated Press" {
		t.Errorf("current version: authors %+v, confidence %q, byline %q; want none, unknown and the byline", trains.Authors, trains.Confidence, trains.Byline)
	}
	old, err := dst.ArticleVersion(ctx, trains.ID, 1)
	if err != nil || old.Authors != nil || old.Confidence != "" {
		t.Errorf("earlier version: %+v, %v; want no authors, unknown confidence", old, err)
	}
}
