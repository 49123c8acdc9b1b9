package archive

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Backup writes a consistent copy of the archive to dest (VACUUM INTO: a
// read transaction, so the app may go on using the archive meanwhile).
// The copy is written beside dest and renamed into place, so dest is
// either complete or absent. It returns an error wrapping ErrExists when
// dest exists, or naming dest when the copy fails.
func (s *Store) Backup(ctx context.Context, dest string) error {
	abs, err := filepath.Abs(dest)
	if err != nil {
		return fmt.Errorf("backup to %s: %w", dest, err)
	}
	if _, err := os.Lstat(abs); err == nil {
		return fmt.Errorf("backup to %s: %w", dest, ErrExists)
	}
	tmp := abs + ".partial"
	os.Remove(tmp)
	// VACUUM INTO only reads the archive: no write gate.
	if _, err := s.db.ExecContext(withoutGate(ctx), `VACUUM INTO ?`, tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("backup to %s: %w", dest, err)
	}
	if err := os.Rename(tmp, abs); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("backup to %s: %w", dest, err)
	}
	return nil
}

// CheckReport is what Check found. Problems is empty when all is well.
type CheckReport struct {
	Originals int      `json:"originals"` // originals whose SHA-256 was recomputed
	Images    int      `json:"images"`
	Articles  int      `json:"articles"`
	Problems  []string `json:"problems,omitempty"`
}

// OK reports whether Check found nothing wrong.
func (r *CheckReport) OK() bool { return len(r.Problems) == 0 }

// Check verifies the archive: SQLite's integrity check of the file, the
// full-text index against the articles, the SHA-256 of every stored
// original and image recomputed from its bytes, and the checksum of every
// article's and earlier version's record (checksum.go). What it finds wrong is in
// the report, damaged pages SQLite meets while checking included; it
// returns an error only when it cannot run (the database fails otherwise
// or ctx ends). Check writes nothing.
func (s *Store) Check(ctx context.Context) (*CheckReport, error) {
	r := &CheckReport{}
	// damaged records an error of a damaged archive as a problem and
	// returns the others.
	damaged := func(what string, err error) error {
		if err != nil && errors.Is(err, ErrDamaged) && ctx.Err() == nil {
			r.Problems = append(r.Problems, what+": "+err.Error())
			return nil
		}
		return err
	}
	if err := damaged("database", s.integrity(ctx, r)); err != nil {
		return nil, fmt.Errorf("check: %w", err)
	}
	const fts = `INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)`
	// The index's own check needs a write transaction (it writes
	// nothing). A read-only archive skips it: SQLite's integrity check
	// above checks FTS5 tables too, if less deeply.
	if _, err := s.db.ExecContext(withoutGate(ctx), fts); err != nil && !errors.Is(err, ErrReadOnly) {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("check: %w", ctx.Err())
		}
		r.Problems = append(r.Problems, "full-text index: "+err.Error())
	}
	if err := damaged("stored files", s.checkBlobs(ctx, r)); err != nil {
		return nil, fmt.Errorf("check: %w", err)
	}
	if err := damaged("articles", s.checkRecords(ctx, r)); err != nil {
		return nil, fmt.Errorf("check: %w", err)
	}
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&r.Articles)
	if err := damaged("articles", err); err != nil {
		return nil, fmt.Errorf("check: %w", err)
	}
	return r, nil
}

// CheckFile checks the archive file at path as Check does, also when it
// cannot be opened normally: a file that is not an SQLite database is
// reported as a problem, and a damaged one is checked read-only (no
// migration, nothing written) as far as it can be read. It returns an
// error naming path when the file is missing, in use or unreadable, or
// when ctx ends.
func CheckFile(ctx context.Context, path string) (*CheckReport, error) {
	abs, err := filepath.Abs(path)
	if err == nil {
		_, err = os.Stat(abs)
	}
	if err != nil {
		return nil, fmt.Errorf("check %s: %w", path, err)
	}
	if err := checkHeader(abs); errors.Is(err, ErrDamaged) {
		return &CheckReport{Problems: []string{"file: " + err.Error()}}, nil
	}
	s, err := Open(ctx, abs)
	if err == nil {
		defer s.Close()
		return s.Check(ctx)
	}
	if !errors.Is(err, ErrDamaged) || ctx.Err() != nil {
		return nil, fmt.Errorf("check %s: %w", path, err)
	}
	opened := "opening: " + err.Error()
	g := &gate{}
	s = &Store{db: sql.OpenDB(&connector{dsn: readOnlyDSN(abs), gate: g}), path: abs, gate: g}
	defer s.db.Close()
	r, err := s.Check(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("check %s: %w", path, ctx.Err())
		}
		r = &CheckReport{Problems: []string{err.Error()}}
	}
	r.Problems = append([]string{opened}, r.Problems...)
	return r, nil
}

// integrity runs PRAGMA integrity_check and foreign_key_check.
func (s *Store) integrity(ctx context.Context, r *CheckReport) error {
	rows, err := s.db.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var msg string
		if err := rows.Scan(&msg); err != nil {
			return err
		}
		if msg != "ok" {
			r.Problems = append(r.Problems, "database: "+msg)
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	fk, err := s.db.QueryContext(ctx, `PRAGMA foreign_key_check`)
	if err != nil {
		return err
	}
	defer fk.Close()
	for fk.Next() {
		var table, parent string
		var rowid sql.NullInt64
		var n int
		if err := fk.Scan(&table, &rowid, &parent, &n); err != nil {
			return err
		}
		r.Problems = append(r.Problems, fmt.Sprintf("database: %s row %d refers to a missing %s", table, rowid.Int64, parent))
	}
	return fk.Err()
}

// checkBlobs recomputes the SHA-256 of every original and image, one row
// in memory at a time.
func (s *Store) checkBlobs(ctx context.Context, r *CheckReport) error {
	rows, err := s.db.QueryContext(ctx, `SELECT sha256, name, size, encoding, data FROM originals ORDER BY id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var sha, name, enc string
		var size int64
		var blob []byte
		if err := rows.Scan(&sha, &name, &size, &enc, &blob); err != nil {
			return err
		}
		r.Originals++
		data, err := unpack(blob, enc, size)
		if err == nil {
			err = checkSHA(sha, data)
		}
		if err != nil {
			r.Problems = append(r.Problems, fmt.Sprintf("original %s (%s): %v", sha, name, err))
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return s.checkImages(ctx, r)
}

func (s *Store) checkImages(ctx context.Context, r *CheckReport) error {
	rows, err := s.db.QueryContext(ctx, `SELECT sha256, size, data FROM images`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var sha string
		var size int64
		var data []byte
		if err := rows.Scan(&sha, &size, &data); err != nil {
			return err
		}
		r.Images++
		if err := checkSHA(sha, data); err != nil {
			r.Problems = append(r.Problems, fmt.Sprintf("image %s: %v", sha, err))
		} else if int64(len(data)) != size {
			r.Problems = append(r.Problems, fmt.Sprintf("image %s: size %d, recorded %d", sha, len(data), size))
		}
	}
	return rows.Err()
}
