package archive_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/archive/archivetest"
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

// Deleting an article deletes it for real: after the deletion (which
// ends with a checkpoint) none of its words is left in the archive file,
// its -wal file, or the full-text index, even in pages SQLite keeps free.
func TestDeleteLeavesNoTrace(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "archive.db")
	s, err := archive.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { s.Close() }()
	var keep []*archive.Article
	for i := range 30 {
		keep = append(keep, archivetest.Article("Harbour report "+strings.Repeat("x", i), strings.Repeat("The harbour council met again and talked. ", 40)))
	}
	archivetest.MustAddArticles(t, s, keep[:15]...)
	secret := archivetest.Article("The "+secretWords[0]+" affair", "A source said "+secretWords[1]+" twice.", strings.Repeat("More words of the story. ", 200))
	secret.Figures = []archive.Figure{{Image: "https://example.com/p.jpg", Caption: secretWords[2]}}
	secret.Blocks = append(secret.Blocks, archive.Block{Kind: archive.FigureRef, Figure: 0})
	id := archivetest.MustAddArticles(t, s, secret)[0]
	archivetest.MustAddArticles(t, s, keep[15:]...)
	if err := s.SetNote(ctx, id, "My note: "+secretWords[3]); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddHighlight(ctx, id, archive.NewHighlight{Exact: "A source said", Note: secretWords[4]}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddTags(ctx, []int64{id}, secretWords[5]); err != nil {
		t.Fatal(err)
	}
	s.Close() // the words are in the archive file now, not only in its WAL
	if got := fileHolds(t, path); len(got) != len(secretWords) {
		t.Fatalf("the archive holds %v before the deletion, want all of %v (the test would prove nothing)", got, secretWords)
	}
	if s, err = archive.Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteArticles(ctx, id); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{path, path + "-wal"} {
		if got := fileHolds(t, f); len(got) > 0 {
			t.Errorf("%s holds %v after the deletion", filepath.Base(f), got)
		}
	}
	if n, err := s.SearchCount(ctx, "harbour"); err != nil || n != 30 {
		t.Errorf("the other articles: %d found, %v", n, err)
	}
	if rep, err := s.Check(ctx); err != nil || !rep.OK() {
		t.Errorf("check after the deletion: %+v, %v", rep, err)
	}
	s.Close()
	if got := fileHolds(t, path); len(got) > 0 {
		t.Errorf("the archive file holds %v once closed", got)
	}
}
