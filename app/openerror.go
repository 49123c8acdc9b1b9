package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// ShowOpenError shows, in a window of its own, why the archive at path
// could not be opened and what to do, and returns when it is closed. A
// Clippings started from a desktop menu has no terminal to say it in.
func ShowOpenError(a fyne.App, path string, err error) {
	w := a.NewWindow("Clippings")
	w.SetContent(openErrorContent(path, err, w.Close))
	w.Resize(fyne.NewSize(560, 0))
	w.ShowAndRun()
}

// openErrorContent is the content of ShowOpenError's window; quit closes
// it.
func openErrorContent(path string, err error, quit func()) fyne.CanvasObject {
	title := widget.NewLabelWithStyle("Clippings cannot open its archive", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	where := widget.NewLabel(path)
	where.Wrapping = fyne.TextWrapBreak
	detail := widget.NewLabel(userDetail(err))
	detail.Wrapping = fyne.TextWrapWord
	btn := &widget.Button{Text: "Quit", Importance: widget.HighImportance, OnTapped: quit}
	return container.NewPadded(container.NewVBox(title, where, detail, container.NewHBox(btn)))
}
