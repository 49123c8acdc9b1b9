package cli

import (
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"
)

// Text from the archive (titles, tags, notes, a bundle's fields) and from
// the file system (file names) may hold terminal control sequences: OSC 52
// writes the clipboard, OSC 8 hides a link, ESC c clears the screen. The
// command line prints everything but JSON through a termOut, which shows
// each control character as a visible symbol (terminalSafe); its own
// sequences (the progress bar's, bold) go out through control.

// termOut writes what it is given with its control characters made
// visible.
type termOut struct{ raw io.Writer }

func (t termOut) Write(p []byte) (int, error) {
	if _, err := io.WriteString(t.raw, terminalSafe(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// rawWriter returns the writer under w: JSON and data go there unchanged.
func rawWriter(w io.Writer) io.Writer {
	if t, ok := w.(termOut); ok {
		return t.raw
	}
	return w
}

// control writes the command line's own control sequence seq to w.
func control(w io.Writer, seq string) {
	io.WriteString(rawWriter(w), seq)
}

// terminalSafe returns s with every control character but newline and
// tab shown as its symbol (ESC as ␛, NUL as ␀, DEL as ␡), C1 controls
// and invalid UTF-8 as U+FFFD.
func terminalSafe(s string) string {
	if isTerminalSafe(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r < 0x20:
			b.WriteRune(0x2400 + r) // Control Pictures: ␀ … ␟
		case r == 0x7f:
			b.WriteRune('␡')
		case r >= 0x80 && r < 0xa0 || r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isTerminalSafe reports whether s is valid UTF-8 without control
// characters other than newline and tab.
func isTerminalSafe(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && c != '\n' && c != '\t' || c == 0x7f || c == 0xc2 && i+1 < len(s) && s[i+1] < 0xa0 {
			return false
		}
	}
	return utf8.ValidString(s)
}

// jsonControls escapes DEL and the C1 controls (U+0080–U+009F), which
// encoding/json writes raw and some terminals obey, in JSON text: they
// occur only inside strings, where "\u009b" means the same.
func jsonControls(s string) string {
	if !strings.ContainsRune(s, 0x7f) && !strings.Contains(s, "\xc2") {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if r == 0x7f || r >= 0x80 && r < 0xa0 {
			fmt.Fprintf(&b, "\\u%04x", r)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// oneLine returns s with its line breaks shown as ␤, for a name or title
// printed on a line of its own.
func oneLine(s string) string {
	return strings.NewReplacer("\r\n", "␤", "\n", "␤", "\r", "␤").Replace(s)
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := rawWriter(w).(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
