package archive_test

import (
	"context"
	"crypto/sha256"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/archive/archivetest"
)

func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}

// When the archive's -wal and -shm files are deleted or replaced while a
// Store has it open, the Store writes nothing more, says why, and does
// not copy its stale WAL into the file when it closes (which cut the file
// short when another process had written to it meanwhile). The two-process
// case is TestJournalDeletedWhileOpen in package main.
func TestJournalReplaced(t *testing.T) {
	for _, how := range []string{"deleted", "replaced"} {
		t.Run(how, func(t *testing.T) {
			ctx := context.Background()
			path := filepath.Join(t.TempDir(), "archive.db")
			s, err := archive.Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			ids := archivetest.MustAddArticles(t, s, archivetest.Article("One", "First."), archivetest.Article("Two", "Second."))
			before := fileSum(t, path)
			for _, f := range []string{path + "-wal", path + "-shm"} {
				if err := os.Remove(f); err != nil {
					t.Fatal(err)
				}
				if how == "replaced" {
					if err := os.WriteFile(f, nil, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
			_, err = s.AddTags(ctx, ids, "after")
			if !errors.Is(err, archive.ErrJournalReplaced) || !archive.IsFileFault(err) {
				t.Errorf("a write after the journal files were %s: %v, want ErrJournalReplaced", how, err)
			}
			if err := s.Close(); err != nil {
				t.Errorf("close: %v", err)
			}
			if fileSum(t, path) != before {
				t.Errorf("closing copied the stale WAL into the archive file")
			}
			os.Remove(path + "-wal")
			os.Remove(path + "-shm")
			s, err = archive.Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if rep, err := s.Check(ctx); err != nil || !rep.OK() {
				t.Errorf("the archive after: %+v, %v", rep, err)
			}
		})
	}
}
