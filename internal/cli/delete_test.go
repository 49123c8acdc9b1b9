package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDeleteCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "archive.db")
	if code, out, errs := clippings(t, "import", "--archive", db, samples(t)); code != 0 {
		t.Fatalf("import exit %d\n%s%s", code, out, errs)
	}
	count := func() int {
		_, out, _ := clippings(t, "list", "--archive", db)
		return strings.Count(out, "\n")
	}
	if n := count(); n != 3 {
		t.Fatalf("%d articles after import, want 3", n)
	}

	// Without --yes the articles are listed, not deleted, and the exit
	// code says nothing was done.
	code, out, errs := clippings(t, "delete", "--archive", db, "--query", "denuclearisation")
	if code == 0 || !strings.Contains(out, "China backs second Kim-Trump Summit") || !strings.Contains(errs, "--yes") {
		t.Errorf("delete without --yes: exit %d\n%s%s", code, out, errs)
	}
	if n := count(); n != 3 {
		t.Errorf("%d articles after a delete without --yes, want 3", n)
	}

	code, out, errs = clippings(t, "delete", "--archive", db, "--yes", "--query", "denuclearisation")
	if code != 0 || !strings.Contains(out, "deleted 1 article") {
		t.Fatalf("delete --yes: exit %d\n%s%s", code, out, errs)
	}
	if n := count(); n != 2 {
		t.Errorf("%d articles after deleting one, want 2", n)
	}
	if _, out, _ := clippings(t, "search", "--archive", db, "denuclearisation"); !strings.Contains(out, "0 hits") {
		t.Errorf("the deleted article is still found:\n%s", out)
	}
	if code, out, errs := clippings(t, "check", "--archive", db); code != 0 {
		t.Errorf("check after delete: exit %d\n%s%s", code, out, errs)
	}
	// Deleted for real: the word is in none of the archive's files.
	for _, f := range []string{db, db + "-wal"} {
		if data, _ := os.ReadFile(f); bytes.Contains(bytes.ToLower(data), []byte("denuclearisation")) {
			t.Errorf("%s still holds the deleted article's words", filepath.Base(f))
		}
	}
	if code, out, errs := clippings(t, "compact", "--archive", db); code != 0 || !strings.Contains(out, "compacted") {
		t.Errorf("compact: exit %d\n%s%s", code, out, errs)
	}
	if n := count(); n != 2 {
		t.Errorf("%d articles after compact, want 2", n)
	}

	// Unknown numbers are said, and nothing is deleted.
	if code, _, errs := clippings(t, "delete", "--archive", db, "--yes", "999"); code == 0 || !strings.Contains(errs, "no article 999") {
		t.Errorf("delete 999: exit %d, %s", code, errs)
	}
}
