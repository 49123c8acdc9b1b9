package export

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/clippings/clippings/archive"
)

// fixtureTitles returns the titles of the fixture's articles, sorted.
func fixtureTitles(t *testing.T, fx *fixture) []string {
	var out []string
	for _, id := range fx.all {
		a, err := fx.store.Article(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, a.Title)
	}
	sort.Strings(out)
	return out
}

// pandocItems has pandoc read a citation file and returns its items.
func pandocItems(t *testing.T, from, path string) []cslItem {
	t.Helper()
	if _, err := exec.LookPath("pandoc"); err != nil {
		t.Skip("pandoc is not installed (apt-get install pandoc); scripts/export-check.sh installs it")
	}
	out, err := exec.Command("pandoc", "--from="+from, "--to=csljson", path).CombinedOutput()
	if err != nil {
		t.Fatalf("pandoc --from=%s: %v\n%s", from, err, out)
	}
	var items []cslItem
	if err := json.Unmarshal(out, &items); err != nil {
		t.Fatalf("pandoc output: %v\n%s", err, out)
	}
	return items
}

// checkItems compares what pandoc read with the fixture.
func checkItems(t *testing.T, fx *fixture, items []cslItem) {
	t.Helper()
	if got, want := len(items), len(fx.all); got != want {
		t.Fatalf("pandoc read %d entries, want %d", got, want)
	}
	var titles []string
	byKey := map[string]cslItem{}
	straight := strings.NewReplacer("“", `"`, "”", `"`) // pandoc makes CSL-JSON quotes typographic
	for _, it := range items {
		titles = append(titles, straight.Replace(it.Title))
		byKey[it.ID] = it
	}
	sort.Strings(titles)
	if got, want := strings.Join(titles, "\n"), strings.Join(fixtureTitles(t, fx), "\n"); got != want {
		t.Errorf("titles as pandoc reads them:\n%s\nwant:\n%s", got, want)
	}
	lib := byKey["lindqvist2024libraries"]
	if lib.Type != "article-newspaper" || lib.Container != "Nordic Times" || len(lib.Author) != 2 ||
		lib.Author[0].Family != "Lindqvist" || lib.Issued == nil || lib.Accessed == nil ||
		lib.URL != "https://example.com/news/libraries?id=1&x=%20" {
		t.Errorf("libraries entry as pandoc reads it: %+v", lib)
	}
	if d := lib.Accessed; d != nil && (d.DateParts[0][0] != 2024 || d.DateParts[0][1] != 3 || d.DateParts[0][2] != 6) {
		t.Errorf("accessed %v, want the capture date 2024-03-06", d.DateParts)
	}
}

func TestBibTeX(t *testing.T) {
	fx := newFixture(t)
	path := exportTo(t, fx.store, fx.all, BibTeX)
	data, _ := os.ReadFile(path)
	if got, want := strings.Count(string(data), "@article{"), len(fx.all); got != want {
		t.Fatalf("%d entries, want %d", got, want)
	}
	for _, want := range []string{"@article{lindqvist2024librariesa,", "entrysubtype = {newspaper}",
		"author = {Lindqvist, Anna and Ek, Bo}", "journal = {Nordic Times}", "urldate = {2024-03-06}",
		"title = {Libraries keep the news}", "langid = {english}", "note = {Saved original SHA-256: ", `abstract = {Local archives matter \& last}`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("BibTeX lacks %q", want)
		}
	}
	t.Run("Pandoc", func(t *testing.T) { checkItems(t, fx, pandocItems(t, "bibtex", path)) })
	t.Run("PandocBiblatex", func(t *testing.T) { checkItems(t, fx, pandocItems(t, "biblatex", path)) })
}

func TestCSLJSON(t *testing.T) {
	fx := newFixture(t)
	path := exportTo(t, fx.store, fx.all, CSLJSON)
	data, _ := os.ReadFile(path)
	var items []cslItem
	if err := json.Unmarshal(data, &items); err != nil {
		t.Fatal(err)
	}
	checkItems(t, fx, items)
	t.Run("Pandoc", func(t *testing.T) { checkItems(t, fx, pandocItems(t, "csljson", path)) })
}

