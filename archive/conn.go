package archive

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/mattn/go-sqlite3"
)

// The archive's connections wrap go-sqlite3's: every error they return
// goes through classify (so callers see ErrBusy, ErrReadOnly, ErrDiskFull
// or ErrDamaged), and every write — a transaction (all of them write:
// _txlock=immediate) or an Exec — first passes the write gate.

// gate refuses writes to a damaged archive. A damaged page is found only
// by reading it, so before the first write of a Store the gate runs
// PRAGMA quick_check (about 2 s per GB warm); it refuses every write once
// that failed or once any statement met SQLITE_CORRUPT. Reading commands
// never write, so they never pay for the check.
type gate struct {
	mu      sync.Mutex  // held while the check runs; guards why
	checked atomic.Bool // quick_check passed
	damaged atomic.Bool // quick_check failed or a statement met SQLITE_CORRUPT
	why     error       // why the archive is damaged
	wrote   atomic.Bool // a write committed: the archive may have changed
	guard   *walGuard   // the -wal and -shm files opened (walguard.go); nil when not guarded
}

// noGate marks a context whose Execs write nothing to the archive's
// tables (the full-text index's integrity check, VACUUM INTO).
type noGate struct{}

// withoutGate returns ctx marked so that its Execs skip the write gate.
func withoutGate(ctx context.Context) context.Context {
	return context.WithValue(ctx, noGate{}, true)
}

// seen classifies err and notes damage. A connection whose journal files
// were replaced reads a mix of old and new pages: what looks like damage
// is that.
func (g *gate) seen(err error) error {
	err = classify(err)
	if err != nil && errors.Is(err, ErrDamaged) {
		if moved := g.guard.check(); moved != nil {
			return fmt.Errorf("%w (%v)", moved, err)
		}
	}
	if err != nil && errors.Is(err, ErrDamaged) && !g.damaged.Load() {
		g.mu.Lock() // why is set before damaged, both under mu, for pass
		if !g.damaged.Load() {
			g.why = err
			g.damaged.Store(true)
		}
		g.mu.Unlock()
	}
	return err
}

// pass runs the quick check on c once, and returns an error wrapping
// ErrDamaged when the archive is damaged.
func (g *gate) pass(ctx context.Context, c *conn) error {
	if err := g.guard.check(); err != nil {
		return fmt.Errorf("refusing to write: %w", err)
	}
	if skip, _ := ctx.Value(noGate{}).(bool); skip || (g.checked.Load() && !g.damaged.Load()) {
		return nil
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if !g.damaged.Load() && !g.checked.Load() {
		if err := quickCheck(ctx, c.inner); err != nil {
			if !errors.Is(err, ErrDamaged) {
				return err
			}
			g.why = err
			g.damaged.Store(true)
		} else {
			g.checked.Store(true)
		}
	}
	if g.damaged.Load() {
		return fmt.Errorf("refusing to write: %w", g.why)
	}
	return nil
}

// written reports whether a write committed since the archive was opened.
func (g *gate) written() bool { return g.wrote.Load() }

// done notes a write that committed when err is nil, and classifies err.
func (g *gate) done(ctx context.Context, err error) error {
	if skip, _ := ctx.Value(noGate{}).(bool); err == nil && !skip {
		g.wrote.Store(true)
	}
	return g.seen(err)
}

// quickCheck runs PRAGMA quick_check on c: nil when it says ok, an error
// wrapping ErrDamaged with its first finding when not.
func quickCheck(ctx context.Context, c *sqlite3.SQLiteConn) error {
	rows, err := c.QueryContext(ctx, `PRAGMA quick_check(1)`, nil)
	if err != nil {
		return classify(err)
	}
	defer rows.Close()
	v := make([]driver.Value, 1)
	if err := rows.Next(v); err != nil && err != io.EOF {
		return classify(err)
	}
	msg := fmt.Sprint(v[0])
	if b, ok := v[0].([]byte); ok {
		msg = string(b)
	}
	if msg != "ok" {
		return &storeError{kind: ErrDamaged, err: errors.New("quick check: " + strings.Join(strings.Fields(msg), " "))}
	}
	return nil
}

// connector opens the archive's connections.
type connector struct {
	dsn  string
	gate *gate
}

func (k *connector) Connect(ctx context.Context) (driver.Conn, error) {
	c, err := (&sqlite3.SQLiteDriver{}).Open(k.dsn)
	if err != nil {
		return nil, k.gate.seen(err)
	}
	return &conn{inner: c.(*sqlite3.SQLiteConn), gate: k.gate}, nil
}

func (k *connector) Driver() driver.Driver { return &sqlite3.SQLiteDriver{} }

// conn is one connection to the archive.
type conn struct {
	inner *sqlite3.SQLiteConn
	gate  *gate
	inTx  bool // a transaction is open: its Execs count as writes when it commits
}

func (c *conn) Prepare(q string) (driver.Stmt, error) {
	return c.PrepareContext(context.Background(), q)
}

func (c *conn) PrepareContext(ctx context.Context, q string) (driver.Stmt, error) {
	s, err := c.inner.PrepareContext(ctx, q)
	if err != nil {
		return nil, c.gate.seen(err)
	}
	return &stmt{inner: s, conn: c}, nil
}

// Close closes the connection; once the archive's journal files were
// replaced, without copying its WAL into the file (walguard.go).
func (c *conn) Close() error {
	if c.gate.guard.check() != nil {
		keepWAL(context.Background(), c)
	}
	return c.gate.seen(c.inner.Close())
}

func (c *conn) Begin() (driver.Tx, error) {
	return c.BeginTx(context.Background(), driver.TxOptions{})
}

func (c *conn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	if err := c.gate.pass(ctx, c); err != nil {
		return nil, err
	}
	t, err := c.inner.BeginTx(ctx, opts)
	if err != nil {
		return nil, c.gate.seen(err)
	}
	c.inTx = true
	return &tx{inner: t, conn: c}, nil
}

func (c *conn) ExecContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Result, error) {
	if err := c.gate.pass(ctx, c); err != nil {
		return nil, err
	}
	r, err := c.inner.ExecContext(ctx, q, args)
	return r, c.done(ctx, err)
}

