//go:build unix

package format

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/clippings/clippings/internal/testguard"
)

// TestHostileCompleteFiles puts in a page's NAME_files folder what no
// save holds: a FIFO (opening it blocks), a 1 GiB sparse file, a symlink
// loop, a symlink to /dev/zero, a folder named like an image.
func TestHostileCompleteFiles(t *testing.T) {
	htmlPath, secret := hostileSave(t)
	files := filepath.Join(filepath.Dir(htmlPath), "Tiny Article_files")
	fifo := filepath.Join(files, "fifo.png")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	t.Cleanup(func() {
		if f, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			f.Close() // releases a reader stuck opening it
		}
	})
	huge, err := os.Create(filepath.Join(files, "huge.png"))
	if err != nil {
		t.Fatal(err)
	}
	huge.Truncate(1 << 30)
	huge.Close()
	os.Symlink("loop-b.png", filepath.Join(files, "loop-a.png"))
	os.Symlink("loop-a.png", filepath.Join(files, "loop-b.png"))
	os.Symlink("/dev/zero", filepath.Join(files, "zero.png"))
	os.Mkdir(filepath.Join(files, "dir.png"), 0o755)
	doc, err := os.ReadFile(htmlPath)
	if err != nil {
		t.Fatal(err)
	}
	var extra strings.Builder
	for _, name := range []string{"fifo", "huge", "loop-a", "zero", "dir"} {
		fmt.Fprintf(&extra, `<img src="Tiny Article_files/%s.png">`, name)
	}
	doc = bytes.Replace(doc, []byte("</body>"), []byte(extra.String()+"</body>"), 1)
	if err := os.WriteFile(htmlPath, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	var p *Page
	alloc := testguard.Bounded(t, 20*time.Second, "Complete", func() { p, err = Complete(htmlPath) })
	if err != nil {
		t.Fatalf("Complete: %v", err)
	}
	for key, r := range p.Resources {
		if bytes.Equal(r.Data, secret) || len(r.Data) > DefaultMaxRecordSize {
			t.Errorf("resource %s: %d bytes kept", key, len(r.Data))
		}
	}
	if _, ok := p.Resource("Tiny Article_files/photo.png"); !ok {
		t.Errorf("the page's own photo was not read")
	}
	t.Logf("peak heap %d MiB", alloc>>20)
	if alloc > 32<<20 { // the 1 GiB file is refused from its size, unread
		t.Errorf("Complete held %d MiB of heap: it read the 1 GiB file", alloc>>20)
	}
}
