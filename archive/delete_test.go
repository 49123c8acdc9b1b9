package archive

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"
)

// deleteFixture is an archive of five articles: seals (with a later
// version, tags, annotations, a collection, a star and images, one shared
// with bees), bees, two articles of one WARC (one in Chinese), and kept.
type deleteFixture struct {
	s                          *Store
	seals, bees, warcA, warcB  int64
	shared, sealsOnly, version Image
	origs                      map[string]string // name → SHA-256
}

func newDeleteFixture(t *testing.T) *deleteFixture {
	t.Helper()
	ctx := context.Background()
	f := &deleteFixture{s: mustOpen(t), origs: map[string]string{},
		shared: newImage("shared photo"), sealsOnly: newImage("seal photo"), version: newImage("new seal photo")}
	add := func(name, data string, images []Image, arts ...*Article) []int64 {
		c := newCapture(name, data, arts...)
		c.Images = images
		f.origs[name] = c.Original.SHA256
		return mustAdd(t, f.s, c)
	}
	fig := func(im Image) []Figure { return []Figure{{Image: "x.jpg", ImageSHA: im.SHA256, Caption: "c"}} }
	day := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	f.seals = add("seals.html", "seals", []Image{f.shared, f.sealsOnly}, &Article{Title: "Walrus colony", URL: "https://example.com/seals",
		Captured: day, Blocks: []Block{{Kind: Paragraph, Text: "Seals and walruses haul out."}}, Figures: append(fig(f.shared), fig(f.sealsOnly)...)})[0]
	c := newCapture("seals-2.html", "seals two", &Article{Title: "Walrus colony", URL: "https://example.com/seals",
		Captured: day.AddDate(0, 0, 1), Blocks: []Block{{Kind: Paragraph, Text: "Seals and walruses left."}}, Figures: fig(f.version)})
	c.Images = []Image{f.version}
	f.origs["seals-2.html"] = c.Original.SHA256
	if res, err := f.s.AddCapture(ctx, c); err != nil || res.Outcome != NewVersion {
		t.Fatalf("new version: %+v, %v", res, err)
	}
	f.bees = add("bees.html", "bees", []Image{f.shared}, &Article{Title: "Bees", URL: "https://example.com/bees",
		Blocks: []Block{{Kind: Paragraph, Text: "Bees swarm."}}, Figures: fig(f.shared)})[0]
	ids := add("pair.warc", "pair", nil,
		&Article{Title: "北京会谈", Blocks: []Block{{Kind: Paragraph, Text: "双方在北京举行会谈，讨论关税问题。"}}},
		&Article{Title: "Harbour", Blocks: []Block{{Kind: Paragraph, Text: "Boats in the harbour."}}})
	f.warcA, f.warcB = ids[0], ids[1]
	add("kept.html", "kept", nil, &Article{Title: "Kept"})
	s := f.s
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	_, err := s.AddTags(ctx, []int64{f.seals}, "seals", "nature/sea")
	must(err)
	_, err = s.AddTags(ctx, []int64{f.bees}, "nature/sea")
	must(err)
	_, err = s.AddHighlight(ctx, f.seals, NewHighlight{Exact: "walruses", Note: "tusks"})
	must(err)
	must(s.SetNote(ctx, f.seals, "remember narwhal"))
	coll, err := s.CreateCollection(ctx, 0, "Reading")
	must(err)
	_, err = s.AddToCollection(ctx, coll, f.seals, f.bees, f.warcA)
	must(err)
	must(s.SetStarred(ctx, true, f.seals))
	if n := countRows(t, s, "article_versions"); n != 1 {
		t.Fatalf("fixture has %d versions, want 1", n)
	}
	return f
}

