package main

import (
	"context"
	"os"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"github.com/clippings/clippings/app"
	"github.com/clippings/clippings/assets"
)

// appID is Clippings' reverse-DNS application ID, as in FyneApp.toml.
const appID = "io.github.clippings.Clippings"

// runGUI opens the window on the archive and returns when it is closed.
func runGUI(c *cli) error {
	a := fyneapp.NewWithID(appID)
	// --archive and $CLIPPINGS_ARCHIVE win over the place chosen in Preferences.
	if c.archivePath == "" && os.Getenv("CLIPPINGS_ARCHIVE") == "" {
		c.archivePath = app.ArchivePath(a)
	}
	store, err := c.open(context.Background())
	if err != nil {
		path, _ := c.path()
		app.ShowOpenError(a, path, err)
		return err // said on stderr too, with the exit status
	}
	defer store.Close()
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	app.New(a, store).ShowAndRun()
	return nil
}
