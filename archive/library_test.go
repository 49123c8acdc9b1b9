package archive_test

import (
	"context"
	"errors"
	"math"
	"testing"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/archive/archivetest"
)

// libraryItem is an item of an export holding one article.
func libraryItem(export string, pos int, a *archive.Article) *archive.LibraryItem {
	return &archive.LibraryItem{Original: archive.Original{SHA256: archivetest.SHA256([]byte(export)), Name: "export.json",
		Format: "test-export", Data: []byte(export)}, Position: pos, Article: a}
}

func TestAddLibraryItem(t *testing.T) {
	ctx := context.Background()
	s := archivetest.MustOpen(t)
	const export = `[{"id": 1}, {"id": 2}]`
	a := archivetest.Article("Night trains", "Night trains are back across Europe after years of decline.", "Operators add new routes each year.")
	a.URL, a.Tags, a.Starred = "https://example.org/trains", []string{"rail", "europe/travel"}, true
	it := libraryItem(export, 0, a)
	it.Note, it.Collections = "Read for chapter 2.", []string{"Research/Transport"}
	it.Highlights = []archive.LibraryHighlight{{Exact: "after years of decline", Note: "the claim"},
		{Exact: "Operators add new rootes each year"}, {Exact: "Not in this article at all"}}
	res, err := s.AddLibraryItem(ctx, it)
	if err != nil {
		t.Fatal(err)
	}
	if res.Outcome != archive.Imported || res.Tags != 2 || !res.Note || res.Collections != 2 ||
		res.Highlights != (archive.AnchorCounts{Exact: 1, Fuzzy: 1, Orphaned: 1}) {
		t.Fatalf("result %+v", res)
	}

	// The same article again, from another export, with one more tag and
	// another note: merged, nothing twice.
	b := *a
	b.Tags, b.Read = []string{"rail", "trains"}, true
	again := libraryItem(`[{"id": 7}]`, 0, &b)
	again.Note, again.Highlights = "Another note.", it.Highlights
	res2, err := s.AddLibraryItem(ctx, again)
	if err != nil {
		t.Fatal(err)
	}
	if res2.ID != res.ID || res2.Outcome != archive.AlreadyPresent || res2.Tags != 1 || !res2.Note ||
		res2.Highlights != (archive.AnchorCounts{Present: 3}) {
		t.Errorf("merged: %+v", res2)
	}
	got, err := s.Article(ctx, res.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Starred || !got.Read || len(got.Tags) != 3 {
		t.Errorf("after the merge: starred %v, read %v, tags %v", got.Starred, got.Read, got.Tags)
	}
	list, err := s.Annotations(ctx, archive.AnnotationFilter{ArticleID: res.ID, Limit: math.MaxInt32})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range list {
		if n.Kind == archive.KindNote && n.Note != "Read for chapter 2.\n\nAnother note." {
			t.Errorf("note %q", n.Note)
		}
	}
	if len(list) != 4 {
		t.Errorf("%d annotations, want a note and 3 highlights", len(list))
	}
	// The second export stored nothing: its article was there already.
	if ok, _ := s.HasOriginal(ctx, again.Original.SHA256); ok {
		t.Error("the original of an entry merged into a stored article was stored")
	}
}

func TestAddLibraryItemSharesOriginal(t *testing.T) {
	ctx := context.Background()
	s := archivetest.MustOpen(t)
	const export = `[{"id": 1}, {"id": 2}]`
	first := archivetest.Article("One", "The first article of the export, with some words.")
	first.URL = "https://example.org/one"
	second := archivetest.Article("Two", "The second article of the export, with other words.")
	second.URL = "https://example.org/two"
	r1, err := s.AddLibraryItem(ctx, libraryItem(export, 0, first))
	if err != nil {
		t.Fatal(err)
	}
	r2, err := s.AddLibraryItem(ctx, libraryItem(export, 1, second))
	if err != nil || r2.Outcome != archive.Imported || r2.ID == r1.ID {
		t.Fatalf("second item of the export: %+v, %v", r2, err)
	}
	srcs, err := s.Sources(ctx)
	if err != nil || len(srcs) != 2 || srcs[0].OriginalSHA != srcs[1].OriginalSHA || srcs[1].Position != 1 {
		t.Errorf("sources %+v, %v", srcs, err)
	}
}

func TestAddLibraryItemAllOrNothing(t *testing.T) {
	ctx := context.Background()
	s := archivetest.MustOpen(t)
	a := archivetest.Article("One", "Some words of an article.")
	it := libraryItem(`[]`, 0, a)
	it.Collections = []string{"A"}
	it.MergeInto = 99
	if _, err := s.AddLibraryItem(ctx, it); !errors.Is(err, archive.ErrNotFound) {
		t.Fatalf("merge into a missing article: %v", err)
	}
	bad := libraryItem(`[]`, 0, a)
	bad.Original.SHA256 = archivetest.SHA256([]byte("other"))
	if _, err := s.AddLibraryItem(ctx, bad); err == nil {
		t.Fatal("an original with the wrong SHA-256 was stored")
	}
	if cs, _ := s.Collections(ctx); len(cs) != 0 {
		t.Errorf("a failed item left collections: %+v", cs)
	}
}
