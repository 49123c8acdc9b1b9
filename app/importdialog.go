package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/clippings/clippings/assets"
	"github.com/clippings/clippings/importer"
	"github.com/clippings/clippings/internal/words"
)

// progressInterval throttles progress updates to about 60 a second.
const progressInterval = time.Second / 60

// imports runs bulk imports started from the menu, the toolbar, the welcome
// screen or a drop on the window: one at a time, with a progress dialog
// that can cancel it and a summary at the end.
type imports struct {
	env
	sink importer.Sink
	opt  importer.Options
	// onFinished follows an import that ran (cancelled or not), with the
	// articles it stored.
	onFinished func(ids []int64)
	// readingList, if not nil, says whether other tools' links without
	// content are kept as a reading list (Preferences).
	readingList func() bool

	job    *importJob    // the import running, if any
	picker *importPicker // the picker open, if any
	checks *checkList    // the folder listing open last, for tests
}

// importJob is one running import and its progress dialog.
type importJob struct {
	cancel   context.CancelFunc
	dialog   dialog.Dialog
	bar      *widget.ProgressBar
	label    *widget.Label
	finished bool
}

// pathsFunc finds the paths to import, off the UI goroutine. cleanup, if not
// nil, runs when the import is over.
type pathsFunc func() (paths []string, cleanup func(), err error)

func (im *imports) chooseFolder() {
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			im.showError("Could not open the folder.", err)
			return
		}
		if dir == nil {
			return
		}
		im.start(fixedPaths(dir.Path()))
	}, im.win)
	d.SetConfirmText("Import")
	d.Show()
}

// onDropped imports files and folders dropped on the window.
func (im *imports) onDropped(_ fyne.Position, uris []fyne.URI) {
	var paths []string
	for _, u := range uris {
		if u.Scheme() == "file" {
			paths = append(paths, u.Path())
		}
	}
	if len(paths) > 0 {
		im.start(fixedPaths(paths...))
	}
}

// importSamples imports the sample articles bundled with Clippings.
func (im *imports) importSamples() {
	im.start(writeSamples)
}

func fixedPaths(paths ...string) pathsFunc {
	return func() ([]string, func(), error) { return paths, nil, nil }
}

// writeSamples writes the bundled samples to a temporary folder.
func writeSamples() ([]string, func(), error) {
	dir, err := os.MkdirTemp("", "clippings-samples-")
	if err != nil {
		return nil, nil, fmt.Errorf("write samples: %w", err)
	}
	cleanup := func() { _ = os.RemoveAll(dir) }
	paths, err := assets.WriteSamples(dir)
	if err != nil {
		cleanup()
		return nil, nil, err
	}
	return paths, cleanup, nil
}

// start runs an import of what find returns in the background, showing its
// progress. It runs on the UI goroutine.
func (im *imports) start(find pathsFunc) {
	if im.job != nil {
		dialog.ShowInformation("Import running", "Wait for the current import to finish, or cancel it.", im.win)
		return
	}
	ctx, cancel := context.WithCancel(im.ctx)
	job := &importJob{cancel: cancel}
	im.job = job
	im.showProgress(job)
	go func() {
		rep, err := im.run(ctx, job, find)
		im.do(func() { im.finish(job, rep, err) })
	}()
}

// run is the background half of an import: find the paths and import them,
// reporting progress at most every progressInterval.
func (im *imports) run(ctx context.Context, job *importJob, find pathsFunc) (importer.Report, error) {
	paths, cleanup, err := find()
	if err != nil {
		return importer.Report{}, err
	}
	if cleanup != nil {
		defer cleanup()
	}
	var (
		mu   sync.Mutex
		last time.Time
	)
	progress := func(p importer.Progress) {
		mu.Lock()
		defer mu.Unlock()
		if now := time.Now(); p.Done == p.Total || now.Sub(last) >= progressInterval {
			last = now
			im.do(func() { job.applyProgress(p) })
		}
	}
	paths, libs, err := im.importLibraries(ctx, paths, progress)
	if err != nil || len(paths) == 0 {
		return libs, err
	}
	rep, err := importer.Import(ctx, im.sink, paths, im.opt, progress)
	rep.Files, rep.Imported, rep.Failed = append(libs.Files, rep.Files...), rep.Imported+libs.Imported, rep.Failed+libs.Failed
	return rep, err
}

