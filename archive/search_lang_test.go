package archive

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// testNow is the clock of the search-language tests.
var testNow = time.Date(2024, 6, 15, 10, 0, 0, 0, time.UTC)

// langFixture stores six articles for the search language, with the
// store's clock at testNow, and returns the store and their IDs by name.
func langFixture(t *testing.T) (*Store, map[string]int64) {
	t.Helper()
	s := mustOpen(t)
	s.now = func() time.Time { return testNow }
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 12, 0, 0, 0, time.UTC) }
	imported := day(2024, 1, 1)
	p := func(text string) []Block { return []Block{{Kind: Paragraph, Text: text}} }
	arts := []struct {
		name string
		a    *Article
	}{
		{"walrus", &Article{Title: "Walrus colony grows", Site: "Polar News", URL: "https://www.polar.example/walrus", Language: "en",
			Published: day(2019, 2, 10), Captured: day(2019, 2, 11), Tags: []string{"animals/mammals"}, Starred: true,
			Blocks: p("Scientists counted the animals on the ice near Svalbard.")}},
		{"seal", &Article{Title: "Seals return to the bay", Site: "Coast Daily", URL: "https://coast.example/seal", Language: "en-GB",
			Published: day(2019, 3, 5), Tags: []string{"animals"}, Read: true,
			Blocks: p("The seals came back after the walrus left the bay for colder water.")}},
		{"summit", &Article{Title: "Leaders meet in Panmunjom", Byline: "Kim Min-jun", Site: "Korea Herald",
			URL: "https://koreaherald.example/summit", Language: "en", Published: day(2018, 4, 27), Tags: []string{"korea/diplomacy"},
			Blocks: p("The two leaders shook hands across the line.")}},
		{"french", &Article{Title: "Le sommet de Pékin", Site: "Le Monde", Language: "fr", Published: day(2020, 1, 15),
			Blocks: p("Les dirigeants se réunissent à Pékin pour parler du commerce.")}},
		{"caption", &Article{Title: "Harbour news", URL: "https://news.polar.example/harbour", Captured: day(2024, 6, 1),
			Blocks:  p("Boats returned early to the harbour."),
			Figures: []Figure{{Caption: "A narwhal seen from the quay", Credit: "Photo: Ørsted"}}}},
		{"chinese", &Article{Title: "北京会谈", Language: "zh", Published: day(2019, 5, 1), Blocks: p("双方在北京举行会谈。")}},
	}
	ids := map[string]int64{}
	for _, x := range arts {
		x.a.Imported = imported
		ids[x.name] = mustAdd(t, s, newCapture(x.name+".html", x.name, x.a))[0]
	}
	return s, ids
}

// names returns the names of ids, sorted.
func names(ids []int64, byName map[string]int64) []string {
	var out []string
	for _, id := range ids {
		for n, v := range byName {
			if v == id {
				out = append(out, n)
			}
		}
	}
	slices.Sort(out)
	return out
}

