package archive

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Automatic backups, as Zotero keeps its own: a consistent copy of the
// archive (VACUUM INTO, which only reads it) in backups/ beside the
// archive file, made when a window or a writing command starts and the
// newest is older than BackupEvery, before migrations change the schema,
// and before reextract rewrites every article; the newest BackupKeep are
// kept. Restore puts one back, keeping the file it replaces.

// BackupEvery is how old the newest automatic backup may be before
// BackupIfDue makes another.
const BackupEvery = 24 * time.Hour

// DefaultKeep is how many automatic backups are kept unless the archive
// says otherwise (SetBackupKeep).
const DefaultKeep = 5

// maxKeep is the most automatic backups SetBackupKeep takes.
const maxKeep = 100

// backupStamp is the time in a backup's name (UTC).
const backupStamp = "20060102-150405.000"

// Reasons for an automatic backup, in its name.
const (
	ReasonDaily     = "daily"
	ReasonMigration = "before-upgrade"
	ReasonReextract = "before-reextract"
	ReasonManual    = "manual"
)

// BackupInfo is one automatic backup.
type BackupInfo struct {
	Path   string    `json:"path"`
	Made   time.Time `json:"made"`
	Reason string    `json:"reason"`
	Size   int64     `json:"size"`
}

// BackupsDir returns the folder of the automatic backups of the archive
// file at path: backups/ beside it.
func BackupsDir(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	return filepath.Join(filepath.Dir(abs), "backups")
}

// backupPrefix starts the names of the backups of the archive at path:
// its name without the extension, and a dash.
func backupPrefix(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base)) + "-"
}

// Backups lists the automatic backups of the archive file at path, newest
// first; none when the folder does not exist.
func Backups(path string) ([]BackupInfo, error) {
	dir := BackupsDir(path)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list backups in %s: %w", dir, err)
	}
	prefix := backupPrefix(path)
	var out []BackupInfo
	for _, e := range entries {
		name := e.Name()
		rest, ok := strings.CutPrefix(name, prefix)
		if !ok || !e.Type().IsRegular() || !strings.HasSuffix(rest, ".db") || len(rest) < len(backupStamp)+5 {
			continue
		}
		made, err := time.Parse(backupStamp, rest[:len(backupStamp)])
		if err != nil || rest[len(backupStamp)] != '-' {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		out = append(out, BackupInfo{Path: filepath.Join(dir, name), Made: made,
			Reason: strings.TrimSuffix(rest[len(backupStamp)+1:], ".db"), Size: info.Size()})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Made.After(out[j].Made) })
	return out, nil
}

// AutoBackup makes an automatic backup of the archive now, for reason
// (one word or a few joined by dashes), then deletes the oldest so that
// keep remain (none when keep < 1). It returns the backup made, or an
// error naming the folder (ErrDiskFull when the disk is full).
func (s *Store) AutoBackup(ctx context.Context, reason string, keep int) (BackupInfo, error) {
	b, err := backupTo(ctx, s.db, s.path, reason, s.clock())
	if err != nil {
		return BackupInfo{}, err
	}
	if keep > 0 {
		if err := rotate(s.path, keep); err != nil {
			return b, err
		}
	}
	return b, nil
}

// BackupIfDue makes an automatic backup (ReasonDaily) when the newest is
// older than every, or there is none, keeping the number of backups the
// archive says (BackupKeep); an archive without articles has nothing to
// keep. It reports whether it made one. When none is due it costs a look
// at the folder and nothing else.
func (s *Store) BackupIfDue(ctx context.Context, every time.Duration) (BackupInfo, bool, error) {
	var one int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM articles LIMIT 1)`).Scan(&one); err != nil || one == 0 {
		return BackupInfo{}, false, err // nothing to keep yet
	}
	list, err := Backups(s.path)
	if err != nil {
		return BackupInfo{}, false, err
	}
	if len(list) > 0 && s.clock().Sub(list[0].Made) < every {
		return BackupInfo{}, false, nil
	}
	b, err := s.AutoBackup(ctx, ReasonDaily, s.BackupKeep(ctx))
	return b, err == nil, err
}

// backupTo writes a consistent copy of the archive db (the file at path)
// into its backups folder, made at now for reason, synced to the disk.
func backupTo(ctx context.Context, db *sql.DB, path, reason string, now time.Time) (BackupInfo, error) {
	dir := BackupsDir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return BackupInfo{}, fmt.Errorf("back up to %s: %w", dir, classify(err))
	}
	stamp := now.UTC().Format(backupStamp)
	dest := filepath.Join(dir, backupPrefix(path)+stamp+"-"+reason+".db")
	for i := 2; fileExists(dest); i++ { // two in the same millisecond
		dest = filepath.Join(dir, backupPrefix(path)+stamp+"-"+reason+"-"+strconv.Itoa(i)+".db")
	}
	tmp := dest + ".partial"
	os.Remove(tmp)
	// VACUUM INTO only reads the archive: no write gate.
	if _, err := db.ExecContext(withoutGate(ctx), `VACUUM INTO ?`, tmp); err != nil {
		os.Remove(tmp)
		return BackupInfo{}, fmt.Errorf("back up to %s: %w", dir, classify(err))
	}
	size, err := syncFile(tmp)
	if err == nil {
		err = os.Rename(tmp, dest)
	}
	if err == nil {
		err = syncDir(dir)
	}
	if err != nil {
		os.Remove(tmp)
		return BackupInfo{}, fmt.Errorf("back up to %s: %w", dir, classify(err))
	}
	made, _ := time.Parse(backupStamp, stamp)
	return BackupInfo{Path: dest, Made: made, Reason: reason, Size: size}, nil
}

// rotate deletes the oldest automatic backups of the archive at path so
// that keep remain.
func rotate(path string, keep int) error {
	list, err := Backups(path)
	if err != nil {
		return err
	}
	for _, b := range list[min(keep, len(list)):] {
		if err := os.Remove(b.Path); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("delete old backup: %w", err)
		}
	}
	return nil
}

// BackupKeep returns how many automatic backups the archive keeps:
// DefaultKeep unless SetBackupKeep said otherwise.
func (s *Store) BackupKeep(ctx context.Context) int {
	var v string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM settings WHERE name = 'backup_keep'`).Scan(&v)
	if n, convErr := strconv.Atoi(v); err == nil && convErr == nil && n >= 1 && n <= maxKeep {
		return n
	}
	return DefaultKeep
}

// SetBackupKeep sets how many automatic backups the archive keeps, 1 to
// 100; the next backup deletes those over the number. It returns an
// error wrapping ErrInvalid for another number.
func (s *Store) SetBackupKeep(ctx context.Context, n int) error {
	if n < 1 || n > maxKeep {
		return fmt.Errorf("keep %d backups: %w: from 1 to %d", n, ErrInvalid, maxKeep)
	}
	const q = `INSERT INTO settings (name, value) VALUES ('backup_keep', ?)
ON CONFLICT (name) DO UPDATE SET value = excluded.value`
	if _, err := s.db.ExecContext(ctx, q, strconv.Itoa(n)); err != nil {
		return fmt.Errorf("keep %d backups: %w", n, err)
	}
	return nil
}

// fileExists reports whether something is at path.
func fileExists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// syncFile writes the file at path to the disk and returns its size.
func syncFile(path string) (int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	if err := f.Sync(); err != nil {
		return 0, err
	}
	st, err := f.Stat()
	if err != nil {
		return 0, err
	}
	return st.Size(), nil
}

// syncDir writes a folder's entries (a rename in it) to the disk; best
// effort, as some systems cannot sync a folder.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	d.Sync()
	return d.Close()
}
