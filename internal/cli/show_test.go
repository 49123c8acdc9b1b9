package cli

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/clippings/clippings/archive"
)

// show prints each author with the role and kind the page gave, and the
// confidence.
func TestShowRecord(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "archive.db")
	s, err := archive.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	data := []byte("<p>The Pentagon is reviewing troop levels.</p>")
	h := sha256.Sum256(data)
	sum := hex.EncodeToString(h[:])
	a := &archive.Article{Title: "Troops", Byline: "Robert Burns, Associated Press",
		Authors: []archive.Author{
			{Name: "Robert Burns", Kind: archive.Person, Role: "AP National Security Writer"},
			{Name: "Associated Press", Kind: archive.Organization},
		},
		Confidence: archive.ConfidenceArticle,
		Blocks:     []archive.Block{{Kind: archive.Paragraph, Text: "The Pentagon is reviewing troop levels."}}}
	res, err := s.AddCapture(ctx, &archive.Capture{Original: archive.Original{SHA256: sum, Name: "troops.html", Format: "html", Data: data},
		Articles: []*archive.Article{a}})
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	code, out, errs := clippings(t, "show", "--archive", db, strconv.FormatInt(res.IDs[0], 10))
	if code != 0 {
		t.Fatalf("show: exit %d: %s", code, errs)
	}
	for _, want := range []string{"Authors: Robert Burns (AP National Security Writer); Associated Press (organization)\n", "Confidence: article\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("show output lacks %q:\n%s", want, out)
		}
	}
}
