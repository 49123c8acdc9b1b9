package archive

import (
	"context"
	"slices"
	"testing"
)

// linked is an article whose body links to the given addresses, one
// paragraph each (the last in a table cell).
func linked(title string, hrefs ...string) *Article {
	a := &Article{Title: title}
	for i, h := range hrefs {
		text := "source number " + title
		mark := []Inline{{Start: 0, End: 6, Kind: InlineLink, Href: h}}
		if i == len(hrefs)-1 {
			a.Blocks = append(a.Blocks, Block{Kind: TableKind, Text: text, Table: &Table{Rows: [][]Cell{{{Text: text, Inline: mark}}}}})
			continue
		}
		a.Blocks = append(a.Blocks, Block{Kind: Paragraph, Text: text, Inline: mark})
	}
	return a
}

func TestLinksFilter(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := mustOpen(t)
	ids := map[string]int64{}
	for name, a := range map[string]*Article{
		"bbc":     linked("bbc", "https://www.bbc.co.uk/news/1", "https://example.org/x"),
		"sub":     linked("sub", "http://news.bbc.co.uk:8080/old"),
		"cell":    linked("cell", "https://example.org/a", "https://reuters.com/r"),
		"lookown": linked("lookown", "https://notbbc.co.uk/x", "javascript:alert(1)"),
		"none":    {Title: "none", Blocks: []Block{{Kind: Paragraph, Text: "bbc.co.uk reuters.com"}}},
	} {
		ids[name] = mustAdd(t, s, newCapture(name+".html", name, a))[0]
	}
	for _, tt := range []struct {
		query string
		want  []string
	}{
		{"links:bbc.co.uk", []string{"bbc", "sub"}},
		{"links:www.BBC.co.uk", []string{"bbc", "sub"}},
		{"linksto:news.bbc.co.uk", []string{"sub"}},
		{"links:reuters.com", []string{"cell"}},
		{"links:example.org -links:reuters.com", []string{"bbc"}},
		{"links:notbb*", []string{"lookown"}},
		{"links:co.uk", []string{"bbc", "lookown", "sub"}},
		{"links:nowhere.example", nil},
	} {
		hits, err := s.Search(ctx, tt.query, SearchOptions{})
		if err != nil {
			t.Fatalf("%s: %v", tt.query, err)
		}
		var want []int64
		for _, n := range tt.want {
			want = append(want, ids[n])
		}
		got := hitIDs(hits)
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s: got %v, want %v (%v)", tt.query, got, want, ids)
		}
	}

	// A new cleaning of the article replaces its links; deleting it drops them.
	if err := s.ReplaceText(ctx, ids["bbc"], linked("bbc", "https://apnews.com/y")); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteArticles(ctx, ids["sub"]); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]int{"links:bbc.co.uk": 0, "links:apnews.com": 1} {
		hits, err := s.Search(ctx, q, SearchOptions{})
		if err != nil || len(hits) != want {
			t.Errorf("%s after replace and delete: %d hits, %v; want %d", q, len(hits), err, want)
		}
	}
	var rows int
	if err := s.db.QueryRow(`SELECT count(*) FROM article_links WHERE article_id = ?`, ids["sub"]).Scan(&rows); err != nil || rows != 0 {
		t.Errorf("links of a deleted article: %d rows, %v", rows, err)
	}
}

func TestLinkHosts(t *testing.T) {
	a := linked("x", "https://WWW.Example.org./a", "mailto:a@b.c", "ftp://files.example/x", "http://[::1]:80/y", "https://example.org/b")
	if got, want := LinkHosts(a), []string{"::1", "example.org"}; !slices.Equal(got, want) {
		t.Errorf("LinkHosts = %q, want %q", got, want)
	}
}

// TestSortInline: marks by start, the outer of two that start together
// first, equal marks kept in their order (a link inside emphasis that
// starts with it, an emphasis later, a second link on the same words).
func TestSortInline(t *testing.T) {
	em := Inline{Start: 0, End: 10, Kind: InlineEm}
	a := Inline{Start: 0, End: 4, Kind: InlineLink, Href: "https://a.example/"}
	a2 := Inline{Start: 0, End: 4, Kind: InlineLink, Href: "https://b.example/"}
	late := Inline{Start: 6, End: 8, Kind: InlineStrong}
	ms := []Inline{late, a, em, a2}
	SortInline(ms)
	if want := []Inline{em, a, a2, late}; !slices.Equal(ms, want) {
		t.Errorf("SortInline = %+v, want %+v", ms, want)
	}
}

// TestInlineElement: each inline kind is its HTML element; a kind a later
// release may add is none.
func TestInlineElement(t *testing.T) {
	for k, want := range map[InlineKind]string{InlineLink: "a", InlineEm: "em", InlineStrong: "strong",
		InlineCode: "code", InlineSub: "sub", InlineSup: "sup", "mark": "", "script": ""} {
		if got := k.Element(); got != want {
			t.Errorf("%q.Element() = %q, want %q", k, got, want)
		}
	}
}
