package archivetest_test

import (
	"context"
	"testing"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/archive/archivetest"
)

func TestMustAddArticles(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := archivetest.MustOpen(t)
	ids := archivetest.MustAddArticles(t, s, archivetest.Article("Walrus", "On the ice."), archivetest.Article("Walrus", "On the ice."))
	if len(ids) != 2 || ids[0] == ids[1] {
		t.Fatalf("ids %v, want two articles", ids)
	}
	a, err := s.Article(ctx, ids[1])
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Walrus" || len(a.Blocks) != 1 || a.Blocks[0].Kind != archive.Paragraph || a.Blocks[0].Text != "On the ice." {
		t.Errorf("stored %+v", a)
	}
	if other := archivetest.MustOpen(t); other.Path() == s.Path() {
		t.Errorf("two stores share %s", s.Path())
	}
	c := archivetest.Capture("x.html", "x", archivetest.Article("X"))
	archivetest.MustAdd(t, s, c)
	if res, err := s.AddCapture(ctx, c); err != nil || res.Outcome != archive.AlreadyPresent {
		t.Errorf("adding again: %+v, %v", res, err)
	}
}
