package importer

import (
	"context"
	"slices"
	"testing"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/archive/archivetest"
)

// kept is what the researcher added to an article, which re-cleaning
// must keep.
type kept struct {
	tags     []string
	starred  bool
	read     bool
	notes    []archive.Annotation
	versions int
}

func keptOf(t *testing.T, s *archive.Store, id int64) kept {
	t.Helper()
	ctx := context.Background()
	a, err := s.Article(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	notes, err := s.Annotations(ctx, archive.AnnotationFilter{ArticleID: id})
	if err != nil {
		t.Fatal(err)
	}
	vs, err := s.Versions(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return kept{tags: a.Tags, starred: a.Starred, read: a.Read, notes: notes, versions: len(vs)}
}

// Reextract brings an archive of the previous release (archivetest.
// PrevRelease: six real pages, one with two versions, with tags, states,
// highlights, a note and a collection) up to the record the importer
// gives now, every version of every article, and keeps what the
// researcher added.
func TestReextractPrevRelease(t *testing.T) {
	ctx := context.Background()
	s := archivetest.PrevRelease(t)
	srcs, err := s.Sources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	before := map[int64]kept{}
	for _, src := range srcs {
		before[src.ArticleID] = keptOf(t, s, src.ArticleID)
	}
	rep, err := Reextract(ctx, s, Options{Workers: 2}, nil)
	if err != nil {
		t.Fatal(err)
	}
	// No version had authors or a confidence: every one changes.
	if rep.Changed != len(srcs) || rep.Failed != 0 {
		t.Fatalf("reextract: %d changed, %d unchanged, %d failed; want all %d changed", rep.Changed, rep.Unchanged, rep.Failed, len(srcs))
	}
	for _, src := range srcs {
		got, err := s.ArticleVersion(ctx, src.ArticleID, src.Version)
		if err != nil {
			t.Fatal(err)
		}
		want := freshArticle(t, s, src)
		if got.Title != want.Title || got.Byline != want.Byline || !slices.Equal(got.Authors, want.Authors) ||
			got.Confidence != want.Confidence || got.Language != want.Language ||
			!sameTime(got.Published, want.Published) || !sameTime(got.Modified, want.Modified) || got.URL != want.URL {
			t.Errorf("article %d version %d: %+v\nwant the record cleaned now: %+v", src.ArticleID, src.Version, got, want)
		}
		if got.Confidence == "" || got.Language == "" {
			t.Errorf("article %d version %d: confidence %q, language %q; want both", src.ArticleID, src.Version, got.Confidence, got.Language)
		}
	}
	for id, was := range before {
		now := keptOf(t, s, id)
		if !slices.Equal(now.tags, was.tags) || now.starred != was.starred || now.read != was.read || now.versions != was.versions {
			t.Errorf("article %d: %+v after re-cleaning, %+v before", id, now, was)
		}
		if len(now.notes) != len(was.notes) {
			t.Errorf("article %d: %d annotations after re-cleaning, %d before", id, len(now.notes), len(was.notes))
		}
		for _, n := range now.notes {
			if n.Orphaned {
				t.Errorf("article %d: highlight %q orphaned", id, n.Quote.Exact)
			}
		}
	}
	// The futurism page's JSON-LD names its author; the old release's
	// byline was "Victor Tangermann, Futurism".
	ids, err := s.SearchIDs(ctx, `author:"victor tangermann"`)
	if err != nil || len(ids) != 1 {
		t.Fatalf("author:\"victor tangermann\": %v, %v", ids, err)
	}
	if a, err := s.Article(ctx, ids[0]); err != nil || !slices.ContainsFunc(a.Authors, func(au archive.Author) bool {
		return au.Name == "Victor Tangermann" && au.Kind == archive.Person
	}) {
		t.Errorf("futurism authors: %+v, %v", a.Authors, err)
	}
}

// freshArticle cleans the original of src with the current cleaner.
func freshArticle(t *testing.T, s *archive.Store, src archive.Source) *archive.Article {
	t.Helper()
	o, err := s.Original(context.Background(), src.OriginalSHA)
	if err != nil {
		t.Fatal(err)
	}
	c, err := Extract(o.Name, o.Data)
	if err != nil {
		t.Fatal(err)
	}
	if src.Position >= len(c.Articles) {
		t.Fatalf("%s: no article %d", o.Name, src.Position)
	}
	return c.Articles[src.Position]
}

func TestReextractSameRecord(t *testing.T) {
	old := &archive.Article{Title: "T", Authors: []archive.Author{{Name: "Ana Pérez", Kind: archive.Person}}, Confidence: archive.ConfidenceArticle}
	for _, fresh := range []archive.Article{
		{Title: "T", Authors: []archive.Author{{Name: "Ana Pérez", Kind: archive.Person, Role: "Reporter"}}, Confidence: archive.ConfidenceArticle},
		{Title: "T", Authors: old.Authors, Confidence: archive.ConfidenceStub},
		{Title: "T", Confidence: archive.ConfidenceArticle},
	} {
		if sameContent(old, &fresh) {
			t.Errorf("%+v counts as the same as %+v", fresh, old)
		}
	}
	if same := *old; !sameContent(old, &same) {
		t.Error("an article differs from itself")
	}
}
