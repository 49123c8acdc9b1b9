//go:build unix

package importer_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image/color"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/importer"
	"github.com/clippings/clippings/internal/testguard"
)

func shaOf(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// TestHostileResourceEscapes saves a "Web page, complete" whose figures
// point out of its folder: ../, absolute paths, file: URLs, encoded dots,
// backslashes, symlinks to a file, to a folder outside and to /dev/zero.
// The secret image outside must never be kept.
func TestHostileResourceEscapes(t *testing.T) {
	root := t.TempDir()
	secret := pngBytes(120, 90, color.RGBA{200, 10, 10, 255})
	mustWriteFile(t, filepath.Join(root, "outside", "secret.png"), secret)
	page := filepath.Join(root, "site", "story.html")
	files := filepath.Join(root, "site", "story_files")
	ok := pngBytes(100, 80, color.RGBA{10, 200, 10, 255})
	mustWriteFile(t, filepath.Join(files, "ok.png"), ok)
	os.Symlink(filepath.Join(root, "outside", "secret.png"), filepath.Join(files, "link.png"))
	os.Symlink(filepath.Join(root, "outside"), filepath.Join(files, "dirlink"))
	os.Symlink("/dev/zero", filepath.Join(files, "zero.png"))
	abs := filepath.Join(root, "outside", "secret.png")
	refs := []string{"../outside/secret.png", abs, "file://" + abs, "%2e%2e/outside/secret.png",
		"story_files/../../outside/secret.png", `..\outside\secret.png`, "story_files/link.png",
		"story_files/dirlink/secret.png", "story_files/zero.png", "/dev/zero",
		"story_files/%2e%2e/%2e%2e/outside/secret.png", "story_files/ok.png"}
	var b strings.Builder
	b.WriteString("<!-- saved from url=(0024)https://example.org/story -->\n<html><head><title>Escapes</title></head><body><article><h1>Escapes</h1>")
	for i, ref := range refs {
		fmt.Fprintf(&b, "<figure><img src=%q srcset=%q><figcaption>Figure %d of the harbour wall</figcaption></figure>%s", ref, ref+" 2x", i, body)
	}
	fmt.Fprintf(&b, "<div style=\"background:url('../outside/secret.png')\"></div><link rel=icon href=\"../outside/secret.png\"></article></body></html>")
	mustWriteFile(t, page, []byte(b.String()))

	var c *archive.Capture
	var err error
	testguard.Bounded(t, 30*time.Second, "ReadFile", func() { c, err = importer.ReadFile(context.Background(), page) })
	if err != nil {
		t.Fatalf("ReadFile: %v", err)
	}
	kept := map[string]bool{}
	for _, im := range c.Images {
		kept[im.SHA256] = true
		if bytes.Equal(im.Data, secret) {
			t.Errorf("the image outside the page's folder was read and kept")
		}
	}
	if !kept[shaOf(ok)] {
		t.Errorf("the image inside the page's folder was not kept: the test would prove nothing")
	}
}

// TestHostileFIFO gives the importer named pipes where files belong: a
// page that is a FIFO, named on the command line, and a FIFO in a
// page's NAME_files folder. Opening one blocks until someone writes to
// it, so the importer must look before it opens.
func TestHostileFIFO(t *testing.T) {
	mkfifo := func(t *testing.T, path string) {
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := syscall.Mkfifo(path, 0o644); err != nil {
			t.Skipf("mkfifo: %v", err)
		}
		t.Cleanup(func() { unblock(path) })
	}
	t.Run("ReadFile", func(t *testing.T) {
		fifo := filepath.Join(t.TempDir(), "pipe.html")
		mkfifo(t, fifo)
		var err error
		testguard.Bounded(t, 10*time.Second, "ReadFile of a FIFO", func() { _, err = importer.ReadFile(context.Background(), fifo) })
		if err == nil {
			t.Errorf("ReadFile of a FIFO: no error")
		}
	})
	t.Run("Import", func(t *testing.T) {
		fifo := filepath.Join(t.TempDir(), "pipe.html")
		mkfifo(t, fifo)
		var rep importer.Report
		testguard.Bounded(t, 10*time.Second, "Import of a FIFO", func() {
			rep, _ = importer.Import(context.Background(), &memSink{}, []string{fifo}, importer.Options{}, nil)
		})
		if rep.Failed != 1 {
			t.Errorf("Import of a FIFO: %+v", rep)
		}
	})
	t.Run("in NAME_files", func(t *testing.T) {
		page := filepath.Join(t.TempDir(), "site", "story.html")
		mustWriteFile(t, page, []byte("<html><body><article><figure><img src=\"story_files/fifo.png\"><figcaption>Pipe</figcaption></figure>"+body+"</article></body></html>"))
		mkfifo(t, filepath.Join(filepath.Dir(page), "story_files", "fifo.png"))
		var c *archive.Capture
		var err error
		testguard.Bounded(t, 10*time.Second, "ReadFile of a page with a FIFO in NAME_files", func() { c, err = importer.ReadFile(context.Background(), page) })
		checkOutcome(t, page, nil, c, err)
	})
}

// unblock opens a FIFO for writing without blocking, which releases a
// reader stuck opening it, and closes it.
func unblock(path string) {
	if f, err := os.OpenFile(path, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
		f.Close()
	}
}
