package archive

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// mustOpen opens a new archive in a temporary directory, closed when the
// test ends.
func mustOpen(tb testing.TB) *Store {
	tb.Helper()
	s, err := Open(context.Background(), filepath.Join(tb.TempDir(), "archive.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		if err := s.Close(); err != nil {
			tb.Error(err)
		}
	})
	return s
}

func shaOf(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// newCapture returns a capture of the original data named name holding
// arts.
func newCapture(name, data string, arts ...*Article) *Capture {
	return &Capture{
		Original: Original{SHA256: shaOf([]byte(data)), Name: name, Format: "html", Data: []byte(data)},
		Articles: arts,
	}
}

// newImage returns an image of the given bytes.
func newImage(data string) Image {
	return Image{SHA256: shaOf([]byte(data)), MIME: "image/jpeg", Data: []byte(data)}
}

// mustAdd stores c and returns its article IDs.
func mustAdd(tb testing.TB, s *Store, c *Capture) []int64 {
	tb.Helper()
	res, err := s.AddCapture(context.Background(), c)
	if err != nil {
		tb.Fatal(err)
	}
	if got, want := res.Outcome, Imported; got != want {
		tb.Fatalf("outcome %v, want %v", got, want)
	}
	return res.IDs
}

// countRows returns the number of rows of a table.
func countRows(tb testing.TB, s *Store, table string) int {
	tb.Helper()
	var n int
	if err := s.db.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		tb.Fatal(err)
	}
	return n
}

func TestOpen(t *testing.T) {
	t.Parallel()
	t.Run("CreatesDirectory", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "a", "b")
		s, err := Open(context.Background(), filepath.Join(dir, "x.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		fi, err := os.Stat(dir)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := fi.Mode().Perm(), os.FileMode(0o700); got != want {
			t.Errorf("directory mode %v, want %v", got, want)
		}
	})
	t.Run("OddName", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "my archive?#%.db")
		s, err := Open(context.Background(), p)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if _, err := os.Stat(p); err != nil {
			t.Errorf("file not created under its own name: %v", err)
		}
	})
	t.Run("Pragmas", func(t *testing.T) {
		s := mustOpen(t)
		var mode string
		var fk, timeout int
		if err := s.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil {
			t.Fatal(err)
		}
		if err := s.db.QueryRow("PRAGMA foreign_keys").Scan(&fk); err != nil {
			t.Fatal(err)
		}
		if err := s.db.QueryRow("PRAGMA busy_timeout").Scan(&timeout); err != nil {
			t.Fatal(err)
		}
		if mode != "wal" || fk != 1 || timeout != busyTimeout {
			t.Errorf("journal_mode %q, foreign_keys %d, busy_timeout %d", mode, fk, timeout)
		}
	})
	t.Run("NotADatabase", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "junk.db")
		if err := os.WriteFile(p, []byte("this is not a database, not at all, no sir; padding padding padding padding padding padding padding padding"), 0o600); err != nil {
			t.Fatal(err)
		}
		s, err := Open(context.Background(), p)
		if err == nil {
			s.Close()
			t.Fatal("no error")
		}
	})
	t.Run("EmptyPath", func(t *testing.T) {
		if _, err := Open(context.Background(), ""); err == nil {
			t.Fatal("no error")
		}
	})
}

func TestCheckFTS5(t *testing.T) {
	t.Parallel()
	if err := CheckFTS5(); err != nil {
		t.Fatal(err)
	}
}

