package versiondiff

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/clippings/clippings/archive"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func TestMain(m *testing.M) {
	time.Local = time.UTC // the times in the goldens
	os.Exit(m.Run())
}

// readVersion reads an article from a test file: the title on the first
// line, then blocks separated by blank lines; "> " starts the standfirst,
// "## " a heading.
func readVersion(t *testing.T, name string) *archive.Article {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	parts := strings.Split(strings.TrimSpace(string(data)), "\n\n")
	a := &archive.Article{Title: parts[0]}
	for _, p := range parts[1:] {
		switch {
		case strings.HasPrefix(p, "> "):
			a.Standfirst = strings.TrimPrefix(p, "> ")
		case strings.HasPrefix(p, "## "):
			a.Blocks = append(a.Blocks, archive.Block{Kind: archive.Heading, Level: 2, Text: strings.TrimPrefix(p, "## ")})
		default:
			a.Blocks = append(a.Blocks, archive.Block{Kind: archive.Paragraph, Text: p})
		}
	}
	return a
}

// TestGolden compares two versions of a real article (zyte-dev's CNBC
// page on the Emirates order, as first saved) with the same story as a
// newsroom would update it: a new headline and standfirst, words
// corrected, a heading added, a paragraph cut and one added.
func TestGolden(t *testing.T) {
	old, new := readVersion(t, "emirates-v1.txt"), readVersion(t, "emirates-v2.txt")
	old.Imported = time.Date(2026, 12, 3, 9, 5, 0, 0, time.UTC)
	old.Captured = time.Date(2019, 11, 20, 8, 30, 0, 0, time.UTC)
	new.Imported = time.Date(2026, 12, 3, 9, 41, 0, 0, time.UTC)
	new.Captured = time.Date(2019, 11, 20, 17, 2, 0, 0, time.UTC)
	d := Compare(old, 1, new, 2)
	var got bytes.Buffer
	if err := d.WriteText(&got); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "emirates.diff")
	if *update {
		if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got.String() != string(want) {
		t.Errorf("diff text differs from %s (go test -update rewrites it):\n%s", golden, got.String())
	}
}

// TestSides checks that the spans give both versions back whole: the
// equal and deleted spans the old text, the equal and inserted ones the
// new, block by block.
func TestSides(t *testing.T) {
	old, new := readVersion(t, "emirates-v1.txt"), readVersion(t, "emirates-v2.txt")
	d := Compare(old, 1, new, 2)
	if got, want := sideText(d.Body, Deleted), old.Text(); got != want {
		t.Errorf("old side:\n%s\nwant\n%s", got, want)
	}
	if got, want := sideText(d.Body, Inserted), new.Text(); got != want {
		t.Errorf("new side:\n%s\nwant\n%s", got, want)
	}
	if got, want := sideText([]Block{{Spans: d.Title.Spans}}, Deleted), old.Title; got != want {
		t.Errorf("old title %q, want %q", got, want)
	}
	if !d.Standfirst.Changed() || d.Byline.Changed() {
		t.Errorf("standfirst changed %v, byline changed %v; want true, false", d.Standfirst.Changed(), d.Byline.Changed())
	}
}

// sideText joins the blocks of one side (the spans equal or of op).
func sideText(blocks []Block, op Op) string {
	var paras []string
	for _, b := range blocks {
		var s strings.Builder
		for _, sp := range b.Spans {
			if sp.Op == Equal || sp.Op == op {
				s.WriteString(sp.Text)
			}
		}
		if s.Len() > 0 {
			paras = append(paras, s.String())
		}
	}
	return strings.Join(paras, "\n\n")
}

func TestWords(t *testing.T) {
	for _, tt := range []struct {
		old, new, want string
	}{
		{"plague ships held", "plague ships detained", "plague ships [-held-]{+detained+}"},
		{"same", "same", "same"},
		{"", "new text", "{+new text+}"},
		{"killed 346 people", "killed 347 people", "killed [-346-]{+347+} people"},
		// CJK text has no spaces: each character is a word.
		{"东京奥运会推迟", "东京奥运会取消", "东京奥运会[-推迟-]{+取消+}"},
	} {
		if got := Marks(Words(tt.old, tt.new)); got != tt.want {
			t.Errorf("Words(%q, %q) = %q, want %q", tt.old, tt.new, got, tt.want)
		}
	}
}

func TestSummary(t *testing.T) {
	same := archiveArticle("Title", "One paragraph.")
	if got, want := Compare(same, 1, same, 2).Summary(), "no change in the text"; got != want {
		t.Errorf("Summary = %q, want %q", got, want)
	}
	kind := archiveArticle("Title", "Section")
	heading := archiveArticle("Title", "Section")
	heading.Blocks[0].Kind, heading.Blocks[0].Level = archive.Heading, 2
	d := Compare(kind, 1, heading, 2)
	if len(d.Body) != 1 || d.Body[0].Kind != archive.Heading {
		t.Errorf("a paragraph made a heading: %+v", d.Body)
	}
}

// archiveArticle is an article with paragraphs.
func archiveArticle(title string, paras ...string) *archive.Article {
	a := &archive.Article{Title: title}
	for _, p := range paras {
		a.Blocks = append(a.Blocks, archive.Block{Kind: archive.Paragraph, Text: p})
	}
	return a
}

func TestTokenRunes(t *testing.T) {
	for _, i := range []int{0, 0xD7FE, 0xD7FF, 0xD800, 0x10000} {
		r := runeAt(i)
		if r >= 0xD800 && r < 0xE000 {
			t.Errorf("runeAt(%#x) = %#x, a surrogate", i, r)
		}
		if got := indexOf(r); got != i {
			t.Errorf("indexOf(runeAt(%#x)) = %#x", i, got)
		}
	}
}

// TestTooManyTokens checks the fallback when two versions hold more
// distinct words than there are runes to stand for them: whole blocks
// deleted and inserted, both versions still given back.
func TestTooManyTokens(t *testing.T) {
	defer func(n int) { maxTokens = n }(maxTokens)
	maxTokens = 5
	old := archiveArticle("T", "one two three", "four")
	new := archiveArticle("T", "one two three", "five")
	d := Compare(old, 1, new, 2)
	if got, want := len(d.Body), 4; got != want {
		t.Fatalf("%d blocks, want %d: %+v", got, want, d.Body)
	}
	if got, want := sideText(d.Body, Inserted), new.Text(); got != want {
		t.Errorf("new side %q, want %q", got, want)
	}
	if got, want := Marks(Words("a b c", "d e f")), "[-a b c-]{+d e f+}"; got != want {
		t.Errorf("Words = %q, want %q", got, want)
	}
}