func (im *imports) showProgress(job *importJob) {
	job.bar = widget.NewProgressBar()
	job.label = &widget.Label{Text: "Looking for files…", Truncation: fyne.TextTruncateEllipsis}
	content := container.NewVBox(job.label, job.bar)
	d := dialog.NewCustom("Importing", "Cancel", content, im.win)
	d.SetOnClosed(func() {
		if !job.finished {
			job.cancel()
		}
	})
	d.Resize(fyne.NewSize(420, d.MinSize().Height))
	job.dialog = d
	d.Show()
}

func (job *importJob) applyProgress(p importer.Progress) {
	if job.finished || p.Total == 0 {
		return
	}
	job.bar.SetValue(float64(p.Done) / float64(p.Total))
	job.label.SetText(fmt.Sprintf("%d of %d: %s", p.Done, p.Total, filepath.Base(p.Last.Path)))
}

// finish is the UI half of an import: close the progress dialog, show the
// summary, and hand the articles stored to onFinished.
func (im *imports) finish(job *importJob, rep importer.Report, err error) {
	job.finished = true
	job.cancel()
	job.dialog.Hide()
	im.job = nil
	cancelled := errors.Is(err, context.Canceled)
	if err != nil && !cancelled {
		im.showError("The import failed.", err)
	}
	if err == nil || cancelled {
		im.showSummary(rep, cancelled)
	}
	im.onFinished(importedIDs(rep))
}

func importedIDs(rep importer.Report) []int64 {
	var ids []int64
	for _, f := range rep.Files {
		if f.Err == nil {
			ids = append(ids, f.IDs...)
		}
	}
	return ids
}

func (im *imports) showSummary(rep importer.Report, cancelled bool) {
	title := "Import finished"
	if cancelled {
		title = "Import cancelled"
	}
	content := container.NewVBox(widget.NewLabel(summaryText(rep)))
	if failures := rep.Failures(); len(failures) > 0 {
		for _, f := range failures {
			im.log.Warn("import failed", "file", f.Path, "err", f.Err)
		}
		content.Add(container.NewGridWrap(fyne.NewSize(640, min(float32(len(failures)), 5)*56),
			container.NewVScroll(failureLines(failures))))
	}
	dialog.ShowCustom(title, "OK", content, im.win)
}

// maxFailuresShown bounds the failures the summary lists (the log has
// them all).
const maxFailuresShown = 100

// failureLines lists failed files, each with its whole reason, wrapped.
func failureLines(failures []importer.FileResult) *fyne.Container {
	box := container.NewVBox()
	for _, f := range failures[:min(len(failures), maxFailuresShown)] {
		box.Add(wrappedLabel(failureText(f)))
	}
	if n := len(failures) - maxFailuresShown; n > 0 {
		box.Add(widget.NewLabel(fmt.Sprintf("… and %d more.", n)))
	}
	return box
}

// summaryText says in a sentence what an import did.
func summaryText(rep importer.Report) string {
	if len(rep.Files) == 0 {
		return "There were no files to import."
	}
	parts := []string{fmt.Sprintf("Imported %s.", words.Plural(rep.Imported, "file", "files"))}
	if rep.Present > 0 {
		parts = append(parts, fmt.Sprintf("%s already in the archive.", words.Plural(rep.Present, "file was", "files were")))
	}
	if rep.Failed > 0 {
		parts = append(parts, fmt.Sprintf("%s could not be imported:", words.Plural(rep.Failed, "file", "files")))
	}
	return strings.Join(parts, " ")
}

// failureText names a failed file and why it failed; the error usually
// names the file already, by its path.
func failureText(f importer.FileResult) string {
	msg := f.Err.Error()
	for _, prefix := range []string{"import " + f.Path + ": ", "store " + f.Path + ": ",
		"import " + filepath.Base(f.Path) + ": "} {
		msg = strings.TrimPrefix(msg, prefix)
	}
	return filepath.Base(f.Path) + ": " + msg
}
