package app

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// themeChoices are the theme options as Preferences names them, in the
// order of prefs.themeName's values.
var themeChoices = []string{"Follow the system", "Light", "Dark"}

var themeNames = map[string]string{"Follow the system": "system", "Light": "light", "Dark": "dark"}

// prefsForm holds the inputs of the Preferences dialog.
type prefsForm struct {
	theme   *widget.RadioGroup
	size    *widget.Slider
	sizeVal *widget.Label
	archive *widget.Label
	links   *widget.Check // links without content kept as a reading list
}

// pather is a library that knows its file (*archive.Store does).
type pather interface{ Path() string }

// showPreferences shows the archive's location, the theme, the reader's
// text size and whether imports keep links without content; changes
// apply at once (the archive at next start).
func (u *UI) showPreferences() {
	f := &prefsForm{}
	f.theme = widget.NewRadioGroup(themeChoices, func(choice string) {
		u.prefs.p.SetString(prefTheme, themeNames[choice])
		u.applyTheme()
	})
	for label, name := range themeNames {
		if name == u.prefs.themeName() {
			f.theme.Selected = label
		}
	}
	f.sizeVal = widget.NewLabel("")
	f.size = widget.NewSlider(minFontSize, maxFontSize)
	f.size.Step = 1
	f.size.Value = float64(u.prefs.fontSize())
	f.sizeVal.SetText(fmt.Sprintf("%.0f pt", f.size.Value))
	f.size.OnChanged = func(v float64) {
		u.prefs.setFontSize(float32(v))
		u.reader.view.SetScale(u.prefs.fontScale())
		f.sizeVal.SetText(fmt.Sprintf("%.0f pt", v))
	}
	f.archive = wrappedLabel(u.archiveText())
	change := widget.NewButton("Choose another folder…", func() { u.chooseArchive(f) })
	f.links = widget.NewCheck("Keep links without content (Pocket, bookmarks) as a reading list, tagged “not captured”",
		func(on bool) { u.prefs.p.SetBool(prefReadingList, on) })
	f.links.Checked = u.prefs.readingList()
	items := []*widget.FormItem{
		{Text: "Archive", Widget: container.NewVBox(f.archive, change)},
		{Text: "Theme", Widget: f.theme},
		{Text: "Reader text", Widget: container.NewBorder(nil, nil, nil, f.sizeVal, f.size)},
		{Text: "Importing", Widget: f.links},
	}
	d := dialog.NewCustom("Preferences", "Close", widget.NewForm(items...), u.win)
	d.Resize(fyne.NewSize(520, d.MinSize().Height))
	d.Show()
	u.dialogs.prefs = f
}

// archiveText says which archive is open, and which opens next if the
// user chose another.
func (u *UI) archiveText() string {
	s := "The archive in use."
	if p, ok := u.lib.(pather); ok {
		s = p.Path()
	}
	if next := u.prefs.p.String(prefArchive); next != "" {
		s += "\nAt the next start: " + next
	}
	return s
}

// chooseArchive asks for the folder of the archive to open at the next
// start.
func (u *UI) chooseArchive(f *prefsForm) {
	dialog.ShowFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil || dir == nil {
			return
		}
		u.setArchivePath(filepath.Join(dir.Path(), "archive.db"))
		f.archive.SetText(u.archiveText())
	}, u.win)
}

// setArchivePath records the archive to open at the next start.
func (u *UI) setArchivePath(path string) {
	u.prefs.p.SetString(prefArchive, path)
}
