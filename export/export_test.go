package export

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/assets"
	"github.com/clippings/clippings/importer"
)

func TestExportErrors(t *testing.T) {
	ctx := context.Background()
	fx := newFixture(t)
	dir := t.TempDir()
	t.Run("ErrFormat", func(t *testing.T) {
		_, err := Export(ctx, fx.store, fx.all, Options{Format: "docx", Out: filepath.Join(dir, "x")}, nil)
		if !errors.Is(err, ErrFormat) {
			t.Errorf("got %v, want ErrFormat", err)
		}
	})
	t.Run("ErrNothing", func(t *testing.T) {
		_, err := Export(ctx, fx.store, nil, Options{Format: JSON, Out: filepath.Join(dir, "x.json")}, nil)
		if !errors.Is(err, ErrNothing) {
			t.Errorf("got %v, want ErrNothing", err)
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		out := filepath.Join(dir, "missing.json")
		_, err := Export(ctx, fx.store, []int64{9999}, Options{Format: JSON, Out: out}, nil)
		if !errors.Is(err, archive.ErrNotFound) {
			t.Errorf("got %v, want archive.ErrNotFound", err)
		}
	})
	t.Run("ErrExists", func(t *testing.T) {
		file := filepath.Join(dir, "exists.bib")
		os.WriteFile(file, []byte("mine"), 0o644)
		if _, err := Export(ctx, fx.store, fx.all, Options{Format: BibTeX, Out: file}, nil); !errors.Is(err, ErrExists) {
			t.Errorf("file: got %v, want ErrExists", err)
		}
		if data, _ := os.ReadFile(file); string(data) != "mine" {
			t.Error("the existing file was changed")
		}
		folder := filepath.Join(dir, "notes")
		os.MkdirAll(folder, 0o755)
		os.WriteFile(filepath.Join(folder, "mine.txt"), []byte("mine"), 0o644)
		if _, err := Export(ctx, fx.store, fx.all, Options{Format: Markdown, Out: folder}, nil); !errors.Is(err, ErrExists) {
			t.Errorf("folder: got %v, want ErrExists", err)
		}
	})
	t.Run("ErrNoFolder", func(t *testing.T) {
		for _, f := range []Format{PDF, HTML} {
			missing := filepath.Join(dir, "missing", "deeper")
			out := filepath.Join(missing, "out"+Extension(f))
			if _, err := Export(ctx, fx.store, fx.all, Options{Format: f, Out: out}, nil); !errors.Is(err, ErrNoFolder) {
				t.Errorf("%s: got %v, want ErrNoFolder", f, err)
			}
			if _, err := os.Stat(filepath.Join(dir, "missing")); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("%s: the export made the folder above its output (%v)", f, err)
			}
		}
		file := filepath.Join(dir, "a-file")
		os.WriteFile(file, nil, 0o644)
		if _, err := Export(ctx, fx.store, fx.all, Options{Format: JSON, Out: filepath.Join(file, "x.json")}, nil); !errors.Is(err, ErrNoFolder) {
			t.Errorf("inside a file: got %v, want ErrNoFolder", err)
		}
	})
	t.Run("Overwrite", func(t *testing.T) {
		file := filepath.Join(dir, "exists.bib")
		if _, err := Export(ctx, fx.store, fx.all, Options{Format: BibTeX, Out: file, Overwrite: true}, nil); err != nil {
			t.Fatal(err)
		}
		folder := filepath.Join(dir, "notes")
		if _, err := Export(ctx, fx.store, fx.all, Options{Format: Markdown, Out: folder, Overwrite: true}, nil); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(filepath.Join(folder, "mine.txt")); err != nil {
			t.Error("overwriting a folder removed a file it did not write")
		}
		if _, err := os.Stat(filepath.Join(folder, "index.md")); err != nil {
			t.Error("overwriting a folder did not write the notes")
		}
	})
	t.Run("Cancelled", func(t *testing.T) {
		cctx, cancel := context.WithCancel(ctx)
		out := filepath.Join(dir, "cancelled")
		_, err := Export(cctx, fx.store, fx.all, Options{Format: HTML, Out: out}, func(done, total int) {
			if done == 2 {
				cancel()
			}
		})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("got %v, want context.Canceled", err)
		}
		left, _ := filepath.Glob(filepath.Join(dir, "*cancelled*"))
		if len(left) > 0 {
			t.Errorf("a cancelled export left %v", left)
		}
	})
}

