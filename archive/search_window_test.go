package archive

import (
	"context"
	"fmt"
	"slices"
	"testing"
)

func TestRankWindow(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	defer func(n int) { rankWindow = n }(rankWindow)
	rankWindow = 3
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
			// Within the window the ranking decides; equal ranks here, so
			// compare as sets, and the rest in order, newest first.
			n := 0
			for _, id := range tt.want {
				if id >= ids[5] {
					n++
				}
			}
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
