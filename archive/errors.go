package archive

import (
	"errors"
	"syscall"

	"github.com/mattn/go-sqlite3"
)

// Errors that say what is wrong with the archive file rather than with a
// request. Every error of the database is classified once, where the
// driver returns it (conn.go): it then wraps one of these and still wraps
// SQLite's own error, so errors.Is works for both.
var (
	// ErrBusy: another process (another Clippings) holds the archive's
	// write lock longer than a write waits for it.
	ErrBusy = errors.New("archive in use by another Clippings")
	// ErrReadOnly: the archive file, or its folder, may not be written.
	ErrReadOnly = errors.New("archive is read-only")
	// ErrDiskFull: the disk holding the archive is full (or a file size
	// limit was reached). The failed transaction was rolled back; nothing
	// stored before is lost.
	ErrDiskFull = errors.New("disk full")
	// ErrDamaged: the file is not an SQLite database, or SQLite found a
	// damaged page. Nothing is written to such a file.
	ErrDamaged = errors.New("archive damaged")
)

// IsFileFault reports whether err is about the archive file itself —
// wrapping ErrBusy, ErrReadOnly, ErrDiskFull, ErrDamaged or
// ErrJournalReplaced — rather than
// about one request: then no write can succeed for now.
func IsFileFault(err error) bool {
	return errors.Is(err, ErrBusy) || errors.Is(err, ErrReadOnly) ||
		errors.Is(err, ErrDiskFull) || errors.Is(err, ErrDamaged) || errors.Is(err, ErrJournalReplaced)
}

// storeError is a database error classified as one of the errors above.
type storeError struct {
	kind error // ErrBusy, ErrReadOnly, ErrDiskFull or ErrDamaged
	err  error // what SQLite (or the system) said
}

func (e *storeError) Error() string   { return e.kind.Error() + ": " + e.err.Error() }
func (e *storeError) Unwrap() []error { return []error{e.kind, e.err} }

// classify wraps err in the sentinel its SQLite result code (or the
// system's error number) stands for, and returns other errors unchanged.
func classify(err error) error {
	if err == nil {
		return nil
	}
	var se *storeError
	if errors.As(err, &se) {
		return err // classified already
	}
	if kind := kindOf(err); kind != nil {
		return &storeError{kind: kind, err: err}
	}
	return err
}

// kindOf returns the sentinel err stands for, or nil.
func kindOf(err error) error {
	var e sqlite3.Error
	if !errors.As(err, &e) {
		return errnoKind(err)
	}
	switch e.Code {
	case sqlite3.ErrBusy, sqlite3.ErrLocked:
		return ErrBusy
	case sqlite3.ErrReadonly, sqlite3.ErrPerm:
		return ErrReadOnly
	case sqlite3.ErrFull:
		return ErrDiskFull
	case sqlite3.ErrCorrupt, sqlite3.ErrNotADB:
		return ErrDamaged
	case sqlite3.ErrIoErr, sqlite3.ErrCantOpen:
		return errnoKind(e.SystemErrno)
	}
	return nil
}

// errnoKind returns the sentinel a system error stands for, or nil.
func errnoKind(err error) error {
	var no syscall.Errno
	if !errors.As(err, &no) || no == 0 {
		return nil
	}
	switch no {
	case syscall.ENOSPC, syscall.EFBIG, syscall.EDQUOT:
		return ErrDiskFull
	case syscall.EROFS, syscall.EACCES, syscall.EPERM:
		return ErrReadOnly
	}
	return nil
}
