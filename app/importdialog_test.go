package app

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/clippings/clippings/importer"
)

func TestSummaryText(t *testing.T) {
	for _, tt := range []struct {
		name string
		rep  importer.Report
		want string
	}{
		{"One", importer.Report{Files: files(1), Imported: 1}, "Imported 1 file."},
		{"Mixed", importer.Report{Files: files(6), Imported: 3, Present: 1, Failed: 2},
			"Imported 3 files. 1 file was already in the archive. 2 files could not be imported:"},
		{"AllPresent", importer.Report{Files: files(2), Present: 2}, "Imported 0 files. 2 files were already in the archive."},
		{"None", importer.Report{}, "There were no files to import."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := summaryText(tt.rep); got != tt.want {
				t.Errorf("summaryText = %q, want %q", got, tt.want)
			}
		})
	}
}

func files(n int) []importer.FileResult { return make([]importer.FileResult, n) }

func TestFailureText(t *testing.T) {
	f := importer.FileResult{Path: "/tmp/x/bad.png", Err: errors.New("import /tmp/x/bad.png: binary file: no article found")}
	if got, want := failureText(f), "bad.png: binary file: no article found"; got != want {
		t.Errorf("failureText = %q, want %q", got, want)
	}
}

func TestImportFolder(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string][]byte{
		"bees.html": mustRead(t, filepath.Join("testdata", beesFile)),
		"bad.png":   {0x89, 'P', 'N', 'G', 0, 0, 0, 0, 1, 2, 3, 0, 0, 0},
	} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	u, q := newTestUI(t, openStore(t))
	waitFor(t, q, "the welcome screen", func() bool { return u.content.Objects[0] == u.welcome.content })

	t.Run("First", func(t *testing.T) {
		u.imports.start(fixedPaths(dir))
		if u.imports.job == nil || u.win.Canvas().Overlays().Top() == nil {
			t.Fatal("no progress dialog while importing")
		}
		waitFor(t, q, "the import to finish", func() bool { return u.imports.job == nil && u.list.length() == 1 })
		texts := overlayTexts(u)
		if !containsText(texts, "Imported 1 file. 1 file could not be imported:") {
			t.Errorf("summary says %q", texts)
		}
		if !containsText(texts, "bad.png: ") {
			t.Errorf("summary says %q, want the failed file and why", texts)
		}
		if got := u.content.Objects[0]; got != u.main {
			t.Error("the welcome screen stays after an import")
		}
		waitFor(t, q, "the one article to open", func() bool {
			texts := u.reader.view.VisibleText()
			return len(texts) > 0 && texts[0] == beesTitle
		})
	})
	t.Run("Again", func(t *testing.T) {
		u.win.Canvas().Overlays().Top().Hide()
		u.imports.start(fixedPaths(filepath.Join(dir, "bees.html")))
		waitFor(t, q, "the import to finish", func() bool { return u.imports.job == nil })
		if texts := overlayTexts(u); !containsText(texts, "1 file was already in the archive.") {
			t.Errorf("summary says %q", texts)
		}
	})
	t.Run("MissingPath", func(t *testing.T) {
		u.imports.start(fixedPaths(filepath.Join(dir, "nowhere")))
		waitFor(t, q, "the import to finish", func() bool { return u.imports.job == nil })
		if texts := overlayTexts(u); !containsText(texts, "The import failed.") {
			t.Errorf("error dialog says %q", texts)
		}
	})
}

func TestImportProgress(t *testing.T) {
	u, q := newTestUI(t, openStore(t))
	q.drain()
	job := &importJob{cancel: func() {}}
	u.imports.showProgress(job)
	job.applyProgress(importer.Progress{Done: 1, Total: 4, Last: importer.FileResult{Path: "/a/b/page.html"}})
	if got, want := job.bar.Value, 0.25; got != want {
		t.Errorf("progress = %v, want %v", got, want)
	}
	if got, want := job.label.Text, "1 of 4: page.html"; got != want {
		t.Errorf("label = %q, want %q", got, want)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestImportPicker(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{sealsFile, beesFile, seedFile} {
		if err := os.WriteFile(filepath.Join(dir, name), mustRead(t, filepath.Join("testdata", name)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	u, q := newTestUI(t, openStore(t))
	waitFor(t, q, "the welcome screen", func() bool { return u.content.Objects[0] == u.welcome.content })

	u.imports.chooseFiles()
	p := u.imports.picker
	if p == nil || !p.start.Disabled() {
		t.Fatal("the picker should open with nothing to import")
	}
	p.checkInFolder(dir)
	cl := u.imports.checks
	if got := len(cl.files); got != 3 {
		t.Fatalf("folder lists %d files, want 3", got)
	}
	cl.checked[slices.Index(cl.files, filepath.Join(dir, seedFile))] = false
	tapButton(t, u, "Add")
	p.add(filepath.Join(dir, sealsFile)) // picked again: not twice
	if got, want := len(p.paths), 2; got != want {
		t.Fatalf("%d paths to import, want %d", got, want)
	}
	p.remove(slices.Index(p.paths, filepath.Join(dir, beesFile)))
	p.add(filepath.Join(dir, beesFile))
	test.Tap(p.start)
	waitFor(t, q, "the import", func() bool { return u.imports.job == nil && u.list.length() == 2 })
	if texts := overlayTexts(u); !containsText(texts, "Imported 2 files.") {
		t.Errorf("summary says %q", texts)
	}
}

func TestImportCancel(t *testing.T) {
	u, q := newTestUI(t, openStore(t))
	q.drain()
	release := make(chan struct{})
	u.imports.start(func() ([]string, func(), error) {
		<-release
		return []string{filepath.Join("testdata", beesFile)}, nil, nil
	})
	tapButton(t, u, "Cancel")
	close(release)
	waitFor(t, q, "the import to stop", func() bool { return u.imports.job == nil })
	if texts := overlayTexts(u); !containsText(texts, "There were no files to import.") && !containsText(texts, "Imported 0") {
		t.Errorf("summary says %q", texts)
	}
	if top := u.win.Canvas().Overlays().Top(); top == nil || !strings.Contains(test.RenderObjectToMarkup(top), "Import cancelled") {
		t.Error("no summary titled Import cancelled")
	}
	if n, _ := u.lib.Count(context.Background()); n != 0 {
		t.Errorf("%d articles after a cancelled import, want 0", n)
	}
}

// TestFailureLines checks that the summary gives each failed file its
// whole reason, wrapped, not cut to the dialog's width, and counts those
// past the first hundred.
func TestFailureLines(t *testing.T) {
	reason := "malformed MIME multipart: the boundary given in the Content-Type header never occurs in the body, so no part could be read"
	failures := make([]importer.FileResult, maxFailuresShown+3)
	for i := range failures {
		failures[i] = importer.FileResult{Path: "/saves/usatoday-home-blink.mhtml", Err: errors.New(reason)}
	}
	box := failureLines(failures)
	if got, want := len(box.Objects), maxFailuresShown+1; got != want {
		t.Fatalf("%d lines, want %d (the first %d failures and a count)", got, want, maxFailuresShown)
	}
	first := box.Objects[0].(*widget.Label)
	if first.Text != "usatoday-home-blink.mhtml: "+reason || first.Wrapping != fyne.TextWrapWord || first.Truncation != fyne.TextTruncateOff {
		t.Errorf("first line %q (wrapping %v, truncation %v), want the whole reason wrapped", first.Text, first.Wrapping, first.Truncation)
	}
	if last := box.Objects[maxFailuresShown].(*widget.Label).Text; last != "… and 3 more." {
		t.Errorf("last line %q", last)
	}
}
