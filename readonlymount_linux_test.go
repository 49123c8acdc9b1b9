package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestReadOnlyMount puts an archive on a read-only mount (a bind mount
// remounted read-only, which needs root): before the fix every command,
// reading ones included, failed with "unable to open database file".
// Now reading commands work, saying the archive was opened for reading
// only; writing ones fail saying it is read-only; nothing changes the
// file. Without root (or mount) there is no read-only mount to make: the
// test says so and stops.
func TestReadOnlyMount(t *testing.T) {
	db, c := smallArchive(t, 8)
	dir := t.TempDir()
	src, mnt := filepath.Join(dir, "src"), filepath.Join(dir, "mnt")
	copyFile(t, db, filepath.Join(src, "archive.db"))
	if err := os.MkdirAll(mnt, 0o755); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "--bind", src, mnt).CombinedOutput(); err != nil {
		t.Skipf("no read-only mount without root: mount --bind: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", mnt).Run() })
	if out, err := exec.Command("mount", "-o", "remount,bind,ro", mnt).CombinedOutput(); err != nil {
		t.Fatalf("mount -o remount,bind,ro: %v %s", err, out)
	}
	path := filepath.Join(mnt, "archive.db")
	if err := os.WriteFile(filepath.Join(mnt, "probe"), nil, 0o644); err == nil {
		t.Fatal("the mount is writable")
	}
	before, _ := os.ReadFile(path)
	for _, args := range append(append(append([][]string{}, readCommands...), writeCommands...), []string{"import", c.dir}) {
		write := args[0] == "import" || args[0] == "tag" || args[0] == "note" || args[0] == "star"
		args = append([]string{args[0], "--archive", path}, args[1:]...)
		code, out, errs := runChild(t, 2*time.Minute, args...)
		switch {
		case write && code == 0:
			t.Errorf("%s on a read-only mount: exit 0, the edit is lost silently\n%s", args[0], tail(out, 3))
		case !write && code != 0:
			t.Errorf("%s on a read-only mount: exit %d, reading must work:\n%s", args[0], code, errs)
		case !write && args[0] != "check" && !strings.Contains(errs, "opened for reading only"):
			t.Errorf("%s on a read-only mount does not say it opened the archive for reading only:\n%s", args[0], errs)
		case code != 0 && !readOnlyMessage(errs):
			t.Errorf("%s on a read-only mount: exit %d, the message does not say it is read-only:\n%s", args[0], code, errs)
		}
		if now, _ := os.ReadFile(path); !bytes.Equal(now, before) {
			t.Fatalf("%s changed the archive on the read-only mount", args[0])
		}
	}
}
