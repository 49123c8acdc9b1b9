package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// openLink follows related link i of the article shown: a page the
// archive holds opens in the reader; for any other the address is shown,
// to copy (Clippings is offline and opens no browser).
func (r *reader) openLink(i int) {
	if r.doc == nil || i < 0 || i >= len(r.doc.links) {
		return
	}
	l := r.doc.links[i]
	if l.id != 0 {
		r.show(l.id)
		return
	}
	addr := widget.NewEntry()
	addr.SetText(l.URL)
	addr.OnChanged = func(string) { addr.SetText(l.URL) } // selectable, not editable
	copyBtn := &widget.Button{Text: "Copy address", Icon: theme.ContentCopyIcon(), OnTapped: func() {
		r.clip.SetContent(l.URL)
	}}
	title := wrappedLabel(orDefault(l.Title, l.URL))
	note := &widget.Label{Text: "This page is not in the archive.", Importance: widget.LowImportance}
	d := dialog.NewCustom("Related link", "Close", container.NewVBox(title, addr, container.NewHBox(copyBtn), note), r.win)
	d.Resize(fyne.NewSize(520, d.MinSize().Height))
	d.Show()
}
