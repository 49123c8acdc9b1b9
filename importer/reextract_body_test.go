package importer

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/archive/archivetest"
)

// spanPassages returns passages of a cleaned article that the body model
// now marks: the text of its links and other inline marks, its table rows
// and footnotes, longest first, at most max.
func spanPassages(a *archive.Article, max int) []string {
	var out []string
	for _, b := range a.Blocks {
		for _, m := range b.Inline {
			if t := b.Text[m.Start:m.End]; len([]rune(t)) >= 12 {
				out = append(out, t)
			}
		}
		if b.Kind == archive.TableKind || b.Kind == archive.Footnote || b.Kind == archive.Term || b.Kind == archive.Define {
			out = append(out, strings.SplitN(b.Text, "\n", 2)[0])
		}
	}
	return out[:min(len(out), max)]
}

// Highlights a researcher made with the previous release on passages that
// the new body model marks (links, emphasis, table rows, footnotes) still
// find their text after reextract rebuilds the articles with the model,
// and the rebuilt articles' links are searchable with links:.
func TestReextractPrevReleaseSpans(t *testing.T) {
	ctx := context.Background()
	s := archivetest.PrevRelease(t)
	srcs, err := s.Sources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	made := 0
	for _, src := range srcs {
		if !src.Current {
			continue
		}
		for _, p := range spanPassages(freshArticle(t, s, src), 6) {
			_, err := s.AddHighlight(ctx, src.ArticleID, archive.NewHighlight{Exact: p})
			if errors.Is(err, archive.ErrQuoteNotFound) || errors.Is(err, archive.ErrAmbiguous) {
				continue // the previous release did not keep this passage, or has it twice
			}
			if err != nil {
				t.Fatal(err)
			}
			made++
		}
	}
	if made < 10 {
		t.Fatalf("only %d highlights made on marked passages", made)
	}
	if _, err := Reextract(ctx, s, Options{Workers: 2}, nil); err != nil {
		t.Fatal(err)
	}
	links := map[string]int64{} // a host each article links to → the article
	for _, src := range srcs {
		if !src.Current {
			continue
		}
		a, err := s.Article(ctx, src.ArticleID)
		if err != nil {
			t.Fatal(err)
		}
		text := []rune(a.Text())
		notes, err := s.Annotations(ctx, archive.AnnotationFilter{ArticleID: src.ArticleID})
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range notes {
			if n.Kind != archive.KindHighlight {
				continue
			}
			if n.Orphaned || n.Start < 0 || n.End > len(text) || string(text[n.Start:n.End]) != n.Quote.Exact {
				t.Errorf("article %d: highlight %q lost (orphaned %v, %d–%d)", src.ArticleID, n.Quote.Exact, n.Orphaned, n.Start, n.End)
			}
		}
		if hosts := archive.LinkHosts(a); len(hosts) > 0 {
			links[hosts[len(hosts)-1]] = src.ArticleID
		}
	}
	if len(links) == 0 {
		t.Fatal("no article links anywhere after reextract")
	}
	for host, id := range links {
		ids, err := s.SearchIDs(ctx, "links:"+host)
		if err != nil || !slices.Contains(ids, id) {
			t.Errorf("links:%s finds %v, %v; want article %d among them", host, ids, err, id)
		}
	}
}
