package bundle

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/clippings/clippings/archive"
)

// byURL returns the article of dst at url.
func byURL(t *testing.T, dst *archive.Store, url string) *archive.Article {
	t.Helper()
	ctx := context.Background()
	id, err := dst.ArticleByURL(ctx, url)
	if err != nil {
		t.Fatalf("%s: %v", url, err)
	}
	a, err := dst.Article(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestMerge(t *testing.T) {
	ctx := context.Background()
	fx := newFixture()
	path := fx.write(t)

	t.Run("OK", func(t *testing.T) {
		dst := emptyStore(t)
		var steps []int
		rep, err := Merge(ctx, dst, path, func(done, total int) { steps = append(steps, done) })
		if err != nil {
			t.Fatal(err)
		}
		want := Report{Articles: 2, Stored: 3, Annotations: 2, Collections: 2}
		if rep.Articles != want.Articles || rep.Stored != want.Stored || rep.Present != 0 ||
			rep.Annotations != want.Annotations || rep.Collections != want.Collections || len(rep.Skipped) != 0 {
			t.Errorf("report %+v, want %+v", rep, want)
		}
		if len(steps) == 0 || steps[len(steps)-1] != len(steps) {
			t.Errorf("progress %v: want one call a step, the last saying all are done", steps)
		}
		lib := byURL(t, dst, "https://example.com/lib")
		if !slices.Equal(lib.Tags, []string{"research/libraries", "to read"}) || !lib.Starred || lib.Read ||
			len(lib.Figures) != 1 || lib.Text() != fx.doc.Articles[1].article().Text() {
			t.Errorf("libraries: tags %v, starred %v, read %v, %d figures, text %q", lib.Tags, lib.Starred, lib.Read, len(lib.Figures), lib.Text())
		}
		if im, err := dst.Image(ctx, lib.Figures[0].ImageSHA); err != nil || im.MIME != "image/png" {
			t.Errorf("the figure's image: %v", err)
		}
		notes, err := dst.Annotations(ctx, archive.AnnotationFilter{ArticleID: lib.ID, Limit: 10})
		if err != nil || len(notes) != 2 || notes[0].Note != "Follow up with the archivist." ||
			notes[1].Quote.Exact != "keep the news" || notes[1].Color != "green" || notes[1].Note != "Key claim" {
			t.Errorf("annotations %+v, %v", notes, err)
		}
		trains := byURL(t, dst, "https://example.com/trains")
		vs, err := dst.Versions(ctx, trains.ID)
		if err != nil || len(vs) != 2 || !trains.Read || !strings.Contains(trains.Text(), "new routes") {
			t.Errorf("trains: %d versions (%v), read %v, text %q", len(vs), err, trains.Read, trains.Text())
		}
		col, err := dst.CollectionByPath(ctx, "Reading")
		if err != nil {
			t.Fatal(err)
		}
		members, _ := dst.CollectionArticles(ctx, col.ID, archive.ListFilter{})
		if len(members) != 2 || members[0].ID != trains.ID || members[1].ID != lib.ID {
			t.Errorf("Reading holds %+v, want trains then libraries", members)
		}
		if _, err := dst.CollectionByPath(ctx, "Reading/Summits"); err != nil {
			t.Errorf("Reading/Summits: %v", err)
		}
		if s, err := dst.SavedSearch(ctx, "libs"); err != nil || s.Query != "libraries" {
			t.Errorf("saved search libs: %+v, %v", s, err)
		}
	})
	t.Run("Twice", func(t *testing.T) {
		dst := emptyStore(t)
		if _, err := Merge(ctx, dst, path, nil); err != nil {
			t.Fatal(err)
		}
		rep, err := Merge(ctx, dst, path, nil)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Stored != 0 || rep.Present != 3 || rep.Annotations != 0 || rep.Collections != 0 || len(rep.Skipped) != 0 {
			t.Errorf("the second merge: %+v, want everything present", rep)
		}
		if n, _ := dst.Count(ctx); n != 2 {
			t.Errorf("%d articles after merging twice, want 2", n)
		}
	})
	t.Run("KeepsWhatIsThere", func(t *testing.T) {
		dst := emptyStore(t)
		if _, err := Merge(ctx, dst, path, nil); err != nil {
			t.Fatal(err)
		}
		lib := byURL(t, dst, "https://example.com/lib")
		if err := dst.SetNote(ctx, lib.ID, "Mine."); err != nil {
			t.Fatal(err)
		}
		if _, err := dst.AddTags(ctx, []int64{lib.ID}, "mine"); err != nil {
			t.Fatal(err)
		}
		if err := dst.SaveSearch(ctx, "libs", "library OR libraries"); err != nil {
			t.Fatal(err)
		}
		rep, err := Merge(ctx, dst, path, nil)
		if err != nil {
			t.Fatal(err)
		}
		lib = byURL(t, dst, "https://example.com/lib")
		notes, _ := dst.Annotations(ctx, archive.AnnotationFilter{ArticleID: lib.ID, Kind: archive.KindNote})
		if len(lib.Tags) != 3 || len(notes) != 1 || notes[0].Note != "Mine.\n\nFollow up with the archivist." {
			t.Errorf("tags %v, notes %+v: want the archive's tag and note kept, the bundle's added", lib.Tags, notes)
		}
		if len(rep.Skipped) != 1 || !strings.Contains(rep.Skipped[0], `saved search "libs"`) {
			t.Errorf("skipped %q, want the saved search whose name is taken", rep.Skipped)
		}
		if s, _ := dst.SavedSearch(ctx, "libs"); s == nil || s.Query != "library OR libraries" {
			t.Errorf("the archive's saved search was replaced: %+v", s)
		}
	})
	t.Run("AnnotationsAsExported", func(t *testing.T) {
		dst := emptyStore(t)
		if _, err := Merge(ctx, dst, path, nil); err != nil {
			t.Fatal(err)
		}
		lib := byURL(t, dst, "https://example.com/lib")
		got, err := dst.Annotations(ctx, archive.AnnotationFilter{ArticleID: lib.ID, Limit: 10})
		want := fx.doc.Articles[1].Annotations
		if err != nil || len(got) != len(want) {
			t.Fatalf("%d annotations (%v), want %d", len(got), err, len(want))
		}
		for i, g := range got {
			w := want[i]
			if g.Kind != w.Kind || g.Quote.Exact != w.Quote.Exact || (w.Kind == archive.KindHighlight && g.Start != w.Start) ||
				g.Note != w.Note || !g.Created.Equal(w.Created) || !g.Modified.Equal(w.Modified) {
				t.Errorf("restored %+v, want %+v", g, w)
			}
		}
	})
}

func TestMergeCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	dst := emptyStore(t)
	if _, err := Merge(ctx, dst, newFixture().write(t), nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want the context's error", err)
	}
	if n, _ := dst.Count(context.Background()); n != 0 {
		t.Errorf("%d articles merged after the context ended", n)
	}
}
