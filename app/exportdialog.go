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

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/export"
	"github.com/clippings/clippings/internal/words"
)

// Export scopes, as the dialog names them.
const (
	scopeSelection  = "The selected articles"
	scopeSearch     = "The list as shown (search and sidebar)"
	scopeTag        = "A tag"
	scopeCollection = "A collection"
	scopeAll        = "The whole archive"
)

// exports runs the export dialog and the exports it starts.
type exports struct {
	env
	lib exportSource
	// What the dialog offers: the list's selected rows and what it
	// shows, the tags.
	selected func() []int64
	shown    func() archive.Selection
	tagNames func() []string
	prefs    fyne.Preferences // the last export's format and folder

	form *exportForm // the dialog open last, for tests
}

// exportSource is what an export reads of the archive.
type exportSource interface {
	export.Source
	export.Selector
}

// exportForm holds the inputs of the export dialog.
type exportForm struct {
	scope      *widget.RadioGroup
	tag        *widget.Select
	collection *widget.Select
	format     *widget.Select
	out        *widget.Entry
	ids        []int64 // the selection, for scopeSelection
	formats    map[string]export.Format
	wantCol    string // the collection to choose once the collections are read
}

// chooseScope opens the export dialog on the list's selection, if any.
func (e *exports) chooseScope() { e.show(e.selected()) }

// show opens the export dialog on articles ids.
func (e *exports) show(ids []int64) {
	names, formats := exportFormatNames()
	f := &exportForm{ids: ids, formats: formats}
	scope, tag, col := openScope(ids, e.shown())
	scopes := []string{scopeSearch, scopeTag, scopeCollection, scopeAll}
	if len(ids) > 0 {
		scopes = append([]string{scopeSelection}, scopes...)
	}
	f.scope = widget.NewRadioGroup(scopes, nil)
	f.scope.Selected = scope
	f.tag = widget.NewSelect(e.tagNames(), func(string) { f.scope.SetSelected(scopeTag) })
	f.tag.SetSelected(tag)
	f.collection = widget.NewSelect(nil, func(string) { f.scope.SetSelected(scopeCollection) })
	f.wantCol = col
	f.format = widget.NewSelect(names, func(string) { f.out.SetText(defaultOut(f.chosenFormat(), e.folder())) })
	f.out = widget.NewEntry()
	f.format.SetSelectedIndex(0)
	last := export.Format(e.prefs.String(prefExportFormat))
	for name, ft := range formats {
		if ft == last {
			f.format.SetSelected(name)
		}
	}
	choose := widget.NewButton("Choose…", func() { e.chooseOut(f) })
	items := []*widget.FormItem{
		{Text: "Export", Widget: f.scope},
		{Text: "Tag", Widget: f.tag},
		{Text: "Collection", Widget: f.collection},
		{Text: "Format", Widget: f.format},
		{Text: "To", Widget: container.NewBorder(nil, nil, nil, choose, f.out)},
	}
	d := dialog.NewForm("Export", "Export", "Cancel", items, func(ok bool) {
		if ok {
			e.start(f)
		}
	}, e.win)
	d.Resize(fyne.NewSize(620, d.MinSize().Height))
	d.Show()
	e.form = f
	e.loadCollections(f)
}

func (f *exportForm) chosenFormat() export.Format { return f.formats[f.format.Selected] }

// folder is where the dialog proposes to write: the folder of the last
// export while it is there, else the home folder.
func (e *exports) folder() string {
	if dir := e.prefs.String(prefExportFolder); dir != "" {
		if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
			return dir
		}
	}
	dir, err := os.UserHomeDir()
	if err != nil {
		dir = os.TempDir()
	}
	return dir
}

// defaultOut proposes where to write a format: in dir, a folder or a
// file named for the export.
func defaultOut(ft export.Format, dir string) string {
	name := "Clippings export " + time.Now().Format("2006-01-02")
	return filepath.Join(dir, name+export.Extension(ft))
}

