package app

import (
	"bytes"
	"io"
	"strings"
	"sync"
)

// Two messages Fyne prints on the terminal are noise for Clippings, and
// QuietFyneLog drops them (and nothing else):
//
//   - "Getting favorite locations / Cause: this computer does not define
//     a VIDEOS folder", printed each time a file dialog opens on a
//     computer without XDG user folders (no ~/.config/user-dirs.dirs, as
//     on servers and fresh accounts): xdg-user-dir then names the home
//     folder for each, which Fyne reports as an error, and Fyne's loop
//     over the favourites keeps the last error once one folder is
//     missing, so the message names VIDEOS, the last. The dialog just
//     lists fewer favourite folders.
//   - "Preferences load error: EOF": Fyne watches its preferences file
//     and reads it again whenever it changes; another Clippings process
//     (a window on another archive) rewriting it truncates it before
//     writing, and a read in between finds it empty. The write that
//     follows is read again, whole. One window per archive
//     (internal/single) makes this rarer; it cannot rule it out.
//
// Fyne's fyne.LogError writes three lines through the standard logger:
// "Fyne error:  REASON", "  Cause: ERR" and "  At: FILE:LINE".

// quietReasons are the Fyne errors dropped, by reason, with the cause
// that must go with them ("" for any).
var quietReasons = map[string]string{
	"Getting favorite locations": "",
	"Preferences load error:":    "EOF",
}

// fyneLogFilter passes log lines on to w but Fyne's noisy errors.
type fyneLogFilter struct {
	mu      sync.Mutex
	w       io.Writer
	held    []byte // a "Fyne error:" line waiting for its cause
	cause   string // the cause it needs to be dropped ("" for any)
	dropped bool   // the error being written is dropped: so is its At line
}

// NewFyneLogFilter returns a writer for the standard logger
// (log.SetOutput) that drops the Fyne messages described above and
// passes everything else to w.
func NewFyneLogFilter(w io.Writer) io.Writer { return &fyneLogFilter{w: w} }

// Write takes one log line (the standard logger writes a line at a time).
func (f *fyneLogFilter) Write(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	line := string(p)
	switch {
	case strings.Contains(line, "Fyne error:  "):
		if err := f.flush(); err != nil {
			return 0, err
		}
		f.dropped = false
		reason := strings.TrimSpace(line[strings.Index(line, "Fyne error:  ")+len("Fyne error:  "):])
		if cause, ok := quietReasons[reason]; ok {
			f.held, f.cause = bytes.Clone(p), cause
			return len(p), nil
		}
	case f.held != nil && strings.Contains(line, "  Cause: "):
		got := strings.TrimSpace(line[strings.Index(line, "  Cause: ")+len("  Cause: "):])
		if f.cause == "" || got == f.cause {
			f.held, f.dropped = nil, true
			return len(p), nil
		}
		if err := f.flush(); err != nil {
			return 0, err
		}
	case strings.Contains(line, "  At: ") && f.held != nil && f.cause == "":
		f.held = nil // an error without a cause, dropped whatever the cause
		return len(p), nil
	case strings.Contains(line, "  At: ") && f.dropped:
		f.dropped = false
		return len(p), nil
	default:
		if err := f.flush(); err != nil {
			return 0, err
		}
		f.dropped = false
	}
	return f.w.Write(p)
}

// flush writes the line held, if any.
func (f *fyneLogFilter) flush() error {
	if f.held == nil {
		return nil
	}
	held := f.held
	f.held = nil
	_, err := f.w.Write(held)
	return err
}
