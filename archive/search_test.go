package archive

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// searchFixture stores four articles and returns the store and their IDs
// by name.
func searchFixture(t *testing.T) (*Store, map[string]int64) {
	t.Helper()
	s := mustOpen(t)
	arts := map[string]*Article{
		"title": {Title: "Walrus colony grows", Blocks: []Block{{Kind: Paragraph, Text: "Scientists counted the animals on the ice."}}},
		"body": {Title: "Arctic survey", Blocks: []Block{
			{Kind: Paragraph, Text: "The survey team spent three weeks on the ice sheet near Svalbard, where conditions were harsh."},
			{Kind: Paragraph, Text: "Among the animals counted was a lone walrus resting on a floe."},
		}},
		"caption": {Title: "Harbour news", Blocks: []Block{{Kind: Paragraph, Text: "Boats returned early."}},
			Figures: []Figure{{Caption: "A narwhal seen from the quay", Credit: "Photo: Ørsted"}}},
		"accents": {Title: "Café society", Byline: "Zoë Brontë", Blocks: []Block{{Kind: Paragraph, Text: "Élan and naïveté in the résumé."}}},
	}
	ids := map[string]int64{}
	for name, a := range arts {
		ids[name] = mustAdd(t, s, newCapture(name+".html", name, a))[0]
	}
	return s, ids
}

func hitIDs(hits []Hit) []int64 {
	var ids []int64
	for _, h := range hits {
		ids = append(ids, h.ID)
	}
	return ids
}

func TestSearch(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, ids := searchFixture(t)
	search := func(t *testing.T, q string) []Hit {
		t.Helper()
		hits, err := s.Search(ctx, q, SearchOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return hits
	}
	for _, tt := range []struct {
		name, query string
		want        []string
	}{
		{"Title", "colony", []string{"title"}},
		{"Body", "Svalbard", []string{"body"}},
		{"Caption", "narwhal", []string{"caption"}},
		{"Credit", "ørsted", []string{"caption"}},
		{"Diacritics", "cafe zoe resume", []string{"accents"}},
		{"CaseInsensitive", "WALRUS colony", []string{"title"}},
		{"TitleAboveBody", "walrus", []string{"title", "body"}},
		{"Prefix", "svalb*", []string{"body"}},
		{"Phrase", `"lone walrus"`, []string{"body"}},
		{"PhraseNoMatch", `"walrus lone"`, nil},
		{"PhrasePrefix", `"lone wal"*`, []string{"body"}},
		{"AllWords", "walrus svalbard", []string{"body"}},
		{"NoMatch", "penguin", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var want []int64
			for _, n := range tt.want {
				want = append(want, ids[n])
			}
			if got := hitIDs(search(t, tt.query)); !reflect.DeepEqual(got, want) {
				t.Errorf("%q: got %v, want %v (ids %v)", tt.query, got, want, ids)
			}
		})
	}
	t.Run("Snippet", func(t *testing.T) {
		hits := search(t, "floe")
		if len(hits) != 1 {
			t.Fatalf("%d hits", len(hits))
		}
		var matched []string
		var text strings.Builder
		for _, sp := range hits[0].Snippet {
			if sp.Match {
				matched = append(matched, sp.Text)
			}
			text.WriteString(sp.Text)
		}
		if got, want := matched, []string{"floe"}; !reflect.DeepEqual(got, want) {
			t.Errorf("matched %q, want %q", got, want)
		}
		if !strings.Contains(text.String(), "lone walrus resting") || strings.ContainsAny(text.String(), "\x02\x03") {
			t.Errorf("snippet %q", text.String())
		}
		if hits[0].Title != "Arctic survey" || hits[0].Rank >= 0 {
			t.Errorf("hit %+v", hits[0])
		}
	})
	t.Run("Empty", func(t *testing.T) {
		for _, q := range []string{"", "   ", `""`, "*", "-- ;"} {
			hits, err := s.Search(ctx, q, SearchOptions{})
			if err != nil || len(hits) != 0 {
				t.Errorf("%q: %d hits, %v", q, len(hits), err)
			}
		}
	})
	t.Run("Pages", func(t *testing.T) {
		all := hitIDs(search(t, "walrus"))
		p1, err := s.Search(ctx, "walrus", SearchOptions{Limit: 1})
		if err != nil {
			t.Fatal(err)
		}
		p2, err := s.Search(ctx, "walrus", SearchOptions{Offset: 1, Limit: 1})
		if err != nil {
			t.Fatal(err)
		}
		if got := append(hitIDs(p1), hitIDs(p2)...); !reflect.DeepEqual(got, all) {
			t.Errorf("pages %v, want %v", got, all)
		}
	})
	t.Run("Cancelled", func(t *testing.T) {
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		if _, err := s.Search(cctx, "walrus", SearchOptions{}); !errors.Is(err, context.Canceled) {
			t.Errorf("err %v, want context.Canceled", err)
		}
	})
}

