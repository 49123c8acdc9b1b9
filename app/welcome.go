package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// welcome is what an empty archive shows instead of the list and the
// reader: a word on what Clippings does and one-click ways to fill it.
type welcome struct {
	// What its buttons do: import the bundled samples, files, a folder.
	onSamples, onFiles, onFolder func()

	content fyne.CanvasObject
	samples *widget.Button
}

// view returns the welcome screen, building it the first time.
func (w *welcome) view() fyne.CanvasObject {
	if w.content == nil {
		w.content = w.buildUI()
	}
	return w.content
}

func (w *welcome) buildUI() fyne.CanvasObject {
	title := widget.NewRichText(&widget.TextSegment{Style: widget.RichTextStyleHeading, Text: "Welcome to Clippings"})
	intro := widget.NewLabel("Clippings keeps the web pages you save — plain HTML, “Web page, complete”, " +
		"MHTML, SingleFile, WARC, Safari web archives or text — as clean articles you can search and read offline.\n\n" +
		"Your archive is empty. Import saved pages, drop them on this window, or start with a few sample articles.")
	intro.Wrapping = fyne.TextWrapWord

	w.samples = &widget.Button{Text: "Import sample articles", Icon: theme.DownloadIcon(),
		Importance: widget.HighImportance, OnTapped: w.onSamples}
	files := &widget.Button{Text: "Import files…", Icon: theme.FileIcon(), OnTapped: w.onFiles}
	folder := &widget.Button{Text: "Import folder…", Icon: theme.FolderOpenIcon(), OnTapped: w.onFolder}

	body := container.NewVBox(title, intro, w.samples, container.NewGridWithColumns(2, files, folder))
	return container.New(&columnLayout{width: 560}, body)
}

// columnLayout centres one object in a column of at most width, at the
// height its (wrapped) text needs, a little above the middle.
type columnLayout struct {
	width float32
}

func (c *columnLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		w := min(size.Width, c.width)
		o.Resize(fyne.NewSize(w, size.Height)) // wrapped text measures its height at this width
		h := min(o.MinSize().Height, size.Height)
		o.Resize(fyne.NewSize(w, h))
		o.Move(fyne.NewPos((size.Width-w)/2, max((size.Height-h)/3, 0)))
	}
}

func (c *columnLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return fyne.NewSize(min(s.Width, c.width), s.Height)
}
