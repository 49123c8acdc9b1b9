package cli

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clippings/clippings/archive"
)

// The command-line edges a new user hit (issue 16), each failing on the
// command line as it was.

// sampleArchive imports the sample articles into a new archive.
func sampleArchive(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "archive.db")
	if code, out, errs := clippings(t, "import", "--archive", db, samples(t)); code != 0 {
		t.Fatalf("import: exit %d\n%s%s", code, out, errs)
	}
	return db
}

func TestSearchQueryStartingWithDash(t *testing.T) {
	db := sampleArchive(t)
	for _, args := range [][]string{
		{"search", "--archive", db, "-tag:health trains"},
		{"search", "-tag:health trains", "--archive", db},
		{"search", "--archive", db, "--limit", "5", "-tag:health", "trains"},
		{"search", "--archive", db, "-summit", "trains"},
	} {
		code, out, errs := clippings(t, args...)
		if code != 0 || !strings.Contains(out, "Night trains make a comeback") || !strings.Contains(out, "1 hits") {
			t.Errorf("%q: exit %d, want the night trains article only\n%s%s", args, code, out, errs)
		}
	}
	// A mistyped long option is still a usage error, not a search.
	if code, out, _ := clippings(t, "search", "--archive", db, "--limt", "3", "trains"); code != 2 || out != "" {
		t.Errorf("search --limt: exit %d, output %q; want the usage error", code, out)
	}
}

func TestSearchLimitSaysTotal(t *testing.T) {
	db := sampleArchive(t)
	code, out, errs := clippings(t, "search", "--archive", db, "--limit", "1", "year")
	if code != 0 || !strings.HasSuffix(out, "\n1 of 3 hits\n") {
		t.Errorf("search --limit 1 year: exit %d, want it to end with \"1 of 3 hits\"\n%s%s", code, out, errs)
	}
	if _, out, _ := clippings(t, "search", "--archive", db, "year"); !strings.HasSuffix(out, "\n3 hits\n") {
		t.Errorf("search year: want \"3 hits\" when all are shown\n%s", out)
	}
}

func TestMissingArchiveIsNotMade(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "nonexistent", "dir", "a.db")
	for _, args := range [][]string{
		{"list"}, {"search", "trains"}, {"show", "1"}, {"versions", "1"}, {"check"},
		{"export", "--format", "json", "-o", filepath.Join(dir, "out.json")},
		{"tag", "list"}, {"note", "list"}, {"collection", "list"}, {"saved", "list"},
		{"star", "1"}, {"delete", "1"}, {"backup", filepath.Join(dir, "copy.db")}, {"reextract"},
	} {
		code, _, errs := clippings(t, append(args, "--archive", missing)...)
		if code != 1 || !strings.Contains(errs, missing) {
			t.Errorf("%s on a missing archive: exit %d, want 1 and an error naming it\n%s", args[0], code, errs)
		}
		if _, err := os.Stat(filepath.Join(dir, "nonexistent")); !errors.Is(err, os.ErrNotExist) {
			t.Fatalf("%s on a missing archive made its folder", args[0])
		}
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "*")); len(left) != 0 {
		t.Errorf("reading commands left %v", left)
	}
	// Through $CLIPPINGS_ARCHIVE too.
	t.Setenv("CLIPPINGS_ARCHIVE", missing)
	if code, _, errs := clippings(t, "export", "--format", "json", "-o", filepath.Join(dir, "out.json")); code != 1 || !strings.Contains(errs, missing) {
		t.Errorf("export with $CLIPPINGS_ARCHIVE missing: exit %d\n%s", code, errs)
	}
	// The commands that make something make the archive.
	for _, args := range [][]string{{"collection", "create", "Reading"}, {"saved", "add", "s", "trains"}, {"import", samples(t)}} {
		db := filepath.Join(t.TempDir(), "new", "a.db")
		if code, out, errs := clippings(t, append(args, "--archive", db)...); code != 0 {
			t.Errorf("%s on a new archive: exit %d\n%s%s", args[0], code, out, errs)
		}
		if _, err := os.Stat(db); err != nil {
			t.Errorf("%s did not make the archive: %v", args[0], err)
		}
	}
}

