package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// fullMessage reports whether msg says clearly that the disk is full.
func fullMessage(msg string) bool {
	m := strings.ToLower(msg)
	return strings.Contains(m, "disk") && (strings.Contains(m, "full") || strings.Contains(m, "no space")) ||
		strings.Contains(m, "no space left")
}

// TestDiskFull imports a folder into an archive on a disk too small for
// it, then tags an article on the full disk: the error must say the disk
// is full, the archive must stay whole, and once there is room again the
// same import must finish the job. The small disk is a 3 MB tmpfs
// (mounting needs root) or else a file size limit (prlimit --fsize).
func TestDiskFull(t *testing.T) {
	dir := t.TempDir()
	c := writeCorpus(t, filepath.Join(dir, "pages"), 40, true)
	ref := filepath.Join(dir, "reference.db")
	if code, out, errs := runChild(t, importTimeout, "import", "--archive", ref, c.dir); code != 0 {
		t.Fatalf("reference import: exit %d\n%s%s", code, tail(out, 5), errs)
	}
	refState := mustBeWhole(t, ref, "reference")

	simulated := 0
	defer func() {
		if simulated == 0 {
			t.Errorf("no way to simulate a full disk here (neither mount nor prlimit)")
		}
	}()
	t.Run("tmpfs", func(t *testing.T) {
		disk := filepath.Join(t.TempDir(), "disk")
		os.Mkdir(disk, 0o755)
		if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", disk).CombinedOutput(); err != nil {
			t.Skipf("cannot mount a tmpfs (not root?): %v %s; the file size limit case stands in", err, out)
		}
		defer exec.Command("umount", "-l", disk).Run()
		simulated++
		db := filepath.Join(disk, "archive.db")
		fillAndRecover(t, c, db, refState, func(args ...string) *exec.Cmd { return exec.Command(os.Args[0], args...) }, func() {
			if out, err := exec.Command("mount", "-o", "remount,size=64m", disk).CombinedOutput(); err != nil {
				t.Fatalf("remount: %v %s", err, out)
			}
		})
	})
	t.Run("file size limit", func(t *testing.T) {
		prlimit, err := exec.LookPath("prlimit")
		if err != nil {
			t.Skip("no prlimit")
		}
		simulated++
		db := filepath.Join(t.TempDir(), "archive.db")
		limited := true
		fillAndRecover(t, c, db, refState, func(args ...string) *exec.Cmd {
			if !limited {
				return exec.Command(os.Args[0], args...)
			}
			return exec.Command(prlimit, append([]string{"--fsize=" + strconv.Itoa(3<<20), os.Args[0]}, args...)...)
		}, func() { limited = false })
	})
}

// fillAndRecover imports c into db with commands made by cmd until the
// disk is full, checks the error and the archive, calls free, and
// imports again.
func fillAndRecover(t *testing.T, c corpus, db string, ref archiveState, cmd func(args ...string) *exec.Cmd, free func()) {
	run := func(args ...string) (int, string, string) {
		ch := startChildCmd(t, "cli", nil, cmd(args...))
		code := ch.wait(importTimeout)
		return code, strings.Join(ch.drain(), "\n"), ch.stderr.String()
	}
	code, out, errs := run("import", "--archive", db, c.dir)
	if code == 0 && importedCount(out) == c.pages-c.bad {
		t.Fatalf("the whole folder fitted on the small disk; make it smaller:\n%s", tail(out, 3))
	}
	failed := 0 // files reported failed because the disk was full
	for _, line := range strings.Split(out, "\n") {
		if _, why, ok := strings.Cut(line, ": failed: "); ok && fullMessage(why) {
			failed++
		}
	}
	switch {
	case !fullMessage(out + errs):
		t.Errorf("import on a full disk: exit %d, the output does not say the disk is full:\n%s\n%s", code, tail(out, 8), errs)
	case code == 0:
		t.Errorf("import on a full disk: exit 0 (%d files reported failed instead of the import stopping)", failed)
	case failed > 2:
		t.Errorf("import on a full disk went on: %d files reported failed with a full disk, want the import to stop at the first:\n%s", failed, tail(out, 8))
	}
	st := mustBeWhole(t, db, "after the disk filled up")
	if extra := st.subsetOf(ref); len(extra) > 0 {
		t.Errorf("after the disk filled up: %v", extra)
	}
	if st.articles > 0 {
		before := tableSums(t, db)
		code, out, errs := run("tag", "add", "full", "1", "--archive", db)
		if code != 0 && !fullMessage(out+errs) {
			t.Errorf("tag on a full disk: exit %d, unclear error:\n%s%s", code, out, errs)
		}
		if code != 0 {
			if changed := sumsChanged(before, tableSums(t, db)); len(changed) > 0 {
				t.Errorf("a failed tag changed %v", changed)
			}
		}
		mustBeWhole(t, db, "after tagging on a full disk")
	}
	free()
	if code, out, errs := run("import", "--archive", db, c.dir); code != 0 {
		t.Fatalf("import once there is room: exit %d\n%s\n%s", code, tail(out, 8), errs)
	}
	st = mustBeWhole(t, db, "after the import finished")
	if diff := st.sameAs(ref); len(diff) > 0 {
		t.Errorf("after the disk filled up and the import was run again: %s", strings.Join(diff, "\n"))
	}
}