func TestSearchLanguage(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, ids := langFixture(t)
	for _, tt := range []struct {
		query string
		want  string // names, sorted, space-separated
	}{
		{"walrus", "seal walrus"},
		{"walrus -seals", "walrus"},
		{"walrus NOT seals", "walrus"},
		{"walrus OR narwhal", "caption seal walrus"},
		{"(walrus OR narwhal) -colony", "caption seal"},
		{"-walrus", "caption chinese french summit"},
		{"-walrus -leaders", "caption chinese french"},
		{`"walrus colony"`, "walrus"},
		{`"colony walrus"`, ""},
		{"walr*", "seal walrus"},
		{"title:walrus", "walrus"},
		{"title:walrus OR title:seals", "seal walrus"},
		{"byline:kim", "summit"},
		{"author:KIM", "summit"},
		{"ørsted", "caption"},
		{"orsted", ""}, // unicode61 folds diacritics, and Ø is a letter of its own
		{"pekin", "french"},
		{"site:polar.example", "walrus"},
		{"site:www.polar.example", "walrus"},
		{`site:"coast daily"`, "seal"},
		{"site:coast*", "seal"},
		{"tag:animals", "seal walrus"},
		{"tag:Animals/Mammals", "walrus"},
		{"tag:anim*", "seal walrus"},
		{"tag:korea", "summit"},
		{"-tag:animals", "caption chinese french summit"},
		{"tag:animals OR tag:korea", "seal summit walrus"},
		{"lang:en", "seal summit walrus"},
		{"lang:fr", "french"},
		{"is:starred", "walrus"},
		{"is:read", "seal"},
		{"is:unread walrus", "walrus"},
		{"is:unstarred tag:animals", "seal"},
		{"has:tags", "seal summit walrus"},
		{"published:2019", "chinese seal walrus"},
		{"published:2019-02..2019-03", "seal walrus"},
		{"published:>2019-03-05", "chinese french"},
		{"published:>=2019-03-05", "chinese french seal"},
		{"published:<2019", "summit"},
		{"-published:2019", "caption french summit"},
		{"captured:2019-02", "walrus"},
		{"captured:last-30-days", "caption"},
		{"captured:2024-01-01", "chinese french seal summit"},
		{"date:2024", "caption"},
		{"date:2019..2019", "chinese seal walrus"},
		{"北京", "chinese"},
		{"会谈", "chinese"},
		{"北", "chinese"},
		{"title:会谈", "chinese"},
		{"title:举行", ""},
		{"北京 OR walrus", "chinese seal walrus"},
		{"walrus (tag:animals OR is:starred)", "seal walrus"},
		{"(walrus OR -colony) tag:animals", "seal walrus"},
		{"-(walrus OR seals)", "caption chinese french summit"},
	} {
		t.Run(tt.query, func(t *testing.T) {
			got, err := s.SearchIDs(ctx, tt.query)
			if err != nil {
				t.Fatal(err)
			}
			if g := strings.Join(names(got, ids), " "); g != tt.want {
				t.Errorf("%q: %q, want %q", tt.query, g, tt.want)
			}
			n, err := s.SearchCount(ctx, tt.query)
			if err != nil || n != len(got) {
				t.Errorf("count %d, %v; want %d", n, err, len(got))
			}
		})
	}
}

