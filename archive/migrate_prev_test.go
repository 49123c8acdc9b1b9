package archive

import (
	"compress/gzip"
	"context"
	"database/sql"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/clippings/clippings/internal/urlnorm"
)

// prevFixture is an archive written by the release at commit f14bfae
// (schema 0001–0005) from real pages; testdata/prev-f14bfae.sh makes it.
const prevFixture = "testdata/prev-f14bfae.db.gz"

// The fixture's articles by ID (see the script).
const (
	prevFuturism int64 = iota + 1 // two versions; tags, star, highlight, collection
	prevAlJazeera                 // read, note
	prevKorean
	prevSwim
	prevMoreBikes // highlight
	prevParkview  // its address holds percent-escapes
)

// openPrev opens a copy of the f14bfae archive with the current code,
// which migrates it.
func openPrev(t *testing.T) *Store {
	t.Helper()
	f, err := os.Open(prevFixture)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "prev.db")
	out, err := os.Create(p)
	if err == nil {
		_, err = io.Copy(out, zr)
		if cerr := out.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestMigratePrevRelease(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := openPrev(t)
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM migrations WHERE name = '0006_record.sql'`).Scan(&n); err != nil || n != 1 {
		t.Fatalf("migration 0006 recorded %d times, %v", n, err)
	}
	rep, err := s.Check(ctx)
	if err != nil || !rep.OK() || rep.Articles != 6 || rep.Originals != 7 {
		t.Fatalf("check: %+v, %v", rep, err)
	}
	for id := prevFuturism; id <= prevParkview; id++ {
		a, err := s.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		// The archive parses no byline: reextract fills the authors in.
		if a.Authors != nil || a.Confidence != "" {
			t.Errorf("article %d: authors %+v, confidence %q; want none and unknown", id, a.Authors, a.Confidence)
		}
	}
	fut, err := s.Article(ctx, prevFuturism)
	if err != nil || fut.Byline != "Victor Tangermann, Futurism" || !fut.Starred || !slices.Equal(fut.Tags, []string{"space/europa"}) {
		t.Errorf("futurism article: %+v, %v", fut, err)
	}
	old, err := s.ArticleVersion(ctx, prevFuturism, 1)
	if err != nil || old.FileName != "futurism-earlier.html" || old.Authors != nil {
		t.Errorf("futurism version 1: %+v, %v", old, err)
	}
	if ids, err := s.SearchIDs(ctx, "author:tangermann"); err != nil || !slices.Equal(ids, []int64{prevFuturism}) {
		t.Errorf("author:tangermann: %v, %v", ids, err)
	}
	notes, err := s.Annotations(ctx, AnnotationFilter{})
	if err != nil || len(notes) != 3 {
		t.Errorf("annotations: %d, %v; want 3", len(notes), err)
	}
}

// The stored address keys of the f14bfae release are computed again, so
// that another spelling of a stored address finds its article.
func TestMigratePrevSameAddress(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := openPrev(t)
	park, err := s.Article(ctx, prevParkview)
	if err != nil {
		t.Fatal(err)
	}
	a := *park
	a.URL = "https://www.parkview.com/blog/transitioning-to-a-plant-based-diet-%e2%80%93-tips-and-tricks?utm_source=newsletter"
	a.Blocks = append([]Block{{Kind: Paragraph, Text: "Updated in May."}}, park.Blocks...)
	res, err := s.AddCapture(ctx, newCapture("parkview-again.html", "parkview again", &a))
	if err != nil || res.Outcome != NewVersion || !slices.Equal(res.IDs, []int64{prevParkview}) {
		t.Errorf("capture with escapes in lower case: %+v, %v; want a new version of %d", res, err, prevParkview)
	}
}

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
