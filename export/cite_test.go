package export

import (
	"testing"

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
