package app

import (
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/clippings/clippings/internal/words"
)

// importPicker gathers several files and folders to import at once. Fyne's
// file dialog picks one file, so files are added one pick at a time, or
// checked in a folder's listing, and imported together.
type importPicker struct {
	im     *imports
	paths  []string
	list   *widget.List
	count  *widget.Label
	start  *widget.Button
	dialog dialog.Dialog
}

// chooseFiles opens the picker.
func (im *imports) chooseFiles() {
	p := &importPicker{im: im}
	im.picker = p
	p.show()
}

func (p *importPicker) show() {
	p.count = widget.NewLabel("")
	p.list = &widget.List{Length: func() int { return len(p.paths) }, CreateItem: p.createRow, UpdateItem: p.updateRow}
	addFile := &widget.Button{Text: "Add a file…", Icon: theme.FileIcon(), OnTapped: p.addFile}
	addSome := &widget.Button{Text: "Add files from a folder…", Icon: theme.ListIcon(), OnTapped: p.addFromFolder}
	addDir := &widget.Button{Text: "Add a whole folder…", Icon: theme.FolderOpenIcon(), OnTapped: p.addFolder}
	p.start = &widget.Button{Text: "Import", Importance: widget.HighImportance, OnTapped: p.importAll}
	cancel := &widget.Button{Text: "Cancel", OnTapped: func() { p.dialog.Hide() }}
	top := container.NewVBox(container.NewGridWithColumns(3, addFile, addSome, addDir), p.count)
	body := container.NewBorder(top, container.NewHBox(layoutSpacer(), cancel, p.start), nil, nil, p.list)
	p.dialog = dialog.NewCustomWithoutButtons("Import files", body, p.im.win)
	p.dialog.Resize(fyne.NewSize(640, 420))
	p.refresh()
	p.dialog.Show()
}

func layoutSpacer() fyne.CanvasObject { return container.NewStack() }

func (p *importPicker) createRow() fyne.CanvasObject {
	remove := &widget.Button{Icon: theme.DeleteIcon(), Importance: widget.LowImportance}
	return container.NewBorder(nil, nil, nil, remove, &widget.Label{Truncation: fyne.TextTruncateEllipsis})
}

func (p *importPicker) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	c := o.(*fyne.Container)
	c.Objects[0].(*widget.Label).SetText(p.paths[i])
	c.Objects[1].(*widget.Button).OnTapped = func() { p.remove(i) }
}

// add adds paths not there yet.
func (p *importPicker) add(paths ...string) {
	for _, path := range paths {
		if !slices.Contains(p.paths, path) {
			p.paths = append(p.paths, path)
		}
	}
	p.refresh()
}

func (p *importPicker) remove(i int) {
	if i < len(p.paths) {
		p.paths = slices.Delete(p.paths, i, i+1)
	}
	p.refresh()
}

func (p *importPicker) refresh() {
	if len(p.paths) == 0 {
		p.count.SetText("Add the saved pages to import: files one by one, several from a folder, or whole folders.")
		p.start.Disable()
	} else {
		p.count.SetText(words.Plural(len(p.paths), "file or folder", "files and folders") + " to import.")
		p.start.Enable()
	}
	p.list.Refresh()
}

func (p *importPicker) addFile() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			p.im.showError("Could not open the file.", err)
			return
		}
		if r != nil {
			p.add(r.URI().Path())
			_ = r.Close()
		}
	}, p.im.win)
	d.SetConfirmText("Add")
	d.Show()
}

func (p *importPicker) addFolder() {
	dialog.ShowFolderOpen(func(dir fyne.ListableURI, err error) {
		if err == nil && dir != nil {
			p.add(dir.Path())
		}
	}, p.im.win)
}

func (p *importPicker) addFromFolder() {
	dialog.ShowFolderOpen(func(dir fyne.ListableURI, err error) {
		if err == nil && dir != nil {
			p.checkInFolder(dir.Path())
		}
	}, p.im.win)
}

func (p *importPicker) importAll() {
	paths := slices.Clone(p.paths)
	p.dialog.Hide()
	p.im.picker = nil
	p.im.start(fixedPaths(paths...))
}

// folderFiles returns the files of dir (not hidden, not in sub-folders),
// by name.
func folderFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if e.Type().IsRegular() && !strings.HasPrefix(e.Name(), ".") {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	sort.Strings(out)
	return out, nil
}

// checkList is the listing of a folder with a box per file.
type checkList struct {
	files   []string
	checked []bool
	list    *widget.List
}

// checkInFolder lists the files of dir, all checked, and adds those left
// checked.
func (p *importPicker) checkInFolder(dir string) {
	files, err := folderFiles(dir)
	if err != nil {
		p.im.showError("Could not read the folder.", err)
		return
	}
	cl := &checkList{files: files, checked: make([]bool, len(files))}
	for i := range cl.checked {
		cl.checked[i] = true
	}
	cl.list = &widget.List{Length: func() int { return len(cl.files) },
		CreateItem: func() fyne.CanvasObject { return widget.NewCheck("file", nil) },
		UpdateItem: func(i widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*widget.Check)
			c.OnChanged = nil
			c.Text = filepath.Base(cl.files[i])
			c.SetChecked(cl.checked[i])
			c.OnChanged = func(on bool) { cl.checked[i] = on }
		}}
	all := widget.NewButton("All", func() { cl.setAll(true) })
	none := widget.NewButton("None", func() { cl.setAll(false) })
	body := container.NewBorder(container.NewHBox(widget.NewLabel(dir), all, none), nil, nil, nil, cl.list)
	d := dialog.NewCustomConfirm("Choose files", "Add", "Cancel", body, func(ok bool) {
		if ok {
			p.add(cl.chosen()...)
		}
	}, p.im.win)
	d.Resize(fyne.NewSize(560, 420))
	d.Show()
	p.im.checks = cl
}

func (cl *checkList) setAll(on bool) {
	for i := range cl.checked {
		cl.checked[i] = on
	}
	cl.list.Refresh()
}

func (cl *checkList) chosen() []string {
	var out []string
	for i, f := range cl.files {
		if cl.checked[i] {
			out = append(out, f)
		}
	}
	return out
}
