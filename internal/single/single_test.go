package single

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"testing"
)

func TestClaim(t *testing.T) {
	t.Setenv("XDG_RUNTIME_DIR", t.TempDir())
	archive := filepath.Join(t.TempDir(), "archive.db")
	first, err := Claim(archive)
	if err != nil {
		t.Fatal(err)
	}
	raised := make(chan struct{}, 1)
	go first.Serve(func() { raised <- struct{}{} })

	// A second window on the same archive, named another way.
	rel, err := filepath.Rel(mustGetwd(t), archive)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Claim(rel); !errors.Is(err, ErrRunning) {
		t.Fatalf("second Claim: %v, want ErrRunning", err)
	}
	select {
	case <-raised:
	default:
		t.Fatal("the first window was not asked to come to the front")
	}

	// Another archive is another window.
	other, err := Claim(filepath.Join(t.TempDir(), "other.db"))
	if err != nil {
		t.Fatalf("Claim of another archive: %v", err)
	}
	other.Close()

	// Once the first window closes, the next one is first.
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	again, err := Claim(archive)
	if err != nil {
		t.Fatalf("Claim after the first closed: %v", err)
	}
	again.Close()
}

// TestStaleSocket claims an archive whose socket was left by a process
// that died: nothing listens on it.
func TestStaleSocket(t *testing.T) {
	t.Setenv("XDG_RUNTIME_DIR", t.TempDir())
	archive := filepath.Join(t.TempDir(), "archive.db")
	ln, err := net.Listen("unix", SocketPath(archive))
	if err != nil {
		t.Fatal(err)
	}
	ln.(*net.UnixListener).SetUnlinkOnClose(false)
	ln.Close() // the file stays, nothing answers
	if _, err := os.Lstat(SocketPath(archive)); err != nil {
		t.Fatalf("no stale socket to test with: %v", err)
	}
	in, err := Claim(archive)
	if err != nil {
		t.Fatalf("Claim over a stale socket: %v", err)
	}
	in.Close()
}

func mustGetwd(t *testing.T) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return wd
}
