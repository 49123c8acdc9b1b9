package export

import (
	"testing"
	"time"

	"github.com/clippings/clippings/archive"
)

func TestAuthors(t *testing.T) {
	cases := []struct {
		byline string
		want   []person
	}{
		{"By Anna Lindqvist", []person{{Family: "Lindqvist", Given: "Anna"}}},
		{"by Anna Lindqvist and Bo Ek", []person{{Family: "Lindqvist", Given: "Anna"}, {Family: "Ek", Given: "Bo"}}},
		{"Anna Lindqvist, Bo Ek & Cy Di", []person{{Family: "Lindqvist", Given: "Anna"}, {Family: "Ek", Given: "Bo"}, {Family: "Di", Given: "Cy"}}},
		{"Ludwig van Beethoven", []person{{Family: "van Beethoven", Given: "Ludwig"}}},
		{"Reuters", []person{{Literal: "Reuters"}}},
		{"Staff reporter", []person{{Literal: "Staff reporter"}}},
		{"山田太郎", []person{{Literal: "山田太郎"}}},
		{"Von Anna Müller", []person{{Family: "Müller", Given: "Anna"}}},
		{"", nil},
		{"@handle", nil},
	}
	for _, c := range cases {
		got := authors(c.byline)
		if len(got) != len(c.want) {
			t.Errorf("authors(%q) = %+v, want %+v", c.byline, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("authors(%q)[%d] = %+v, want %+v", c.byline, i, got[i], c.want[i])
			}
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
