package main

// The reliability tests (crash_test.go, concurrency_test.go, faults_test.go,
// hostile_test.go) run the command line in child processes, so that they
// can kill it. A child is this test binary started again with childEnv
// set: TestMain then runs the command line instead of the tests.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// childEnv selects what a re-executed test binary does: "cli" runs the
// command line with its arguments; "edits" runs command lines read from
// stdin, one JSON object {"seq":N,"args":[…]} a line, and prints "ack N"
// after each that succeeded (its transaction committed and the archive
// closed) or "fail N" after one that did not.
const childEnv = "CLIPPINGS_TEST_CHILD"

func TestMain(m *testing.M) {
	switch os.Getenv(childEnv) {
	case "cli":
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	case "edits":
		os.Exit(editLoop(os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// edit is one command line of an edit stream.
type edit struct {
	Seq  int      `json:"seq"`
	Args []string `json:"args"`
}

// editLoop runs the edits read from in and acknowledges each on out.
func editLoop(in io.Reader, out, errw io.Writer) int {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64<<10), 4<<20)
	for sc.Scan() {
		var e edit
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			fmt.Fprintf(errw, "edit stream: %v\n", err)
			return 2
		}
		var msg bytes.Buffer
		if run(e.Args, io.Discard, &msg) == 0 {
			fmt.Fprintf(out, "ack %d\n", e.Seq)
		} else {
			fmt.Fprintf(out, "fail %d %s\n", e.Seq, strings.Join(strings.Fields(msg.String()), " "))
		}
	}
	return 0
}

// reliabilitySize is how hard the reliability tests work. The default
// ("smoke") keeps make test quick; scripts/reliability.sh sets
// CLIPPINGS_RELIABILITY to "ci" (CI=true) or "full".
type reliabilitySize struct {
	name       string
	pages      int // generated pages in the crash loop's folder (plus the zyte-dev pages)
	kills      int // SIGKILLs of the import
	editKills  int // SIGKILLs of the edit stream
	concurrent int // generated pages imported while others read
}

func sizeOf(t testing.TB) reliabilitySize {
	sizes := map[string]reliabilitySize{
		"smoke": {"smoke", 60, 5, 5, 300},
		"ci":    {"ci", 150, 20, 20, 1000},
		"full":  {"full", 600, 40, 30, 3000},
	}
	name := os.Getenv("CLIPPINGS_RELIABILITY")
	if name == "" {
		name = "smoke"
	}
	s, ok := sizes[name]
	if !ok {
		t.Fatalf("CLIPPINGS_RELIABILITY=%q: want smoke, ci or full", name)
	}
	if testing.Short() {
		s = sizes["smoke"]
	}
	if n, err := strconv.Atoi(os.Getenv("CLIPPINGS_CRASH_KILLS")); err == nil && n > 0 {
		s.kills, s.editKills = n, n
	}
	return s
}

// child is a running copy of the command line.
type child struct {
	t      testing.TB
	cmd    *exec.Cmd
	lines  chan string // stdout, line by line; closed at EOF
	stderr syncBuffer
	exited chan struct{}
	err    error // of Wait, once exited is closed
}

// syncBuffer is a bytes.Buffer safe for one writer and many readers.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// startChild starts the test binary as the command line (mode "cli") or
// as an edit stream (mode "edits", reading stdin). The child is killed
// when the test ends.
func startChild(t testing.TB, mode string, stdin io.Reader, args ...string) *child {
	t.Helper()
	return startChildCmd(t, mode, stdin, exec.Command(os.Args[0], args...))
}

// startChildCmd starts cmd, which runs this test binary, in mode.
func startChildCmd(t testing.TB, mode string, stdin io.Reader, cmd *exec.Cmd) *child {
	t.Helper()
	c := &child{t: t, cmd: cmd, lines: make(chan string, 1<<16), exited: make(chan struct{})}
	cmd.Env = append(os.Environ(), childEnv+"="+mode, "TERM=dumb", "LANG=C.UTF-8")
	cmd.Stdin = stdin
	cmd.Stderr = &c.stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start %v: %v", cmd.Args, err)
	}
	readDone := make(chan struct{})
	go func() {
		defer close(readDone)
		defer close(c.lines)
		sc := bufio.NewScanner(out)
		sc.Buffer(make([]byte, 64<<10), 4<<20)
		for sc.Scan() {
			c.lines <- sc.Text()
		}
	}()
	go func() {
		<-readDone // Wait closes the pipe: read it all first
		c.err = cmd.Wait()
		close(c.exited)
	}()
	t.Cleanup(func() { c.kill() })
	return c
}

// kill sends SIGKILL (a no-op once the child has exited) and waits.
func (c *child) kill() {
	select {
	case <-c.exited:
		return
	default:
	}
	c.cmd.Process.Kill()
	select {
	case <-c.exited:
	case <-time.After(30 * time.Second):
		c.t.Errorf("child %d did not die after SIGKILL", c.cmd.Process.Pid)
	}
}

// wait waits for the child to exit and returns its exit code; it fails
// the test when that takes longer than timeout.
func (c *child) wait(timeout time.Duration) int {
	c.t.Helper()
	select {
	case <-c.exited:
	case <-time.After(timeout):
		c.kill()
		c.t.Fatalf("%v: still running after %v; stderr:\n%s", c.cmd.Args[1:], timeout, c.stderr.String())
	}
	return c.cmd.ProcessState.ExitCode()
}

// killed reports whether the child died of SIGKILL (rather than exiting
// on its own first).
func (c *child) killed() bool {
	ws, ok := c.cmd.ProcessState.Sys().(syscall.WaitStatus)
	return ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL
}

// maxRSS returns the child's peak resident memory in bytes, or -1 when
// the system does not say.
func (c *child) maxRSS() int64 {
	if ru, ok := c.cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		return int64(ru.Maxrss) * 1024 // kilobytes on Linux
	}
	return -1
}

// drain returns the rest of the child's output lines, after it exited.
func (c *child) drain() []string {
	<-c.exited
	var out []string
	for l := range c.lines {
		out = append(out, l)
	}
	return out
}

// runChild runs the command line in a child process to its end, within
// timeout, and returns its exit code, stdout and stderr.
func runChild(t testing.TB, timeout time.Duration, args ...string) (int, string, string) {
	t.Helper()
	c := startChild(t, "cli", nil, args...)
	code := c.wait(timeout)
	return code, strings.Join(c.drain(), "\n"), c.stderr.String()
}

// inProcess runs the command line in this process.
func inProcess(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// within runs fn and fails the test when it takes longer than d. fn keeps
// running in the background then (Go cannot stop it), so the failure
// names what hung.
func within(t testing.TB, d time.Duration, what string, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("%s: still running after %v", what, d)
	}
}
