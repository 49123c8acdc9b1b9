package archive_test

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/archive/archivetest"
)

// recordFixture opens an archive at a path of its own holding an article
// with an earlier version, one re-cleaned, and one plain.
func recordFixture(t *testing.T) (string, *archive.Store, []int64) {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "archive.db")
	s, err := archive.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	v1 := archivetest.Article("Harbour talks", "The harbour talks began.")
	v1.URL = "https://example.com/harbour"
	v2 := archivetest.Article("Harbour talks", "The harbour talks began, and ended.")
	v2.URL = v1.URL
	ids := archivetest.MustAddArticles(t, s, v1, archivetest.Article("Plain", "Nothing else."))
	if _, err := s.AddCapture(ctx, archivetest.Capture("v2.html", "v2", v2)); err != nil {
		t.Fatal(err)
	}
	fresh := archivetest.Article("Plain, cleaned again", "Nothing else at all.")
	if err := s.ReplaceText(ctx, ids[1], fresh); err != nil {
		t.Fatal(err)
	}
	if err := s.ReplaceVersionText(ctx, ids[0], 1, archivetest.Article("Harbour talks", "The harbour talks began (again).")); err != nil {
		t.Fatal(err)
	}
	return path, s, ids
}

// check runs Check and returns its problems.
func checkProblems(t *testing.T, s *archive.Store) []string {
	t.Helper()
	rep, err := s.Check(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return rep.Problems
}

// A byte changed in an article's or an earlier version's text, blocks or
// details is found by check, as one in an original or an image is.
func TestCheckFindsChangedRecords(t *testing.T) {
	path, s, ids := recordFixture(t)
	if p := checkProblems(t, s); len(p) != 0 {
		t.Fatalf("a whole archive: problems %q", p)
	}
	changes := map[string]string{
		fmt.Sprintf("article %d", ids[0]): fmt.Sprintf(`UPDATE articles SET text = replace(text, 'ended', 'endeD') WHERE id = %d`, ids[0]),
		fmt.Sprintf("article %d", ids[1]): fmt.Sprintf(`UPDATE articles SET blocks = replace(blocks, 'else', 'elsf'), byline = 'x' WHERE id = %d`, ids[1]),
		"version 1":                       `UPDATE article_versions SET title = 'Harbour Talks' WHERE id = 1`,
	}
	s = execRaw(t, s, path, slices.Collect(maps.Values(changes))...)
	problems := strings.Join(checkProblems(t, s), "\n")
	for what := range changes {
		if !strings.Contains(problems, what+": its text or details changed") {
			t.Errorf("check does not report %s:\n%s", what, problems)
		}
	}
}

// Migration 0009 gives the articles stored before it their checksums.
func TestMigrateChecksums(t *testing.T) {
	path, s, _ := recordFixture(t)
	s = execRaw(t, s, path, `DROP TABLE article_sums`, `DROP TABLE version_sums`, `DELETE FROM migrations WHERE name = '0009_checksums.sql'`)
	rep, err := s.Check(context.Background())
	if err != nil || len(rep.Problems) != 0 || rep.Articles != 2 {
		t.Errorf("after the migration: %+v, %v", rep, err)
	}
}

// execRaw closes s, runs queries on the archive file at path outside the
// archive package, and opens it again (closed when the test ends).
func execRaw(t *testing.T, s *archive.Store, path string, queries ...string) *archive.Store {
	t.Helper()
	s.Close()
	raw, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range queries {
		if _, err := raw.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	raw.Close()
	s, err = archive.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}
