package archive

import (
	"context"
	"fmt"
	"slices"
	"testing"
)

func TestRankWindow(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := mustOpen(t)
	s.tune.rankWindow = 3
	// Eight articles with "walrus"; the title match (best rank) is the
	// oldest, so it is outside the window. Even ones are tagged.
	var ids []int64
	for i := range 8 {
		a := &Article{Title: fmt.Sprintf("Report %d", i), Blocks: []Block{{Kind: Paragraph, Text: "A walrus was seen."}}}
		if i == 0 {
			a.Title = "Walrus walrus"
		}
		if i%2 == 0 {
			a.Tags = []string{"even"}
		}
		ids = append(ids, mustAdd(t, s, newCapture(a.Title, a.Title, a))[0])
	}
	for _, tt := range []struct {
		query string
		want  []int64
	}{
		{"walrus", []int64{ids[7], ids[6], ids[5], ids[4], ids[3], ids[2], ids[1], ids[0]}},
		{"walrus tag:even", []int64{ids[6], ids[4], ids[2], ids[0]}},
		{"walrus -tag:even", []int64{ids[7], ids[5], ids[3], ids[1]}},
	} {
		t.Run(tt.query, func(t *testing.T) {
			var got []int64
			for off := 0; off < 10; off += 3 {
				res, err := s.Find(ctx, tt.query, SearchOptions{Offset: off, Limit: 3})
				if err != nil {
					t.Fatal(err)
				}
				if res.Window != 3 || res.Total != len(tt.want) {
					t.Errorf("window %d total %d, want 3 and %d", res.Window, res.Total, len(tt.want))
				}
				got = append(got, hitIDs(res.Hits)...)
			}
			// The window is the newest three results: within it the
			// ranking decides (equal ranks here, so compare as sets), and
			// the rest follow in order, newest first.
			n := min(len(tt.want), 3)
			if !slices.Equal(sorted(got[:n]), sorted(tt.want[:n])) || !slices.Equal(got[n:], tt.want[n:]) {
				t.Errorf("%q: %v, want %v (the first %d in any order)", tt.query, got, tt.want, n)
			}
		})
	}
	res, _ := s.Find(ctx, "walrus", SearchOptions{})
	if res.Hits[len(res.Hits)-1].ID != ids[0] || res.Hits[len(res.Hits)-1].Rank != 0 {
		t.Errorf("the best match outside the window should come last, unranked: %+v", res.Hits)
	}
}

func sorted(ids []int64) []int64 {
	out := slices.Clone(ids)
	slices.Sort(out)
	return out
}

func TestRankFiltered(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := mustOpen(t)
	s.tune.rankWindow, s.tune.phraseWindow = 3, 2
	// Eight articles with "walrus"; the best match (title) is the oldest.
	// The first three are tagged "few", the even ones "even".
	var ids []int64
	for i := range 8 {
		a := &Article{Title: fmt.Sprintf("Report %d", i), Blocks: []Block{{Kind: Paragraph, Text: "A walrus was seen."}}}
		if i == 0 {
			a.Title = "Walrus walrus"
		}
		if i < 3 {
			a.Tags = append(a.Tags, "few")
		}
		if i == 5 || i == 6 {
			a.Blocks[0].Text = "A grey walrus was seen."
		}
		if i%2 == 0 {
			a.Tags = append(a.Tags, "even")
		}
		ids = append(ids, mustAdd(t, s, newCapture(a.Title, a.Title, a))[0])
	}
	tests := []struct {
		query         string
		offset, limit int
		window, total int
		first         int64 // 0: no hits
		hits          int
	}{
		{"walrus tag:few", 0, 2, 0, 3, ids[0], 2},
		{"walrus tag:few", 2, 2, 0, 3, -1, 1},
		{"walrus tag:few", 5, 2, 0, 3, 0, 0},
		{"walrus tag:few tag:even", 0, 10, 0, 2, ids[0], 2},
		{"seal tag:few", 0, 10, 0, 0, 0, 0},
		{"walrus tag:even", 0, 10, 3, 4, -1, 4}, // four pass the filter: the window applies
		{`"grey walrus"`, 0, 10, 0, 2, -1, 2},   // a rare word: no window
		{`"grey walrus"`, 1, 10, 0, 2, -1, 1},
		{`"walrus was"`, 0, 10, 2, 8, -1, 8}, // every word in eight: the phrase window applies
		{`"walrus was" tag:few`, 0, 10, 2, 3, -1, 3},
		{`"walrus was" grey`, 0, 10, 0, 2, -1, 2},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s@%d", tt.query, tt.offset), func(t *testing.T) {
			res, err := s.Find(ctx, tt.query, SearchOptions{Offset: tt.offset, Limit: tt.limit})
			if err != nil {
				t.Fatal(err)
			}
			if res.Window != tt.window || res.Total != tt.total || len(res.Hits) != tt.hits {
				t.Fatalf("window %d total %d hits %d, want %d, %d, %d", res.Window, res.Total, len(res.Hits), tt.window, tt.total, tt.hits)
			}
			if tt.first > 0 && (res.Hits[0].ID != tt.first || res.Hits[0].Rank >= 0) {
				t.Errorf("first hit %+v, want article %d ranked", res.Hits[0], tt.first)
			}
			for _, h := range res.Hits {
				if len(h.Snippet) == 0 {
					t.Errorf("hit %d has no snippet", h.ID)
				}
			}
		})
	}
}

// TestPhraseWindow checks which queries rank with phraseWindow.
func TestPhraseWindow(t *testing.T) {
	t.Parallel()
	s := mustOpen(t)
	tests := []struct {
		query  string
		phrase bool
	}{
		{"walrus", false},
		{`"walrus"`, false},
		{`"grey walrus"`, true},
		{`"grey walr"*`, true},
		{"grey walrus", false},
		{`"a b c" d e`, true},
		{`"北京 talks"`, true},
		{"grey OR walrus", false},
		{"grey tag:seals", false},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			p := mustPlan(t, s, tt.query)
			if p.phrase != tt.phrase {
				t.Errorf("phrase %v, want %v", p.phrase, tt.phrase)
			}
		})
	}
}

// TestWalkDense checks that a page of a common word in title order is
// found by walking the title index, when walking is cheap enough, and is
// the page found by collecting every match first.
func TestWalkDense(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := rankFixture(t)
	p := mustPlan(t, s, "the")
	for _, o := range []Sort{SortTitle, SortNewest, SortOldest, SortSite} {
		s.tune.walkRatio = 1e9
		want, err := s.Find(ctx, "the", SearchOptions{Sort: o, Offset: 3, Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		if _, walked, _ := s.engine().walkDense(ctx, p, o, 10, 3); walked {
			t.Errorf("%v: walked with a ratio of %v", o, s.tune.walkRatio)
		}
		s.tune.walkRatio = 0
		ids, walked, err := s.engine().walkDense(ctx, p, o, 10, 3)
		if err != nil || !walked {
			t.Fatalf("%v: walked %v, %v", o, walked, err)
		}
		if got := hitIDs(want.Hits); !slices.Equal(ids, got) || len(ids) != 10 {
			t.Errorf("%v: walking gives %v, collecting %v", o, ids, got)
		}
	}
}
