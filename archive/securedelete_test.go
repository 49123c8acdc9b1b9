package archive

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// secretWords are words only the deleted article holds, in its title,
// text, caption, note, highlight's note and tag.
var secretWords = []string{"Zyxwvutsqa", "Quorbanitex", "Captionzorp", "Plimsollation", "Hilitewozzle", "tagxyzzyq"}

// fileHolds returns the words of secretWords found, in any case, in the
// bytes of the file at path.
func fileHolds(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	data = bytes.ToLower(data)
	var found []string
	for _, w := range secretWords {
		if bytes.Contains(data, []byte(strings.ToLower(w))) {
			found = append(found, w)
		}
	}
	return found
}

// addSecret stores 30 articles about a harbour and, among them, one
// holding every word of secretWords, annotated and tagged (its note set
// twice, so that the index has changed it once), and returns its ID.
func addSecret(t *testing.T, s *Store) int64 {
	t.Helper()
	ctx := context.Background()
	add := func(a *Article) int64 {
		data := []byte(fmt.Sprintf("<html><title>%s</title></html>", a.Title))
		sum := sha256.Sum256(data)
		o := Original{SHA256: hex.EncodeToString(sum[:]), Name: "page.html", Format: "html", Data: data}
		res, err := s.AddCapture(ctx, &Capture{Original: o, Articles: []*Article{a}})
		if err != nil {
			t.Fatal(err)
		}
		return res.IDs[0]
	}
	article := func(title string, paragraphs ...string) *Article {
		a := &Article{Title: title}
		for _, p := range paragraphs {
			a.Blocks = append(a.Blocks, Block{Kind: Paragraph, Text: p})
		}
		return a
	}
	for i := range 15 {
		add(article("Harbour report "+strings.Repeat("x", i), strings.Repeat("The harbour council met again and talked. ", 40)))
	}
	secret := article("The "+secretWords[0]+" affair", "A source said "+secretWords[1]+" twice.", strings.Repeat("More words of the story. ", 200))
	secret.Figures = []Figure{{Image: "https://example.com/p.jpg", Caption: secretWords[2]}}
	secret.Blocks = append(secret.Blocks, Block{Kind: FigureRef, Figure: 0})
	id := add(secret)
	for i := range 15 {
		add(article("Harbour report "+strings.Repeat("y", i+1), strings.Repeat("The harbour council met again and talked. ", 40)))
	}
	for _, note := range []string{"draft", "My note: " + secretWords[3]} {
		if err := s.SetNote(ctx, id, note); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.AddHighlight(ctx, id, NewHighlight{Exact: "A source said", Note: secretWords[4]}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddTags(ctx, []int64{id}, secretWords[5]); err != nil {
		t.Fatal(err)
	}
	return id
}

// assertNoTrace checks that neither the archive file at path nor its -wal
// file holds any of secretWords.
func assertNoTrace(t *testing.T, path, when string) {
	t.Helper()
	for _, f := range []string{path, path + "-wal"} {
		if got := fileHolds(t, f); len(got) > 0 {
			t.Errorf("%s holds %v %s", filepath.Base(f), got, when)
		}
	}
}

// assertOthersWhole checks that the 30 harbour articles are found and the
// archive passes its check.
func assertOthersWhole(t *testing.T, s *Store) {
	t.Helper()
	ctx := context.Background()
	if n, err := s.SearchCount(ctx, "harbour"); err != nil || n != 30 {
		t.Errorf("the other articles: %d found, %v", n, err)
	}
	if rep, err := s.Check(ctx); err != nil || !rep.OK() {
		t.Errorf("check: %+v, %v", rep, err)
	}
}

// Deleting an article deletes it for real: after the deletion (which
// ends with a checkpoint) none of its words is left in the archive file,
// its -wal file, or the full-text index, even in pages SQLite keeps free,
// nor in a backup made after it.
func TestDeleteLeavesNoTrace(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "archive.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { s.Close() }()
	id := addSecret(t, s)
	s.Close() // the words are in the archive file now, not only in its WAL
	if got := fileHolds(t, path); len(got) != len(secretWords) {
		t.Fatalf("the archive holds %v before the deletion, want all of %v (the test would prove nothing)", got, secretWords)
	}
	if s, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteArticles(ctx, id); err != nil {
		t.Fatal(err)
	}
	assertNoTrace(t, path, "after the deletion")
	assertOthersWhole(t, s)
	b, err := s.AutoBackup(ctx, ReasonManual, DefaultKeep)
	if err != nil {
		t.Fatal(err)
	}
	if got := fileHolds(t, b.Path); len(got) > 0 {
		t.Errorf("a backup made after the deletion holds %v", got)
	}
	s.Close()
	if got := fileHolds(t, path); len(got) > 0 {
		t.Errorf("the archive file holds %v once closed", got)
	}
}

// An article deleted as earlier versions deleted (neither SQLite's nor
// the index's secure delete on) leaves its words in free pages and in the
// index; Compact takes them all out, and the rest stays whole.
func TestCompactRemovesOldTraces(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "archive.db")
	old := strings.Replace(dsn(path), "&_secure_delete=true", "", 1)
	if old == dsn(path) {
		t.Fatal("dsn no longer sets _secure_delete: update the test")
	}
	s, err := openDSN(ctx, path, old)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { s.Close() }()
	if _, err := s.db.Exec(`INSERT INTO articles_fts(articles_fts, rank) VALUES ('secure-delete', 0)`); err != nil {
		t.Fatal(err)
	}
	id := addSecret(t, s)
	if err := s.DeleteArticles(ctx, id); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if got := fileHolds(t, path); len(got) == 0 {
		t.Fatal("a deletion without secure delete left no trace: the test would prove nothing")
	}
	if s, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	r, err := s.Compact(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if r.After <= 0 || r.After > r.Before {
		t.Errorf("compact: %d bytes before, %d after", r.Before, r.After)
	}
	assertNoTrace(t, path, "after compact")
	assertOthersWhole(t, s)
}

// After reextract's ReplaceText, run in a Rewrite (the index's secure
// delete off, the index made anew at the end), a deletion leaves no trace of
// the article's earlier or later text either, and secure delete is on
// again.
func TestDeleteAfterReextractLeavesNoTrace(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "archive.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { s.Close() }()
	id := addSecret(t, s)
	a, err := s.Article(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	a.Title += " (cleaned again)"
	a.Blocks = append(a.Blocks, Block{Kind: Paragraph, Text: "A paragraph the better cleaner found."})
	if err := s.Rewrite(ctx, func() error { return s.ReplaceText(ctx, id, a) }); err != nil {
		t.Fatal(err)
	}
	var on string
	if err := s.db.QueryRow(`SELECT v FROM articles_fts_config WHERE k = 'secure-delete'`).Scan(&on); err != nil || on != "1" {
		t.Errorf("the index's secure delete after Rewrite: %q, %v; want 1", on, err)
	}
	if n, err := s.SearchCount(ctx, secretWords[1]); err != nil || n != 1 {
		t.Fatalf("the cleaned-again article: %d found, %v", n, err)
	}
	if err := s.DeleteArticles(ctx, id); err != nil {
		t.Fatal(err)
	}
	assertNoTrace(t, path, "after the deletion")
	assertOthersWhole(t, s)
}

// In an archive whose articles were changed before migration 0008
// (neither secure delete on), an article deleted after the upgrade leaves
// no trace in the index or any table; the free space earlier versions
// left holds its earlier text until compact.
func TestDeleteAfterUpgradeLeavesNoTrace(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "archive.db")
	s, err := openDSN(ctx, path, strings.Replace(dsn(path), "&_secure_delete=true", "", 1))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { s.Close() }()
	id := addSecret(t, s)
	for _, q := range []string{
		`INSERT INTO articles_fts(articles_fts, rank) VALUES ('secure-delete', 0)`,
		`DROP TABLE settings`,
		`DELETE FROM migrations WHERE name = '0008_settings.sql'`,
	} {
		if _, err := s.db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SetNote(ctx, id, "Before the upgrade: "+secretWords[3]); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err = Open(ctx, path); err != nil { // migration 0008
		t.Fatal(err)
	}
	if err := s.DeleteArticles(ctx, id); err != nil {
		t.Fatal(err)
	}
	// The index and every table hold none of its words; the file's free
	// space may, until compact (TestCompactRemovesOldTraces).
	for _, w := range secretWords {
		var n int
		q := `SELECT (SELECT count(*) FROM articles_fts_data WHERE instr(lower(CAST(block AS TEXT)), ?1) > 0)
			+ (SELECT count(*) FROM articles WHERE instr(lower(title || text || captions || notes), ?1) > 0)
			+ (SELECT count(*) FROM annotations WHERE instr(lower(note), ?1) > 0)
			+ (SELECT count(*) FROM tags WHERE instr(lower(name), ?1) > 0)`
		if err := s.db.QueryRow(q, strings.ToLower(w)).Scan(&n); err != nil || n > 0 {
			t.Errorf("%s: %d rows of the index or the tables hold it (%v)", w, n, err)
		}
	}
	assertOthersWhole(t, s)
}