func TestMigrate(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	p := filepath.Join(t.TempDir(), "archive.db")
	s, err := Open(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	var first, applied string
	var n int
	if err := s.db.QueryRow("SELECT min(name), max(applied), count(*) FROM migrations").Scan(&first, &applied, &n); err != nil {
		t.Fatal(err)
	}
	files, _ := fs.Glob(migrationFS, "migrations/*.sql")
	if first != "0001_init.sql" || n != len(files) || n < 3 {
		t.Errorf("first migration %q, %d applied, want 0001_init.sql and %d", first, n, len(files))
	}
	mustAdd(t, s, newCapture("a.html", "a", &Article{Title: "Kept"}))
	s.Close()

	t.Run("ReopenDoesNotReapply", func(t *testing.T) {
		s, err := Open(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		var n int
		var applied2 string
		if err := s.db.QueryRow("SELECT count(*), max(applied) FROM migrations").Scan(&n, &applied2); err != nil {
			t.Fatal(err)
		}
		if n != len(files) || applied2 != applied {
			t.Errorf("%d migrations applied at %s, want %d at %s", n, applied2, len(files), applied)
		}
		if got, want := countRows(t, s, "articles"), 1; got != want {
			t.Errorf("%d articles, want %d", got, want)
		}
	})
	t.Run("NewerDatabase", func(t *testing.T) {
		s, err := Open(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.db.Exec("INSERT INTO migrations VALUES ('9999_future.sql', '')"); err != nil {
			t.Fatal(err)
		}
		s.Close()
		if s, err := Open(ctx, p); err == nil {
			s.Close()
			t.Fatal("opened a database with an unknown migration")
		}
	})
}

func TestDefaultPath(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	for _, tt := range []struct {
		name, archive, xdg, want string
	}{
		{"Env", "/x/a.db", "/data", "/x/a.db"},
		{"XDG", "", "/data", "/data/clippings/archive.db"},
		{"RelativeXDGIgnored", "", "data", filepath.Join(home, ".local/share/clippings/archive.db")},
		{"Home", "", "", filepath.Join(home, ".local/share/clippings/archive.db")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("CLIPPINGS_ARCHIVE", tt.archive)
			t.Setenv("XDG_DATA_HOME", tt.xdg)
			got, err := DefaultPath()
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestOriginal(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := mustOpen(t)
	t.Run("OK", func(t *testing.T) {
		data := "<html><body>" + string(make([]byte, 5000)) + "é</body></html>"
		c := newCapture("page.html", data, &Article{Title: "T"})
		mustAdd(t, s, c)
		o, err := s.Original(ctx, c.Original.SHA256)
		if err != nil {
			t.Fatal(err)
		}
		if string(o.Data) != data || shaOf(o.Data) != c.Original.SHA256 {
			t.Errorf("data differs (%d bytes, want %d)", len(o.Data), len(data))
		}
		if o.Name != "page.html" || o.Format != "html" || o.SHA256 != c.Original.SHA256 {
			t.Errorf("got %q %q %q", o.Name, o.Format, o.SHA256)
		}
		var enc string
		var stored int
		if err := s.db.QueryRow("SELECT encoding, length(data) FROM originals WHERE sha256 = ?", c.Original.SHA256).Scan(&enc, &stored); err != nil {
			t.Fatal(err)
		}
		if enc != encZstd || stored >= len(data) {
			t.Errorf("stored %d bytes as %q, want fewer than %d as zstd", stored, enc, len(data))
		}
	})
	t.Run("Incompressible", func(t *testing.T) {
		data := "\x8f\x01"
		c := newCapture("x.warc.gz", data, &Article{Title: "T"})
		mustAdd(t, s, c)
		o, err := s.Original(ctx, c.Original.SHA256)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := string(o.Data), data; got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	})
	t.Run("NotFound", func(t *testing.T) {
		if _, err := s.Original(ctx, shaOf([]byte("nope"))); !errors.Is(err, ErrNotFound) {
			t.Errorf("err %v, want ErrNotFound", err)
		}
	})
}

func TestImage(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := mustOpen(t)
	im := newImage("\xff\xd8jpeg")
	c := newCapture("a.html", "a", &Article{Title: "T"})
	c.Images = []Image{im}
	mustAdd(t, s, c)
	t.Run("OK", func(t *testing.T) {
		got, err := s.Image(ctx, im.SHA256)
		if err != nil {
			t.Fatal(err)
		}
		if got.SHA256 != im.SHA256 || got.MIME != im.MIME || string(got.Data) != string(im.Data) {
			t.Errorf("got %+v, want %+v", got, im)
		}
	})
	t.Run("NotFound", func(t *testing.T) {
		if _, err := s.Image(ctx, shaOf([]byte("nope"))); !errors.Is(err, ErrNotFound) {
			t.Errorf("err %v, want ErrNotFound", err)
		}
	})
}

func TestTimeArg(t *testing.T) {
	t.Parallel()
	if got := timeArg(time.Time{}); got != nil {
		t.Errorf("zero time: %v, want nil", got)
	}
	if got := timeArg(time.Date(20240, 1, 1, 0, 0, 0, 0, time.UTC)); got != nil {
		t.Errorf("year 20240: %v, want nil", got)
	}
	tm := time.Date(2024, 5, 6, 7, 8, 9, 10_000_000, time.FixedZone("x", 3600))
	if got, want := timeArg(tm), "2024-05-06T06:08:09.010Z"; got != want {
		t.Errorf("got %v, want %v", got, want)
	}
}

// Every connection commits durably: WAL, synced at each commit
// (synchronous=FULL, 2), so an acknowledged edit survives a power cut.
func TestDurabilitySettings(t *testing.T) {
	t.Parallel()
	s := mustOpen(t)
	ctx := context.Background()
	conns := make([]*sql.Conn, 3) // several connections of the pool
	for i := range conns {
		c, err := s.db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		conns[i] = c
	}
	for i, c := range conns {
		var mode string
		var sync int
		if err := c.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil {
			t.Fatal(err)
		}
		if err := c.QueryRowContext(ctx, `PRAGMA synchronous`).Scan(&sync); err != nil {
			t.Fatal(err)
		}
		if mode != "wal" || sync != 2 {
			t.Errorf("connection %d: journal_mode %s, synchronous %d; want wal, 2 (FULL)", i, mode, sync)
		}
	}
}
