package importer

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/clippings/clippings/archive"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenArticle is what a golden file keeps of an article.
type goldenArticle struct {
	Title      string           `json:"title"`
	Standfirst string           `json:"subtitle"`
	Byline     string           `json:"byline"`
	Site       string           `json:"site"`
	URL        string           `json:"url"`
	Published  string           `json:"published"`
	Language   string           `json:"language"`
	Headings   []string         `json:"headings"`
	Figures    []archive.Figure `json:"figures"`
	Related    []archive.Link   `json:"related"`
	Text       []string         `json:"text"` // one block a line
}

func newGolden(a *archive.Article) goldenArticle {
	g := goldenArticle{
		Title: a.Title, Standfirst: a.Standfirst, Byline: a.Byline, Site: a.Site, URL: a.URL,
		Language: a.Language, Headings: a.Headings(), Figures: a.Figures, Related: a.Related,
	}
	if !a.Published.IsZero() {
		g.Published = a.Published.Format(time.RFC3339)
	}
	for _, b := range a.Blocks {
		line := string(b.Kind) + ": " + b.Text
		if b.Kind == archive.FigureRef {
			line = fmt.Sprintf("figure: %d", b.Figure)
		}
		g.Text = append(g.Text, line)
	}
	return g
}

// mozillaCases are pages of the shared Mozilla corpus checked against
// golden files, with what must hold whatever the goldens say.
var mozillaCases = []struct {
	page     string
	byline   string   // a part of the byline
	captions []string // the start of captions that must be found, in order
	title    string   // the headline, where the corpus expects the page's <title> with the author's name
}{
	{"bbc-1", "BBC News", []string{"Mr Obama told the BBC", "The president said he would continue"}, ""},
	{"nytimes-1", "Jeffrey Gettleman", []string{"United Nations peacekeepers at a refugee camp"}, ""},
	{"wapo-1", "Erin Cunningham", []string{"Gunmen in military uniforms stormed"}, ""},
	{"guardian-1", "Eleanor Ainge Roy", nil, "'What is the sea telling us?': Māori tribes fearful over whale strandings"},
	{"medium-1", "Pippin Lee", []string{"From our 2011 research"}, ""},
}

// expectedMeta is the metadata the Mozilla corpus expects.
type expectedMeta struct {
	Title string `json:"title"`
}

func TestMozillaGolden(t *testing.T) {
	for _, tc := range mozillaCases {
		t.Run(tc.page, func(t *testing.T) {
			dir := filepath.Join(sharedCorpus, "mozilla", tc.page)
			a := mustExtract(t, "source.html", readShared(t, filepath.Join(dir, "source.html")))
			var meta expectedMeta
			if err := json.Unmarshal(readShared(t, filepath.Join(dir, "expected-metadata.json")), &meta); err != nil {
				t.Fatal(err)
			}
			if want := first(tc.title, meta.Title); a.Title != want {
				t.Errorf("title = %q, want %q", a.Title, want)
			}
			if !strings.Contains(a.Byline, tc.byline) {
				t.Errorf("byline = %q, want it to hold %q", a.Byline, tc.byline)
			}
			checkCaptions(t, a, tc.captions)
			checkGolden(t, filepath.Join("testdata", "golden", "mozilla-"+tc.page+".json"), newGolden(a))
		})
	}
}

// checkCaptions checks that captions starting with want are found, in
// order, and that the text holds none of them.
func checkCaptions(t *testing.T, a *archive.Article, want []string) {
	t.Helper()
	i := 0
	for _, f := range a.Figures {
		if i < len(want) && strings.HasPrefix(f.Caption, want[i]) {
			i++
		}
	}
	if i < len(want) {
		t.Errorf("caption %q not found (in order) among %d figures", want[i], len(a.Figures))
	}
	for _, w := range want {
		if strings.Contains(a.Text(), w) {
			t.Errorf("text holds the caption %q", w)
		}
	}
}

// checkGolden compares got with the golden file at path, or rewrites the
// file with -update. On a difference it prints the first lines that
// differ.
func checkGolden(t *testing.T, path string, got any) {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(got); err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if d := lineDiff(string(want), buf.String()); d != "" {
		t.Errorf("%s differs (go test -update rewrites it):\n%s", path, d)
	}
}

// maxDiffLines is how many differing lines lineDiff reports.
const maxDiffLines = 10

// lineDiff returns the lines that differ between want and got, position
// by position, or "" when they are equal.
func lineDiff(want, got string) string {
	if want == got {
		return ""
	}
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	n := 0
	for i := 0; i < max(len(w), len(g)) && n < maxDiffLines; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n- %s\n+ %s\n", i+1, wl, gl)
			n++
		}
	}
	return b.String()
}