func TestExportProgress(t *testing.T) {
	fx := newFixture(t)
	for _, f := range []Format{Markdown, PDF, JSON, BibTeX} {
		var calls [][2]int
		out := filepath.Join(t.TempDir(), "out"+Extension(f))
		ids := append(fx.all, fx.all[0]) // a repeated ID is exported once
		res, err := Export(context.Background(), fx.store, ids, Options{Format: f, Out: out}, func(d, n int) {
			calls = append(calls, [2]int{d, n})
		})
		if err != nil {
			t.Fatal(err)
		}
		last := calls[len(calls)-1]
		if res.Articles != len(fx.all) || last != [2]int{len(fx.all), len(fx.all)} {
			t.Errorf("%s: %d articles; last progress %v", f, res.Articles, last)
		}
		for i := 1; i < len(calls); i++ {
			if calls[i][0] < calls[i-1][0] {
				t.Errorf("%s: progress goes back: %v", f, calls)
				break
			}
		}
	}
}

// TestExportSamples exports the sample articles as the importer cleans
// them, in every format.
func TestExportSamples(t *testing.T) {
	ctx := context.Background()
	s := emptyStore(t)
	dir := t.TempDir()
	paths, err := assets.WriteSamples(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		c, err := importer.Extract(filepath.Base(p), data)
		if err != nil {
			t.Fatalf("extract %s: %v", p, err)
		}
		if _, err := s.AddCapture(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	ids, err := SelectAll(ctx, s)
	if err != nil || len(ids) != len(paths) {
		t.Fatalf("%d articles (%v), want %d", len(ids), err, len(paths))
	}
	for _, f := range Formats() {
		out := filepath.Join(dir, "out-"+string(f)+Extension(f))
		res, err := Export(ctx, s, ids, Options{Format: f, Out: out}, nil)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if res.Articles != len(ids) || res.Files == 0 {
			t.Errorf("%s: %+v", f, res)
		}
	}
}

func TestSelect(t *testing.T) {
	ctx := context.Background()
	fx := newFixture(t)
	all, err := SelectAll(ctx, fx.store)
	if err != nil || len(all) != len(fx.all) {
		t.Fatalf("SelectAll: %v, %v", all, err)
	}
	if every, err := Select(ctx, fx.store, archive.Selection{}); err != nil || !slices.Equal(every, all) {
		t.Errorf("Select(zero) = %v, %v; want %v, as SelectAll", every, err, all)
	}
	tagged, err := Select(ctx, fx.store, archive.Selection{Tags: []string{"research"}})
	if err != nil || len(tagged) != 1 || tagged[0] != fx.ids["libraries"] {
		t.Errorf("Select(tag research) = %v, %v: want the libraries article (tag research/libraries)", tagged, err)
	}
	if _, err := fx.store.AddTags(ctx, []int64{fx.ids["trains"]}, `say "hi"`); err != nil {
		t.Fatal(err)
	}
	quoted, err := Select(ctx, fx.store, archive.Selection{Tags: []string{`say "hi"`}})
	if err != nil || len(quoted) != 1 || quoted[0] != fx.ids["trains"] {
		t.Errorf(`Select(tag say "hi") = %v, %v; want the trains article`, quoted, err)
	}
	found, err := Select(ctx, fx.store, archive.Selection{Query: "trains"})
	if err != nil || len(found) != 1 || found[0] != fx.ids["trains"] {
		t.Errorf("Select(trains) = %v, %v", found, err)
	}
	col, err := SelectCollection(ctx, fx.store, " reading / ")
	want := []int64{fx.ids["trains"], fx.ids["libraries"], fx.ids["cjk"]}
	if err != nil || len(col) != 3 || col[0] != want[0] || col[1] != want[1] || col[2] != want[2] {
		t.Errorf("SelectCollection(reading) = %v, %v; want %v (its order, then Summits)", col, err, want)
	}
	sub, err := SelectCollection(ctx, fx.store, "Reading/Summits")
	if err != nil || len(sub) != 1 || sub[0] != fx.ids["cjk"] {
		t.Errorf("SelectCollection(Reading/Summits) = %v, %v", sub, err)
	}
	if _, err := SelectCollection(ctx, fx.store, "Nope"); !errors.Is(err, archive.ErrNotFound) {
		t.Errorf("SelectCollection(Nope): %v", err)
	}
	if ids, err := SelectCollection(ctx, fx.store, "Empty"); err != nil || len(ids) != 0 {
		t.Errorf("SelectCollection(Empty) = %v, %v", ids, err)
	}
	if !strings.Contains(Describe(EPUB), "EPUB") || Describe("nope") != "" {
		t.Error("Describe")
	}
}
