package archive

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/clippings/clippings/archive/query"
	_ "github.com/mattn/go-sqlite3" // the "sqlite3" driver (conn.go wraps it); build with -tags sqlite_fts5
)

// Errors callers act on.
var (
	// ErrNotFound is returned when an article, original or image is absent.
	ErrNotFound = errors.New("not found")
	// ErrNoFTS5 is returned when the SQLite driver was built without FTS5.
	ErrNoFTS5 = errors.New("sqlite fts5 not available")
	// ErrBadQuery is wrapped by the errors of a malformed search, or of one
	// the full-text index rejects.
	ErrBadQuery = query.ErrBadQuery
)

// busyTimeout is how long, in milliseconds, a connection waits for another
// writer before giving up with "database is locked".
const busyTimeout = 10000

// Store is an archive: one SQLite file holding originals, images, articles
// and their full-text index. It is safe for concurrent use; reads proceed
// while a write is in progress.
type Store struct {
	db   *sql.DB
	path string
	gate *gate // refuses writes to a damaged archive (conn.go)
	// anchor is a connection held open while the Store is, so that the
	// -wal and -shm files stay the ones the guard recorded (walguard.go).
	anchor *sql.Conn
	now    func() time.Time // the clock of relative dates; nil means time.Now
	// counts are match counts, kept while the full-text index is
	// unchanged (countcache.go).
	counts countCache
	tune   tuning       // the search engine's numbers (tuning.go)
	log    *slog.Logger // the timing log (search_engine.go); nil when off
	// bg is the searches' work on other connections, which Close waits
	// for (background.go).
	bg background
	// readOnly is set when the archive's folder may not be written and
	// the archive was opened for reading only (ReadOnly).
	readOnly bool
	// batch is set on the copy of the Store a Batch works through
	// (batch.go): its reads and writes go to the batch's transaction.
	batch *batchState
	// watch are the open Watchers, closed with the store (watch.go).
	watch watchers
}

// clock returns the time relative dates count from.
func (s *Store) clock() time.Time {
	if s.now != nil {
		return s.now()
	}
	return time.Now()
}

// Open opens the archive at path, creating the file and its parent
// directory (mode 0700) when missing, and brings its schema up to date. It
// returns an error wrapping ErrNoFTS5 when the driver lacks FTS5; one
// wrapping ErrDamaged when the file is not an SQLite database (the file
// is left as it is); and otherwise an error naming path, wrapping ErrBusy,
// ErrReadOnly or ErrDiskFull when that is the cause. Opening an
// up-to-date archive writes nothing.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("open archive: empty path")
	}
	if err := CheckFTS5(); err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if err := checkHeader(abs); err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
		return nil, fmt.Errorf("open %s: %w", path, classify(err))
	}
	s, err := openDSN(ctx, abs, dsn(abs))
	if err != nil && noWAL(abs) && fileExists(abs) && (errors.Is(err, ErrReadOnly) || !folderWritable(filepath.Dir(abs))) {
		// SQLite cannot read a WAL archive in a folder it may not write
		// (it needs a -shm file there; on a read-only mount it says only
		// "unable to open database file") unless told that nothing
		// changes the file: no -wal file holds commits, and no one may
		// write there.
		ro, roErr := openDSN(ctx, abs, readOnlyDSN(abs)+"&immutable=1")
		switch {
		case roErr == nil:
			s, err = ro, nil
			s.readOnly = true
		case errors.Is(roErr, ErrReadOnly):
			err = roErr // it must be upgraded first, which needs writing
		}
	}
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return s, nil
}

// openDSN opens the archive at abs through the data source name d and
// brings its schema up to date.
func openDSN(ctx context.Context, abs, d string) (*Store, error) {
	g := &gate{guard: &walGuard{path: abs}}
	db := sql.OpenDB(&connector{dsn: d, gate: g})
	db.SetMaxIdleConns(4)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, err
	}
	anchor, err := openAnchor(ctx, db, g.guard)
	if err != nil {
		db.Close()
		return nil, err
	}
	migrated, err := migrate(ctx, db, func() error {
		_, err := backupTo(ctx, db, abs, ReasonMigration, time.Now())
		return err
	})
	if err != nil {
		anchor.Close()
		db.Close()
		return nil, err
	}
	if migrated {
		// Planner statistics for the tables the migrations made or
		// changed: cheap (analysis_limit), and the search plans rely on
		// them. Best effort: without them searches are slower, not wrong.
		db.ExecContext(ctx, `PRAGMA analysis_limit=1000; PRAGMA optimize=0x10002`)
	}
	return &Store{db: db, path: abs, gate: g, anchor: anchor, tune: defaultTuning(), log: timingLog()}, nil
}

// noWAL reports whether no -wal file is beside the archive file abs.
func noWAL(abs string) bool {
	_, err := os.Lstat(abs + "-wal")
	return errors.Is(err, os.ErrNotExist)
}

// sqliteHeader starts every SQLite database file.
const sqliteHeader = "SQLite format 3\x00"

// checkHeader returns an error wrapping ErrDamaged when the file at path
// exists, is not empty and does not start as an SQLite database does. It
// reads the file only.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return classify(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	if st.IsDir() {
		return errors.New("is a folder, not an archive")
	}
	if st.Size() == 0 {
		return nil // a new archive
	}
	head := make([]byte, len(sqliteHeader))
	if _, err := io.ReadFull(f, head); err != nil || string(head) != sqliteHeader {
		return &storeError{kind: ErrDamaged, err: errors.New("not a Clippings archive (no SQLite header)")}
	}
	return nil
}

