package archive

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/mattn/go-sqlite3"
)

func TestClassify(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		err  error
		want error // nil: returned unchanged
	}{
		{"busy", sqlite3.Error{Code: sqlite3.ErrBusy}, ErrBusy},
		{"locked", sqlite3.Error{Code: sqlite3.ErrLocked}, ErrBusy},
		{"read-only", sqlite3.Error{Code: sqlite3.ErrReadonly}, ErrReadOnly},
		{"permission", sqlite3.Error{Code: sqlite3.ErrPerm}, ErrReadOnly},
		{"cannot open, no access", sqlite3.Error{Code: sqlite3.ErrCantOpen, SystemErrno: syscall.EACCES}, ErrReadOnly},
		{"full", sqlite3.Error{Code: sqlite3.ErrFull}, ErrDiskFull},
		{"write error, no space", sqlite3.Error{Code: sqlite3.ErrIoErr, SystemErrno: syscall.ENOSPC}, ErrDiskFull},
		{"write error, file too large", sqlite3.Error{Code: sqlite3.ErrIoErr, SystemErrno: syscall.EFBIG}, ErrDiskFull},
		{"corrupt", sqlite3.Error{Code: sqlite3.ErrCorrupt}, ErrDamaged},
		{"not a database", sqlite3.Error{Code: sqlite3.ErrNotADB}, ErrDamaged},
		{"wrapped", fmt.Errorf("add x: %w", sqlite3.Error{Code: sqlite3.ErrFull}), ErrDiskFull},
		{"system error alone", &os.PathError{Op: "mkdir", Path: "/x", Err: syscall.EROFS}, ErrReadOnly},
		{"other I/O error", sqlite3.Error{Code: sqlite3.ErrIoErr, SystemErrno: syscall.EIO}, nil},
		{"constraint", sqlite3.Error{Code: sqlite3.ErrConstraint}, nil},
		{"not sqlite", errors.New("something else"), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := classify(tc.err)
			if IsFileFault(got) != (tc.want != nil) {
				t.Errorf("IsFileFault(%v) = %v", got, !(tc.want != nil))
			}
			if tc.want == nil {
				if got != tc.err {
					t.Fatalf("classify(%v) = %v, want it unchanged", tc.err, got)
				}
				return
			}
			if !errors.Is(got, tc.want) {
				t.Fatalf("classify(%v) = %v, want it to wrap %v", tc.err, got, tc.want)
			}
			if !errors.Is(got, tc.err) && !errors.Is(got, errors.Unwrap(tc.err)) {
				t.Errorf("classify(%v) = %v no longer wraps the original error", tc.err, got)
			}
			if got, want := got.Error(), tc.want.Error()+": "+tc.err.Error(); got != want {
				t.Errorf("message %q, want %q", got, want)
			}
			if again := classify(got); again != got {
				t.Errorf("classified twice: %v", again)
			}
		})
	}
}

// TestOpenNotADatabase opens files that are not SQLite databases: each
// must give ErrDamaged naming the file, and stay as it was.
func TestOpenNotADatabase(t *testing.T) {
	t.Parallel()
	for name, data := range map[string][]byte{
		"text":          []byte("These are my notes, not an archive.\n"),
		"short":         []byte("SQLite"),
		"header zeroed": make([]byte, 8192),
		"html":          []byte("<!doctype html><title>x</title>"),
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "archive.db")
			if err := os.WriteFile(path, data, 0o600); err != nil {
				t.Fatal(err)
			}
			s, err := Open(context.Background(), path)
			if err == nil {
				s.Close()
				t.Fatal("opened")
			}
			if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), path) {
				t.Errorf("error %q, want ErrDamaged naming the file", err)
			}
			if now, _ := os.ReadFile(path); !bytes.Equal(now, data) {
				t.Error("the file changed")
			}
			r, err := CheckFile(context.Background(), path)
			if err != nil || r.OK() {
				t.Errorf("CheckFile: %+v, %v; want a problem", r, err)
			}
		})
	}
	t.Run("empty file", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "archive.db")
		if err := os.WriteFile(path, nil, 0o600); err != nil {
			t.Fatal(err)
		}
		s, err := Open(context.Background(), path)
		if err != nil {
			t.Fatalf("an empty file is a new archive: %v", err)
		}
		s.Close()
	})
}

