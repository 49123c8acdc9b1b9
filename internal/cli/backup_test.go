package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The automatic backups through the command line: the first writing
// command of the day makes one, backup --keep and --list, and restore
// after the archive was damaged, keeping the damaged file.
func TestBackupAndRestore(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "archive.db")
	if code, out, errs := clippings(t, "import", "--archive", db, samples(t)); code != 0 {
		t.Fatalf("import: exit %d\n%s%s", code, out, errs)
	}
	code, _, errs := clippings(t, "tag", "add", "--archive", db, "kept", "1")
	if code != 0 || !strings.Contains(errs, "made the daily backup") {
		t.Errorf("the first tag of the day: exit %d, stderr %q; want the daily backup made", code, errs)
	}
	if _, _, errs := clippings(t, "tag", "add", "--archive", db, "later", "1"); strings.Contains(errs, "backup") {
		t.Errorf("the second command of the day made another backup: %q", errs)
	}
	if code, out, errs := clippings(t, "backup", "--archive", db, "--keep", "2"); code != 0 || !strings.Contains(out, "newest 2") {
		t.Errorf("backup --keep 2: exit %d\n%s%s", code, out, errs)
	}
	for range 3 {
		if code, out, errs := clippings(t, "backup", "--archive", db); code != 0 || !strings.Contains(out, "backups") {
			t.Fatalf("backup: exit %d\n%s%s", code, out, errs)
		}
	}
	code, out, errs := clippings(t, "backup", "--list", "--archive", db)
	if code != 0 || strings.Count(out, "\n") != 2 || strings.Contains(out, "daily") {
		t.Errorf("backup --list: exit %d, want the 2 newest (manual) kept\n%s%s", code, out, errs)
	}

	data, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	for p := 2; p*4096 < len(data); p += 3 {
		copy(data[p*4096+100:], bytes.Repeat([]byte{0x5a}, 2000))
	}
	if err := os.WriteFile(db, data, 0o600); err != nil {
		t.Fatal(err)
	}
	os.Remove(db + "-wal")
	code, _, errs = clippings(t, "search", "--archive", db, "trains")
	if code == 0 || !strings.Contains(errs, "clippings restore") {
		t.Errorf("search in the damaged archive: exit %d, want the hint to restore\n%s", code, errs)
	}
	code, out, errs = clippings(t, "restore", "--archive", db)
	if code != 0 || !strings.Contains(out, "kept as") {
		t.Fatalf("restore: exit %d\n%s%s", code, out, errs)
	}
	kept, _ := filepath.Glob(filepath.Join(dir, "archive-replaced-*.db"))
	if len(kept) != 1 {
		t.Errorf("the damaged file kept as %v, want one file", kept)
	} else if got, _ := os.ReadFile(kept[0]); !bytes.Equal(got, data) {
		t.Errorf("the file kept is not the damaged archive as it was")
	}
	if code, out, errs := clippings(t, "check", "--archive", db); code != 0 || !strings.Contains(out, "0 problems") {
		t.Errorf("check after the restore: exit %d\n%s%s", code, out, errs)
	}
	if code, out, errs := clippings(t, "search", "--archive", db, "tag:kept"); code != 0 || !strings.Contains(out, "1 hit") {
		t.Errorf("the restored archive lacks what the backup held: exit %d\n%s%s", code, out, errs)
	}
	if code, _, errs := clippings(t, "restore", "--archive", db, "no-such-backup.db"); code != 1 || !strings.Contains(errs, "no backup") {
		t.Errorf("restore of a backup that does not exist: exit %d\n%s", code, errs)
	}
}
