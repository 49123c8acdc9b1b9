package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/assets"
)

// TestMain points $CLIPPINGS_ARCHIVE at a place that does not exist, so
// that no test works on the archive of the machine's user by mistake.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "clippings-cli-test-")
	if err != nil {
		panic(err)
	}
	os.Setenv("CLIPPINGS_ARCHIVE", filepath.Join(dir, "no-archive-given.db"))
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// clippings runs the command line in-process and returns its exit code and output.
func clippings(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(args, &out, &errb, func(string) error {
		t.Error("the window was opened")
		return nil
	})
	return code, out.String(), errb.String()
}

func samples(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if _, err := assets.WriteSamples(dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestImportSearchShow(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a", "archive.db")
	dir := samples(t)

	code, out, errs := clippings(t, "import", "--archive", db, dir)
	if code != 0 {
		t.Fatalf("import exit %d\n%s%s", code, out, errs)
	}
	if !strings.Contains(out, "3 imported, 0 already present, 0 failed") {
		t.Errorf("import summary missing:\n%s", out)
	}

	// The same folder again: every file is already present.
	code, out, _ = clippings(t, "import", dir, "--archive", db)
	if code != 0 || !strings.Contains(out, "0 imported, 3 already present, 0 failed") {
		t.Errorf("second import: exit %d\n%s", code, out)
	}

	code, out, errs = clippings(t, "search", "--archive", db, "--json", "denuclearisation")
	if code != 0 {
		t.Fatalf("search exit %d: %s", code, errs)
	}
	var hits []hitJSON
	if err := json.Unmarshal([]byte(out), &hits); err != nil {
		t.Fatalf("search --json: %v\n%s", err, out)
	}
	if len(hits) != 1 || hits[0].Title != "China backs second Kim-Trump Summit" {
		t.Fatalf("hits = %+v, want the seed article only", hits)
	}
	if !strings.Contains(strings.ToLower(hits[0].Snippet), "[denuclearisation]") {
		t.Errorf("snippet %q does not mark the match", hits[0].Snippet)
	}

	code, out, errs = clippings(t, "show", "--archive", db, strconv.FormatInt(hits[0].ID, 10))
	if code != 0 {
		t.Fatalf("show exit %d: %s", code, errs)
	}
	for _, want := range []string{"China backs second Kim-Trump Summit", "## ‘Concern’ over denuclearisation",
		"[Figure: Mr Trump and Mr Kim met in Singapore last year]"} {
		if !strings.Contains(out, want) {
			t.Errorf("show output lacks %q", want)
		}
	}

	code, out, _ = clippings(t, "list", "--archive", db)
	if code != 0 || len(strings.Split(strings.TrimSpace(out), "\n")) != 3 {
		t.Errorf("list: exit %d, want 3 lines:\n%s", code, out)
	}
}

func TestImportReportsBadFiles(t *testing.T) {
	db := filepath.Join(t.TempDir(), "archive.db")
	dir := samples(t)
	bad := filepath.Join(dir, "empty.html")
	if err := os.WriteFile(bad, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ := clippings(t, "import", "--archive", db, dir)
	if code != 0 {
		t.Errorf("exit %d with 3 good files and 1 bad, want 0", code)
	}
	if !regexp.MustCompile(`(?m)^  .*empty\.html: .+$`).MatchString(out) || !strings.Contains(out, "1 failed") {
		t.Errorf("the bad file is not reported with its reason:\n%s", out)
	}

	code, _, errs := clippings(t, "import", "--archive", filepath.Join(t.TempDir(), "b.db"), bad)
	if code == 0 || !strings.Contains(errs, "nothing could be imported") {
		t.Errorf("only a bad file: exit %d, stderr %q", code, errs)
	}
}

func TestExtractJSON(t *testing.T) {
	dir := samples(t)
	code, out, errs := clippings(t, "extract", "--json", filepath.Join(dir, "local-news-archives.html"))
	if code != 0 {
		t.Fatalf("extract exit %d: %s", code, errs)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"title", "subtitle", "byline", "site", "url", "published", "modified", "language", "text", "headings", "figures", "related"} {
		if _, ok := got[key]; !ok {
			t.Errorf("extract JSON lacks %q", key)
		}
	}
	if got, want := got["title"], "Libraries step in to keep local news archives alive"; got != want {
		t.Errorf("title = %q, want %q", got, want)
	}
}

func TestHelp(t *testing.T) {
	code, _, errs := clippings(t, "--help")
	if code != 0 || !strings.Contains(errs, "import") || !strings.Contains(errs, "archive.db") {
		t.Errorf("--help: exit %d\n%s", code, errs)
	}
	for name := range commands {
		code, _, errs := clippings(t, name, "--help")
		if code != 0 || !strings.Contains(errs, "Usage: clippings "+name) {
			t.Errorf("%s --help: exit %d\n%s", name, code, errs)
		}
	}
	if code, _, _ := clippings(t, "frobnicate"); code != 2 {
		t.Errorf("unknown command: exit %d, want 2", code)
	}
}

func TestNoCommandOpensTheWindow(t *testing.T) {
	var got []string
	window := func(path string) error {
		got = append(got, path)
		if path == "busy.db" {
			return fmt.Errorf("open %s: %w", path, archive.ErrBusy)
		}
		return nil
	}
	var out, errb bytes.Buffer
	if code := Run([]string{"--archive", "a.db"}, &out, &errb, window); code != 0 || !slices.Equal(got, []string{"a.db"}) {
		t.Errorf("--archive a.db: exit %d, window opened on %q", code, got)
	}
	if code := Run(nil, &out, &errb, window); code != 0 || !slices.Equal(got, []string{"a.db", ""}) {
		t.Errorf("no argument: exit %d, window opened on %q; want \"\" (the window's own default)", code, got)
	}
	if code := Run([]string{"--archive", "busy.db"}, &out, &errb, window); code != 1 || !strings.Contains(errb.String(), "in use by another Clippings") {
		t.Errorf("a window that cannot open the archive: exit %d, stderr %q", code, errb.String())
	}
}
