package app

import (
	"bytes"
	"log"
	"strings"
	"testing"
)

// TestFyneLogFilter writes through the standard logger what Fyne's
// LogError writes, and checks that only the two noisy errors go.
func TestFyneLogFilter(t *testing.T) {
	var out bytes.Buffer
	l := log.New(NewFyneLogFilter(&out), "", log.LstdFlags)
	fyneError := func(reason, cause string) {
		l.Println("Fyne error: ", reason)
		if cause != "" {
			l.Println("  Cause:", cause)
		}
		l.Printf("  At: %s:%d", "/fyne/dialog/file.go", 396)
	}
	fyneError("Getting favorite locations", "this computer does not define a VIDEOS folder")
	fyneError("Preferences load error:", "EOF")
	l.Println("an ordinary line")
	fyneError("Preferences load error:", "invalid character 'x' looking for beginning of value")
	fyneError("Failed to open window", "")
	fyneError("Getting favorite locations", "")
	got := out.String()
	for _, gone := range []string{"VIDEOS", "EOF", "favorite"} {
		if strings.Contains(got, gone) {
			t.Errorf("the log still says %q:\n%s", gone, got)
		}
	}
	for _, kept := range []string{"an ordinary line", "Preferences load error:", "invalid character", "Failed to open window"} {
		if !strings.Contains(got, kept) {
			t.Errorf("the log lost %q:\n%s", kept, got)
		}
	}
	if n := strings.Count(got, "  At: "); n != 2 {
		t.Errorf("%d At lines, want 2 (of the two errors kept):\n%s", n, got)
	}
}