func (e *exports) loadCollections(f *exportForm) {
	go func() {
		cols, err := e.lib.Collections(e.ctx)
		e.do(func() {
			if err != nil {
				return
			}
			var paths []string
			for _, c := range cols {
				paths = append(paths, c.Path)
			}
			f.collection.Options = paths
			f.collection.Refresh()
			if f.wantCol != "" {
				f.collection.SetSelected(f.wantCol)
			}
		})
	}()
}

// chooseOut asks where to write: a folder for the folder formats, a file
// name in a folder for the others.
func (e *exports) chooseOut(f *exportForm) {
	dialog.ShowFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil || dir == nil {
			return
		}
		f.out.SetText(filepath.Join(dir.Path(), filepath.Base(f.out.Text)))
	}, e.win)
}

// exportJob is one export running, and its progress dialog.
type exportJob struct {
	cancel   context.CancelFunc
	dialog   dialog.Dialog
	bar      *widget.ProgressBar
	finished bool
}

// start resolves the articles of the scope and exports them, showing the
// progress; it runs on the UI goroutine.
func (e *exports) start(f *exportForm) {
	scope, tag, col, shown := f.scope.Selected, f.tag.Selected, f.collection.Selected, e.shown()
	opt := export.Options{Format: f.chosenFormat(), Out: strings.TrimSpace(f.out.Text)}
	e.prefs.SetString(prefExportFormat, string(opt.Format))
	if filepath.IsAbs(opt.Out) {
		e.prefs.SetString(prefExportFolder, lastFolder(opt.Out))
	}
	ctx, cancel := context.WithCancel(e.ctx)
	job := &exportJob{cancel: cancel, bar: widget.NewProgressBar()}
	job.dialog = dialog.NewCustom("Exporting", "Cancel", container.NewVBox(widget.NewLabel("Exporting to "+opt.Out), job.bar), e.win)
	job.dialog.SetOnClosed(func() {
		if !job.finished {
			job.cancel()
		}
	})
	job.dialog.Show()
	go func() {
		res, err := e.run(ctx, job, scope, tag, col, shown, f.ids, opt)
		e.do(func() { e.finish(job, res, err) })
	}()
}

// run is the background half of an export: select the articles, then
// export them, reporting progress at most every progressInterval.
func (e *exports) run(ctx context.Context, job *exportJob, scope, tag, col string, shown archive.Selection, sel []int64, opt export.Options) (export.Result, error) {
	ids, err := e.selectIDs(ctx, scope, tag, col, shown, sel)
	if err != nil {
		return export.Result{}, err
	}
	var (
		mu   sync.Mutex
		last time.Time
	)
	progress := func(done, total int) {
		mu.Lock()
		defer mu.Unlock()
		if now := time.Now(); done == total || now.Sub(last) >= progressInterval {
			last = now
			e.do(func() {
				if !job.finished && total > 0 {
					job.bar.SetValue(float64(done) / float64(total))
				}
			})
		}
	}
	return export.Export(ctx, e.lib, ids, opt, progress)
}

// selectIDs returns the articles of the scope chosen: the rows selected
// (sel), the tag or collection named, what the list shows, or all.
func (e *exports) selectIDs(ctx context.Context, scope, tag, col string, shown archive.Selection, sel []int64) ([]int64, error) {
	lib := e.lib
	switch scope {
	case scopeSelection:
		return sel, nil
	case scopeTag:
		return export.Select(ctx, lib, archive.Selection{Tags: []string{tag}})
	case scopeCollection:
		return export.SelectCollection(ctx, lib, col)
	case scopeSearch:
		return export.Select(ctx, lib, shown)
	}
	return export.SelectAll(ctx, lib)
}

// finish closes the progress and says what was written.
func (e *exports) finish(job *exportJob, res export.Result, err error) {
	job.finished = true
	job.cancel()
	job.dialog.Hide()
	switch {
	case errors.Is(err, context.Canceled):
		e.inform("Export cancelled", "Nothing was written.")
	case err != nil:
		e.showError("The export failed.", err)
	default:
		msg := fmt.Sprintf("Exported %s to %s.", words.Plural(res.Articles, "article", "articles"), res.Out)
		if len(res.Warnings) > 0 {
			msg += "\n\n" + strings.Join(res.Warnings[:min(len(res.Warnings), 5)], "\n")
		}
		e.inform("Export finished", msg)
	}
}
