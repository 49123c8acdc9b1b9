package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/archive/archivetest"
)

// versionPage is a saved page of the CNBC story on the Emirates order
// (from zyte-dev), with its headline and first paragraph as given.
func versionPage(headline, first string) string {
	return `<!doctype html><html lang="en"><head><title>` + headline + `</title>
<link rel="canonical" href="https://www.cnbc.com/2019/11/20/emirates-inks-order-for-30-boeing-787-jets.html">
</head><body><article><h1>` + headline + `</h1>
<p>` + first + `</p>
<p>The deal sets up for a reduction to a prior commitment of 777x jets from the U.S. plane-maker, down by 30 to 126, which Emirates is opting for by employing its substitution rights. The 777 program has faced delays due to engine problems and other technical issues in its testing phase.</p>
<p>The mid-size wide body 787-9 jet is a larger and longer-range variant of Boeing's Dreamliner, seating 242 to 330 passengers in a two-class layout. The order is valued at $8.8 billion at list prices, but a steep discount is typically negotiated by airlines.</p>
</article></body></html>`
}

// importVersions imports two captures of the page, the second edited,
// and returns the archive.
func importVersions(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	db := filepath.Join(dir, "archive.db")
	pages := []string{
		versionPage("Emirates inks order for 30 Boeing 787 jets", "DUBAI, United Arab Emirates — Dubai's flagship carrier Emirates Airline finalized a deal to purchase 30 of Boeing's 787-9 Dreamliner jets, executives of both companies announced Wednesday at the Dubai Air Show."),
		versionPage("Emirates orders 30 Boeing 787 Dreamliners", "DUBAI, United Arab Emirates — Dubai's flagship carrier Emirates Airline signed a deal to buy 30 of Boeing's 787-9 Dreamliner jets, executives of both companies said Wednesday at the Dubai Air Show."),
	}
	for i, p := range pages {
		f := filepath.Join(dir, "emirates-"+string(rune('1'+i))+".html")
		if err := os.WriteFile(f, []byte(p), 0o644); err != nil {
			t.Fatal(err)
		}
		if code, out, errs := clippings(t, "import", "--archive", db, f); code != 0 {
			t.Fatalf("import %s: exit %d\n%s%s", f, code, out, errs)
		}
	}
	return db
}

func TestVersionsDiff(t *testing.T) {
	db := importVersions(t)
	code, out, errs := clippings(t, "versions", "--archive", db, "1")
	if code != 0 {
		t.Fatalf("versions: exit %d\n%s", code, errs)
	}
	// Two lines, each with the import date and time.
	stamp := regexp.MustCompile(`imported \d{4}-\d\d-\d\d \d\d:\d\d `)
	if got := len(stamp.FindAllString(out, -1)); got != 2 {
		t.Errorf("versions: %d lines with an import time, want 2:\n%s", got, out)
	}

	for _, args := range [][]string{{"1", "--diff"}, {"--diff", "1", "1", "2"}, {"1", "--diff", "1"}} {
		code, out, errs := clippings(t, append([]string{"versions", "--archive", db}, args...)...)
		if code != 0 {
			t.Fatalf("versions %v: exit %d\n%s", args, code, errs)
		}
		for _, want := range []string{
			"--- version 1  captured",
			"+++ version 2  captured",
			"headline and 1 of 3 paragraphs changed",
			"Headline: Emirates [-inks order for-]{+orders+} 30 Boeing 787 [-jets-]{+Dreamliners+}",
			"¶1: DUBAI, United Arab Emirates — Dubai's flagship carrier Emirates Airline [-finalized-]{+signed+} a deal to [-purchase-]{+buy+} 30",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("versions %v lacks %q:\n%s", args, want, out)
			}
		}
		if strings.Contains(out, "¶2") {
			t.Errorf("versions %v shows an unchanged paragraph:\n%s", args, out)
		}
	}

	code, out, _ = clippings(t, "versions", "--archive", db, "--json", "--diff", "1")
	var d struct {
		Title struct{ Old, New string }
		Body  []struct{ Spans []struct{ Op, Text string } }
	}
	if err := json.Unmarshal([]byte(out), &d); code != 0 || err != nil {
		t.Fatalf("versions --json --diff: exit %d, %v\n%s", code, err, out)
	}
	if d.Title.New != "Emirates orders 30 Boeing 787 Dreamliners" || len(d.Body) != 3 || d.Body[0].Spans[1].Op != "deleted" {
		t.Errorf("versions --json --diff: %+v", d)
	}
}

func TestVersionsDiffErrors(t *testing.T) {
	db := importVersions(t)
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"1", "--diff", "1", "3"}, 1, "versions 1 to 2, not 3"},
		{[]string{"1", "--diff", "x"}, 1, `"x" is not a version number`},
		{[]string{"1", "2"}, 2, "Usage: clippings versions"},
	} {
		code, _, errs := clippings(t, append([]string{"versions", "--archive", db}, tt.args...)...)
		if code != tt.code || !strings.Contains(errs, tt.want) {
			t.Errorf("versions %v: exit %d, want %d with %q:\n%s", tt.args, code, tt.code, tt.want, errs)
		}
	}
}

// TestListUntitled lists an article without a title: "Untitled", as the
// window names it, not a blank.
func TestListUntitled(t *testing.T) {
	db := filepath.Join(t.TempDir(), "archive.db")
	s, err := archive.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	archivetest.MustAdd(t, s, archivetest.Capture("untitled.html", "<p>untitled</p>",
		archivetest.Article("", "A paragraph of text saved without any title at all.")))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	code, out, errs := clippings(t, "list", "--archive", db)
	if code != 0 {
		t.Fatalf("list: exit %d\n%s", code, errs)
	}
	if !regexp.MustCompile(`(?m)^\s+1  Untitled`).MatchString(out) {
		t.Errorf("list prints %q, want the article as Untitled", out)
	}
}