// dsn returns the data source name for the database file at the absolute
// path abs. The path goes in a file: URI, escaped, so that names holding
// '?' or '#' work. Every connection of the pool gets WAL, foreign keys and
// a busy timeout; _txlock=immediate makes write transactions take the
// write lock when they begin, so two writers wait for each other instead
// of failing half-way. _synchronous=FULL syncs the WAL at every commit:
// an acknowledged edit survives a power cut or a crash of the operating
// system too, not only of the process (docs/reliability.md, "Durability
// settings"), at one fsync a commit; imports commit many files at once.
// _secure_delete=true overwrites what is deleted with zeros, free pages
// included, so that a deleted article leaves no trace in the file
// (delete.go).
func dsn(abs string) string {
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows: C:/x → /C:/x
	}
	u := url.URL{Scheme: "file", Path: p}
	return u.String() + fmt.Sprintf(
		"?_journal_mode=WAL&_foreign_keys=on&_busy_timeout=%d&_synchronous=FULL&_txlock=immediate&_stmt_cache_size=64&_secure_delete=true",
		busyTimeout)
}

// readOnlyDSN is dsn for reading a file that may be damaged: read-only,
// and without the journal-mode change that could write to it.
func readOnlyDSN(abs string) string {
	d := dsn(abs)
	d = strings.Replace(d, "_journal_mode=WAL&", "", 1)
	return d + "&mode=ro"
}

// ReadOnly reports whether the archive was opened for reading only,
// because its folder may not be written (a read-only mount, a folder
// without write permission): every write fails with ErrReadOnly.
func (s *Store) ReadOnly() bool { return s.readOnly }

// Path returns the absolute path of the archive file.
func (s *Store) Path() string { return s.path }

// Close closes the database, once the counts that searches left running
// on other connections have stopped. When the store wrote to the archive,
// it first lets SQLite refresh its query-planner statistics (best effort:
// a busy or full archive just keeps the old ones); a store that only read
// leaves the file as it was.
func (s *Store) Close() error {
	s.watch.closeAll()
	s.bg.wait()
	if s.gate.written() && s.gate.guard.check() == nil {
		s.db.Exec("PRAGMA optimize")
	}
	if s.anchor != nil {
		s.anchor.Close()
	}
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close %s: %w", s.path, err)
	}
	return nil
}

// CheckWritable returns nil when the archive can be written now, and
// otherwise an error wrapping ErrDamaged (the quick check before the
// first write failed), ErrReadOnly or ErrBusy (another process held the
// write lock longer than a write waits). It writes nothing: a bulk import
// asks first, so that it does not read and clean every file only to fail
// to store them.
func (s *Store) CheckWritable(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil) // BEGIN IMMEDIATE: takes the write lock
	if err != nil {
		return fmt.Errorf("write to %s: %w", s.path, err)
	}
	defer tx.Rollback()
	// In WAL mode a read-only file lets BEGIN IMMEDIATE through; a row
	// written (unchanged, and rolled back) is refused.
	const probe = `UPDATE migrations SET applied = applied WHERE rowid = (SELECT min(rowid) FROM migrations)`
	if _, err := tx.ExecContext(ctx, probe); err != nil {
		return fmt.Errorf("write to %s: %w", s.path, err)
	}
	return nil
}

// Optimize merges the full-text index into one segment and refreshes the
// query planner's statistics, which makes searches faster after a bulk
// import. It holds the write lock while it runs (seconds on a large
// archive).
func (s *Store) Optimize(ctx context.Context) error {
	const q = `INSERT INTO articles_fts(articles_fts) VALUES ('optimize')`
	if _, err := s.db.ExecContext(ctx, q); err != nil {
		return fmt.Errorf("optimize index: %w", err)
	}
	if _, err := s.db.ExecContext(ctx, `ANALYZE`); err != nil {
		return fmt.Errorf("analyze: %w", err)
	}
	return nil
}

// checkFTS5 runs the FTS5 check once per process.
var checkFTS5 = sync.OnceValue(func() error {
	db, err := sql.Open("sqlite3", ":memory:")
	if err != nil {
		return fmt.Errorf("%w: %v", ErrNoFTS5, err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.Exec("CREATE VIRTUAL TABLE temp.fts5_check USING fts5(x)"); err != nil {
		return fmt.Errorf("%w: %v", ErrNoFTS5, err)
	}
	if rankRegistered != nil {
		return rankRegistered
	}
	if keepWALRegistered != nil {
		return keepWALRegistered
	}
	// Every connection has cliprank (cliprank.go); this one too? (One
	// connection: each has its own :memory: database.)
	var rank float64
	_, err = db.Exec("INSERT INTO temp.fts5_check VALUES ('x')")
	if err == nil {
		err = db.QueryRow("SELECT rank FROM temp.fts5_check WHERE fts5_check MATCH 'x' AND rank MATCH ?", rankFunction).Scan(&rank)
	}
	if err != nil {
		return fmt.Errorf("the ranking function cliprank is missing: %w", err)
	}
	return nil
})

// CheckFTS5 returns nil when the SQLite driver can create FTS5 tables, and
// an error wrapping ErrNoFTS5 otherwise (the binary was built without
// -tags sqlite_fts5).
func CheckFTS5() error { return checkFTS5() }

// DefaultPath returns where the archive lives when none is given:
// $CLIPPINGS_ARCHIVE if set, else $XDG_DATA_HOME/clippings/archive.db, else
// ~/.local/share/clippings/archive.db. It returns an error only when the
// home directory is needed and unknown.
func DefaultPath() (string, error) {
	if p := os.Getenv("CLIPPINGS_ARCHIVE"); p != "" {
		return p, nil
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "clippings", "archive.db"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("default archive path: %w", err)
	}
	return filepath.Join(home, ".local", "share", "clippings", "archive.db"), nil
}
