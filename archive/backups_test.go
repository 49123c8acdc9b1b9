package archive

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// holdEnv makes a re-executed test binary open the archive it names and
// hold it open until its stdin closes (another Clippings using it).
const holdEnv = "CLIPPINGS_TEST_HOLD_ARCHIVE"

func init() {
	if path := os.Getenv(holdEnv); path != "" {
		s, err := Open(context.Background(), path)
		if err != nil {
			os.Exit(3)
		}
		os.Stdout.WriteString("open\n")
		var b [1]byte
		os.Stdin.Read(b[:])
		s.Close()
		os.Exit(0)
	}
}

// A store made every backup: a day and a bit after the previous one.
func TestAutomaticBackups(t *testing.T) {
	ctx := context.Background()
	s, ids := langFixture(t)
	now := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	s.now = func() time.Time { return now }
	b, made, err := s.BackupIfDue(ctx, BackupEvery)
	if err != nil || !made || b.Reason != ReasonDaily {
		t.Fatalf("the first start: %+v, made %v, %v; want a daily backup", b, made, err)
	}
	now = now.Add(23 * time.Hour)
	if _, made, err := s.BackupIfDue(ctx, BackupEvery); err != nil || made {
		t.Errorf("23 hours later: made %v, %v; want none", made, err)
	}
	if err := s.SetBackupKeep(ctx, 3); err != nil {
		t.Fatal(err)
	}
	if err := s.SetBackupKeep(ctx, 0); !errors.Is(err, ErrInvalid) {
		t.Errorf("keep 0: %v, want ErrInvalid", err)
	}
	for i := range 4 {
		now = now.Add(25 * time.Hour)
		if _, err := s.AddTags(ctx, []int64{ids["walrus"]}, "day"+string(rune('a'+i))); err != nil {
			t.Fatal(err)
		}
		if _, made, err := s.BackupIfDue(ctx, BackupEvery); err != nil || !made {
			t.Fatalf("day %d: made %v, %v", i, made, err)
		}
	}
	list, err := Backups(s.Path())
	if err != nil || len(list) != 3 || !list[0].Made.Equal(now) {
		t.Fatalf("backups %+v (%v): want the newest 3, newest first", list, err)
	}
	b2, err := Open(ctx, list[0].Path)
	if err != nil {
		t.Fatal(err)
	}
	defer b2.Close()
	a, err := b2.Article(ctx, ids["walrus"])
	if err != nil || !strings.Contains(strings.Join(a.Tags, " "), "dayd") {
		t.Errorf("the newest backup holds %v (%v), want the last tag", a, err)
	}
	if rep, err := b2.Check(ctx); err != nil || !rep.OK() {
		t.Errorf("the backup: %+v, %v", rep, err)
	}
}

// Opening an archive made by an earlier version backs it up before the
// migrations change it.
func TestBackupBeforeUpgrade(t *testing.T) {
	s := openV1(t)
	list, err := Backups(s.Path())
	if err != nil || len(list) != 1 || list[0].Reason != ReasonMigration {
		t.Fatalf("backups %+v (%v), want one made before the upgrade", list, err)
	}
	data, err := os.ReadFile(list[0].Path)
	if err != nil || !bytes.Contains(data, []byte("0001_init.sql")) || bytes.Contains(data, []byte("0002_organise.sql")) {
		t.Errorf("the backup is not the archive before the upgrade (%v)", err)
	}
	again, err := Open(context.Background(), s.Path())
	if err != nil {
		t.Fatal(err)
	}
	again.Close()
	if list, _ := Backups(s.Path()); len(list) != 1 {
		t.Errorf("%d backups after opening the up-to-date archive again, want 1", len(list))
	}
}

// Restore puts a backup in place of a damaged archive, keeping the
// damaged file; it refuses while another process has the archive open,
// and refuses a damaged backup.
func TestRestore(t *testing.T) {
	ctx := context.Background()
	s, _ := langFixture(t)
	path := s.Path()
	b, err := s.AutoBackup(ctx, ReasonManual, DefaultKeep)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := s.Count(ctx)
	s.Close()
	if err := restoreWhileOpen(t, path, b.Path); !errors.Is(err, ErrBusy) {
		t.Errorf("restore while another process has the archive open: %v, want ErrBusy", err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	copy(data[4096*2:], bytes.Repeat([]byte{0xA5}, 4096)) // a page scrambled
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}

	bad := filepath.Join(t.TempDir(), "bad.db")
	os.WriteFile(bad, data, 0o600)
	if _, err := Restore(ctx, path, bad); !errors.Is(err, ErrDamaged) {
		t.Errorf("restore from a damaged file: %v, want ErrDamaged", err)
	}

	r, err := Restore(ctx, path, b.Path)
	if err != nil {
		t.Fatal(err)
	}
	kept, err := os.ReadFile(r.Aside)
	if err != nil || !bytes.Equal(kept, data) {
		t.Errorf("the damaged file was not kept as it was at %s (%v)", r.Aside, err)
	}
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n, _ := s.Count(ctx); n != want {
		t.Errorf("%d articles after the restore, want %d", n, want)
	}
	if rep, err := s.Check(ctx); err != nil || !rep.OK() {
		t.Errorf("the restored archive: %+v, %v", rep, err)
	}
}

// restoreWhileOpen runs Restore while another process (this test binary
// again) has the archive open, and returns its error.
func restoreWhileOpen(t *testing.T, path, from string) error {
	t.Helper()
	hold := exec.Command(os.Args[0], "-test.run=^$")
	hold.Env = append(os.Environ(), holdEnv+"="+path)
	stdin, err := hold.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := hold.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := hold.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		stdin.Close()
		hold.Wait()
	}()
	line := make([]byte, 5)
	if _, err := io.ReadFull(stdout, line); err != nil || string(line) != "open\n" {
		t.Fatalf("the other process did not open the archive: %q, %v", line, err)
	}
	_, err = Restore(context.Background(), path, from)
	return err
}