func TestExportMakesOnlyItsOutput(t *testing.T) {
	db := sampleArchive(t)
	dir := t.TempDir()
	for _, out := range []string{filepath.Join(dir, "nonexistent", "x.pdf"), filepath.Join(dir, "nonexistent", "notes")} {
		format := "pdf"
		if filepath.Ext(out) == "" {
			format = "markdown"
		}
		code, _, errs := clippings(t, "export", "--archive", db, "--format", format, "-o", out)
		if code != 1 || !strings.Contains(errs, "no such folder") {
			t.Errorf("export -o %s: exit %d, want an error\n%s", out, code, errs)
		}
		if _, err := os.Stat(filepath.Join(dir, "nonexistent")); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("export -o %s made the folder above it", out)
		}
	}
	if code, out, errs := clippings(t, "export", "--archive", db, "--format", "markdown", "-o", filepath.Join(dir, "notes")); code != 0 {
		t.Errorf("export into a new folder of an existing one: exit %d\n%s%s", code, out, errs)
	}
}

func TestHelpListsOnlyUsedOptions(t *testing.T) {
	for name, unused := range map[string][]string{
		"extract":  {"-archive", "-query", "-limit"},
		"backup":   {"-query"},
		"check":    {"-query"},
		"versions": {"-query"},
		"star":     {"-json"},
		"read":     {"-json"},
		"delete":   {"-json"},
		"note":     {"-query"},
		"saved":    {"-query"},
	} {
		_, _, errs := clippings(t, name, "--help")
		for _, opt := range unused {
			if strings.Contains(errs, "  "+opt+" ") || strings.Contains(errs, "  "+opt+"\n") {
				t.Errorf("%s --help lists %s, which it does not use:\n%s", name, opt, errs)
			}
		}
	}
	if _, _, errs := clippings(t, "extract", "--help"); !strings.Contains(errs, "-json") {
		t.Errorf("extract --help lacks -json:\n%s", errs)
	}
}

func TestListEmptyArchive(t *testing.T) {
	db := filepath.Join(t.TempDir(), "archive.db")
	s, err := archive.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	code, out, errs := clippings(t, "list", "--archive", db)
	if code != 0 || out != "" || !strings.Contains(errs, "holds no articles") {
		t.Errorf("list on an empty archive: exit %d, stdout %q, stderr %q; want it said on stderr", code, out, errs)
	}
	code, out, errs = clippings(t, "list", "--archive", sampleArchive(t), "--offset", "3")
	if code != 0 || out != "" || !strings.Contains(errs, "no articles after the newest 3") {
		t.Errorf("list --offset 3 of 3: exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

func TestExtractErrors(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.html")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for file, reason := range map[string]string{
		filepath.Join(dir, "missing.html"): "no such file or directory",
		empty:                              "empty file",
		dir:                                "is a directory",
	} {
		code, _, errs := clippings(t, "extract", file)
		if want := "clippings: extract " + file + ": "; code != 1 || !strings.HasPrefix(errs, want) || !strings.Contains(errs, reason) {
			t.Errorf("extract %s: exit %d, stderr %q; want %q…%q", file, code, errs, want, reason)
		}
	}
}

func TestArticleNumbers(t *testing.T) {
	db := sampleArchive(t)
	out := filepath.Join(t.TempDir(), "x.json")
	for _, ids := range []string{"0", "-1", "2,x", "1,,2"} {
		code, _, errs := clippings(t, "export", "--archive", db, "--format", "json", "--ids", ids, "-o", out)
		if code != 1 || !strings.Contains(errs, "is not an article number") {
			t.Errorf("export --ids %s: exit %d, want the number refused\n%s", ids, code, errs)
		}
	}
	if code, _, errs := clippings(t, "export", "--archive", db, "--format", "json", "--ids", "1, 2", "-o", out); code != 0 {
		t.Errorf("export --ids \"1, 2\": exit %d\n%s", code, errs)
	}
	for _, args := range [][]string{{"show", "0"}, {"star", "-1"}, {"versions", "x"}, {"note", "set", "0", "text"}} {
		if code, _, errs := clippings(t, append(args, "--archive", db)...); code != 1 || !strings.Contains(errs, "is not an article number") {
			t.Errorf("%q: exit %d, want the number refused\n%s", args, code, errs)
		}
	}
}

func TestParseIDs(t *testing.T) {
	got, err := parseIDs("3", " 5", "8 ")
	if err != nil || len(got) != 3 || got[0] != 3 || got[1] != 5 || got[2] != 8 {
		t.Errorf("parseIDs(3, 5, 8) = %v, %v", got, err)
	}
	for _, bad := range []string{"0", "-2", "", "x", "1.5", "3,5", "99999999999999999999"} {
		if _, err := parseIDs(bad); err == nil {
			t.Errorf("parseIDs(%q) accepted", bad)
		}
	}
}
