package cli

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/clippings/clippings/archive"
)

// escapes are terminal control sequences a bundle or a file name may
// carry: OSC 52 writes the clipboard, OSC 8 hides a link, ESC [2J clears
// the screen, ESC c resets the terminal; NUL, CR, DEL and a C1 CSI.
const escapes = "\x1b]52;c;ZXZpbA==\x07 \x1b]8;;https://evil.example/\x1b\\link\x1b]8;;\x1b\\ \x1b[2J\x1b[H \x1bc \x00 \r \x7f \u009b2J"

// unsafeRune returns the first control character of s a terminal would
// obey (all but newline and tab), or -1.
func unsafeRune(s string) rune {
	if !utf8.ValidString(s) {
		return utf8.RuneError
	}
	for _, r := range s {
		if r < 0x20 && r != '\n' && r != '\t' || r >= 0x7f && r < 0xa0 {
			return r
		}
	}
	return -1
}

// TestTerminalEscapesNeutralised stores an article whose every field,
// tag, collection, saved search and note holds terminal escapes (as a
// bundle may bring them), and imports files whose names hold them: no
// command may print a control character, and JSON stays exact.
func TestTerminalEscapesNeutralised(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "archive.db")
	s, err := archive.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	title := "Harbour " + escapes
	a := &archive.Article{Title: title, Standfirst: escapes, Byline: escapes, Site: escapes, URL: "https://example.org/a",
		Blocks:  []archive.Block{{Kind: archive.Paragraph, Text: "harbour wall " + escapes}, {Kind: archive.FigureRef}},
		Figures: []archive.Figure{{Caption: escapes, Credit: escapes}},
		Related: []archive.Link{{Title: escapes, URL: "https://example.org/" + escapes}}, FileName: escapes + ".html"}
	data := []byte("harbour " + escapes)
	sum := sha256.Sum256(data)
	res, err := s.AddCapture(ctx, &archive.Capture{Original: archive.Original{SHA256: hex.EncodeToString(sum[:]),
		Name: escapes + ".html", Format: "html", Data: data}, Articles: []*archive.Article{a}})
	if err != nil {
		t.Fatal(err)
	}
	id := res.IDs[0]
	// Each may be refused by a store that cleans names; what it keeps
	// must print safely.
	s.AddTags(ctx, []int64{id}, "tag"+escapes)
	if col, err := s.CreateCollection(ctx, 0, "col"+escapes); err == nil {
		s.AddToCollection(ctx, col, id)
	}
	s.SaveSearch(ctx, "saved"+escapes, "harbour")
	s.SetNote(ctx, id, escapes)
	s.Close()

	dir := t.TempDir()
	for _, name := range []string{"page" + escapes + ".html", "bad" + escapes + ".html"} {
		content := "<html><head><title>Page</title></head><body><article><p>" + strings.Repeat("The harbour wall was approved on Tuesday. ", 20) + "</p></article></body></html>"
		if strings.HasPrefix(name, "bad") {
			content = ""
		}
		name = strings.NewReplacer("\x00", "", "/", "").Replace(name) // what a file name may not hold
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	idArg := "1"
	for _, args := range [][]string{
		{"show", idArg}, {"list"}, {"search", "harbour"}, {"tag", "list"}, {"collection", "list"},
		{"saved", "list"}, {"note", "list"}, {"versions", idArg}, {"import", dir}, {"check"},
		{"show", "9999"}, {"delete", idArg},
	} {
		_, out, errs := clippings(t, append(args, "--archive", db)...)
		for what, text := range map[string]string{"stdout": out, "stderr": errs} {
			if r := unsafeRune(text); r >= 0 {
				t.Errorf("%s: %s holds %U:\n%q", strings.Join(args, " "), what, r, text)
			}
		}
	}
	code, out, errs := clippings(t, "search", "--json", "--archive", db, "harbour")
	var hits []hitJSON
	if err := json.Unmarshal([]byte(out), &hits); code != 0 || err != nil {
		t.Fatalf("search --json: exit %d, %v\n%s%s", code, err, out, errs)
	}
	if r := unsafeRune(out); r >= 0 {
		t.Errorf("search --json prints %U raw", r)
	}
	found := false
	for _, h := range hits {
		found = found || h.Title == title
	}
	if !found {
		t.Errorf("search --json: no hit with the title as stored, escapes and all: %+v", hits)
	}
}

func TestTerminalSafe(t *testing.T) {
	for in, want := range map[string]string{
		"plain\ttext\n":    "plain\ttext\n",
		"a\x1b[2Jb":        "a␛[2Jb",
		"\x00\r\x7f":       "␀␍␡",
		"csi \u009b1m":     "csi \ufffd1m",
		"bad \xff utf-8":   "bad \ufffd utf-8",
		"Zürich — 東京 ‮abc": "Zürich — 東京 ‮abc",
	} {
		if got := terminalSafe(in); got != want {
			t.Errorf("terminalSafe(%q) = %q, want %q", in, got, want)
		}
	}
	if got, want := jsonControls(`{"a": "x`+"\x7f\u0085"+`"}`), `{"a": "x\u007f\u0085"}`; got != want {
		t.Errorf("jsonControls = %q, want %q", got, want)
	}
}

// TestProgressBarOnTerminal draws the bar as on a terminal, with file
// names holding escapes: only the bar's own sequence (erase the line)
// reaches the terminal raw.
func TestProgressBarOnTerminal(t *testing.T) {
	var raw strings.Builder
	b := newProgressBar(termOut{&raw}, "importing")
	b.tty = true
	b.update(1, 3, "page"+escapes+".html: failed: empty", true)
	b.update(2, 3, "page"+escapes+".html: imported", false)
	b.done()
	out := strings.ReplaceAll(raw.String(), "\r\x1b[K", "")
	if r := unsafeRune(out); r >= 0 || !strings.Contains(out, "page␛]52;c;") {
		t.Errorf("the bar printed %U raw, or not the file name:\n%q", r, raw.String())
	}
}
