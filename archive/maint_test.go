package archive

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

func TestBackup(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, ids := langFixture(t)
	if _, err := s.AddHighlight(ctx, ids["walrus"], NewHighlight{Exact: "Svalbard", Note: "check"}); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "sub", "..", "backup.db")
	// A reader in the middle of a query does not stop the backup.
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM articles`)
	if err != nil {
		t.Fatal(err)
	}
	rows.Next()
	err = s.Backup(ctx, dest)
	rows.Close()
	if err != nil {
		t.Fatal(err)
	}
	b, err := Open(ctx, dest)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if n, _ := b.Count(ctx); n != 6 {
		t.Errorf("backup holds %d articles, want 6", n)
	}
	if n, _ := b.SearchCount(ctx, "in:notes check"); n != 1 {
		t.Errorf("backup lost the annotation: %d", n)
	}
	if rep, err := b.Check(ctx); err != nil || !rep.OK() {
		t.Errorf("backup check: %+v, %v", rep, err)
	}
	if err := s.Backup(ctx, dest); !errors.Is(err, ErrExists) {
		t.Errorf("backup over a file: %v, want ErrExists", err)
	}
}

func TestCheck(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := mustOpen(t)
	c := newCapture("a.html", "<html>original</html>", &Article{Title: "Walrus"})
	c.Images = []Image{newImage("jpeg")}
	mustAdd(t, s, c)
	rep, err := s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() || rep.Originals != 1 || rep.Images != 1 || rep.Articles != 1 {
		t.Fatalf("clean archive: %+v", rep)
	}
	// Damage an original, an image and the index behind the store's back.
	for _, q := range []string{
		`UPDATE originals SET data = zeroblob(10), encoding = 'identity', size = 10`,
		`UPDATE images SET data = X'00'`,
		`INSERT INTO articles_fts (rowid, title) VALUES (999, 'ghost')`,
	} {
		if _, err := s.db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	rep, err = s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(rep.Problems, "\n")
	for _, want := range []string{"original " + c.Original.SHA256 + " (a.html)", "image " + c.Images[0].SHA256, "full-text index"} {
		if !strings.Contains(all, want) {
			t.Errorf("problems %q lack %q", all, want)
		}
	}
}
