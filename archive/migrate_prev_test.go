package archive

import (
	"context"
	"database/sql"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/clippings/clippings/internal/urlnorm"
)

// prevSchemaArchive writes an archive as the f14bfae release did: schema
// 0001–0005 and the address keys of prevURLKey.
func prevSchemaArchive(t *testing.T, captures ...*Capture) string {
	t.Helper()
	ctx := context.Background()
	p := filepath.Join(t.TempDir(), "prev.db")
	db, err := sql.Open("sqlite3", dsn(p))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, createMigrationsTable); err != nil {
		t.Fatal(err)
	}
	for _, m := range []string{"0001_init.sql", "0002_organise.sql", "0003_fts.sql", "0004_delete.sql", "0005_sort.sql"} {
		if err := applyMigration(ctx, db, "migrations/"+m); err != nil {
			t.Fatal(err)
		}
	}
	for i, c := range captures {
		if err := v1Add(ctx, db, c, v1Time.Add(time.Duration(i)*time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

func TestMigratePrevRekeys(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	urls := []string{
		"https://ja.example.org/wiki/%e6%97%a5%e6%9c%ac",
		"https://www.nytimes.com/2019/a.html?smid=tw-share",
		"https://m.example.co.uk/news/1",
		"https://example.com/plain",
	}
	var caps []*Capture
	for i, u := range urls {
		a := &Article{Title: u, URL: u, Blocks: []Block{{Kind: Paragraph, Text: "Text " + u}}}
		caps = append(caps, newCapture(u, "capture "+string(rune('a'+i)), a))
	}
	p := prevSchemaArchive(t, caps...)
	s, err := Open(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for i, u := range urls {
		var key string
		if err := s.db.QueryRowContext(ctx, `SELECT url_key FROM articles WHERE id = ?`, i+1).Scan(&key); err != nil {
			t.Fatal(err)
		}
		if want := urlnorm.Key(u); key != want {
			t.Errorf("%s: key %q, want %q (was %q)", u, key, want, prevURLKey(u))
		}
	}
	for i, u := range []string{"https://ja.example.org/wiki/%E6%97%A5%E6%9C%AC", "https://www.nytimes.com/2019/a.html", "https://www.example.co.uk/news/1"} {
		a := &Article{Title: u, URL: u, Blocks: []Block{{Kind: Paragraph, Text: "New text"}}}
		res, err := s.AddCapture(ctx, newCapture("again", "again "+u, a))
		if err != nil || res.Outcome != NewVersion || !slices.Equal(res.IDs, []int64{int64(i + 1)}) {
			t.Errorf("%s: %+v, %v; want a new version of article %d", u, res, err, i+1)
		}
	}
}
