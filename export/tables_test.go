package export

import (
	"encoding/csv"
	"os"
	"strings"
	"testing"
)

// readCSV reads a CSV file as rows keyed by the header.
func readCSV(t *testing.T, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]string
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, h := range rows[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

func TestCSV(t *testing.T) {
	fx := newFixture(t)
	rows := readCSV(t, exportTo(t, fx.store, fx.all, CSV))
	if got, want := len(rows), len(fx.all); got != want {
		t.Fatalf("%d rows, want %d", got, want)
	}
	byKey := map[string]map[string]string{}
	for _, r := range rows {
		byKey[r["key"]] = r
	}
	lib := byKey["lindqvist2024libraries"]
	for k, want := range map[string]string{"title": "Libraries keep the news", "tags": "research/libraries; to read",
		"highlight_count": "2", "note_count": "2", "starred": "true", "published": "2024-03-05", "site": "Nordic Times"} {
		if lib[k] != want {
			t.Errorf("%s = %q, want %q", k, lib[k], want)
		}
	}
	if got := byKey["evilndetc"]["byline"]; !strings.HasPrefix(got, "'=") {
		t.Errorf("a formula-like byline is not defused: %q", got)
	}
}

func TestAnnotations(t *testing.T) {
	fx := newFixture(t)
	rows := readCSV(t, exportTo(t, fx.store, fx.all, AnnotationsCSV))
	if got, want := len(rows), 4; got != want {
		t.Fatalf("%d annotation rows, want %d (a note and three highlights)", got, want)
	}
	found := false
	for _, r := range rows {
		if r["quote"] == "keep the news" {
			found = r["note"] == "Key *claim* [1]" && r["color"] == "green" && r["key"] == "lindqvist2024libraries" &&
				r["article"] == "Libraries keep the news" && r["kind"] == "highlight"
		}
	}
	if !found {
		t.Errorf("highlight row wrong or missing: %v", rows)
	}
	md, err := os.ReadFile(exportTo(t, fx.store, fx.all, AnnotationsMD))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"## Libraries keep the news", "[@lindqvist2024libraries]", "> keep the news",
		"*green* Key \\*claim\\* \\[1\\]", "**Note:** Follow up", "> 首脳会談"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("annotations Markdown lacks %q", want)
		}
	}
	if strings.Contains(string(md), "Night trains") {
		t.Error("an article without annotations is listed")
	}
}
