package versiondiff_test

import (
	"context"
	"errors"
	"testing"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/archive/archivetest"
	"github.com/clippings/clippings/archive/versiondiff"
)

// TestLoad stores three captures of one page (same address, edited
// text) and compares their versions through the store.
func TestLoad(t *testing.T) {
	ctx := context.Background()
	s := archivetest.MustOpen(t)
	var id int64
	for i, text := range []string{"Ships held at quarantine.", "Ships detained at quarantine.", "Ships released from quarantine."} {
		a := archivetest.Article("Plague ships", text)
		a.URL = "https://example.org/plague-ships"
		res, err := s.AddCapture(ctx, archivetest.Capture("v.html", text, a))
		if err != nil {
			t.Fatal(err)
		}
		if i > 0 && res.Outcome != archive.NewVersion {
			t.Fatalf("capture %d: %v, want a new version", i+1, res.Outcome)
		}
		id = res.IDs[0]
	}
	for _, tt := range []struct {
		a, b int
		want string
	}{
		{0, 0, "Ships [-detained at-]{+released from+} quarantine."},
		{1, 0, "Ships [-held at-]{+released from+} quarantine."},
		{1, 2, "Ships [-held-]{+detained+} at quarantine."},
	} {
		d, err := versiondiff.Load(ctx, s, id, tt.a, tt.b)
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Body) != 1 {
			t.Fatalf("%d blocks, want 1", len(d.Body))
		}
		if got := versiondiff.Marks(d.Body[0].Spans); got != tt.want {
			t.Errorf("Load(%d, %d) = %q, want %q", tt.a, tt.b, got, tt.want)
		}
		if d.Old.Imported.IsZero() || d.New.Number == 0 {
			t.Errorf("Load(%d, %d): sides %+v %+v", tt.a, tt.b, d.Old, d.New)
		}
	}
	if _, err := versiondiff.Load(ctx, s, id, 1, 4); !errors.Is(err, archive.ErrNotFound) {
		t.Errorf("version 4 of 3: %v, want ErrNotFound", err)
	}
	one, err := s.AddCapture(ctx, archivetest.Capture("one.html", "one", archivetest.Article("Alone", "Text.")))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := versiondiff.Load(ctx, s, one.IDs[0], 0, 0); err == nil {
		t.Error("an article of one version: no error")
	}
}
