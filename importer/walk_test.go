package importer

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clippings/clippings/archive"
)

// lockedFS is a folder whose sub-folder "locked" cannot be listed, as one
// without read permission (which root, running these tests, would read).
type lockedFS struct{ fs.FS }

func (l lockedFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if name == "locked" || strings.HasPrefix(name, "locked/") {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return fs.ReadDir(l.FS, name)
}

// TestImportGoesPastUnreadableFolder: a sub-folder that cannot be read is
// reported failed, naming it and why, and the files beside it are
// imported.
func TestImportGoesPastUnreadableFolder(t *testing.T) {
	dir := t.TempDir()
	page := []byte("<html><head><title>Harbour</title></head><body><article><p>" +
		strings.Repeat("The council approved the new harbour wall on Tuesday. ", 12) + "</p></article></body></html>")
	for _, name := range []string{"a.html", "locked/b.html", "z/c.html"} {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, name), append(page, name...), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	folderFS = func(p string) fs.FS { return lockedFS{os.DirFS(p)} }
	defer func() { folderFS = os.DirFS }()

	rep, err := Import(context.Background(), &countSink{}, []string{dir}, Options{}, nil)
	if err != nil {
		t.Fatalf("Import: %v", err)
	}
	if rep.Imported != 2 || rep.Failed != 1 {
		t.Errorf("%d imported, %d failed; want the 2 readable pages imported and the folder failed", rep.Imported, rep.Failed)
	}
	fails := rep.Failures()
	if len(fails) != 1 || fails[0].Path != filepath.Join(dir, "locked") || !errors.Is(fails[0].Err, fs.ErrPermission) {
		t.Errorf("failures = %+v, want the locked folder with its permission error", fails)
	}
}

// countSink stores nothing and numbers the captures it is given.
type countSink struct{ n int64 }

func (s *countSink) AddCapture(ctx context.Context, c *archive.Capture) (archive.AddResult, error) {
	s.n++
	return archive.AddResult{Outcome: archive.Imported, IDs: []int64{s.n}}, nil
}
