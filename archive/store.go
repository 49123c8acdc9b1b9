package archive

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	_ "github.com/mattn/go-sqlite3" // the "sqlite3" driver; build with -tags sqlite_fts5
)

// Errors callers act on.
var (
	// ErrNotFound is returned when an article, original or image is absent.
	ErrNotFound = errors.New("not found")
	// ErrNoFTS5 is returned when the SQLite driver was built without FTS5.
	ErrNoFTS5 = errors.New("sqlite fts5 not available")
	// ErrBadQuery is returned when the full-text index rejects a search.
	ErrBadQuery = errors.New("bad search query")
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
	now  func() time.Time // the clock of relative dates; nil means time.Now
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
// returns an error wrapping ErrNoFTS5 when the driver lacks FTS5, and an
// error naming path when the file cannot be opened or migrated.
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
	if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	db, err := sql.Open("sqlite3", dsn(abs))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	db.SetMaxIdleConns(4)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if err := migrate(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	// Planner statistics for tables that lack them or changed much: cheap
	// (analysis_limit), and the search plans rely on them.
	if _, err := db.ExecContext(ctx, `PRAGMA analysis_limit=1000; PRAGMA optimize=0x10002`); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: optimize: %w", path, err)
	}
	return &Store{db: db, path: abs}, nil
}

// dsn returns the data source name for the database file at the absolute
// path abs. The path goes in a file: URI, escaped, so that names holding
// '?' or '#' work. Every connection of the pool gets WAL, foreign keys and
// a busy timeout; _txlock=immediate makes write transactions take the
// write lock when they begin, so two writers wait for each other instead
// of failing half-way.
func dsn(abs string) string {
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows: C:/x → /C:/x
	}
	u := url.URL{Scheme: "file", Path: p}
	return u.String() + fmt.Sprintf(
		"?_journal_mode=WAL&_foreign_keys=on&_busy_timeout=%d&_synchronous=NORMAL&_txlock=immediate&_stmt_cache_size=64",
		busyTimeout)
}

// Path returns the absolute path of the archive file.
func (s *Store) Path() string { return s.path }

// Close lets SQLite refresh its query-planner statistics, then closes the
// database. It returns the first error met.
func (s *Store) Close() error {
	_, optErr := s.db.Exec("PRAGMA optimize")
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close %s: %w", s.path, err)
	}
	if optErr != nil {
		return fmt.Errorf("close %s: optimize: %w", s.path, optErr)
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
	if _, err := db.Exec("CREATE VIRTUAL TABLE temp.fts5_check USING fts5(x)"); err != nil {
		return fmt.Errorf("%w: %v", ErrNoFTS5, err)
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
