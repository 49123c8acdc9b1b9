package archive_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/archive/archivetest"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestCitationKeyBase(t *testing.T) {
	person := func(n string) []archive.Author { return []archive.Author{{Name: n, Kind: archive.Person}} }
	org := func(n string) []archive.Author { return []archive.Author{{Name: n, Kind: archive.Organization}} }
	cases := []struct {
		a    archive.Article
		want string
	}{
		{archive.Article{Title: "Libraries keep the news", Authors: person("Anna Lindqvist"), Published: day("2024-03-05")}, "lindqvist2024libraries"},
		{archive.Article{Title: "The archive of Öland", Byline: "Åsa Öberg", Published: day("2021-01-01")}, "oberg2021archive"},
		{archive.Article{Title: "A day", Authors: org("BBC News"), Published: day("2019-02-01")}, "bbc2019day"},
		{archive.Article{Title: "Hunger falls", Authors: org("Food and Agriculture Organization"), Published: day("2020-01-01")}, "fao2020hunger"},
		{archive.Article{Title: "Ludwig's letters", Authors: person("Ludwig van Beethoven"), Published: day("1810-01-01")}, "beethoven1810ludwigs"},
		{archive.Article{Title: "海外留学生看两会", Authors: person("肖春芳"), Language: "zh", Published: day("2017-03-10")}, "xiao2017hai"},
		{archive.Article{Title: "El Gobierno y la ley", Byline: "Por María de la Cruz", Language: "es"}, "cruzndgobierno"},
		{archive.Article{Title: "Night trains", Site: "Rail News"}, "railndnight"},
		{archive.Article{Title: "金正恩氏"}, "anonndjin"},
		{archive.Article{}, "anonnd"},
	}
	for _, c := range cases {
		if got := archive.CitationKeyBase(&c.a); got != c.want {
			t.Errorf("CitationKeyBase(%q by %q %v) = %q, want %q", c.a.Title, c.a.Byline, c.a.Authors, got, c.want)
		}
	}
}

func TestCitationKeysStoredOnce(t *testing.T) {
	ctx := context.Background()
	s := archivetest.MustOpen(t)
	mk := func(title, url string) *archive.Article {
		a := archivetest.Article(title, "Text of "+title)
		a.Byline, a.URL, a.Published = "Anna Lindqvist", url, day("2024-01-02")
		return a
	}
	ids := archivetest.MustAddArticles(t, s, mk("Libraries close early", "https://x.example/1"),
		mk("Libraries open late", "https://x.example/2"), mk("Libraries again", "https://x.example/3"))
	keys, err := s.CitationKeys(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"lindqvist2024libraries", "lindqvist2024librariesa", "lindqvist2024librariesb"}
	for i, id := range ids {
		if keys[id] != want[i] {
			t.Errorf("article %d: key %q, want %q", id, keys[id], want[i])
		}
	}
	// A new version of an article keeps its key.
	v2 := mk("Libraries close early", "https://x.example/1")
	v2.Blocks[0].Text = "Changed text."
	if res, err := s.AddCapture(ctx, archivetest.Capture("v2.html", "v2", v2)); err != nil || res.Outcome != archive.NewVersion {
		t.Fatalf("new version: %v %v", res.Outcome, err)
	}
	if k, _ := s.CitationKey(ctx, ids[0]); k != want[0] {
		t.Errorf("after a new version the key is %q, want %q", k, want[0])
	}
	t.Run("Set", func(t *testing.T) {
		if err := s.SetCitationKey(ctx, ids[1], "Lindqvist2024Libraries"); !errors.Is(err, archive.ErrKeyTaken) {
			t.Errorf("a key taken (other case): %v, want ErrKeyTaken", err)
		}
		if err := s.SetCitationKey(ctx, ids[1], "bad key{"); !errors.Is(err, archive.ErrInvalid) {
			t.Errorf("a malformed key: %v, want ErrInvalid", err)
		}
		if err := s.SetCitationKey(ctx, 9999, "free"); !errors.Is(err, archive.ErrNotFound) {
			t.Errorf("no such article: %v, want ErrNotFound", err)
		}
		if err := s.SetCitationKey(ctx, ids[1], "lindqvist:open-late"); err != nil {
			t.Fatal(err)
		}
		if k, _ := s.CitationKey(ctx, ids[1]); k != "lindqvist:open-late" {
			t.Errorf("key %q after setting it", k)
		}
	})
	t.Run("DeleteFrees", func(t *testing.T) {
		if err := s.DeleteArticles(ctx, ids[2]); err != nil {
			t.Fatal(err)
		}
		// "a" was freed by the change of key above, "b" by the deletion.
		more := archivetest.MustAddArticles(t, s, mk("Libraries once more", "https://x.example/4"), mk("Libraries at last", "https://x.example/5"))
		keys, err := s.CitationKeys(ctx, more)
		if err != nil || keys[more[0]] != "lindqvist2024librariesa" || keys[more[1]] != "lindqvist2024librariesb" {
			t.Errorf("keys %v (%v): the freed keys are not given again", keys, err)
		}
	})
	t.Run("Asked", func(t *testing.T) {
		c := archivetest.Capture("asked.html", "asked", mk("Asked for", "https://x.example/6"))
		c.CitationKeys = []string{"kept:from-bundle"}
		id := archivetest.MustAdd(t, s, c)[0]
		c2 := archivetest.Capture("asked2.html", "asked2", mk("Asked again", "https://x.example/7"))
		c2.CitationKeys = []string{"KEPT:from-bundle"}
		id2 := archivetest.MustAdd(t, s, c2)[0]
		keys, _ := s.CitationKeys(ctx, []int64{id, id2})
		if keys[id] != "kept:from-bundle" || keys[id2] != "lindqvist2024asked" {
			t.Errorf("keys %v: want the key asked for, then (taken) the rule's", keys)
		}
	})
}

func TestSearchByKey(t *testing.T) {
	ctx := context.Background()
	s := archivetest.MustOpen(t)
	a, b := archivetest.Article("Libraries keep the news", "News text."), archivetest.Article("Night trains", "Trains text.")
	a.Byline, a.Published = "Anna Lindqvist", day("2024-03-05")
	ids := archivetest.MustAddArticles(t, s, a, b)
	for q, want := range map[string][]int64{
		"key:lindqvist2024libraries": {ids[0]},
		"key:LINDQVIST2024LIBRARIES": {ids[0]},
		"key:lindqvist*":             {ids[0]},
		"key:anonnd*":                {ids[1]},
		"key:lindqvist":              nil,
		"-key:lindqvist*":            {ids[1]},
		"news key:anonndnight":       nil,
	} {
		got, err := s.SearchIDs(ctx, q)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		if len(got) != len(want) || len(got) > 0 && got[0] != want[0] {
			t.Errorf("%s found %v, want %v", q, got, want)
		}
	}
}
