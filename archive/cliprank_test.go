package archive

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// rankFixture stores articles of random text over a small vocabulary, so
// that words and phrases match many of them with varied frequencies and
// lengths.
func rankFixture(t *testing.T) *Store {
	t.Helper()
	s := mustOpen(t)
	r := rand.New(rand.NewPCG(3, 4))
	vocab := strings.Fields("the of harbour minister talks said year ice walrus survey boat")
	text := func(n int) string {
		ws := make([]string, n)
		for i := range ws {
			ws[i] = vocab[min(r.IntN(len(vocab)), r.IntN(len(vocab)))]
		}
		return strings.Join(ws, " ")
	}
	for i := range 60 {
		a := &Article{Title: text(2 + r.IntN(6)), Byline: text(2), Blocks: []Block{{Kind: Paragraph, Text: text(5 + r.IntN(80))}}}
		mustAdd(t, s, newCapture(fmt.Sprintf("%d.html", i), fmt.Sprint(i), a))
	}
	return s
}

// ranks returns the rank of every match of expr under the rank function
// fn, by rowid.
func ranks(t *testing.T, s *Store, expr, fn string) map[int64]float64 {
	t.Helper()
	rows, err := s.db.Query(`SELECT rowid, rank FROM articles_fts WHERE articles_fts MATCH ? AND rank MATCH ?`, expr, fn)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[int64]float64{}
	for rows.Next() {
		var id int64
		var r float64
		if err := rows.Scan(&id, &r); err != nil {
			t.Fatal(err)
		}
		out[id] = r
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestClipRank checks cliprank against FTS5's bm25 with the same weights:
// equal for a query of several phrases, and for one phrase a constant
// multiple of it (its IDF), so that the order is the same.
func TestClipRank(t *testing.T) {
	t.Parallel()
	s := rankFixture(t)
	bm25 := strings.Replace(rankFunction, "cliprank", "bm25", 1)
	for _, expr := range []string{
		`"the"`, `"walrus"`, `"the harbour"`, `"said the"`, `title:"minister"`,
		`"the" AND "ice"`, `"walrus" OR "boat"`, `"the of" AND "year"`, `("ice" OR "boat") NOT "boat survey"`,
	} {
		want, got := ranks(t, s, expr, bm25), ranks(t, s, expr, rankFunction)
		if len(want) < 2 || len(got) != len(want) {
			t.Fatalf("%s: %d matches with cliprank, %d with bm25 (want 2 or more)", expr, len(got), len(want))
		}
		ratio := math.NaN()
		single := !strings.Contains(expr, " AND ") && !strings.Contains(expr, " OR ") && !strings.Contains(expr, " NOT ")
		for id, w := range want {
			g := got[id]
			if !single {
				if math.Abs(g-w) > 1e-9*math.Abs(w) {
					t.Errorf("%s, row %d: cliprank %v, bm25 %v", expr, id, g, w)
				}
				continue
			}
			if math.IsNaN(ratio) {
				ratio = w / g
			}
			if g >= 0 || math.Abs(w-g*ratio) > 1e-9*math.Abs(w) {
				t.Errorf("%s, row %d: cliprank %v is not bm25 %v / %v", expr, id, g, w, ratio)
			}
		}
	}
}

// TestClipRankDistinguishes is there so that TestClipRank cannot pass on
// a fixture where every row scores alike.
func TestClipRankDistinguishes(t *testing.T) {
	t.Parallel()
	s := rankFixture(t)
	seen := map[float64]bool{}
	for _, r := range ranks(t, s, `"the"`, rankFunction) {
		seen[r] = true
	}
	if len(seen) < 10 {
		t.Errorf("only %d different ranks for a common word", len(seen))
	}
}
