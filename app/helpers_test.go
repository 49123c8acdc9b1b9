package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"image/color"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/clippings/clippings/app/blockview"
	"github.com/clippings/clippings/app/fitline"
	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/importer"
)

// uiQueue stands in for Fyne's UI goroutine in tests: what the window hands
// to fyne.Do is queued, and the test goroutine runs it in drain. All widget
// work thus happens on the test goroutine, and -race stays quiet.
type uiQueue struct {
	mu  sync.Mutex
	fns []func()
}

func (q *uiQueue) do(f func()) {
	q.mu.Lock()
	q.fns = append(q.fns, f)
	q.mu.Unlock()
}

// drain runs the queued functions, and those they queue, until none is left.
func (q *uiQueue) drain() {
	for {
		q.mu.Lock()
		fns := q.fns
		q.fns = nil
		q.mu.Unlock()
		if len(fns) == 0 {
			return
		}
		for _, f := range fns {
			f()
		}
	}
}

// waitFor runs the UI queue until cond holds, failing the test after a few
// seconds. It replaces fixed sleeps: the debounce, the queries and the
// imports take what they take.
func waitFor(t *testing.T, q *uiQueue, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		q.drain()
		if cond() {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// newTestUI builds the window on a test app, sized like a small screen.
func newTestUI(t *testing.T, lib Library) (*UI, *uiQueue) {
	t.Helper()
	a := test.NewTempApp(t)
	q := &uiQueue{}
	// The live view is off (poll 0) but in its own tests (live_test.go),
	// and the search runs as typed only on Enter (settle).
	u := New(a, lib, func(u *UI) { u.do, u.poll, u.settle = q.do, 0, time.Hour }, WithImportOptions(importer.Options{Workers: 1}))
	u.win.Resize(fyne.NewSize(1000, 700))
	t.Cleanup(u.Close)
	return u, q
}

// openStore opens an archive in a temporary folder.
func openStore(t *testing.T) *archive.Store {
	t.Helper()
	s, err := archive.Open(context.Background(), filepath.Join(t.TempDir(), "clippings.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// addFile imports one file of testdata through importer.Extract and returns
// the IDs of its articles.
func addFile(t *testing.T, s *archive.Store, name string) []int64 {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	c, err := importer.Extract(name, data)
	if err != nil {
		t.Fatal(err)
	}
	return addCapture(t, s, c)
}

func addCapture(t *testing.T, s *archive.Store, c *archive.Capture) []int64 {
	t.Helper()
	res, err := s.AddCapture(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	return res.IDs
}

// textCapture makes a capture of one article by hand, for tests that need
// many articles or exact content.
func textCapture(a *archive.Article, images ...archive.Image) *archive.Capture {
	data := []byte(a.Title + "\n\n" + a.Text())
	return &archive.Capture{
		Original: archive.Original{SHA256: sha(data), Name: a.Title + ".txt", Format: "text", Data: data},
		Articles: []*archive.Article{a},
		Images:   images,
	}
}

func sha(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// shownTitles returns the titles of the rows the list model holds, in order.
func shownTitles(u *UI) []string {
	var out []string
	for i := 0; i < u.list.length(); i++ {
		if r, ok := u.list.cur.row(i); ok {
			out = append(out, r.title)
		}
	}
	return out
}

// labelTexts returns the text of every label (and list row line) drawn
// inside o.
func labelTexts(o fyne.CanvasObject) []string {
	var out []string
	for _, obj := range test.LaidOutObjects(o) {
		switch l := obj.(type) {
		case *widget.Label:
			if l.Visible() {
				out = append(out, l.Text)
			}
		case *fitline.Line:
			if l.Visible() {
				out = append(out, l.Text())
			}
		}
	}
	return out
}

// overlayTexts returns the text of the labels in the topmost dialog.
func overlayTexts(u *UI) []string {
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		return nil
	}
	return labelTexts(top)
}

func containsText(texts []string, sub string) bool {
	return slices.ContainsFunc(texts, func(s string) bool { return strings.Contains(s, sub) })
}

// itemTexts returns the text of every text item of the reader, in order,
// shown or not.
func itemTexts(v *blockview.View) []string {
	var out []string
	for i := range v.Len() {
		if text, ok := v.ItemText(i); ok {
			out = append(out, text)
		}
	}
	return out
}

// tapButton taps the button labelled text in the topmost dialog.
func tapButton(t *testing.T, u *UI, text string) {
	t.Helper()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog to tap %q in", text)
	}
	test.Tap(findButton(t, top, text))
}

// findButton returns the visible button labelled text under root.
func findButton(t *testing.T, root fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	for _, o := range test.LaidOutObjects(root) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
			return b
		}
	}
	t.Fatalf("no button %q", text)
	return nil
}

// drawsColor reports whether the reader draws a rectangle filled with c.
func drawsColor(v *blockview.View, c color.Color) bool {
	for _, o := range test.LaidOutObjects(v) {
		if r, ok := o.(*canvas.Rectangle); ok && r.FillColor == c {
			return true
		}
	}
	return false
}

// buttonTexts returns the texts of the buttons in c.
func buttonTexts(c *fyne.Container) []string {
	var out []string
	for _, o := range c.Objects {
		if b, ok := o.(*widget.Button); ok {
			out = append(out, b.Text)
		}
	}
	return out
}

// newTestEnv makes the env of one screen tested alone: a window of its
// own on a test app, and a UI queue. The screen's content goes in the
// window with setContent.
func newTestEnv(t *testing.T) (env, *uiQueue) {
	t.Helper()
	test.NewTempApp(t)
	q := &uiQueue{}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(600, 700))
	return env{win: w, ctx: ctx, log: slog.Default(), timing: newTiming(slog.Default()), do: q.do}, q
}
