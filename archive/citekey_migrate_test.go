package archive

import (
	"context"
	"database/sql"
	"testing"
	"time"
)

// TestMigrateCitationKeys: an archive from before citation keys gives
// each of its articles one, unique, as the rule makes them.
func TestMigrateCitationKeys(t *testing.T) {
	ctx := context.Background()
	s := openV1(t)
	ids := []int64{v1Fish, v1FishAgain, v1Chinese, v1Japanese, v1Korean, v1KoreanEnglish}
	keys, err := s.CitationKeys(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, id := range ids {
		k := keys[id]
		a, err := s.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if base := CitationKeyBase(a); k == "" || seen[k] || len(k) < len(base) || k[:len(base)] != base {
			t.Errorf("article %d (%q): key %q, base %q", id, a.Title, k, base)
		}
		seen[k] = true
	}
}

// TestMigrateCitationKeysAuthors: an article whose structured authors
// were filled in before citation keys came (migration 0006 and a
// reextract) gets its key from its first author, not from the byline:
// the organisation's short name, the person's family name.
func TestMigrateCitationKeysAuthors(t *testing.T) {
	ctx := context.Background()
	pub := time.Date(2019, 5, 2, 0, 0, 0, 0, time.UTC)
	org := &Article{Title: "Floods in the north", Byline: "Staff", Published: pub,
		Blocks: []Block{{Kind: Paragraph, Text: "Rivers rose."}}}
	per := &Article{Title: "De la pêche", Byline: "Reuters", Published: pub,
		Blocks: []Block{{Kind: Paragraph, Text: "Les pêcheurs."}}}
	p := prevSchemaArchive(t, newCapture("org.html", "org", org), newCapture("per.html", "per", per))
	db, err := sql.Open("sqlite3", dsn(p))
	if err != nil {
		t.Fatal(err)
	}
	if err := applyMigration(ctx, db, "migrations/0006_record.sql"); err != nil {
		t.Fatal(err)
	}
	for title, authors := range map[string]string{
		org.Title: `[{"name":"BBC News","kind":"organization"}]`,
		per.Title: `[{"name":"Ludwig van Beethoven","kind":"person"}]`,
	} {
		if _, err := db.ExecContext(ctx, `UPDATE articles SET authors = ? WHERE title = ?`, authors, title); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	s, err := Open(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got := map[string]bool{}
	for _, id := range []int64{1, 2} {
		k, err := s.CitationKey(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		got[k] = true
	}
	for _, want := range []string{"bbc2019floods", "beethoven2019peche"} {
		if !got[want] {
			t.Errorf("keys %v, want %s among them", got, want)
		}
	}
}