func TestDeleteArticles(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newDeleteFixture(t)
	s := f.s
	if err := s.DeleteArticles(ctx, f.seals, f.warcA, 9999); err != nil {
		t.Fatal(err)
	}
	count := func(query string) func() (int, error) {
		return func() (int, error) { return s.SearchCount(ctx, query) }
	}
	rows := func(table string) func() (int, error) {
		return func() (int, error) { return countRows(t, s, table), nil }
	}
	tests := []struct {
		name string
		got  func() (int, error)
		want int
	}{
		{"Articles", func() (int, error) { return s.Count(ctx) }, 3},
		{"SearchBody", count("walruses"), 0},
		{"SearchNote", count("narwhal"), 0},
		{"SearchCJK", count("北京"), 0},
		{"SearchOther", count("harbour"), 1},
		{"Starred", count("is:starred"), 0},
		{"Versions", rows("article_versions"), 0},
		{"Annotations", rows("annotations"), 0},
		{"TagLinks", rows("article_tags"), 1},
		{"Tags", rows("tags"), 1},
		{"Memberships", rows("collection_articles"), 1},
		{"Originals", rows("originals"), 3}, // bees, pair (warcB), kept
		{"Images", rows("images"), 1},       // the shared one
		{"TagSearch", count("tag:nature"), 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.got()
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got %d, want %d", got, tt.want)
			}
		})
	}
	t.Run("Check", func(t *testing.T) {
		r, err := s.Check(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !r.OK() || r.Articles != 3 {
			t.Errorf("check: %+v", r)
		}
	})
	t.Run("Gone", func(t *testing.T) {
		for _, id := range []int64{f.seals, f.warcA} {
			if _, err := s.Article(ctx, id); !errors.Is(err, ErrNotFound) {
				t.Errorf("article %d: %v, want ErrNotFound", id, err)
			}
		}
		for _, name := range []string{"seals.html", "seals-2.html"} {
			if _, err := s.Original(ctx, f.origs[name]); !errors.Is(err, ErrNotFound) {
				t.Errorf("original %s: %v, want ErrNotFound", name, err)
			}
		}
		for _, im := range []Image{f.sealsOnly, f.version} {
			if _, err := s.Image(ctx, im.SHA256); !errors.Is(err, ErrNotFound) {
				t.Errorf("image %s: %v, want ErrNotFound", im.SHA256[:8], err)
			}
		}
	})
	t.Run("SharedKept", func(t *testing.T) {
		if _, err := s.Image(ctx, f.shared.SHA256); err != nil {
			t.Errorf("shared image: %v", err)
		}
		if _, err := s.Original(ctx, f.origs["pair.warc"]); err != nil {
			t.Errorf("original of the other WARC article: %v", err)
		}
		if a, err := s.Article(ctx, f.warcB); err != nil || a.Title != "Harbour" {
			t.Errorf("other WARC article: %+v, %v", a, err)
		}
	})
	t.Run("TagCounts", func(t *testing.T) {
		tags, err := s.Tags(ctx)
		if err != nil {
			t.Fatal(err)
		}
		want := []TagCount{{Name: "nature", Count: 0, Total: 1}, {Name: "nature/sea", Count: 1, Total: 1}}
		if !slices.Equal(tags, want) {
			t.Errorf("tags %+v, want %+v", tags, want)
		}
	})
	t.Run("Facets", func(t *testing.T) {
		fc, err := s.Facets(ctx, "")
		if err != nil {
			t.Fatal(err)
		}
		if fc.Total != 3 || !slices.Equal(fc.Tags, []FacetCount{{Value: "nature/sea", Count: 1}}) {
			t.Errorf("facets: total %d, tags %+v", fc.Total, fc.Tags)
		}
	})
	t.Run("Collections", func(t *testing.T) {
		cs, err := s.Collections(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(cs) != 1 || cs[0].Count != 1 {
			t.Fatalf("collections %+v", cs)
		}
		list, err := s.CollectionArticles(ctx, cs[0].ID, ListFilter{})
		if err != nil || len(list) != 1 || list[0].ID != f.bees {
			t.Errorf("collection holds %+v, %v; want only bees", list, err)
		}
	})
	t.Run("Again", func(t *testing.T) {
		if err := s.DeleteArticles(ctx, f.seals, f.warcA); err != nil {
			t.Fatal(err)
		}
		if n, _ := s.Count(ctx); n != 3 {
			t.Errorf("%d articles after deleting the deleted again, want 3", n)
		}
	})
}

func TestDeleteArticlesLastSharer(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newDeleteFixture(t)
	s := f.s
	tests := []struct {
		name       string
		ids        []int64
		sharedKept bool
		pairKept   bool
	}{
		{"None", nil, true, true},
		{"OneSharer", []int64{f.bees}, true, true},
		{"OneOfWARC", []int64{f.warcB}, true, true},
		{"LastSharers", []int64{f.seals, f.warcA}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := s.DeleteArticles(ctx, tt.ids...); err != nil {
				t.Fatal(err)
			}
			_, err := s.Image(ctx, f.shared.SHA256)
			if got := err == nil; got != tt.sharedKept {
				t.Errorf("shared image kept %v, want %v (%v)", got, tt.sharedKept, err)
			}
			_, err = s.Original(ctx, f.origs["pair.warc"])
			if got := err == nil; got != tt.pairKept {
				t.Errorf("WARC original kept %v, want %v (%v)", got, tt.pairKept, err)
			}
			if r, err := s.Check(ctx); err != nil || !r.OK() {
				t.Errorf("check: %+v, %v", r, err)
			}
		})
	}
}

func TestArticleByURL(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newDeleteFixture(t)
	tests := []struct {
		url  string
		want int64 // 0: not found
	}{
		{"https://example.com/seals", f.seals},
		{"http://www.Example.com/seals/?utm_source=feed#top", f.seals},
		{"https://example.com/bees", f.bees},
		{"https://example.com/whales", 0},
		{"https://other.org/seals", 0},
		{"not a url", 0},
		{"", 0},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			id, err := f.s.ArticleByURL(ctx, tt.url)
			if tt.want == 0 {
				if !errors.Is(err, ErrNotFound) {
					t.Errorf("got %d, %v; want ErrNotFound", id, err)
				}
				return
			}
			if err != nil || id != tt.want {
				t.Errorf("got %d, %v; want %d", id, err, tt.want)
			}
		})
	}
	t.Run("Deleted", func(t *testing.T) {
		if err := f.s.DeleteArticles(ctx, f.bees); err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.ArticleByURL(ctx, "https://example.com/bees"); !errors.Is(err, ErrNotFound) {
			t.Errorf("deleted article found: %v", err)
		}
	})
}

func TestTagsOf(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newDeleteFixture(t)
	tests := []struct {
		name string
		ids  []int64
		want map[int64][]string
	}{
		{"None", nil, map[int64][]string{}},
		{"Untagged", []int64{f.warcA}, map[int64][]string{}},
		{"Sorted", []int64{f.seals}, map[int64][]string{f.seals: {"nature/sea", "seals"}}},
		{"Several", []int64{f.bees, f.seals, 9999, f.warcB},
			map[int64][]string{f.seals: {"nature/sea", "seals"}, f.bees: {"nature/sea"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := f.s.TagsOf(ctx, tt.ids)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			for id, tags := range tt.want {
				if !slices.Equal(got[id], tags) {
					t.Errorf("article %d: %v, want %v", id, got[id], tags)
				}
			}
		})
	}
}
