package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/clippings/clippings/export"
)

// TestReaderCite: the reader shows the article's citation key in its
// provenance line; the Cite dialog (in the context menu) copies the reference in the chosen style and
// the key to the clipboard, changes the key in the archive, and refuses
// the key of another article.
func TestReaderCite(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	ids := addFile(t, s, sealsFile)
	other := addFile(t, s, beesFile)
	e, q := newTestEnv(t)
	clip := fyne.CurrentApp().Clipboard()
	r := &reader{env: e, lib: s, clip: clip, scale: 1,
		onKey: func(rune) bool { return false }, onRead: func(int64) {}, onZoom: func(int) {}, onChanged: func() {},
		onTagsChanged: func() {}, tagNames: func() []string { return nil }, onAnnotated: func(int64, bool) {}}
	e.win.SetContent(r.buildUI())
	r.show(ids[0])
	waitFor(t, q, "the article", func() bool { return r.doc != nil && r.doc.id == ids[0] })
	key, err := s.CitationKey(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	if texts := r.view.VisibleText(); !containsText(texts, "Citation key "+key) {
		t.Fatalf("reader shows %q, want the key %q", texts, key)
	}

	r.cite()
	c := r.citing
	if c == nil {
		t.Fatal("no Cite dialog")
	}
	c.style.SetSelected("APA (7th edition)")
	test.Tap(findButton(t, e.win.Canvas().Overlays().Top(), "Copy reference"))
	want, err := export.Reference(r.doc.article, key, export.APA)
	if err != nil {
		t.Fatal(err)
	}
	if got := clip.Content(); got != want || !strings.Contains(got, r.doc.article.Site) {
		t.Errorf("clipboard holds %q, want the APA reference %q", got, want)
	}
	test.Tap(findButton(t, e.win.Canvas().Overlays().Top(), "Copy key"))
	if got := clip.Content(); got != key {
		t.Errorf("clipboard holds %q, want the key %q", got, key)
	}

	c.key.SetText("seals2024")
	test.Tap(c.save)
	waitFor(t, q, "the new key", func() bool { return containsText(r.view.VisibleText(), "Citation key seals2024") })
	if got, _ := s.CitationKey(ctx, ids[0]); got != "seals2024" {
		t.Errorf("stored key %q, want seals2024", got)
	}
	if !strings.Contains(c.ref.Text, "https://") || r.citeStyle != export.APA {
		t.Errorf("reference %q in style %q after the change", c.ref.Text, r.citeStyle)
	}

	taken, err := s.CitationKey(ctx, other[0])
	if err != nil {
		t.Fatal(err)
	}
	c.key.SetText(strings.ToUpper(taken))
	test.Tap(c.save)
	waitFor(t, q, "the refusal", func() bool { return c.key.Text == "seals2024" })
	if got, _ := s.CitationKey(ctx, ids[0]); got != "seals2024" {
		t.Errorf("stored key %q after a taken one, want seals2024", got)
	}
}
