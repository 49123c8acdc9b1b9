package archive

// #include "keepwal.h"
import "C"

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
)

// In WAL mode the newest commits live in ARCHIVE-wal until they are
// copied into the archive file, and every process that has the archive
// open coordinates through ARCHIVE-shm. When another program deletes
// those two files while a Clippings has the archive open (a cleaner, a
// sync tool, a person tidying the folder), the next process to open the
// archive makes new ones and cannot see the first: each writes as if
// alone. When the first then closes, SQLite copies its own, stale WAL into
// the file and cuts the file to the size that WAL knew: everything the
// other process wrote since is lost, and the file is damaged beyond
// repair (docs/reliability.md has the case: 1,520 articles gone).
//
// So the Store notes which -wal and -shm files it opened (walGuard), and
// before each write, and before each connection closes, checks that the
// same files are still at those names. Once they are not, it writes
// nothing more, never copies its WAL into the file (every connection
// closes with clippings_keep_wal, keepwal.c), and says why with
// ErrJournalReplaced. A connection of its own (the anchor) stays open
// while the Store is, so that SQLite itself never deletes and remakes
// the two files under it.

// ErrJournalReplaced: the archive's -wal or -shm file was deleted or
// replaced while the archive was open. The Store writes nothing more;
// the archive must be opened again.
var ErrJournalReplaced = errors.New("the archive's journal files (-wal, -shm) were deleted or replaced while it was open")

// keepWALRegistered is the error of adding clippings_keep_wal (keepwal.c)
// to SQLite.
var keepWALRegistered = func() error {
	if rc := C.clip_keep_wal_register(); rc != 0 {
		return fmt.Errorf("adding clippings_keep_wal to SQLite: error %d", int(rc))
	}
	return nil
}()

// walGuard remembers the -wal and -shm files a Store opened.
type walGuard struct {
	path     string      // the archive file
	wal, shm os.FileInfo // nil until recorded; nil after for an archive without them
	once     sync.Once
	moved    atomic.Bool
	why      error
}

// record notes the -wal and -shm files now at the archive's names (the
// anchor connection has them open). An archive without them (opened
// immutable) is not guarded.
func (g *walGuard) record() {
	wal, err1 := os.Stat(g.path + "-wal")
	shm, err2 := os.Stat(g.path + "-shm")
	if err1 == nil && err2 == nil {
		g.wal, g.shm = wal, shm
	}
}

// check returns an error wrapping ErrJournalReplaced once the -wal or
// -shm file recorded is no longer at its name, and nil while it is.
func (g *walGuard) check() error {
	if g == nil || g.wal == nil {
		return nil
	}
	if !g.moved.Load() {
		for _, f := range []struct {
			name string
			was  os.FileInfo
		}{{g.path + "-wal", g.wal}, {g.path + "-shm", g.shm}} {
			now, err := os.Stat(f.name)
			if err == nil && os.SameFile(now, f.was) {
				continue
			}
			g.once.Do(func() {
				what := "deleted"
				if err == nil {
					what = "replaced by another file"
				}
				g.why = &storeError{kind: ErrJournalReplaced, err: fmt.Errorf("%s was %s: nothing more is written through this Clippings", f.name, what)}
				g.moved.Store(true)
			})
			break
		}
	}
	if g.moved.Load() {
		return g.why
	}
	return nil
}

// openAnchor opens the connection that holds the archive's -wal and -shm
// files open while the Store is, and records them in the guard.
func openAnchor(ctx context.Context, db *sql.DB, g *walGuard) (*sql.Conn, error) {
	c, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	var n int
	if err := c.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema`).Scan(&n); err != nil {
		c.Close()
		return nil, err
	}
	g.record()
	return c, nil
}

// keepWAL tells the connection c not to copy its WAL into the archive
// file when it closes.
func keepWAL(ctx context.Context, c *conn) {
	rows, err := c.inner.QueryContext(ctx, `SELECT clippings_keep_wal()`, nil)
	if err == nil {
		rows.Close()
	}
}
