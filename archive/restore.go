package archive

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Restored says what Restore did.
type Restored struct {
	From  string `json:"from"`  // the backup copied into place
	Aside string `json:"aside"` // where the file it replaced was put; "" when there was none
}

// Restore puts the backup from back in place of the archive file at
// path. The file it replaces is never deleted: it is renamed, with its
// -wal file, to ARCHIVE-replaced-TIME.db beside it, where SQLite can
// still open it. The backup is checked first (SQLite's quick check) and
// copied, synced, then renamed into place, so the archive is at every
// moment either the old file or the whole backup.
//
// It returns an error wrapping ErrBusy when a Clippings has the archive
// open (a window, a command), ErrDamaged when the backup is damaged, or
// one naming the file that failed.
func Restore(ctx context.Context, path, from string) (Restored, error) {
	abs, err := filepath.Abs(path)
	if err == nil {
		from, err = filepath.Abs(from)
	}
	if err != nil {
		return Restored{}, fmt.Errorf("restore %s: %w", path, err)
	}
	if err := checkBackup(ctx, from); err != nil {
		return Restored{}, fmt.Errorf("restore from %s: %w", from, err)
	}
	if err := inUse(abs); err != nil {
		return Restored{}, fmt.Errorf("restore %s: %w", path, err)
	}
	out := Restored{From: from}
	tmp := abs + ".restoring"
	if err := copyFile(tmp, from); err != nil {
		os.Remove(tmp)
		return Restored{}, fmt.Errorf("restore %s: %w", path, classify(err))
	}
	if fileExists(abs) {
		out.Aside = asideName(abs, time.Now())
		for _, suffix := range []string{"", "-wal", "-shm"} {
			if err := os.Rename(abs+suffix, out.Aside+suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
				os.Remove(tmp)
				return Restored{}, fmt.Errorf("restore %s: put the archive aside: %w", path, err)
			}
		}
	}
	if err := os.Rename(tmp, abs); err != nil {
		return out, fmt.Errorf("restore %s: %w", path, err)
	}
	return out, syncDir(filepath.Dir(abs))
}

// asideName is where Restore puts the archive file abs it replaces.
func asideName(abs string, now time.Time) string {
	ext := filepath.Ext(abs)
	name := strings.TrimSuffix(abs, ext) + "-replaced-" + now.UTC().Format(backupStamp)
	for i := 2; fileExists(name + ext); i++ {
		name = fmt.Sprintf("%s-replaced-%s-%d", strings.TrimSuffix(abs, ext), now.UTC().Format(backupStamp), i)
	}
	return name + ext
}

// checkBackup returns nil when the file at path is an SQLite database
// that passes SQLite's quick check, read without changing it.
func checkBackup(ctx context.Context, path string) error {
	if _, err := os.Stat(path); err != nil {
		return err
	}
	if err := checkHeader(path); err != nil {
		return err
	}
	db, err := sql.Open("sqlite3", readOnlyDSN(path)+"&immutable=1")
	if err != nil {
		return err
	}
	defer db.Close()
	var msg string
	if err := db.QueryRowContext(ctx, `PRAGMA quick_check(1)`).Scan(&msg); err != nil {
		return classify(err)
	}
	if msg != "ok" {
		return &storeError{kind: ErrDamaged, err: errors.New("quick check: " + msg)}
	}
	return nil
}

// copyFile copies the file from to a new file to, synced to the disk.
func copyFile(to, from string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
