package archive_test

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"testing"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/archive/archivetest"
)

// Tag names are normalised at the store whatever the way in: the names
// of a capture (as a bundle brings them) are stored as AddTags stores
// them, found and deleted by any spelling of their normal form, and a
// name that is empty or holds a control character is refused.
func TestTagNamesNormalisedAtTheStore(t *testing.T) {
	ctx := context.Background()
	s := archivetest.MustOpen(t)
	ids := archivetest.MustAddArticles(t, s, archivetest.Article("Plain"))
	a := archivetest.Article("Tagged by a bundle")
	a.Tags = []string{"/lead", "a//b", "trail/", " lead "}
	bundled := archivetest.MustAddArticles(t, s, a)[0]
	if _, err := s.AddTags(ctx, ids, "lead", "a/b", "trail"); err != nil {
		t.Fatal(err)
	}
	if got, want := dumpTags(t, s), "a=0/2 a/b=2/2 lead=2/2 trail=2/2"; got != want {
		t.Errorf("tags %s, want %s (one tag for each normal form)", got, want)
	}
	if got, want := articleTags(t, s, bundled), "a/b,lead,trail"; got != want {
		t.Errorf("the capture's tags %s, want %s", got, want)
	}
	if n, err := s.DeleteTag(ctx, "/lead"); err != nil || n != 2 {
		t.Errorf("delete /lead: %d, %v; want the tag lead taken off both articles", n, err)
	}
	if n, err := s.RenameTag(ctx, "trail/", "/end//"); err != nil || n != 1 {
		t.Errorf("rename trail/ to /end//: %d, %v", n, err)
	}
	if got, want := dumpTags(t, s), "a=0/2 a/b=2/2 end=2/2"; got != want {
		t.Errorf("after delete and rename: tags %s, want %s", got, want)
	}
	for _, bad := range []string{"/", " / / ", "a\x00b", "\x1b]52;c;aGk=\a", "\xff\xfe"} {
		if _, err := s.AddTags(ctx, ids, bad); !errors.Is(err, archive.ErrInvalid) {
			t.Errorf("AddTags(%q): %v, want ErrInvalid", bad, err)
		}
		if _, err := s.DeleteTag(ctx, bad); !errors.Is(err, archive.ErrInvalid) {
			t.Errorf("DeleteTag(%q): %v, want ErrInvalid", bad, err)
		}
		c := archivetest.Article("Bad tag " + bad)
		c.Tags = []string{bad}
		if _, err := s.AddCapture(ctx, archivetest.Capture("bad.html", "bad "+bad, c)); !errors.Is(err, archive.ErrInvalid) {
			t.Errorf("a capture tagged %q: %v, want ErrInvalid", bad, err)
		}
	}
	if got, want := dumpTags(t, s), "a=0/2 a/b=2/2 end=2/2"; got != want {
		t.Errorf("refused names changed the tags: %s, want %s", got, want)
	}
}

// Migration 0007 merges the raw names earlier versions stored into their
// normal forms, keeping every article's tags.
func TestMigrateTagNames(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "archive.db")
	s, err := archive.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	ids := archivetest.MustAddArticles(t, s, archivetest.Article("One"), archivetest.Article("Two"), archivetest.Article("Three"))
	if _, err := s.AddTags(ctx, ids[:1], "lead", "a/b"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	raw, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`DELETE FROM migrations WHERE name = '0007_tags.sql'`,
		`INSERT INTO tags (name) VALUES ('/lead'), ('a//b'), ('trail/'), ('/'), (' x' || char(0) || 'y ')`,
		`INSERT INTO article_tags (article_id, tag_id) SELECT 2, id FROM tags WHERE name IN ('/lead', 'a//b', 'trail/', '/')`,
		`INSERT INTO article_tags (article_id, tag_id) SELECT 3, id FROM tags WHERE name NOT IN ('lead', 'a/b')`,
	} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	raw.Close()
	s, err = archive.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got, want := dumpTags(t, s), "a=0/3 a/b=3/3 lead=3/3 trail=2/2 unnamed=2/2 xy=1/1"; got != want {
		t.Errorf("after the migration: tags %s, want %s", got, want)
	}
	if got, want := articleTags(t, s, ids[1]), "a/b,lead,trail,unnamed"; got != want {
		t.Errorf("article 2: tags %s, want %s", got, want)
	}
}
