package archive

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"
)

func fishPage(text string, captured time.Time) *Article {
	return &Article{Title: "Fish talks", URL: "https://www.example.com/fish?utm_source=x", Captured: captured,
		Blocks: []Block{{Kind: Paragraph, Text: text}}}
}

func TestVersions(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := mustOpen(t)
	day := func(d int) time.Time { return time.Date(2024, 3, d, 0, 0, 0, 0, time.UTC) }
	first := newCapture("fish-1.html", "fish one", fishPage("Talks began.", day(1)))
	id := mustAdd(t, s, first)[0]
	if _, err := s.AddTags(ctx, []int64{id}, "fish"); err != nil {
		t.Fatal(err)
	}
	coll, _ := s.CreateCollection(ctx, 0, "Reading")
	if _, err := s.AddToCollection(ctx, coll, id); err != nil {
		t.Fatal(err)
	}
	add := func(t *testing.T, c *Capture) AddResult {
		t.Helper()
		res, err := s.AddCapture(ctx, c)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	t.Run("SameText", func(t *testing.T) {
		res := add(t, newCapture("fish-1b.html", "fish one, saved again", fishPage("Talks began.", day(2))))
		if res.Outcome != AlreadyPresent || !slices.Equal(res.IDs, []int64{id}) || countRows(t, s, "originals") != 1 {
			t.Errorf("result %+v, %d originals", res, countRows(t, s, "originals"))
		}
	})
	t.Run("NewText", func(t *testing.T) {
		res := add(t, newCapture("fish-2.html", "fish two", fishPage("Talks ended with a deal.", day(3))))
		if res.Outcome != NewVersion || !slices.Equal(res.IDs, []int64{id}) {
			t.Fatalf("result %+v", res)
		}
		a, err := s.Article(ctx, id)
		if err != nil || a.Text() != "Talks ended with a deal." || !a.Captured.Equal(day(3)) || !slices.Equal(a.Tags, []string{"fish"}) {
			t.Errorf("current %+v, %v", a, err)
		}
		if n, _ := s.SearchCount(ctx, "began"); n != 0 {
			t.Errorf("old text still found: %d", n)
		}
		if n, _ := s.SearchCount(ctx, "deal collection:reading has:versions"); n != 1 {
			t.Errorf("new text not found in the collection: %d", n)
		}
	})
	t.Run("ListAndRead", func(t *testing.T) {
		add(t, newCapture("fish-3.html", "fish three", fishPage("Talks resumed.", day(4))))
		vs, err := s.Versions(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		var caps []int
		for _, v := range vs {
			caps = append(caps, v.Captured.Day())
		}
		if !slices.Equal(caps, []int{1, 3, 4}) || !vs[2].Current || vs[0].Current || vs[1].Number != 2 || vs[0].FileName != "fish-1.html" {
			t.Errorf("versions %+v", vs)
		}
		old, err := s.ArticleVersion(ctx, id, 1)
		if err != nil || old.Text() != "Talks began." || old.OriginalSHA != first.Original.SHA256 || old.ID != id {
			t.Errorf("version 1: %+v, %v", old, err)
		}
		if cur, err := s.ArticleVersion(ctx, id, 3); err != nil || cur.Text() != "Talks resumed." {
			t.Errorf("version 3: %+v, %v", cur, err)
		}
		for _, n := range []int{0, 4} {
			if _, err := s.ArticleVersion(ctx, id, n); !errors.Is(err, ErrNotFound) {
				t.Errorf("version %d: %v", n, err)
			}
		}
		if _, err := s.Versions(ctx, 999); !errors.Is(err, ErrNotFound) {
			t.Errorf("missing article: %v", err)
		}
	})
	t.Run("OldFileAgain", func(t *testing.T) {
		res := add(t, first)
		if res.Outcome != AlreadyPresent || !slices.Equal(res.IDs, []int64{id}) {
			t.Errorf("result %+v", res)
		}
	})
	t.Run("Sources", func(t *testing.T) {
		srcs, err := s.Sources(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(srcs) != 3 || srcs[0].OriginalSHA != first.Original.SHA256 || srcs[0].Version != 1 || !srcs[2].Current || srcs[2].Version != 3 {
			t.Errorf("sources %+v", srcs)
		}
	})
	t.Run("ReplaceVersionText", func(t *testing.T) {
		if err := s.ReplaceVersionText(ctx, id, 1, fishPage("Talks began (cleaned better).", day(1))); err != nil {
			t.Fatal(err)
		}
		if old, _ := s.ArticleVersion(ctx, id, 1); old.Text() != "Talks began (cleaned better)." {
			t.Errorf("version 1 now %q", old.Text())
		}
		if err := s.ReplaceVersionText(ctx, id, 9, fishPage("x", day(1))); !errors.Is(err, ErrNotFound) {
			t.Errorf("version 9: %v", err)
		}
		if err := s.ReplaceText(ctx, 999, fishPage("x", day(1))); !errors.Is(err, ErrNotFound) {
			t.Errorf("missing article: %v", err)
		}
	})
}

func TestAddCaptures(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := mustOpen(t)
	cs := []*Capture{
		newCapture("a.html", "a", &Article{Title: "A", Tags: []string{"x"}}),
		newCapture("b.html", "b", fishPage("One.", time.Time{})),
		newCapture("c.html", "c", fishPage("Two.", time.Time{})),
		newCapture("a2.html", "a", &Article{Title: "A again"}),
	}
	res, err := s.AddCaptures(ctx, cs)
	if err != nil {
		t.Fatal(err)
	}
	var outs []Outcome
	for _, r := range res {
		outs = append(outs, r.Outcome)
	}
	if want := []Outcome{Imported, Imported, NewVersion, AlreadyPresent}; !slices.Equal(outs, want) {
		t.Errorf("outcomes %v, want %v", outs, want)
	}
	if res[2].IDs[0] != res[1].IDs[0] || res[3].IDs[0] != res[0].IDs[0] {
		t.Errorf("results %+v", res)
	}
	if n, _ := s.SearchCount(ctx, "two"); n != 1 {
		t.Errorf("version in a batch not indexed: %d", n)
	}
	if rep, err := s.Check(ctx); err != nil || !rep.OK() {
		t.Errorf("check %+v, %v", rep, err)
	}
	bad := []*Capture{newCapture("d.html", "d", &Article{Title: "D"}), {Original: Original{Name: "bad"}}}
	if _, err := s.AddCaptures(ctx, bad); err == nil {
		t.Error("no error for an invalid capture")
	}
	if n, _ := s.SearchCount(ctx, "title:d"); n != 0 {
		t.Error("batch with an invalid capture partly stored")
	}
}