func TestSearchSort(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, ids := langFixture(t)
	for _, tt := range []struct {
		query string
		opt   SearchOptions
		want  []string
		sort  Sort
	}{
		{"walrus", SearchOptions{}, []string{"walrus", "seal"}, SortRelevance},
		{"walrus", SearchOptions{Sort: SortNewest}, []string{"seal", "walrus"}, SortNewest},
		{"walrus sort:oldest", SearchOptions{Sort: SortNewest}, []string{"walrus", "seal"}, SortOldest},
		{"tag:animals", SearchOptions{}, []string{"seal", "walrus"}, SortNewest},
		{"published:2019 sort:oldest", SearchOptions{}, []string{"walrus", "seal", "chinese"}, SortOldest},
		{"published:2019 sort:title", SearchOptions{}, []string{"seal", "walrus", "chinese"}, SortTitle},
		{"walrus", SearchOptions{Sort: SortTitle}, []string{"seal", "walrus"}, SortTitle},
		{"published:2018..2020", SearchOptions{Sort: SortSite}, []string{"chinese", "seal", "summit", "french", "walrus"}, SortSite},
		{"published:2018..2020 sort:site", SearchOptions{Limit: 2, Offset: 3}, []string{"french", "walrus"}, SortSite},
	} {
		t.Run(tt.query, func(t *testing.T) {
			res, err := s.Find(ctx, tt.query, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range res.Hits {
				got = append(got, names([]int64{h.ID}, ids)...)
			}
			if !slices.Equal(got, tt.want) || res.Sort != tt.sort || (tt.opt.Limit == 0 && res.Total != len(tt.want)) {
				t.Errorf("%v sorted %v, total %d; want %v sorted %v", got, res.Sort, res.Total, tt.want, tt.sort)
			}
		})
	}
}

// snippetText returns a snippet with matches in [ ].
func snippetText(sp []Span) string {
	var b strings.Builder
	for _, s := range sp {
		if s.Match {
			b.WriteString("[" + s.Text + "]")
		} else {
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

func TestSearchSnippets(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, ids := langFixture(t)
	if _, err := s.AddHighlight(ctx, ids["french"], NewHighlight{Exact: "parler du commerce", Note: "remember the tusks"}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ query, want string }{
		{"narwhal", "A [narwhal] seen from the quay"},
		{"tusks", "remember the [tusks]"},
		{"in:notes commerce", "[commerce]"},
		{"会谈", "双方在北京举行[会谈]。"},
		{"walrus sort:newest", "after the [walrus] left"},
		{"svalb* sort:oldest", "near [Svalbard]."},
		{"tag:korea", "The two leaders shook hands across the line."},
		{"北京 harbour", ""},
		{"harbour -narwhal", ""},
		{"boats -seals", "[Boats] returned early"},
	} {
		t.Run(tt.query, func(t *testing.T) {
			res, err := s.Find(ctx, tt.query, SearchOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if tt.want == "" {
				if len(res.Hits) != 0 {
					t.Errorf("%d hits", len(res.Hits))
				}
				return
			}
			if len(res.Hits) == 0 {
				t.Fatal("no hits")
			}
			if got := snippetText(res.Hits[0].Snippet); !strings.Contains(got, tt.want) {
				t.Errorf("snippet %q, want it to contain %q", got, tt.want)
			}
		})
	}
}

func TestSearchErrors(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := langFixture(t)
	if err := s.SaveSearch(ctx, "loop", "walrus saved:loop"); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ query, want string }{
		{"collection:Nowhere", `no collection "Nowhere"`},
		{"saved:nothing", `no saved search "nothing"`},
		{"saved:loop", `refers to itself`},
		{`walrus "`, "unclosed quote"},
	} {
		t.Run(tt.query, func(t *testing.T) {
			_, err := s.Find(ctx, tt.query, SearchOptions{})
			var qe *QueryError
			if !errors.As(err, &qe) || !errors.Is(err, ErrBadQuery) || !strings.Contains(qe.Msg, tt.want) {
				t.Errorf("%q: %v, want a QueryError %q", tt.query, err, tt.want)
			}
		})
	}
}

func TestFacets(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := langFixture(t)
	f, err := s.Facets(ctx, "walrus")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := dumpFacets(f.Sites), "Coast Daily:1 Polar News:1"; got != want {
		t.Errorf("sites %s, want %s", got, want)
	}
	if got, want := dumpFacets(f.Years), "2019:2"; got != want {
		t.Errorf("years %s, want %s", got, want)
	}
	if got, want := dumpFacets(f.Months), "2019-02:1 2019-03:1"; got != want {
		t.Errorf("months %s, want %s", got, want)
	}
	if got, want := dumpFacets(f.Tags), "animals:1 animals/mammals:1"; got != want {
		t.Errorf("tags %s, want %s", got, want)
	}
	all, err := s.Facets(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if all.Total != 6 || len(all.Sites) != 5 || dumpFacets(all.Years) != "2018:1 2019:3 2020:1 2024:1" {
		t.Errorf("whole archive: %+v", all)
	}
	if got, want := dumpFacets(all.Sites), "Coast Daily:1 Korea Herald:1 Le Monde:1 news.polar.example:1 Polar News:1"; got != want {
		t.Errorf("sites %s, want %s (the host when there is no site name)", got, want)
	}
	filtered, err := s.Facets(ctx, "tag:animals -walrus")
	if err != nil || filtered.Total != 0 {
		t.Errorf("filtered: %+v, %v", filtered, err)
	}
}

func TestFacetsSampled(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := langFixture(t)
	s.tune.facetSample = 2
	f, err := s.Facets(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	sum := 0
	for _, y := range f.Years {
		sum += y.Count
	}
	// IDs 1–6, every third: 3 (summit, 2018) and 6 (chinese, 2019), each counting for 3.
	if f.Total != 6 || f.Sample != 3 || sum != 6 || dumpFacets(f.Years) != "2018:3 2019:3" {
		t.Errorf("sampled facets %+v", f)
	}
}

func dumpFacets(fs []FacetCount) string {
	var parts []string
	for _, f := range fs {
		parts = append(parts, f.Value+":"+strconv.Itoa(f.Count))
	}
	return strings.Join(parts, " ")
}

// FuzzSearch checks that no query makes the compiler panic, that every
// error of a search is a *QueryError, and that the FTS5 expressions
// built are accepted by FTS5. (archive/query fuzzes the parser alone.)
func FuzzSearch(f *testing.F) {
	for _, s := range []string{
		"walrus", `"lone walrus"* -seal`, "(a (b OR -c)) d", `title:x tag:a/b is:starred -has:notes`,
		`site:"x y" published:2019..2020 lang:en`, "日本語 東京*", `title:"东京 tower"`, "in:notes 会谈",
		`collection:x saved:y`, "NOT NOT x", "-(-a)", "sort:title", "a\x00(b",
	} {
		f.Add(s)
	}
	s := mustOpen(f)
	f.Fuzz(func(t *testing.T, in string) {
		if _, err := s.Find(t.Context(), in, SearchOptions{Limit: 1}); err != nil {
			var qe *QueryError
			if !errors.As(err, &qe) {
				t.Fatalf("%q: %v", in, err)
			}
		}
	})
}
