package archive

import (
	"context"
	"strings"
	"testing"
)

// TestCountCache checks that remembered match counts follow every change
// to the full-text index: new articles, notes, new text, deletion, and a
// change made through another connection (another process, say).
func TestCountCache(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := mustOpen(t)
	add := func(title, text string) int64 {
		a := &Article{Title: title, Blocks: []Block{{Kind: Paragraph, Text: text}}}
		return mustAdd(t, s, newCapture(title, title, a))[0]
	}
	walrus := add("One", "A walrus on the ice.")
	seal := add("Two", "A seal on the ice.")
	total := func(want int, after string) {
		t.Helper()
		for range 2 { // the second time from the cache
			res, err := s.Find(ctx, `"walrus"`, SearchOptions{Sort: SortNewest})
			if err != nil {
				t.Fatal(err)
			}
			n, err := s.SearchCount(ctx, `"walrus"`)
			if err != nil {
				t.Fatal(err)
			}
			if res.Total != want || n != want {
				t.Fatalf("after %s: total %d, count %d, want %d", after, res.Total, n, want)
			}
		}
	}
	total(1, "adding one")
	state, err := s.engine().indexState(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n, ok := s.counts.lookup(state, `"walrus"`); !ok || n != 1 {
		t.Fatalf("remembered %d, %v; want 1, true", n, ok)
	}
	add("Three", "Another walrus.")
	total(2, "adding another")
	if err := s.SetNote(ctx, seal, "Not a walrus, a seal."); err != nil {
		t.Fatal(err)
	}
	total(3, "a note")
	if err := s.ReplaceText(ctx, walrus, &Article{Title: "One", Blocks: []Block{{Kind: Paragraph, Text: "A narwhal."}}}); err != nil {
		t.Fatal(err)
	}
	total(2, "new text")
	if err := s.DeleteArticles(ctx, seal); err != nil {
		t.Fatal(err)
	}
	total(1, "a deletion")
	other, err := Open(ctx, s.path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	a := &Article{Title: "Four", Blocks: []Block{{Kind: Paragraph, Text: "Walrus again."}}}
	if _, err := other.AddCapture(ctx, newCapture("four", "four", a)); err != nil {
		t.Fatal(err)
	}
	total(2, "adding through another store")
}

// TestDenseFilterCount checks the counts of queries whose filters pass
// most articles (counted as the matches less those that fail) against
// their results, and of queries whose filters pass few.
func TestDenseFilterCount(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := engineFixture(t)
	s.tune.rankWindow, s.tune.bigMatches = 7, 5
	for _, q := range []string{"the is:unread", "the -is:starred", "the is:unread -is:starred", "the is:starred", "the -is:unread", "of title:the is:unread"} {
		p := mustPlan(t, s, q)
		dense, err := s.engine().denseFilters(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		want, err := s.SearchIDs(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		n, err := s.SearchCount(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		res, err := s.Find(ctx, q, SearchOptions{Limit: 3})
		if err != nil {
			t.Fatal(err)
		}
		if n != len(want) || res.Total != len(want) {
			t.Errorf("%q (dense filters %v): count %d, Find total %d, want %d", q, dense, n, res.Total, len(want))
		}
		if wantDense := !strings.Contains(q, "is:starred") || strings.Contains(q, "-is:starred"); dense != wantDense && q != "the -is:unread" {
			t.Errorf("%q: dense %v", q, dense)
		}
	}
}

// TestDenseTag checks that a tag on many articles is checked match by
// match as a lookup of the article's tags, and finds what the set of the
// tag's articles finds.
func TestDenseTag(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := rankFixture(t)
	ids, err := s.SearchIDs(ctx, "the")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddTags(ctx, ids[:40], "politics/elections"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddTags(ctx, ids[30:45], "politics"); err != nil {
		t.Fatal(err)
	}
	s.tune.rankWindow, s.tune.bigMatches = 7, 5
	for _, dense := range []bool{false, true} {
		for _, q := range []string{"the tag:politics", "the -tag:politics", "the tag:pol*", "the tag:politics OR is:starred"} {
			p := mustPlan(t, s, q)
			if (p.rowWhere != nil) != dense {
				t.Fatalf("%q: row form %q, want dense %v", q, p.rowWhere, dense)
			}
			want, err := s.SearchIDs(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			seen := map[int64]bool{}
			for off := 0; off < len(want)+3; off += 3 {
				res, err := s.Find(ctx, q, SearchOptions{Offset: off, Limit: 3})
				if err != nil {
					t.Fatal(err)
				}
				if res.Total != len(want) {
					t.Errorf("%q: total %d, want %d", q, res.Total, len(want))
				}
				for _, h := range res.Hits {
					seen[h.ID] = true
				}
			}
			if len(seen) != len(want) {
				t.Errorf("%q (dense %v): %d results seen, want %d", q, dense, len(seen), len(want))
			}
		}
		s.tune.denseTagRows = 10 // the tag is on 45 articles
	}
}
