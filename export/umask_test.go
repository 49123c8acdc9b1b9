//go:build unix

package export

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestExportRespectsUmask exports a file and a folder under a umask of
// 077: everything written must be the user's alone (0600 files, 0700
// folders), as the umask asks.
func TestExportRespectsUmask(t *testing.T) {
	fx := newFixture(t)
	dir := t.TempDir()
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	for _, f := range []Format{PDF, HTML, Markdown} {
		out := filepath.Join(dir, string(f)+Extension(f))
		if _, err := Export(context.Background(), fx.store, fx.all, Options{Format: f, Out: out}, nil); err != nil {
			t.Fatal(err)
		}
		filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				t.Fatal(err)
			}
			info, _ := d.Info()
			want := os.FileMode(0o600)
			if d.IsDir() {
				want = 0o700
			}
			if got := info.Mode().Perm(); got != want {
				t.Errorf("%s: %v, want %v under umask 077", path, got, want)
			}
			return nil
		})
	}
}
