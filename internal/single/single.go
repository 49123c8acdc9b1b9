// Package single keeps one Clippings window per archive. The first
// process to open a window on an archive listens on a Unix socket named
// after the archive's path; a later one, started on the same archive,
// asks it to bring its window to the front and exits instead of opening
// a second window. (Two windows on one archive each followed the archive
// well enough, but as two processes of one app they also share Fyne's
// preferences file, which each rewrote under the other: "Preferences
// load error: EOF", and preferences lost.)
//
// A socket left by a process that died is found out (nothing answers)
// and replaced. A first window that does not answer within a few
// seconds does not stop a new one from opening.
package single

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"time"
)

// ErrRunning is returned by Claim when a window on the archive is open
// in another process: it was asked to come to the front.
var ErrRunning = errors.New("a Clippings window is already open on this archive")

// request and reply are the whole protocol: one line each way.
const (
	request = "raise\n"
	reply   = "ok\n"
)

// answerTimeout is how long a new process waits for the first to answer.
const answerTimeout = 3 * time.Second

// Instance is the claim of this process on an archive's window.
type Instance struct {
	ln   net.Listener
	path string
}

// SocketPath returns the socket of the archive at archivePath: in
// $XDG_RUNTIME_DIR (private to the user) or else the temporary folder,
// named by a hash of the archive's absolute path.
func SocketPath(archivePath string) string {
	abs, err := filepath.Abs(archivePath)
	if err == nil {
		if real, err := filepath.EvalSymlinks(abs); err == nil {
			abs = real
		}
	} else {
		abs = archivePath
	}
	sum := sha256.Sum256([]byte(abs))
	dir := os.Getenv("XDG_RUNTIME_DIR")
	if dir == "" {
		dir = os.TempDir()
	}
	return filepath.Join(dir, "clippings-"+hex.EncodeToString(sum[:8])+".sock")
}

// Claim makes this process the one whose window shows the archive at
// archivePath. When another process holds it and answers, Claim asks it
// to raise its window and returns ErrRunning. Other errors (the socket
// cannot be made) are returned too; the caller may open its window all
// the same.
func Claim(archivePath string) (*Instance, error) {
	path := SocketPath(archivePath)
	for try := 0; try < 2; try++ {
		if raise(path) == nil {
			return nil, ErrRunning
		}
		ln, err := net.Listen("unix", path)
		if err == nil {
			os.Chmod(path, 0o600)
			return &Instance{ln: ln, path: path}, nil
		}
		// Nothing answered but the socket file is there: left by a
		// process that died. (Or another process is starting at this
		// moment: then the next raise finds it.)
		if _, statErr := os.Lstat(path); statErr != nil {
			return nil, fmt.Errorf("claim %s: %w", path, err)
		}
		os.Remove(path)
	}
	return nil, fmt.Errorf("claim %s: the socket is in use but nothing answers", path)
}

// raise asks the process listening at path to raise its window.
func raise(path string) error {
	c, err := net.DialTimeout("unix", path, answerTimeout)
	if err != nil {
		return err
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(answerTimeout))
	if _, err := c.Write([]byte(request)); err != nil {
		return err
	}
	line, err := bufio.NewReader(c).ReadString('\n')
	if err != nil {
		return err
	}
	if line != reply {
		return fmt.Errorf("unexpected answer %q", line)
	}
	return nil
}

// Claimed reports whether in holds a claim (a nil Instance holds none).
func (in *Instance) Claimed() bool { return in != nil }

// Serve answers the requests of later processes, calling onRaise (from
// its own goroutine) for each, until Close. Run it on a goroutine.
func (in *Instance) Serve(onRaise func()) {
	for {
		c, err := in.ln.Accept()
		if err != nil {
			return // closed
		}
		go func() {
			defer c.Close()
			c.SetDeadline(time.Now().Add(answerTimeout))
			line, err := bufio.NewReader(c).ReadString('\n')
			if err != nil || line != request {
				return
			}
			onRaise()
			c.Write([]byte(reply))
		}()
	}
}

// Close stops serving and removes the socket. A nil Instance has
// nothing to close.
func (in *Instance) Close() error {
	if in == nil {
		return nil
	}
	err := in.ln.Close() // a Unix listener removes its socket file
	os.Remove(in.path)
	return err
}