func TestSearchHostile(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := searchFixture(t)
	for _, q := range []string{
		`"`, `"walrus`, `walrus"`, `""""`, `AND`, `walrus AND`, `OR walrus`, `NOT`, `walrus NOT colony`,
		`*`, `**walrus`, `wal*rus*`, `col:x`, `title:walrus`, `{title}:walrus`, `-walrus`, `^walrus`,
		`')--`, `'; DROP TABLE articles; --`, `NEAR(`, `NEAR(walrus colony, 2)`, `(walrus`, `walrus)`,
		`+`, `a + b`, "wal\x00rus", "\xff\xfe", `\`, `%`, `_`, `?`, `:1`, `$x`, `@y`,
		`title:"a""b"`, `tag:'x'`, `site:%`, `lang:_`, `tag:a%b*`, `collection:x`, `saved:x`,
		`published:2019'--`, `"*"*`, `-(-(-x))`, `title:{cjk}`, `{cjk}:x`, `x:"y"`, `日"本`,
		strings.Repeat("walrus ", 500), strings.Repeat("(a OR ", 30) + strings.Repeat(")", 30),
	} {
		t.Run(fmt.Sprintf("%.20q", q), func(t *testing.T) {
			_, err := s.Search(ctx, q, SearchOptions{})
			var qe *QueryError
			if err != nil && !errors.As(err, &qe) {
				t.Errorf("%q: %v is not a *QueryError", q, err)
			}
		})
	}
	if got, want := countRows(t, s, "articles"), 4; got != want {
		t.Errorf("%d articles left, want %d", got, want)
	}
	// Operators in lower case, or quoted, and FTS5 syntax are searched for as words.
	mustAdd(t, s, newCapture("ops.html", "ops", &Article{Title: "Rock AND roll NEAR the sea"}))
	for _, q := range []string{`and near`, `"AND" NEAR`, `NEAR(sea`} {
		hits, err := s.Search(ctx, q, SearchOptions{})
		if q == `NEAR(sea` {
			if err == nil {
				t.Errorf("%q: no error", q)
			}
			continue
		}
		if err != nil || len(hits) != 1 {
			t.Errorf("%q: %d hits, %v; want 1", q, len(hits), err)
		}
	}
}

func TestFTSTriggers(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, ids := searchFixture(t)
	count := func(q string) int {
		t.Helper()
		hits, err := s.Search(ctx, q, SearchOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return len(hits)
	}
	if _, err := s.db.Exec("UPDATE articles SET title = 'Sea lion colony' WHERE id = ?", ids["title"]); err != nil {
		t.Fatal(err)
	}
	if got, want := count("lion"), 1; got != want {
		t.Errorf("new title: %d hits, want %d", got, want)
	}
	if got, want := count("walrus colony"), 0; got != want {
		t.Errorf("old title: %d hits, want %d", got, want)
	}
	if _, err := s.db.Exec("DELETE FROM articles WHERE id = ?", ids["caption"]); err != nil {
		t.Fatal(err)
	}
	if got, want := count("narwhal"), 0; got != want {
		t.Errorf("deleted article: %d hits, want %d", got, want)
	}
	if _, err := s.db.Exec("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)"); err != nil {
		t.Errorf("integrity check: %v", err)
	}
	if err := s.Optimize(ctx); err != nil {
		t.Error(err)
	}
}
