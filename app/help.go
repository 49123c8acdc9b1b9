package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// showHelp lists the keyboard shortcuts: the menu's commands, then the
// reader's single keys and the mouse.
func (u *UI) showHelp() {
	var rows [][2]string
	for _, c := range u.commands() {
		if k := c.keys(); k != "" {
			rows = append(rows, [2]string{k, c.menu + " › " + c.label})
		}
	}
	rows = append(rows, letterKeys...)
	grid := container.New(layout.NewFormLayout())
	for _, r := range rows {
		grid.Add(&widget.Label{Text: r[0], TextStyle: fyne.TextStyle{Bold: true}})
		grid.Add(widget.NewLabel(r[1]))
	}
	intro := wrappedLabel("Select text in the reader with the mouse (drag, Shift+click, double-click) " +
		"to copy or highlight it. The search takes words, \"phrases\", prefix*, OR, -word and filters " +
		"such as site:, tag:, collection:, is:unread, has:notes and date:2019-01..2019-03.")
	d := dialog.NewCustom("Keyboard shortcuts", "Close", container.NewBorder(intro, nil, nil, nil, container.NewVScroll(grid)), u.win)
	d.Resize(fyne.NewSize(620, 560))
	d.Show()
	u.dialogs.help = grid
}