func TestRIS(t *testing.T) {
	fx := newFixture(t)
	data, err := os.ReadFile(exportTo(t, fx.store, fx.all, RIS))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Count(string(data), "\r\nER  - \r\n"), len(fx.all); got != want {
		t.Fatalf("%d records, want %d", got, want)
	}
	for _, l := range strings.Split(string(data), "\r\n") {
		if l != "" && (len(l) < 6 || l[2:6] != "  - ") {
			t.Errorf("malformed RIS line %q", l)
		}
	}
	for _, want := range []string{"TY  - NEWS\r\nID  - lindqvist2024libraries\r\nTI  - Libraries keep the news\r\n",
		"AU  - Lindqvist, Anna\r\nAU  - Ek, Bo\r\nT2  - Nordic Times\r\nPY  - 2024\r\nDA  - 2024/03/05/\r\n",
		"Y2  - 2024/03/06/\r\n", "KW  - research/libraries\r\n"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("RIS lacks %q", want)
		}
	}
}

// TestKeysStable: an article has the same key in every export, whatever
// else the export holds (keys are the archive's).
func TestKeysStable(t *testing.T) {
	fx := newFixture(t)
	entry := regexp.MustCompile(`@article\{([^,]+),\n  entrysubtype = \{newspaper\},\n  title = \{([^\n]*)\},\n`)
	keyOf := func(ids []int64, title string) string {
		data, err := os.ReadFile(exportTo(t, fx.store, ids, BibTeX))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range entry.FindAllStringSubmatch(string(data), -1) {
			if m[2] == title {
				return m[1]
			}
		}
		return ""
	}
	alone, all := keyOf([]int64{fx.ids["twin"]}, "Libraries close early"), keyOf(fx.all, "Libraries close early")
	if alone == "" || alone != all {
		t.Errorf("the twin article's key is %q alone and %q among all", alone, all)
	}
}

func TestZotero(t *testing.T) {
	fx := newFixture(t)
	dir := exportTo(t, fx.store, fx.all, Zotero)
	bib := filepath.Join(dir, zoteroBib)
	data, err := os.ReadFile(bib)
	if err != nil {
		t.Fatal(err)
	}
	files := regexp.MustCompile(`(?m)^  file = \{Snapshot:(.*):text/html\},$`).FindAllStringSubmatch(string(data), -1)
	if len(files) != len(fx.all) {
		t.Fatalf("%d file fields for %d articles", len(files), len(fx.all))
	}
	for _, f := range files {
		path := strings.NewReplacer(`\:`, `:`, `\;`, `;`, `\\`, `\`).Replace(f[1])
		if page, err := os.ReadFile(filepath.Join(dir, path)); err != nil || !strings.Contains(string(page), "<article>") {
			t.Errorf("snapshot %s: %v", path, err)
		}
	}
	if !strings.Contains(string(data), "annote = {Follow up with the archivist. Second paragraph. ¶ Highlight: “keep the news” — Key *claim* [1]") {
		t.Errorf("no note with the highlights:\n%s", data)
	}
	t.Run("Pandoc", func(t *testing.T) { checkItems(t, fx, pandocItems(t, "biblatex", bib)) })
}

// TestCitedDayIsThePages: a story the page dates 31 December 2019 at 8 pm
// in New York (1 January 2020 in UTC) is cited with the page's day and
// year in every format.
func TestCitedDayIsThePages(t *testing.T) {
	s, err := archive.Open(context.Background(), filepath.Join(t.TempDir(), "archive.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	a := &archive.Article{Title: "The decade ends in Times Square", Byline: "Jane Roe", Site: "The City",
		URL: "https://example.com/decade", Published: time.Date(2019, 12, 31, 20, 0, 0, 0, time.FixedZone("", -5*3600)),
		Blocks: []archive.Block{{Kind: archive.Paragraph, Text: "Crowds gathered."}}}
	res, err := s.AddCapture(context.Background(), capture("decade.html", a))
	if err != nil {
		t.Fatal(err)
	}
	for f, wants := range map[Format][]string{
		BibTeX:  {"date = {2019-12-31}", "year = {2019}"},
		RIS:     {"PY  - 2019\r\n", "DA  - 2019/12/31/\r\n"},
		CSLJSON: {"2019,\n          12,\n          31"},
	} {
		data, err := os.ReadFile(exportTo(t, s, res.IDs, f))
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range wants {
			if !strings.Contains(string(data), want) {
				t.Errorf("%s lacks %q:\n%s", f, want, data)
			}
		}
	}
}
