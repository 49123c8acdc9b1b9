package app

import (
	"context"
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/clippings/clippings/archive"
)

// ShowOpenError shows, in a window of its own, why the archive at path
// could not be opened and what to do, and returns when it is closed. A
// Clippings started from a desktop menu has no terminal to say it in.
// When the archive is damaged (or cannot be opened for a reason a backup
// can mend) and automatic backups exist, it offers to restore the newest
// (archive.Restore keeps the damaged file); then it calls reopen, if not
// nil, and shows the window it returns in its place.
func ShowOpenError(a fyne.App, path string, err error, reopen func() (*UI, error)) {
	w := a.NewWindow("Clippings")
	content := openErrorContent(path, err, w.Close)
	if offer := restoreOffer(path, err, func(b archive.BackupInfo) { restore(w, path, b, reopen) }); offer != nil {
		content = container.NewVBox(content, offer)
	}
	w.SetContent(content)
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

// restoreOffer is the offer to restore the newest automatic backup of
// the archive at path, which could not be opened because of err; nil when
// there is none or a backup would not help (the archive is busy,
// read-only or on a full disk).
func restoreOffer(path string, err error, restore func(archive.BackupInfo)) fyne.CanvasObject {
	if errors.Is(err, archive.ErrBusy) || errors.Is(err, archive.ErrReadOnly) ||
		errors.Is(err, archive.ErrDiskFull) || errors.Is(err, archive.ErrNoFTS5) {
		return nil
	}
	list, lerr := archive.Backups(path)
	if lerr != nil || len(list) == 0 {
		return nil
	}
	b := list[0]
	text := widget.NewLabel(fmt.Sprintf("Clippings made an automatic backup of the archive on %s (%s). "+
		"Restoring it puts it in place of the archive; the damaged file is kept beside it, unchanged. "+
		"What was added after the backup was made will not be in the archive.",
		b.Made.Local().Format("Monday 2 January 2006 at 15:04"), b.Reason))
	text.Wrapping = fyne.TextWrapWord
	btn := widget.NewButton("Restore the backup of "+b.Made.Local().Format("2 Jan 2006"), func() { restore(b) })
	return container.NewPadded(container.NewVBox(widget.NewSeparator(), text, container.NewHBox(btn)))
}

// restore puts the backup b in place of the archive at path once the
// user confirms, then opens it through reopen in place of w.
func restore(w fyne.Window, path string, b archive.BackupInfo, reopen func() (*UI, error)) {
	dialog.ShowConfirm("Restore the backup?", "The damaged archive file is kept beside it, renamed.", func(ok bool) {
		if !ok {
			return
		}
		r, err := archive.Restore(context.Background(), path, b.Path)
		if err != nil {
			dialog.ShowError(fmt.Errorf("The backup could not be restored.\n\n%s", userDetail(err)), w)
			return
		}
		if reopen == nil {
			dialog.ShowInformation("Backup restored", "The damaged file is kept as "+r.Aside+". Start Clippings again.", w)
			return
		}
		u, err := reopen()
		if err != nil {
			dialog.ShowError(fmt.Errorf("The backup was restored, but the archive cannot be opened.\n\n%s", userDetail(err)), w)
			return
		}
		u.win.Show()
		w.Close()
	}, w)
}
