package app

import (
	"context"
	"errors"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/archive/archivetest"
)

// Each fault of the archive file is explained with what to do, both in
// the window shown when the archive cannot be opened and in any error
// dialog; other errors are shown as they are.
func TestArchiveFaultsExplained(t *testing.T) {
	test.NewTempApp(t)
	for _, tc := range []struct {
		err  error
		want string
	}{
		{archive.ErrBusy, "in use by another Clippings"},
		{archive.ErrReadOnly, "read-only"},
		{archive.ErrDiskFull, "Nothing stored was lost"},
		{archive.ErrDamaged, "restore the archive from a backup"},
		{errors.New("something else"), "something else"},
	} {
		err := fmt.Errorf("open /tmp/a.db: %w", tc.err)
		if got := userDetail(err); !strings.Contains(got, tc.want) || !strings.Contains(got, err.Error()) {
			t.Errorf("%v: detail %q, want it to say %q and the error", tc.err, got, tc.want)
		}
		quit := false
		c := test.NewWindow(openErrorContent("/tmp/a.db", err, func() { quit = true }))
		markup := test.RenderObjectToMarkup(c.Content())
		if !strings.Contains(markup, "Clippings cannot open its archive") || !strings.Contains(markup, "/tmp/a.db") {
			t.Errorf("%v: the window does not say what failed and where:\n%s", tc.err, markup)
		}
		test.Tap(findButton(t, c.Content(), "Quit"))
		if !quit {
			t.Errorf("%v: Quit does not close the window", tc.err)
		}
		c.Close()
	}
}

// When the archive cannot be opened because it is damaged and automatic
// backups exist, the window offers the newest; restoring it puts it in
// place and keeps the damaged file. It offers nothing when a backup
// would not help.
func TestRestoreOffer(t *testing.T) {
	a := test.NewTempApp(t)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "archive.db")
	s, err := archive.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	archivetest.MustAddArticles(t, s, archivetest.Article("Kept", "In the backup."))
	if _, err := s.AutoBackup(ctx, archive.ReasonDaily, 5); err != nil {
		t.Fatal(err)
	}
	s.Close()
	damaged := []byte("not an archive any more")
	if err := os.WriteFile(path, damaged, 0o600); err != nil {
		t.Fatal(err)
	}
	_, openErr := archive.Open(ctx, path)
	if !errors.Is(openErr, archive.ErrDamaged) {
		t.Fatalf("open: %v", openErr)
	}
	if restoreOffer(path, fmt.Errorf("open: %w", archive.ErrBusy), nil) != nil {
		t.Error("a restore offered for a busy archive")
	}
	w := a.NewWindow("Clippings")
	offer := restoreOffer(path, openErr, func(b archive.BackupInfo) { restore(w, path, b, nil) })
	if offer == nil {
		t.Fatal("no restore offered for a damaged archive with a backup")
	}
	w.SetContent(container.NewVBox(openErrorContent(path, openErr, w.Close), offer))
	w.Resize(fyne.NewSize(560, 400))
	if markup := test.RenderObjectToMarkup(offer); !strings.Contains(markup, "automatic backup") {
		t.Errorf("the offer does not say what it restores:\n%s", markup)
	}
	if dir := os.Getenv("CLIPPINGS_SCREENSHOTS"); dir != "" { // looked at by a person
		f, err := os.Create(filepath.Join(dir, "restore-offer.png"))
		if err == nil {
			png.Encode(f, w.Canvas().Capture())
			f.Close()
		}
	}
	var restoreButton *widget.Button
	for _, o := range test.LaidOutObjects(offer) {
		if b, ok := o.(*widget.Button); ok && strings.HasPrefix(b.Text, "Restore the backup of") {
			restoreButton = b
		}
	}
	if restoreButton == nil {
		t.Fatal("no restore button")
	}
	test.Tap(restoreButton)
	test.Tap(findButton(t, w.Canvas().Overlays().Top(), "Yes"))
	s, err = archive.Open(ctx, path)
	if err != nil {
		t.Fatalf("the archive after the restore: %v", err)
	}
	defer s.Close()
	if n, _ := s.Count(ctx); n != 1 {
		t.Errorf("%d articles after the restore, want the backup's 1", n)
	}
	kept, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "archive-replaced-*.db"))
	if len(kept) != 1 {
		t.Fatalf("damaged file kept as %v, want one", kept)
	}
	if got, _ := os.ReadFile(kept[0]); string(got) != string(damaged) {
		t.Errorf("the damaged file was changed")
	}
}
