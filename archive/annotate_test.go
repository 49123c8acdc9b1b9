package archive

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"
)

// annotated stores an article with two paragraphs and returns the store
// and its ID.
func annotated(t *testing.T) (*Store, int64) {
	t.Helper()
	s := mustOpen(t)
	a := &Article{Title: "Talks", URL: "https://example.com/talks", Blocks: []Block{
		{Kind: Paragraph, Text: "The ministers met in Geneva. The ministers agreed on quotas."},
		{Kind: Paragraph, Text: "Fishermen were not    consulted before the deal."},
	}}
	return s, mustAdd(t, s, newCapture("talks.html", "talks v1", a))[0]
}

func TestAddHighlight(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, id := annotated(t)
	for _, tt := range []struct {
		name string
		h    NewHighlight
		want string // the passage, or "" when err is expected
		err  error
	}{
		{"ByQuote", NewHighlight{Exact: "agreed on quotas"}, "agreed on quotas", nil},
		{"WhiteSpaceFolded", NewHighlight{Exact: "quotas. Fishermen were not consulted"}, "quotas.\n\nFishermen were not    consulted", nil},
		{"Ambiguous", NewHighlight{Exact: "The ministers"}, "", ErrAmbiguous},
		{"Occurrence", NewHighlight{Exact: "The ministers", Occurrence: 2}, "The ministers", nil},
		{"OccurrenceTooFar", NewHighlight{Exact: "The ministers", Occurrence: 3}, "", ErrInvalid},
		{"NotFound", NewHighlight{Exact: "penguins"}, "", ErrQuoteNotFound},
		{"Offsets", NewHighlight{Start: 4, End: 13}, "ministers", nil},
		{"OffsetsChecked", NewHighlight{Start: 4, End: 13, Exact: "minister"}, "", ErrQuoteNotFound},
		{"OffsetsOutside", NewHighlight{Start: 4, End: 1000}, "", ErrInvalid},
		{"Empty", NewHighlight{Exact: "  "}, "", ErrInvalid},
	} {
		t.Run(tt.name, func(t *testing.T) {
			an, err := s.AddHighlight(ctx, id, tt.h)
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Errorf("err %v, want %v", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			a, _ := s.Article(ctx, id)
			if got := string([]rune(a.Text())[an.Start:an.End]); got != tt.want || an.Quote.Exact != tt.want {
				t.Errorf("highlighted %q (quote %q), want %q", got, an.Quote.Exact, tt.want)
			}
		})
	}
	if _, err := s.AddHighlight(ctx, 999, NewHighlight{Exact: "x"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing article: %v", err)
	}
	an, _ := s.AddHighlight(ctx, id, NewHighlight{Exact: "Geneva"})
	if an.Quote.Prefix != "The ministers met in " || an.Quote.Suffix != ". The ministers agreed on quotas" {
		t.Errorf("context %q / %q", an.Quote.Prefix, an.Quote.Suffix)
	}
}

func TestAnnotations(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, id := annotated(t)
	h1, err := s.AddHighlight(ctx, id, NewHighlight{Exact: "agreed on quotas", Color: "yellow", Note: "key point"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddHighlight(ctx, id, NewHighlight{Exact: "Geneva", Color: "blue"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetNote(ctx, id, "Compare with the Oslo round."); err != nil {
		t.Fatal(err)
	}
	if err := s.SetNote(ctx, id, "Compare with the Oslo and Bergen rounds."); err != nil {
		t.Fatal(err)
	}
	count := func(q string) int {
		t.Helper()
		n, err := s.SearchCount(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	t.Run("List", func(t *testing.T) {
		list, err := s.Annotations(ctx, AnnotationFilter{ArticleID: id})
		if err != nil {
			t.Fatal(err)
		}
		var kinds []string
		for _, a := range list {
			kinds = append(kinds, string(a.Kind)+":"+a.Quote.Exact+a.Note)
		}
		want := []string{"note:Compare with the Oslo and Bergen rounds.", "highlight:Geneva", "highlight:agreed on quotaskey point"}
		if !slices.Equal(kinds, want) || list[0].Title != "Talks" {
			t.Errorf("annotations %q, want %q", kinds, want)
		}
		for f, want := range map[AnnotationFilter]int{
			{Color: "YELLOW"}: 1, {Text: "oslo"}: 1, {Text: "quota"}: 1, {Kind: KindHighlight}: 2,
			{Orphaned: true}: 0, {Text: "%"}: 0, {ArticleID: 999}: 0,
		} {
			got, err := s.Annotations(ctx, f)
			if err != nil || len(got) != want {
				t.Errorf("%+v: %d, %v; want %d", f, len(got), err, want)
			}
		}
	})
	t.Run("Indexed", func(t *testing.T) {
		if got := count("in:notes bergen"); got != 1 {
			t.Errorf("note not indexed: %d", got)
		}
		if got := count("in:notes ministers"); got != 0 {
			t.Errorf("in:notes found body text: %d", got)
		}
		if got := count("in:notes geneva"); got != 1 {
			t.Errorf("highlighted passage not indexed: %d", got)
		}
		if got := count("in:notes"); got != 1 {
			t.Errorf("in:notes alone (articles with notes): %d", got)
		}
	})
	t.Run("UpdateDelete", func(t *testing.T) {
		note := "decisive"
		if err := s.UpdateAnnotation(ctx, h1.ID, AnnotationUpdate{Note: &note}); err != nil {
			t.Fatal(err)
		}
		if count("in:notes decisive") != 1 || count("in:notes key") != 0 {
			t.Error("note change not indexed")
		}
		if err := s.DeleteAnnotation(ctx, h1.ID); err != nil {
			t.Fatal(err)
		}
		if count("in:notes decisive") != 0 {
			t.Error("deleted annotation still found")
		}
		if err := s.DeleteAnnotation(ctx, h1.ID); !errors.Is(err, ErrNotFound) {
			t.Errorf("delete again: %v", err)
		}
		if err := s.UpdateAnnotation(ctx, h1.ID, AnnotationUpdate{Note: &note}); !errors.Is(err, ErrNotFound) {
			t.Errorf("update deleted: %v", err)
		}
		if err := s.SetNote(ctx, id, " "); err != nil {
			t.Fatal(err)
		}
		if count("in:notes bergen") != 0 || count("has:note") != 0 || count("has:highlights") != 1 {
			t.Error("free note not deleted")
		}
	})
}

func TestReanchor(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, id := annotated(t)
	kept, _ := s.AddHighlight(ctx, id, NewHighlight{Exact: "agreed on quotas", Note: "kept"})
	lost, _ := s.AddHighlight(ctx, id, NewHighlight{Exact: "Fishermen were not consulted", Note: "lost"})
	second, _ := s.AddHighlight(ctx, id, NewHighlight{Exact: "The ministers", Occurrence: 2})
	check := func(t *testing.T, text string) map[int64]Annotation {
		t.Helper()
		list, err := s.Annotations(ctx, AnnotationFilter{ArticleID: id})
		if err != nil {
			t.Fatal(err)
		}
		byID := map[int64]Annotation{}
		for _, a := range list {
			byID[a.ID] = a
			if !a.Orphaned && string([]rune(text)[a.Start:a.End]) != a.Quote.Exact {
				t.Errorf("annotation %d at %d–%d is not its quote %q", a.ID, a.Start, a.End, a.Quote.Exact)
			}
		}
		return byID
	}
	t.Run("ReplaceText", func(t *testing.T) {
		a := &Article{Title: "Talks (corrected)", URL: "https://example.com/talks", Tags: []string{"fish"}, Blocks: []Block{
			{Kind: Paragraph, Text: "Update: The ministers met in Geneva on Monday. The ministers agreed on quotas."},
		}}
		if err := s.ReplaceText(ctx, id, a); err != nil {
			t.Fatal(err)
		}
		got := check(t, a.Text())
		if got[kept.ID].Orphaned || got[second.ID].Orphaned || !got[lost.ID].Orphaned || got[lost.ID].Start != -1 {
			t.Errorf("after re-cleaning: %+v", got)
		}
		if got[second.ID].Start != 47 {
			t.Errorf("second occurrence at %d, want 47 (its prefix and suffix chose it)", got[second.ID].Start)
		}
		if n, _ := s.SearchCount(ctx, "in:notes fishermen"); n != 1 {
			t.Errorf("orphaned passage no longer indexed")
		}
		art, _ := s.Article(ctx, id)
		if art.Title != "Talks (corrected)" || !slices.Equal(art.Tags, []string{"fish"}) {
			t.Errorf("article %+v", art)
		}
	})
	t.Run("NewVersionRefinds", func(t *testing.T) {
		a := &Article{Title: "Talks", URL: "https://example.com/talks/", Captured: time.Date(2024, 2, 2, 0, 0, 0, 0, time.UTC), Blocks: []Block{
			{Kind: Paragraph, Text: "The ministers agreed on quotas. Fishermen were not consulted."},
		}}
		res, err := s.AddCapture(ctx, newCapture("talks-2.html", "talks v2", a))
		if err != nil || res.Outcome != NewVersion || res.IDs[0] != id {
			t.Fatalf("add: %+v, %v", res, err)
		}
		got := check(t, a.Text())
		if got[lost.ID].Orphaned || got[kept.ID].Orphaned {
			t.Errorf("after the new version: %+v", got)
		}
		if got[second.ID].Orphaned || got[second.ID].Start != 0 {
			t.Errorf("only occurrence left: %+v", got[second.ID])
		}
	})
}

func TestRestoreAnnotation(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, id := annotated(t)
	when := time.Date(2021, 5, 4, 3, 2, 1, 0, time.UTC)
	want := Annotation{Kind: KindHighlight, Quote: TextQuote{Exact: "Geneva", Prefix: "met in ", Suffix: ". The"},
		Start: 21, End: 27, Color: "green", Note: "venue", Orphaned: true, Created: when, Modified: when.Add(time.Hour)}
	if _, err := s.RestoreAnnotation(ctx, id, want); err != nil {
		t.Fatal(err)
	}
	list, err := s.Annotations(ctx, AnnotationFilter{ArticleID: id})
	if err != nil || len(list) != 1 {
		t.Fatalf("annotations %v, %v; want one", list, err)
	}
	got := list[0]
	if got.Quote != want.Quote || got.Start != want.Start || got.End != want.End || got.Color != want.Color ||
		got.Note != want.Note || got.Orphaned != want.Orphaned || !got.Created.Equal(want.Created) || !got.Modified.Equal(want.Modified) {
		t.Errorf("restored %+v, want %+v", got, want)
	}
	if _, err := s.RestoreAnnotation(ctx, 999, want); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing article: %v", err)
	}
	if _, err := s.RestoreAnnotation(ctx, id, Annotation{}); !errors.Is(err, ErrInvalid) {
		t.Errorf("no kind: %v", err)
	}
}
