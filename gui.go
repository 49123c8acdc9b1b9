package main

import (
	"context"
	"os"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"github.com/clippings/clippings/app"
	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/assets"
)

// appID is Clippings' reverse-DNS application ID, as in FyneApp.toml.
const appID = "io.github.clippings.Clippings"

// runGUI opens the window on the archive at path (from --archive; when
// empty, $CLIPPINGS_ARCHIVE, else the place chosen in Preferences, else
// the default place) and returns when it is closed. The window makes the
// archive when missing.
func runGUI(path string) error {
	a := fyneapp.NewWithID(appID)
	if path == "" && os.Getenv("CLIPPINGS_ARCHIVE") == "" {
		path = app.ArchivePath(a)
	}
	var err error
	if path == "" {
		path, err = archive.DefaultPath() // $CLIPPINGS_ARCHIVE, else the XDG place
	}
	var store *archive.Store
	if err == nil {
		store, err = archive.Open(context.Background(), path)
	}
	if err != nil {
		app.ShowOpenError(a, path, err)
		return err // said on stderr too, with the exit status
	}
	defer store.Close()
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	app.New(a, store).ShowAndRun()
	return nil
}
