package main

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/clippings/clippings/archive"
)

// TestJournalDeletedWhileOpen is issue 17's loss of a whole archive, with
// two real processes. This process plays the window: it has the archive
// open and has written to it. Another program deletes the archive's -wal
// and -shm files; the command line, in a child process, then imports a
// folder and tags an article (acknowledged: exit 0); then the window
// tries to write and closes. Before the fix the window's write went
// through, and closing copied its stale WAL into the file, cutting it to
// the size that WAL knew: every command said the archive was damaged,
// and what the command line imported was gone. Now the window refuses to
// write (ErrJournalReplaced), closes without touching the file, and the
// archive holds everything the command line acknowledged, whole.
func TestJournalDeletedWhileOpen(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "archive.db")
	first := writeCorpus(t, filepath.Join(dir, "first"), 20, false)
	if code, out, errs := inProcess("import", "--archive", db, first.dir); code != 0 {
		t.Fatalf("import: exit %d\n%s%s", code, out, errs)
	}
	before, _ := checkArchive(t, db)

	window, err := archive.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer window.Close()
	ids, err := window.SelectIDs(ctx, archive.Selection{})
	if err != nil || len(ids) == 0 {
		t.Fatalf("%d articles, %v", len(ids), err)
	}
	if _, err := window.AddTags(ctx, ids, "window/before"); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{db + "-wal", db + "-shm"} {
		if err := os.Remove(f); err != nil {
			t.Fatal(err)
		}
	}

	second := writeCorpus(t, filepath.Join(dir, "second"), 80, false)
	code, out, errs := runChild(t, 5*time.Minute, "import", "--archive", db, second.dir)
	if code != 0 {
		t.Fatalf("the command line's import: exit %d\n%s\n%s", code, tail(out, 5), errs)
	}
	if code, out, errs := runChild(t, time.Minute, "tag", "add", "--archive", db, "cli/after", "1"); code != 0 {
		t.Fatalf("the command line's tag: exit %d\n%s%s", code, out, errs)
	}
	// Checked from another process: in this one, SQLite would share the
	// window's stale view of the file.
	afterCLI := checkInChild(t, db)

	_, err = window.AddTags(ctx, ids, "window/after")
	if !errors.Is(err, archive.ErrJournalReplaced) {
		t.Errorf("the window's write after the journal files were deleted: %v, want ErrJournalReplaced", err)
	}
	if err != nil {
		t.Logf("the window said: %v", err)
	}
	size := fileSize(t, db)
	if err := window.Close(); err != nil {
		t.Errorf("close: %v", err)
	}
	if got := fileSize(t, db); got != size {
		t.Errorf("closing the window changed the archive file from %d to %d bytes", size, got)
	}

	st, probs := checkArchive(t, db)
	if len(probs) > 0 {
		t.Errorf("the archive after the window closed: %v", probs)
	}
	if st.articles != afterCLI.Articles || st.articles <= before.articles {
		t.Errorf("%d articles after the window closed; %d before, %d after the command line's import", st.articles, before.articles, afterCLI.Articles)
	}
	code, out, errs = runChild(t, time.Minute, "tag", "list", "--archive", db)
	if code != 0 || !strings.Contains(out, "cli") || strings.Contains(out, "window") {
		t.Errorf("tags after: exit %d\n%s%s", code, out, errs)
	}
	checkInChild(t, db)
	t.Logf("%d articles before, %d after the command line's import, %d after the window closed (%d bytes)",
		before.articles, afterCLI.Articles, st.articles, fileSize(t, db))
}

// checkInChild runs clippings check in a child process and returns its
// report, failing the test when it finds a problem.
func checkInChild(t *testing.T, db string) archive.CheckReport {
	t.Helper()
	code, out, errs := runChild(t, time.Minute, "check", "--json", "--archive", db)
	var rep archive.CheckReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil || code != 0 {
		t.Fatalf("check: exit %d (%v)\n%s%s", code, err, out, errs)
	}
	return rep
}

func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return st.Size()
}