// TestReadOnlyArchive runs every command on an archive the user may not
// write: the file read-only, and the file and its folder read-only.
// Reading commands should work (or fail clearly); writing commands must
// fail saying the archive is read-only; the file must not change. As
// root, permissions do not apply, so the commands then run as nobody.
func TestReadOnlyArchive(t *testing.T) {
	db, c := smallArchive(t, 8)
	bin := os.Args[0]
	var cred *syscall.Credential
	if os.Geteuid() == 0 {
		cred = &syscall.Credential{Uid: 65534, Gid: 65534}
		bin = filepath.Join(t.TempDir(), "clippings.test")
		data, err := os.ReadFile(os.Args[0])
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(bin, data, 0o755); err != nil {
			t.Fatal(err)
		}
		openUp(t, filepath.Dir(bin))
		openUp(t, c.dir)
		filepath.Walk(c.dir, func(p string, info os.FileInfo, err error) error { return os.Chmod(p, info.Mode()|0o555) })
	}
	for _, tc := range []struct {
		name         string
		file, folder os.FileMode
	}{{"file read-only", 0o444, 0o777}, {"file and folder read-only", 0o444, 0o555}} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "ro", "archive.db")
			copyFile(t, db, path)
			openUp(t, filepath.Dir(filepath.Dir(path)))
			os.Chmod(path, tc.file)
			os.Chmod(filepath.Dir(path), tc.folder)
			defer os.Chmod(filepath.Dir(path), 0o755)
			before, _ := os.ReadFile(path)
			for _, args := range append(append(append([][]string{}, readCommands...), writeCommands...), []string{"import", c.dir}) {
				write := args[0] == "import" || args[0] == "tag" || args[0] == "note" || args[0] == "star"
				args = append([]string{args[0], "--archive", path}, args[1:]...)
				cmd := exec.Command(bin, args...)
				cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
				cmd.Dir = "/"
				ch := startChildCmd(t, "cli", nil, cmd)
				code := ch.wait(2 * time.Minute)
				out, errs := strings.Join(ch.drain(), "\n"), ch.stderr.String()
				switch {
				case write && code == 0:
					t.Errorf("%s on a read-only archive: exit 0, the edit is lost silently\n%s", args[0], tail(out, 3))
				case code != 0 && !readOnlyMessage(errs):
					t.Errorf("%s on a read-only archive: exit %d, the message does not say it is read-only:\n%s", args[0], code, errs)
				}
				if now, _ := os.ReadFile(path); !bytes.Equal(now, before) {
					t.Fatalf("%s changed the read-only archive", args[0])
				}
			}
		})
	}
}

// readOnlyMessage reports whether msg says the archive cannot be written.
func readOnlyMessage(msg string) bool {
	m := strings.ToLower(msg)
	return strings.Contains(m, "read-only") || strings.Contains(m, "readonly") || strings.Contains(m, "permission denied")
}

// openUp lets everyone into dir and the folders above it in the test's
// temporary tree.
func openUp(t *testing.T, dir string) {
	for d := dir; d != "/" && d != os.TempDir() && d != "."; d = filepath.Dir(d) {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(fmt.Errorf("open up %s: %w", d, err))
		}
	}
}