func (c *conn) QueryContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Rows, error) {
	r, err := c.inner.QueryContext(ctx, q, args)
	if err != nil {
		return nil, c.gate.seen(err)
	}
	return &rows{inner: r, gate: c.gate}, nil
}

// done classifies the error of an Exec, and notes a write when it
// succeeded outside a transaction.
func (c *conn) done(ctx context.Context, err error) error {
	if c.inTx {
		return c.gate.seen(err)
	}
	return c.gate.done(ctx, err)
}

func (c *conn) Ping(ctx context.Context) error { return c.gate.seen(c.inner.Ping(ctx)) }

// stmt is a prepared statement; its Execs pass the gate too.
type stmt struct {
	inner driver.Stmt
	conn  *conn
}

func (s *stmt) Close() error  { return s.conn.gate.seen(s.inner.Close()) }
func (s *stmt) NumInput() int { return s.inner.NumInput() }

func (s *stmt) Exec(args []driver.Value) (driver.Result, error) {
	return nil, errors.New("archive: Exec without context")
}

func (s *stmt) Query(args []driver.Value) (driver.Rows, error) {
	return nil, errors.New("archive: Query without context")
}

func (s *stmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	if err := s.conn.gate.pass(ctx, s.conn); err != nil {
		return nil, err
	}
	r, err := s.inner.(driver.StmtExecContext).ExecContext(ctx, args)
	return r, s.conn.done(ctx, err)
}

func (s *stmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	r, err := s.inner.(driver.StmtQueryContext).QueryContext(ctx, args)
	if err != nil {
		return nil, s.conn.gate.seen(err)
	}
	return &rows{inner: r, gate: s.conn.gate}, nil
}

// rows classifies the errors met while stepping through results.
type rows struct {
	inner driver.Rows
	gate  *gate
}

func (r *rows) Columns() []string { return r.inner.Columns() }
func (r *rows) Close() error      { return r.gate.seen(r.inner.Close()) }

func (r *rows) Next(dest []driver.Value) error {
	err := r.inner.Next(dest)
	if err == io.EOF {
		return err
	}
	return r.gate.seen(err)
}

// tx is a transaction: a commit may meet a full disk or a lock too.
type tx struct {
	inner driver.Tx
	conn  *conn
}

func (t *tx) Commit() error {
	t.conn.inTx = false
	return t.conn.gate.done(context.Background(), t.inner.Commit())
}

func (t *tx) Rollback() error {
	t.conn.inTx = false
	return t.conn.gate.seen(t.inner.Rollback())
}
