package main

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/bundle"
	"github.com/clippings/clippings/export"
)

// hostileTitles are titles made of path separators, control characters,
// reserved names and formula starts.
var hostileTitles = []string{
	"../../../../../../tmp/evil", "/etc/passwd", `..\..\windows\system32\evil`, "a/b/c", ".", "..", "...", "",
	"   ", "CON", "nul.txt", "COM1", "LPT9.md", "nul\x00byte", "tab\there", "new\nline\r\n", "\x1b[31mred\x1b[0m\x07",
	"\u202egnp.exe", "\u200b\u200d", strings.Repeat("long ", 200), strings.Repeat("é", 300), `a:b*c?d"e<f>g|h`,
	".hidden", "~", "$HOME", "`rm -rf /`", "%2e%2e%2f%2e%2e%2fevil", "emoji 🙂/x", "same title", "same title",
	"SAME TITLE", "=cmd|' /C calc'!A0", "@SUM(1+1)", "+1", "-2", "\xff\xfe bad utf8", "index", "index.html",
}

// storeHostileTitles opens a new archive holding one article per hostile
// title (stored through the archive, past the importer's clean-up), each
// with a figure image.
func storeHostileTitles(t *testing.T) (*archive.Store, []int64) {
	t.Helper()
	ctx := context.Background()
	s, err := archive.Open(ctx, filepath.Join(t.TempDir(), "archive.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	var ids []int64
	for i, title := range hostileTitles {
		img := pngOf(60, 60, uint32(i))
		isum := sha256.Sum256(img)
		data := []byte(fmt.Sprintf("<html><title>%d</title></html>", i))
		sum := sha256.Sum256(data)
		a := &archive.Article{Title: title, Byline: title, Site: title, URL: fmt.Sprintf("https://example.org/%d?q=%s", i, title),
			Blocks:  []archive.Block{{Kind: archive.Heading, Level: 2, Text: title}, {Kind: archive.Paragraph, Text: "Body of " + title}, {Kind: archive.FigureRef}},
			Figures: []archive.Figure{{Image: "../../" + title + ".png", ImageSHA: hex.EncodeToString(isum[:]), Caption: title, Credit: title}},
			Tags:    []string{"t" + fmt.Sprint(i)}}
		res, err := s.AddCapture(ctx, &archive.Capture{
			Original: archive.Original{SHA256: hex.EncodeToString(sum[:]), Name: title + ".html", Format: "html", Data: data},
			Articles: []*archive.Article{a}, Images: []archive.Image{{SHA256: hex.EncodeToString(isum[:]), MIME: "image/png", Data: img}}})
		if err != nil {
			t.Fatalf("store %q: %v", title, err)
		}
		ids = append(ids, res.IDs...)
	}
	return s, ids
}

// TestHostileExportTitles exports articles with hostile titles in every
// format into a folder: nothing may be written outside it, and every
// name written must be a plain, valid file name.
func TestHostileExportTitles(t *testing.T) {
	s, ids := storeHostileTitles(t)
	root := t.TempDir()
	sandbox := filepath.Join(root, "sandbox")
	os.Mkdir(sandbox, 0o755)
	for _, f := range export.Formats() {
		t.Run(string(f), func(t *testing.T) {
			out := filepath.Join(sandbox, string(f), "out")
			os.MkdirAll(filepath.Dir(out), 0o755)
			var err error
			within(t, 3*time.Minute, "export "+string(f), func() {
				_, err = export.Export(context.Background(), s, ids, export.Options{Format: f, Out: out}, nil)
			})
			if err != nil {
				t.Fatalf("export: %v", err)
			}
			written := 0
			filepath.WalkDir(filepath.Dir(out), func(p string, d fs.DirEntry, err error) error {
				if err != nil || p == filepath.Dir(out) {
					return err
				}
				written++
				rel, _ := filepath.Rel(filepath.Dir(out), p)
				if rel != "out" && !strings.HasPrefix(rel, "out"+string(filepath.Separator)) && !strings.HasPrefix(rel, "out.") {
					t.Errorf("written outside the output: %s", rel)
				}
				if name := d.Name(); !plainName(name) {
					t.Errorf("file name %q is not plain", name)
				}
				if d.Type()&fs.ModeSymlink != 0 {
					t.Errorf("symlink written: %s", rel)
				}
				return nil
			})
			if written == 0 {
				t.Fatalf("nothing written")
			}
			if f == export.CSV {
				checkCSVCells(t, out)
			}
		})
	}
	var stray []string
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !strings.HasPrefix(p, sandbox) && p != root {
			stray = append(stray, p)
		}
		return nil
	})
	if len(stray) > 0 {
		t.Errorf("files outside the sandbox: %v", stray)
	}
	if _, err := os.Lstat("/tmp/evil"); err == nil {
		t.Errorf("/tmp/evil exists")
	}
}

// plainName reports whether name is a valid, short file name without
// separators, control or invisible formatting characters.
func plainName(name string) bool {
	if !utf8.ValidString(name) || len(name) > 255 || name == "." || name == ".." || strings.ContainsAny(name, `/\:*?"<>|`) {
		return false
	}
	for _, r := range name {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return false
		}
	}
	return true
}

