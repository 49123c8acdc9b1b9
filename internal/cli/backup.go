package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/clippings/clippings/archive"
)

// writers are the commands that change the archive: when one starts and
// the newest automatic backup is older than a day, it makes one first.
var writers = map[string]bool{
	"import": true, "tag": true, "note": true, "collection": true, "saved": true,
	"star": true, "read": true, "delete": true,
}

// dailyBackup makes the automatic backup of the archive when one is due
// and the running command writes. A failure is said, not fatal: the
// command itself may still work.
func (c *cli) dailyBackup(ctx context.Context, s *archive.Store) {
	if !writers[c.name] || s.ReadOnly() {
		return
	}
	b, made, err := s.BackupIfDue(ctx, archive.BackupEvery)
	switch {
	case err != nil:
		fmt.Fprintf(c.stderr, "clippings: the daily backup failed: %v\n", err)
	case made:
		fmt.Fprintf(c.stderr, "clippings: made the daily backup of the archive: %s\n", b.Path)
	}
}

// runBackup copies the archive: to DEST, or among the automatic backups;
// --list lists those, --keep sets how many are kept.
func runBackup(ctx context.Context, c *cli, args []string) error {
	var list, asJSON bool
	var keep int
	fs := c.archiveFlags()
	fs.BoolVar(&list, "list", false, "list the automatic backups, newest first")
	fs.BoolVar(&asJSON, "json", false, "print the list as JSON")
	fs.IntVar(&keep, "keep", 0, "keep the newest `N` automatic backups from now on (default 5)")
	rest, err := c.positional(fs, args, 0, 1)
	if err != nil {
		return err
	}
	if list {
		return listBackups(c, asJSON)
	}
	return c.withStore(ctx, func(s *archive.Store) error {
		if keep != 0 {
			if err := s.SetBackupKeep(ctx, keep); err != nil {
				return err
			}
			fmt.Fprintf(c.stdout, "the newest %d automatic backups are kept\n", keep)
			if len(rest) == 0 {
				return nil
			}
		}
		if len(rest) == 1 {
			if err := s.Backup(ctx, rest[0]); err != nil {
				return err
			}
			fmt.Fprintf(c.stdout, "backed up %s to %s\n", s.Path(), rest[0])
			return nil
		}
		b, err := s.AutoBackup(ctx, archive.ReasonManual, s.BackupKeep(ctx))
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "backed up %s to %s\n", s.Path(), b.Path)
		return nil
	})
}

// listBackups prints the automatic backups of the archive.
func listBackups(c *cli, asJSON bool) error {
	path, err := c.path()
	if err != nil {
		return err
	}
	list, err := archive.Backups(path)
	if err != nil {
		return err
	}
	if asJSON {
		return emitJSON(c.stdout, append([]archive.BackupInfo{}, list...))
	}
	if len(list) == 0 {
		fmt.Fprintf(c.stdout, "no automatic backups in %s\n", archive.BackupsDir(path))
		return nil
	}
	for _, b := range list {
		fmt.Fprintf(c.stdout, "%s  %-16s %8.1f MB  %s\n", b.Made.Local().Format("2006-01-02 15:04"), b.Reason,
			float64(b.Size)/1e6, b.Path)
	}
	return nil
}

// runRestore puts an automatic backup (the newest, or the one named) in
// place of the archive, keeping the file it replaces.
func runRestore(ctx context.Context, c *cli, args []string) error {
	rest, err := c.positional(c.archiveFlags(), args, 0, 1)
	if err != nil {
		return err
	}
	path, err := c.path()
	if err != nil {
		return err
	}
	from, err := pickBackup(path, rest)
	if err != nil {
		return err
	}
	r, err := archive.Restore(ctx, path, from)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "restored %s from %s\n", path, r.From)
	if r.Aside != "" {
		fmt.Fprintf(c.stdout, "the file it replaced is kept as %s\n", r.Aside)
	}
	fmt.Fprintln(c.stdout, `What was added after the backup was made is not in the archive: import it again, or look for it in the file kept.`)
	return nil
}

// pickBackup returns the backup to restore: the one named by args (a
// path, or a name in the backups folder), else the newest.
func pickBackup(path string, args []string) (string, error) {
	if len(args) == 1 {
		if _, err := os.Stat(args[0]); err == nil {
			return args[0], nil
		}
		in := filepath.Join(archive.BackupsDir(path), filepath.Base(args[0]))
		if _, err := os.Stat(in); err == nil {
			return in, nil
		}
		return "", fmt.Errorf("restore: no backup %s", args[0])
	}
	list, err := archive.Backups(path)
	if err != nil {
		return "", err
	}
	if len(list) == 0 {
		return "", fmt.Errorf("restore: %w in %s", errNoBackup, archive.BackupsDir(path))
	}
	return list[0].Path, nil
}

// errNoBackup is the error of restore without an automatic backup.
var errNoBackup = errors.New("no automatic backups")