// damagedArchive returns an archive file of a few articles whose articles
// table's root page is scrambled, and its bytes.
func damagedArchive(t *testing.T) (string, []byte) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "archive.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 30 {
		text := strings.Repeat(fmt.Sprintf("Paragraph %d of a story about harbours. ", i), 40)
		mustAdd(t, s, newCapture(fmt.Sprintf("p%d.html", i), text, &Article{Title: fmt.Sprintf("Story %d", i), Blocks: []Block{{Kind: Paragraph, Text: text}}}))
	}
	var root, size int
	if err := s.db.QueryRow(`SELECT rootpage FROM sqlite_schema WHERE name = 'articles'`).Scan(&root); err != nil {
		t.Fatal(err)
	}
	if err := s.db.QueryRow(`PRAGMA page_size`).Scan(&size); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := (root-1)*size + 8; i < root*size; i += 7 {
		data[i] ^= 0x5a
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path, data
}

// TestDamagedArchive scrambles a page of an archive: reading it gives
// ErrDamaged, every write is refused with ErrDamaged (the quick check
// before the first write finds the damage), Check lists the damage
// instead of failing, and nothing is written to the file.
func TestDamagedArchive(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path, data := damagedArchive(t)
	writes := map[string]func(s *Store) error{
		"star": func(s *Store) error { return s.SetStarred(ctx, true, 1) },
		"tag":  func(s *Store) error { _, err := s.AddTags(ctx, []int64{1}, "x"); return err },
		"save search": func(s *Store) error {
			return s.SaveSearch(ctx, "harbours", "harbour")
		},
		"add": func(s *Store) error {
			_, err := s.AddCapture(ctx, newCapture("new.html", "new", &Article{Title: "New", Blocks: []Block{{Kind: Paragraph, Text: "new"}}}))
			return err
		},
	}
	for name, write := range writes {
		t.Run(name, func(t *testing.T) {
			s, err := Open(ctx, path)
			if err != nil {
				t.Fatalf("open: %v (the schema page is whole)", err)
			}
			err = write(s)
			s.Close()
			if !errors.Is(err, ErrDamaged) {
				t.Errorf("write to a damaged archive: %v, want ErrDamaged", err)
			}
			if now, _ := os.ReadFile(path); !bytes.Equal(now, data) {
				t.Fatal("the damaged file changed")
			}
		})
	}
	t.Run("read", func(t *testing.T) {
		s, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if _, err := s.List(ctx, ListFilter{Limit: 100}); !errors.Is(err, ErrDamaged) {
			t.Errorf("list: %v, want ErrDamaged", err)
		}
	})
	t.Run("check", func(t *testing.T) {
		for name, check := range map[string]func() (*CheckReport, error){
			"Check": func() (*CheckReport, error) {
				s, err := Open(ctx, path)
				if err != nil {
					return nil, err
				}
				defer s.Close()
				return s.Check(ctx)
			},
			"CheckFile": func() (*CheckReport, error) { return CheckFile(ctx, path) },
		} {
			r, err := check()
			if err != nil || r.OK() {
				t.Errorf("%s: %+v, %v; want the damage listed", name, r, err)
			}
		}
		if now, _ := os.ReadFile(path); !bytes.Equal(now, data) {
			t.Fatal("checking changed the damaged file")
		}
	})
}

// TestReadingWritesNothing opens an archive, reads it and closes it: the
// file must not change (no planner statistics written by a reader).
func TestReadingWritesNothing(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "archive.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	mustAdd(t, s, newCapture("a.html", "a", &Article{Title: "A", Blocks: []Block{{Kind: Paragraph, Text: "harbour a"}}}))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := s.List(ctx, ListFilter{Limit: 10}); err != nil || len(got) != 1 {
		t.Errorf("list: %v, %v", got, err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
		t.Error("reading changed the archive file")
	}
}