// checkCSVCells fails when a cell of the CSV file at path would be read
// as a formula by a spreadsheet.
func checkCSVCells(t *testing.T, path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		path += ".csv"
		if data, err = os.ReadFile(path); err != nil {
			t.Fatal(err)
		}
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not parse: %v", err)
	}
	for _, row := range rows {
		for _, cell := range row {
			if cell != "" && strings.ContainsRune("=+@\t\r", rune(cell[0])) {
				t.Errorf("cell %q would be read as a formula", cell)
			}
		}
	}
}

// TestHostileBundles imports .clippings bundles that try to write outside
// (zip-slip names, absolute names, symlink entries), lie about sizes,
// repeat entries, or are not zips at all. Each must be refused with
// bundle.ErrInvalid, write no file anywhere and change nothing in the archive.
func TestHostileBundles(t *testing.T) {
	src, ids := storeHostileTitles(t)
	good := filepath.Join(t.TempDir(), "good.clippings")
	if _, err := export.Export(context.Background(), src, ids[:3], export.Options{Format: export.Bundle, Out: good}, nil); err != nil {
		t.Fatal(err)
	}
	db, _ := smallArchive(t, 3)
	s, err := archive.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	root := t.TempDir()
	cases := map[string]func(*zip.Writer){
		"zip-slip":        func(w *zip.Writer) { addEntry(w, "../../evil.txt", "evil", 0) },
		"zip-slip in dir": func(w *zip.Writer) { addEntry(w, "originals/../../../evil.txt", "evil", 0) },
		"absolute":        func(w *zip.Writer) { addEntry(w, "/tmp/evil-abs.txt", "evil", 0) },
		"backslashes":     func(w *zip.Writer) { addEntry(w, `..\..\evil.txt`, "evil", 0) },
		"symlink": func(w *zip.Writer) {
			addEntry(w, "images/"+strings.Repeat("a", 64), "/etc/passwd", fs.ModeSymlink|0o777)
		},
		"duplicate doc": func(w *zip.Writer) { addEntry(w, "clippings.json", "{}", 0) },
		"bomb entry": func(w *zip.Writer) {
			addEntry(w, "originals/"+strings.Repeat("b", 64), strings.Repeat("\x00", 300<<20), 0)
		},
		"many entries":      func(w *zip.Writer) { manyEntries(w, 200_000) },
		"unexpected folder": func(w *zip.Writer) { addEntry(w, "scripts/run.sh", "rm -rf ~", 0o755) },
	}
	before := tableSums(t, db)
	for name, add := range cases {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(root, strings.ReplaceAll(name, " ", "-")+".clippings")
			rewriteBundle(t, good, path, add)
			var err error
			within(t, 2*time.Minute, name, func() { _, err = bundle.Merge(context.Background(), s, path, nil) })
			if !errors.Is(err, bundle.ErrInvalid) {
				t.Errorf("Merge: %v, want ErrInvalid", err)
			}
		})
	}
	for name, data := range map[string][]byte{"not a zip": []byte("hello"), "empty": nil, "truncated": readPrefix(t, good, 100)} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(root, strings.ReplaceAll(name, " ", "-")+".clippings")
			mustWrite(t, path, data)
			if _, err := bundle.Merge(context.Background(), s, path, nil); !errors.Is(err, bundle.ErrInvalid) {
				t.Errorf("Merge: %v, want ErrInvalid", err)
			}
		})
	}
	if changed := sumsChanged(before, tableSums(t, db)); len(changed) > 0 {
		t.Errorf("refused bundles changed %v", changed)
	}
	for _, p := range []string{filepath.Join(filepath.Dir(root), "evil.txt"), filepath.Join(root, "evil.txt"), "/tmp/evil-abs.txt", "/tmp/evil.txt"} {
		if _, err := os.Lstat(p); err == nil {
			t.Errorf("%s was written", p)
		}
	}
	if _, err := bundle.Merge(context.Background(), s, good, nil); err != nil {
		t.Errorf("the good bundle: %v (the test would prove nothing)", err)
	}
}

// rewriteBundle copies the bundle from to to, then lets add append entries.
func rewriteBundle(t *testing.T, from, to string, add func(*zip.Writer)) {
	t.Helper()
	zr, err := zip.OpenReader(from)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	f, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zw := zip.NewWriter(f)
	for _, e := range zr.File {
		if err := zw.Copy(e); err != nil {
			t.Fatal(err)
		}
	}
	add(zw)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
}

func addEntry(w *zip.Writer, name, data string, mode fs.FileMode) {
	h := &zip.FileHeader{Name: name, Method: zip.Deflate}
	if mode != 0 {
		h.SetMode(mode)
	}
	e, _ := w.CreateHeader(h)
	e.Write([]byte(data))
}

func manyEntries(w *zip.Writer, n int) {
	for i := 0; i < n; i++ {
		e, _ := w.CreateHeader(&zip.FileHeader{Name: fmt.Sprintf("images/%064x", i), Method: zip.Store})
		e.Write(nil)
	}
}

func readPrefix(t *testing.T, path string, n int) []byte {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data[:min(n, len(data))]
}
