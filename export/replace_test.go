package export

import (
	"context"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// tree returns the files and folders under dir, slash-separated, with
// their content for files.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || path == dir {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		if d.IsDir() {
			out[filepath.ToSlash(rel)+"/"] = ""
			return nil
		}
		data, err := os.ReadFile(path)
		out[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// deadPID returns the number of a process that has ended.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	return cmd.Process.Pid
}

// TestExportRemovesLeftovers: what exports killed half-way left beside
// the output (a temporary folder, a temporary file, a folder set aside)
// is removed by the next export to it; what a running process writes, and
// what belongs to other outputs, stays.
func TestExportRemovesLeftovers(t *testing.T) {
	fx := newFixture(t)
	dir := t.TempDir()
	dead, alive := deadPID(t), os.Getppid()
	left := []string{fmt.Sprintf(".notes.%d.123.tmp", dead), fmt.Sprintf(".notes.%d.456.tmp", dead),
		fmt.Sprintf(".cites.bib.%d.789.tmp", dead)}
	kept := []string{fmt.Sprintf(".notes.%d.123.tmp", alive), fmt.Sprintf(".other.%d.1.tmp", dead), ".notes.x.1.tmp", "notes.txt"}
	for i, name := range append(left, kept...) {
		path := filepath.Join(dir, name)
		if i%2 == 0 {
			os.MkdirAll(filepath.Join(path, "images"), 0o755)
			path = filepath.Join(path, "images", "a.png")
		}
		if err := os.WriteFile(path, []byte("half"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []struct {
		format Format
		out    string
	}{{Markdown, "notes"}, {BibTeX, "cites.bib"}} {
		if _, err := Export(context.Background(), fx.store, fx.all, Options{Format: f.format, Out: filepath.Join(dir, f.out)}, nil); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range left {
		if _, err := os.Lstat(filepath.Join(dir, name)); err == nil {
			t.Errorf("%s, left by a killed export, is still there", name)
		}
	}
	for _, name := range kept {
		if _, err := os.Lstat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s was removed: %v", name, err)
		}
	}
}

// TestExportOverwriteReplacesFolder: an export with Overwrite into the
// folder of an earlier export replaces it whole (no page or index of the
// earlier one stays); into a folder that also holds the user's files, it
// replaces only what the earlier export wrote; a failed one changes
// nothing.
func TestExportOverwriteReplacesFolder(t *testing.T) {
	ctx := context.Background()
	fx := newFixture(t)
	out := filepath.Join(t.TempDir(), "site")
	if _, err := Export(ctx, fx.store, fx.all, Options{Format: HTML, Out: out}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := Export(ctx, fx.store, fx.all[:1], Options{Format: Markdown, Out: out, Overwrite: true}, nil); err != nil {
		t.Fatal(err)
	}
	for name := range tree(t, out) {
		if strings.HasSuffix(name, ".html") || name == "style.css" {
			t.Errorf("%s of the earlier HTML export stays beside the Markdown one", name)
		}
	}

	// The user's own file in the folder stays; the earlier export's pages go.
	os.WriteFile(filepath.Join(out, "mine.txt"), []byte("mine"), 0o644)
	if _, err := Export(ctx, fx.store, fx.all, Options{Format: HTML, Out: out, Overwrite: true}, nil); err != nil {
		t.Fatal(err)
	}
	got := tree(t, out)
	if got["mine.txt"] != "mine" || got["index.html"] == "" {
		t.Errorf("after an export into a folder with the user's file: %v", slices.Sorted(maps.Keys(got)))
	}
	for name := range got {
		if strings.HasSuffix(name, ".md") {
			t.Errorf("%s of the earlier Markdown export stays", name)
		}
	}

	// A failed export (cancelled half-way) leaves the folder as it was.
	before := tree(t, out)
	cctx, cancel := context.WithCancel(ctx)
	_, err := Export(cctx, fx.store, fx.all, Options{Format: Markdown, Out: out, Overwrite: true}, func(done, total int) {
		if done == 1 {
			cancel()
		}
	})
	if err == nil {
		t.Fatal("the cancelled export succeeded")
	}
	after := tree(t, out)
	for name, data := range before {
		if after[name] != data {
			t.Errorf("the failed export changed %s", name)
		}
	}
	for name := range after {
		if _, ok := before[name]; !ok {
			t.Errorf("the failed export left %s", name)
		}
	}
}
