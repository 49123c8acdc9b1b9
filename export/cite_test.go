package export

import (
	"testing"
	"time"

	"github.com/clippings/clippings/archive"
)

func TestCiteAuthorsStructured(t *testing.T) {
	a := &archive.Article{Byline: "BBC News and Robert Burns", Language: "en", Authors: []archive.Author{
		{Name: "BBC News", Kind: archive.Organization}, {Name: "Robert Burns", Kind: archive.Person, Role: "AP writer"}}}
	got := citeAuthors(a)
	want := []person{{Literal: "BBC News", Org: true}, {Family: "Burns", Given: "Robert"}}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Fatalf("citeAuthors = %+v, want %+v", got, want)
	}
	for _, c := range []struct {
		p              person
		bib, ris, name string
	}{
		{want[0], "{BBC News}", "BBC News", "BBC News"},
		{want[1], "Burns, Robert", "Burns, Robert", "Robert Burns"},
		{person{Family: "Beethoven", Particle: "van", Given: "Ludwig"}, "van Beethoven, Ludwig", "van Beethoven, Ludwig", "Ludwig van Beethoven"},
		{person{Family: "King", Given: "Martin Luther", Suffix: "Jr."}, "King, Jr., Martin Luther", "King, Martin Luther, Jr.", "Martin Luther King Jr."},
		{person{Family: "肖", Given: "春芳", CJK: true}, "{肖春芳}", "肖春芳", "肖春芳"},
	} {
		if got := bibName(c.p); got != c.bib {
			t.Errorf("bibName(%+v) = %q, want %q", c.p, got, c.bib)
		}
		if got := c.p.Inverted(); got != c.ris {
			t.Errorf("Inverted(%+v) = %q, want %q", c.p, got, c.ris)
		}
		if got := c.p.Name(); got != c.name {
			t.Errorf("Name(%+v) = %q, want %q", c.p, got, c.name)
		}
	}
}

func TestBibTitle(t *testing.T) {
	for in, want := range map[string]string{
		"Libraries keep the news":             "Libraries keep the news",
		"NASA and the iPhone: McDonald's R&D": "{NASA} and the {iPhone:} {McDonald's} {R\\&D}",
		"El Gobierno de España":               "El Gobierno de España",
	} {
		if got := bibTitle(in); got != want {
			t.Errorf("bibTitle(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"es": "spanish", "en-US": "american", "de": "ngerman", "zh-Hant": "chinese", "": ""} {
		if got := babelName(in); got != want {
			t.Errorf("babelName(%q) = %q, want %q", in, got, want)
		}
	}
}

func entryOf(title, byline, site string, published time.Time) *entry {
	return &entry{Meta: &archive.Article{Title: title, Byline: byline, Site: site, Published: published}}
}

func TestKeys(t *testing.T) {
	d := func(s string) time.Time { return day0(s) }
	es := []*entry{
		entryOf("Libraries keep the news", "By Anna Lindqvist", "", d("2024-03-05")),
		entryOf("The archive of Ölands", "Åsa Öberg", "", d("2021-01-01")),
		entryOf("Libraries close early", "Anna Lindqvist", "", d("2024-01-02")),
		entryOf("金正恩氏", "", "東京新聞", time.Time{}),
		entryOf("A day", "", "BBC News", d("2019-02-01")),
		entryOf("Libraries again", "Anna Lindqvist", "", d("2024-06-01")),
	}
	assignKeys(es)
	want := []string{"lindqvist2024librariesb", "oberg2021archive", "lindqvist2024librariesa",
		"anonnd", "bbc2019day", "lindqvist2024librariesc"}
	for i, e := range es {
		if e.Key != want[i] {
			t.Errorf("key %d = %q, want %q", i, e.Key, want[i])
		}
	}
	// The same entries in another order get the same keys.
	rev := []*entry{es[5], es[4], es[3], es[2], es[1], es[0]}
	assignKeys(rev)
	for i, e := range es {
		if e.Key != want[i] {
			t.Errorf("key %d after reordering = %q, want %q", i, e.Key, want[i])
		}
	}
}

// TestKeysUnique: a base with a letter can be the base of another entry;
// the corpus had two "anonnds" (19 untitled "anonnd" and one "S…").
func TestKeysUnique(t *testing.T) {
	es := []*entry{
		entryOf("Port news", "", "", time.Time{}),
		entryOf("Port news again", "", "", time.Time{}),
		entryOf("Porta Nigra", "", "", time.Time{}),
		entryOf("Port again", "", "", time.Time{}),
	}
	// Three "anonndport", one "anonndporta".
	for _, order := range [][]int{{0, 1, 2, 3}, {3, 2, 1, 0}, {2, 0, 3, 1}} {
		list := make([]*entry, len(order))
		for i, k := range order {
			list[i] = es[k]
		}
		assignKeys(list)
		seen := map[string]bool{}
		for _, e := range es {
			if seen[e.Key] {
				t.Errorf("order %v: key %q twice", order, e.Key)
			}
			seen[e.Key] = true
		}
		if es[2].Key != "anonndporta" {
			t.Errorf("order %v: Porta Nigra got %q, want its own base anonndporta", order, es[2].Key)
		}
	}
}

func TestLetters(t *testing.T) {
	for i, want := range map[int]string{0: "a", 1: "b", 25: "z", 26: "aa", 27: "ab", 701: "zz", 702: "aaa"} {
		if got := letters(i); got != want {
			t.Errorf("letters(%d) = %q, want %q", i, got, want)
		}
	}
}
