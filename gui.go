package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"github.com/clippings/clippings/app"
	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/assets"
	"github.com/clippings/clippings/internal/single"
)

// appID is Clippings' reverse-DNS application ID, as in FyneApp.toml.
const appID = "io.github.clippings.Clippings"

// runGUI opens the window on the archive at path (from --archive; when
// empty, $CLIPPINGS_ARCHIVE, else the place chosen in Preferences, else
// the default place) and returns when it is closed. The window makes the
// archive when missing. There is one window per archive: when one is open
// on it already, that one comes to the front and runGUI returns.
func runGUI(path string) error {
	log.SetOutput(app.NewFyneLogFilter(os.Stderr))
	a := fyneapp.NewWithID(appID)
	if path == "" && os.Getenv("CLIPPINGS_ARCHIVE") == "" {
		path = app.ArchivePath(a)
	}
	var err error
	if path == "" {
		path, err = archive.DefaultPath() // $CLIPPINGS_ARCHIVE, else the XDG place
	}
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	var inst *single.Instance
	if err == nil {
		var running bool
		if inst, running = claimWindow(path); running {
			return nil
		}
		defer inst.Close()
	}
	var store *archive.Store
	if err == nil {
		store, err = archive.Open(context.Background(), path)
	}
	if err != nil {
		// The window offers to restore an automatic backup; the archive
		// it then opens is closed when the window is.
		app.ShowOpenError(a, path, err, func() (*app.UI, error) {
			var oerr error
			store, oerr = archive.Open(context.Background(), path)
			if oerr != nil {
				return nil, oerr
			}
			return app.New(a, store), nil
		})
		if store == nil {
			return err // said on stderr too, with the exit status
		}
		return closeStore(store, nil)
	}
	ctx, cancel := context.WithCancel(context.Background())
	backup := make(chan error, 1)
	go func() { // the daily automatic backup, while the window opens
		_, _, err := store.BackupIfDue(ctx, archive.BackupEvery)
		backup <- err
	}()
	ui := app.New(a, store)
	if inst.Claimed() {
		go inst.Serve(func() { fyne.Do(ui.Raise) })
	}
	ui.ShowAndRun()
	cancel()
	return closeStore(store, backup)
}

// closeStore waits for the automatic backup (when one runs) and closes
// the archive; a failed backup is said on stderr.
func closeStore(store *archive.Store, backup chan error) error {
	if backup != nil {
		if err := <-backup; err != nil && !errors.Is(err, context.Canceled) {
			fmt.Fprintf(os.Stderr, "clippings: the daily backup failed: %v\n", err)
		}
	}
	return store.Close()
}

// claimWindow makes this process the one showing the archive at path,
// unless a window on it is open already: then it is brought to the front
// and running is true. When the claim cannot be made, the window opens
// all the same (it just cannot be found by the next start).
func claimWindow(path string) (inst *single.Instance, running bool) {
	inst, err := single.Claim(path)
	if errors.Is(err, single.ErrRunning) {
		fmt.Fprintf(os.Stderr, "clippings: a window on %s is open already: it was brought to the front\n", path)
		return nil, true
	}
	if err != nil {
		log.Printf("one window per archive: %v", err)
	}
	return inst, false
}
