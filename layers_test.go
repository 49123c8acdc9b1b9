package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// module is this module's path; packages are named relative to it below.
const module = "github.com/clippings/clippings"

// goPackage is what `go list -json` says of a package that the layer rules
// read.
type goPackage struct {
	ImportPath string
	Deps       []string
}

// listPackages runs `go list -deps -json` over the module's packages and
// returns each of the module's own packages with everything it depends on.
func listPackages(t *testing.T) map[string][]string {
	t.Helper()
	cmd := exec.Command("go", "list", "-tags", "sqlite_fts5", "-json=ImportPath,Deps", "./...")
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	pkgs := map[string][]string{}
	dec := json.NewDecoder(bytes.NewReader(out))
	for dec.More() {
		var p goPackage
		if err := dec.Decode(&p); err != nil {
			t.Fatalf("read go list output: %v", err)
		}
		pkgs[strings.TrimPrefix(strings.TrimPrefix(p.ImportPath, module), "/")] = p.Deps
	}
	return pkgs
}

// TestLayers checks the one-way package graph the README describes:
// main → app → importer/export/bundle → archive → archive/query, with the
// reader widget and the search language as leaves, and no GUI or SQLite
// where they do not belong.
func TestLayers(t *testing.T) {
	pkgs := listPackages(t)
	rules := []struct {
		pkg    string // a package, or a prefix ending in "/..."
		forbid []string
	}{
		{"archive/query", []string{"github.com/mattn/go-sqlite3", module + "/archive", "fyne.io/fyne/v2"}},
		{"archive/...", []string{module + "/importer", module + "/export", module + "/bundle", module + "/app", module + "/internal/cli", "fyne.io/fyne/v2"}},
		{"archive", []string{module + "/importer", module + "/export", module + "/bundle", module + "/app", "fyne.io/fyne/v2"}},
		{"importer/...", []string{module + "/export", module + "/bundle", module + "/app", module + "/internal/cli", "fyne.io/fyne/v2"}},
		{"importer", []string{module + "/export", module + "/bundle", module + "/app", module + "/internal/cli", "fyne.io/fyne/v2"}},
		{"library", []string{module + "/export", module + "/bundle", module + "/app", module + "/internal/cli", "fyne.io/fyne/v2"}},
		{"bundle", []string{module + "/export", module + "/importer", module + "/app", module + "/internal/cli", "fyne.io/fyne/v2"}},
		{"export", []string{module + "/importer", module + "/app", module + "/internal/cli", "fyne.io/fyne/v2"}},
		{"app/blockview", []string{module + "/app", module + "/archive", "github.com/mattn/go-sqlite3"}},
		{"internal/cli", []string{module + "/app", "fyne.io/fyne/v2"}},
		{"internal/urlnorm", []string{module, "fyne.io/fyne/v2", "github.com/mattn/go-sqlite3"}}, // a leaf: no package of the project
		{"internal/words", []string{module, "fyne.io/fyne/v2", "github.com/mattn/go-sqlite3"}},
		{"internal/pixels", []string{module, "fyne.io/fyne/v2", "github.com/mattn/go-sqlite3"}},
	}
	checked := 0
	for name, deps := range pkgs {
		for _, r := range rules {
			if !matches(r.pkg, name) {
				continue
			}
			checked++
			for _, d := range deps {
				for _, f := range r.forbid {
					if d == f || strings.HasPrefix(d, f+"/") {
						t.Errorf("%s imports %s (directly or not): the layers forbid it", name, d)
					}
				}
			}
		}
	}
	if checked < len(rules) {
		t.Errorf("only %d package checks ran for %d rules: a rule names a package that is gone", checked, len(rules))
	}
}

// matches reports whether the package name falls under pattern: the
// package itself, or under it when the pattern ends in "/...".
func matches(pattern, name string) bool {
	if base, ok := strings.CutSuffix(pattern, "/..."); ok {
		return strings.HasPrefix(name, base+"/")
	}
	return name == pattern
}

// maxFileLines is the size a source file stays under (../shared/STYLE.md).
const maxFileLines = 500

// TestFileSizes checks that no Go file of the module, tests included, is
// over maxFileLines lines.
func TestFileSizes(t *testing.T) {
	err := filepath.WalkDir(".", func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") && path != "." || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		n, sc := 0, bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			n++
		}
		if n > maxFileLines {
			t.Errorf("%s has %d lines, more than %d: split it where a boundary earns its name", path, n, maxFileLines)
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
}
