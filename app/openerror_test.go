package app

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/clippings/clippings/archive"
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
