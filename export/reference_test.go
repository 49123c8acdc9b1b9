package export

import (
	"testing"
	"time"

	"github.com/clippings/clippings/archive"
)

// TestReference: the references of four articles are the text pandoc
// 2.17's --citeproc gives for their CSL-JSON items with the Chicago
// author-date and APA styles of Debian's citation-style-language-styles
// (persons with a particle, an organisation, a Chinese name, no author
// and no date).
func TestReference(t *testing.T) {
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 9, 0, 0, 0, time.UTC) }
	arts := []*archive.Article{
		{Title: "Libraries keep the memory of towns", Site: "The Daily Example", URL: "https://example.com/a",
			Language: "en", Published: day(2024, 5, 1), Captured: day(2024, 6, 2),
			Authors: []archive.Author{{Name: "Anna Lindqvist", Kind: archive.Person}, {Name: "Ludwig van Beethoven", Kind: archive.Person}}},
		{Title: "Floods in the north", Site: "BBC", URL: "https://bbc.co.uk/x", Language: "en-GB", Published: day(2019, 5, 2),
			Authors: []archive.Author{{Name: "BBC News", Kind: archive.Organization}}},
		{Title: "海外留学生看两会", Site: "中国青年网", URL: "https://youth.cn/x", Language: "zh", Published: day(2017, 3, 10),
			Authors: []archive.Author{{Name: "肖春芳", Kind: archive.Person}}},
		{Title: "No date here", Site: "Site", URL: "https://s.example/x", Language: "en", Captured: day(2024, 6, 2)},
	}
	want := map[Style][]string{
		Chicago: {
			"Lindqvist, Anna, and Ludwig van Beethoven. 2024. “Libraries Keep the Memory of Towns.” The Daily Example, May 1, 2024. https://example.com/a.",
			"BBC News. 2019. “Floods in the North.” BBC, May 2, 2019. https://bbc.co.uk/x.",
			"肖春芳. 2017. “海外留学生看两会.” 中国青年网, March 10, 2017. https://youth.cn/x.",
			"Site. n.d. “No Date Here.” Accessed June 2, 2024. https://s.example/x.",
		},
		APA: {
			"Lindqvist, A., & van Beethoven, L. (2024, May 1). Libraries keep the memory of towns. The Daily Example. https://example.com/a",
			"BBC News. (2019, May 2). Floods in the north. BBC. https://bbc.co.uk/x",
			"肖春芳. (2017, March 10). 海外留学生看两会. 中国青年网. https://youth.cn/x",
			"No date here. (n.d.). Site. Retrieved June 2, 2024, from https://s.example/x",
		},
	}
	for style, refs := range want {
		for i, a := range arts {
			got, err := Reference(a, "key", style)
			if err != nil {
				t.Fatal(err)
			}
			if got != refs[i] {
				t.Errorf("%s, %q:\n got %s\nwant %s", style, a.Title, got, refs[i])
			}
		}
	}
	if _, err := Reference(arts[0], "key", "mla"); err == nil {
		t.Error("an unknown style gives no error")
	}
}

func TestInitialsTitleCase(t *testing.T) {
	for in, want := range map[string]string{"Anna": "A.", "Mary Ann": "M. A.", "Jean-Paul": "J.-P.", "émile": "É."} {
		if got := initials(in); got != want {
			t.Errorf("initials(%q) = %q, want %q", in, got, want)
		}
	}
	// As pandoc 2.17 --citeproc sets them in the Chicago author-date style.
	for in, want := range map[string]string{"the fall of the NHS in 2020": "The Fall of the NHS in 2020",
		"iPhone sales rise": "iPhone Sales Rise", "a war of words": "A War of Words",
		"VG247": "Vg247", "x-ray and e-mail": "X-Ray and e-Mail", "a step-by-step guide": "A Step-by-Step Guide",
		"myths about nutrition": "Myths about Nutrition", "what is it about": "What Is It About",
		"best in the U.S. in 2025": "Best in the U.S. In 2025", "the 7th festival": "The 7th Festival",
		"guide To low light": "Guide To Low Light", "Let's connect!: here": "Let's Connect!: Here"} {
		if got := titleCase(in); got != want {
			t.Errorf("titleCase(%q) = %q, want %q", in, got, want)
		}
	}
	for _, c := range []struct {
		in         string
		base       int
		want       string
		endsQuoted bool
	}{
		{`South Dakota says, "Meth. We're on it," and`, 0, "South Dakota says, “Meth. We’re on it,” and", false},
		{"A man developed 'feather duvet lung' after", 1, "A man developed ‘feather duvet lung’ after", false},
		{"Mixed 'single \"double\" inside' end", 0, "Mixed “single ‘double’ inside” end", false},
		{"Rock 'n' roll in the '90s", 0, "Rock “n” roll in the ’90s", false},
		{"'We Got Her!': video", 1, "‘We Got Her!’: video", false},
		{`"Whole title quoted"`, 0, "“Whole title quoted”", true},
	} {
		got, q := smartQuotes(c.in, c.base)
		if got != c.want || q != c.endsQuoted {
			t.Errorf("smartQuotes(%q, %d) = %q, %v; want %q, %v", c.in, c.base, got, q, c.want, c.endsQuoted)
		}
	}
}
