package importer

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/clippings/clippings/archive"
)

// labelFloors are the least shares of the hand-labelled zyte-dev pages
// (testdata/labels/zyte-labels.json) whose field the cleaner must get
// right: the third check, beside wcxb-dev and Mozilla. They were
// set from the measurement of 2026-12-04 (title 27/35, authors 19/25,
// published 35/35, language 35/35, site 25/31); raise them as the record
// gets better.
var labelFloors = map[string]float64{
	"title": 0.75, "authors": 0.75, "published": 0.97, "language": 1.0, "site": 0.80,
}

// labelledPage is one page of zyte-labels.json; a nil field was left
// unlabelled.
type labelledPage struct {
	ID        string   `json:"id"`
	URL       string   `json:"url"`
	Title     *string  `json:"title"`
	Authors   []string `json:"authors"`
	Published *string  `json:"published"`
	Language  *string  `json:"language"`
	Site      *string  `json:"site"`
}

func TestLabelledPages(t *testing.T) {
	var labels struct{ Pages []labelledPage }
	data, err := os.ReadFile(filepath.Join("testdata", "labels", "zyte-labels.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &labels); err != nil {
		t.Fatal(err)
	}
	right, seen := map[string]int{}, map[string]int{}
	for _, page := range labels.Pages {
		path := filepath.Join(sharedCorpus, "zyte-dev", "html", page.ID+".html.gz")
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			t.Skipf("shared corpus not found (%s)", path)
		}
		c, err := ReadFile(context.Background(), path)
		if err != nil {
			t.Errorf("%s: %v", page.URL, err)
			continue
		}
		for field, ok := range page.check(c.Articles[0]) {
			seen[field]++
			if ok {
				right[field]++
			} else {
				t.Logf("%s wrong on %s", field, page.URL)
			}
		}
	}
	for field, floor := range labelFloors {
		share := float64(right[field]) / float64(max(1, seen[field]))
		t.Logf("%-9s %d of %d right (%.0f%%)", field, right[field], seen[field], 100*share)
		if share < floor {
			t.Errorf("%s right on %.0f%% of the labelled pages, want at least %.0f%%", field, 100*share, 100*floor)
		}
	}
}

// check returns, for each labelled field, whether the article has it
// right, compared as ../shared/tools/extract_score.py compares them.
func (p labelledPage) check(a *archive.Article) map[string]bool {
	out := map[string]bool{}
	if p.Title != nil {
		out["title"] = foldCase(a.Title) == foldCase(*p.Title)
	}
	if p.Authors != nil {
		out["authors"] = sameNames(scorerNames(a), p.Authors)
	}
	if p.Published != nil {
		out["published"] = !a.Published.IsZero() && a.Published.Format(time.DateOnly) == *p.Published
	}
	if p.Language != nil {
		out["language"] = primaryLang(strings.ToLower(a.Language)) == *p.Language
	}
	if p.Site != nil {
		out["site"] = foldCase(a.Site) == foldCase(*p.Site)
	}
	return out
}

func foldCase(s string) string { return strings.ToLower(foldSpace(s)) }

var (
	bylineLead = regexp.MustCompile(`(?i)^\s*(by|von|par|por|di)\s+`)
	bylineSep  = regexp.MustCompile(`(?i)\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\n)\s*`)
)

// scorerNames returns the article's authors as the scorer reads them: the
// structured authors' names, else the byline split into names.
func scorerNames(a *archive.Article) []string {
	var out []string
	if len(a.Authors) > 0 {
		for _, au := range a.Authors {
			out = append(out, foldCase(au.Name))
		}
		return out
	}
	for _, n := range bylineSep.Split(bylineLead.ReplaceAllString(a.Byline, ""), -1) {
		if n = foldCase(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}

func sameNames(got, want []string) bool {
	set := map[string]bool{}
	for _, n := range got {
		set[n] = true
	}
	for _, n := range want {
		if !set[foldCase(n)] {
			return false
		}
		delete(set, foldCase(n))
	}
	return len(set) == 0
}
