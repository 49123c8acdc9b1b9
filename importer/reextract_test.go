package importer

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/clippings/clippings/archive"
)

func TestReextract(t *testing.T) {
	ctx := context.Background()
	store := openStore(t)
	dir := t.TempDir()
	pic := testPNG(t, 64, 64)
	writeFile(t, filepath.Join(dir, "council.html"), newsPage(1, ""))
	writeFile(t, filepath.Join(dir, "pictures.html"), imagePage(`<figure><img src="`+dataURI("image/png", pic)+`"><figcaption>The wall</figcaption></figure>`))
	rep, err := Import(ctx, store, []string{dir}, Options{}, nil)
	if err != nil || rep.Imported != 2 {
		t.Fatalf("import: %+v, %v", rep, err)
	}
	id := rep.Files[0].IDs[0]
	want, err := store.Article(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	// An older cleaner kept page furniture in the body.
	old := *want
	old.Blocks = append([]archive.Block{{Kind: archive.Paragraph, Text: "Share this story on Facebook"}}, want.Blocks...)
	if err := store.ReplaceText(ctx, id, &old); err != nil {
		t.Fatal(err)
	}
	if _, err := store.AddTags(ctx, []int64{id}, "council"); err != nil {
		t.Fatal(err)
	}
	if _, err := store.AddHighlight(ctx, id, archive.NewHighlight{Exact: "seven votes to four"}); err != nil {
		t.Fatal(err)
	}

	got, err := Reextract(ctx, store, Options{Workers: 2}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got.Changed != 1 || got.Unchanged != 1 || got.Failed != 0 {
		t.Fatalf("reextract: %d changed, %d unchanged, %d failed; want 1, 1, 0", got.Changed, got.Unchanged, got.Failed)
	}
	after, err := store.Article(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if after.Text() != want.Text() || strings.Contains(after.Text(), "Share this story") {
		t.Errorf("text after re-cleaning = %q, want %q", after.Text(), want.Text())
	}
	if strings.Join(after.Tags, ",") != "council" {
		t.Errorf("tags = %q, want the tag kept", after.Tags)
	}
	notes, err := store.Annotations(ctx, archive.AnnotationFilter{ArticleID: id})
	if err != nil || len(notes) != 1 || notes[0].Orphaned {
		t.Errorf("annotations = %+v, %v; want the highlight kept, anchored", notes, err)
	}
	pics, err := store.Article(ctx, rep.Files[1].IDs[0])
	if err != nil || len(pics.Figures) != 1 || pics.Figures[0].ImageSHA != shaOf(pic) {
		t.Errorf("figures after re-cleaning = %+v, %v; want the stored image", pics.Figures, err)
	}
}

func TestReextractImages(t *testing.T) {
	k := &imageCheck{a: openStore(t), seen: map[string]bool{}}
	old := &archive.Article{Figures: []archive.Figure{{Image: "./Page_files/a.jpg", ImageSHA: "aaaa"}}}
	fresh := &archive.Article{Figures: []archive.Figure{{Image: "./Page_files/a.jpg"}, {Image: "x.png", ImageSHA: "bbbb"}}}
	if err := k.keepImages(context.Background(), fresh, old); err != nil {
		t.Fatal(err)
	}
	if got := fresh.Figures[0].ImageSHA + "," + fresh.Figures[1].ImageSHA; got != "aaaa," {
		t.Errorf("image SHAs = %q, want the stored one carried over and the unknown one dropped", got)
	}
}

func TestReextractSameTime(t *testing.T) {
	at := time.Date(2017, 11, 24, 18, 42, 20, 314667000, time.UTC)
	old := &archive.Article{Title: "T", Published: at.Truncate(time.Millisecond)}
	if !sameContent(old, &archive.Article{Title: "T", Published: at}) {
		t.Error("a date the archive keeps to the millisecond counts as changed")
	}
	if sameContent(old, &archive.Article{Title: "T", Published: at.Add(time.Second)}) {
		t.Error("a date a second later counts as the same")
	}
	// An earlier release stored the page's time in UTC; re-cleaning gives it
	// the page's zone back, and with it the day the page shows.
	if sameContent(old, &archive.Article{Title: "T", Published: at.Truncate(time.Millisecond).In(time.FixedZone("", -5*3600))}) {
		t.Error("the same instant in the page's zone counts as the same: the archive would keep the UTC day")
	}
}
