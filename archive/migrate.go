package archive

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"time"
)

// migrationFS holds the schema, one numbered file per step. A step, once
// released, is never edited: change the schema with a new file.
//
//go:embed migrations/*.sql
var migrationFS embed.FS

// migrationSteps are steps in Go that run after the SQL of the migration
// they are named after, in the same transaction: what SQL alone cannot do.
var migrationSteps = map[string]func(ctx context.Context, tx *sql.Tx) error{
	"0002_organise.sql":  backfillCJK,
	"0006_record.sql":    rekeyURLs,
	"0007_tags.sql":      normaliseTags,
	"0009_checksums.sql": fillChecksums,
}

const createMigrationsTable = `
CREATE TABLE IF NOT EXISTS migrations (
	name    TEXT PRIMARY KEY,
	applied TEXT NOT NULL
)`

// migrate applies the embedded migrations not yet recorded in the
// migrations table, in name order, each in its own transaction. It refuses
// a database that records a migration this program does not know (it was
// written by a newer version). Before changing an archive made earlier
// (not a new one) it calls backup, and stops when that fails. It reports
// whether it applied any; an up-to-date archive is only read.
func migrate(ctx context.Context, db *sql.DB, backup func() error) (bool, error) {
	var tables int
	const hasTable = `SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'migrations'`
	if err := db.QueryRowContext(ctx, hasTable).Scan(&tables); err != nil {
		return false, fmt.Errorf("read schema: %w", err)
	}
	if tables == 0 {
		if _, err := db.ExecContext(ctx, createMigrationsTable); err != nil {
			return false, fmt.Errorf("create migrations table: %w", err)
		}
	}
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return false, fmt.Errorf("list migrations: %w", err)
	}
	sort.Strings(names)
	known := make(map[string]bool, len(names))
	for _, n := range names {
		known[path.Base(n)] = true
	}
	applied, err := appliedMigrations(ctx, db)
	if err != nil {
		return false, err
	}
	done := make(map[string]bool, len(applied))
	for _, n := range applied {
		if !known[n] {
			return false, fmt.Errorf("database has migration %s unknown to this program (made by a newer version?)", n)
		}
		done[n] = true
	}
	migrated := false
	for _, n := range names {
		if done[path.Base(n)] {
			continue // an up-to-date archive opens without taking the write lock
		}
		if !migrated && len(applied) > 0 && backup != nil {
			if err := backup(); err != nil {
				return false, fmt.Errorf("back up before upgrading the archive: %w", err)
			}
		}
		if err := applyMigration(ctx, db, n); err != nil {
			return false, fmt.Errorf("migration %s: %w", path.Base(n), err)
		}
		migrated = true
	}
	return migrated, nil
}

// appliedMigrations returns the names recorded in the migrations table.
func appliedMigrations(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, `SELECT name FROM migrations ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("read migrations: %w", err)
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, fmt.Errorf("read migrations: %w", err)
		}
		names = append(names, n)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read migrations: %w", err)
	}
	return names, nil
}

// applyMigration runs the migration file name unless it is recorded. The
// check happens inside the write transaction, so two processes opening the
// same new archive at once do not both apply it.
func applyMigration(ctx context.Context, db *sql.DB, name string) error {
	script, err := migrationFS.ReadFile(name)
	if err != nil {
		return err
	}
	base := path.Base(name)
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM migrations WHERE name = ?`, base).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, string(script)); err != nil {
		return err
	}
	if step := migrationSteps[base]; step != nil {
		if err := step(ctx, tx); err != nil {
			return err
		}
	}
	const record = `INSERT INTO migrations (name, applied) VALUES (?, ?)`
	if _, err := tx.ExecContext(ctx, record, base, formatTime(time.Now())); err != nil {
		return err
	}
	return tx.Commit()
}
