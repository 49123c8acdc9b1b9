package archive_test

import (
	"context"
	"slices"
	"testing"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/archive/archivetest"
)

// An archive written by the release at f14bfae opens (migration 0006)
// with everything it held, and no authors or confidence yet.
func TestMigratePrevRelease(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := archivetest.PrevRelease(t)
	rep, err := s.Check(ctx)
	if err != nil || !rep.OK() || rep.Articles != 6 || rep.Originals != 7 {
		t.Fatalf("check: %+v, %v", rep, err)
	}
	for id := archivetest.PrevFuturism; id <= archivetest.PrevParkview; id++ {
		a, err := s.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		// The archive parses no byline: reextract fills the authors in.
		if a.Authors != nil || a.Confidence != "" {
			t.Errorf("article %d: authors %+v, confidence %q; want none and unknown", id, a.Authors, a.Confidence)
		}
	}
	fut, err := s.Article(ctx, archivetest.PrevFuturism)
	if err != nil || fut.Byline != "Victor Tangermann, Futurism" || !fut.Starred || !slices.Equal(fut.Tags, []string{"space/europa"}) {
		t.Errorf("futurism article: %+v, %v", fut, err)
	}
	old, err := s.ArticleVersion(ctx, archivetest.PrevFuturism, 1)
	if err != nil || old.FileName != "futurism-earlier.html" || old.Authors != nil {
		t.Errorf("futurism version 1: %+v, %v", old, err)
	}
	if ids, err := s.SearchIDs(ctx, "author:tangermann"); err != nil || !slices.Equal(ids, []int64{archivetest.PrevFuturism}) {
		t.Errorf("author:tangermann: %v, %v", ids, err)
	}
	notes, err := s.Annotations(ctx, archive.AnnotationFilter{})
	if err != nil || len(notes) != 3 {
		t.Errorf("annotations: %d, %v; want 3", len(notes), err)
	}
	// New captures keep their record in the migrated archive.
	a := archivetest.Article("Europa plumes, a follow-up", "Keck saw water vapour once in seventeen tries.")
	a.Authors, a.Confidence = []archive.Author{{Name: "Ana Pérez", Kind: archive.Person}}, archive.ConfidenceStub
	id := archivetest.MustAddArticles(t, s, a)[0]
	if got, err := s.Article(ctx, id); err != nil || !slices.Equal(got.Authors, a.Authors) || got.Confidence != a.Confidence {
		t.Errorf("new article: %+v, %v", got, err)
	}
}

// The stored address keys of the f14bfae release are computed again, so
// that another spelling of a stored address finds its article.
func TestMigratePrevSameAddress(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := archivetest.PrevRelease(t)
	park, err := s.Article(ctx, archivetest.PrevParkview)
	if err != nil {
		t.Fatal(err)
	}
	a := *park
	a.URL = "https://www.parkview.com/blog/transitioning-to-a-plant-based-diet-%e2%80%93-tips-and-tricks?utm_source=newsletter"
	a.Blocks = append([]archive.Block{{Kind: archive.Paragraph, Text: "Updated in May."}}, park.Blocks...)
	res, err := s.AddCapture(ctx, archivetest.Capture("parkview-again.html", "parkview again", &a))
	if err != nil || res.Outcome != archive.NewVersion || !slices.Equal(res.IDs, []int64{archivetest.PrevParkview}) {
		t.Errorf("capture with escapes in lower case: %+v, %v; want a new version of %d", res, err, archivetest.PrevParkview)
	}
}
