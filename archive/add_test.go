package archive

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
)

// fullArticle returns an article with every field set.
func fullArticle(imageSHA string) *Article {
	return &Article{
		Title:      "Ministers agree fisheries deal",
		Standfirst: "Talks ran through the night",
		Byline:     "Ana Pérez",
		Site:       "The Daily Example",
		URL:        "https://www.example.com/news/fish/?utm_source=x",
		Language:   "en",
		Published:  time.Date(2019, 2, 8, 9, 30, 0, 0, time.FixedZone("CET", 3600)),
		Modified:   time.Date(2019, 2, 8, 11, 0, 0, 0, time.UTC),
		Blocks: []Block{
			{Kind: Paragraph, Text: "Negotiators reached a deal on quotas."},
			{Kind: Heading, Text: "What changes", Level: 2},
			{Kind: ListItem, Text: "Cod quotas rise", Level: 1, Ordered: true},
			{Kind: FigureRef, Figure: 0},
			{Kind: Quote, Text: "A fair deal."},
			{Kind: Code, Text: "x := 1"},
		},
		Figures:    []Figure{{Image: "img/boat.jpg", ImageSHA: imageSHA, Alt: "a boat", Caption: "A trawler in port", Credit: "Photo: J. Doe"}},
		Related:    []Link{{Title: "Earlier talks", URL: "https://example.com/earlier"}},
		FileName:   "fish.html",
		Format:     "singlefile",
		CaptureURL: "https://example.com/news/fish",
		Captured:   time.Date(2019, 2, 9, 10, 0, 0, 0, time.UTC),
		Imported:   time.Date(2024, 1, 2, 3, 4, 5, 6_000_000, time.UTC),
		Tags:       []string{"EU", "fisheries"},
		Starred:    true,
		Read:       true,
	}
}

func TestAddCapture(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	t.Run("RoundTrip", func(t *testing.T) {
		s := mustOpen(t)
		im := newImage("boat-jpeg")
		want := fullArticle(im.SHA256)
		c := newCapture("fish.html", "<html>fish</html>", want)
		c.Images = []Image{im}
		ids := mustAdd(t, s, c)
		if len(ids) != 1 {
			t.Fatalf("ids %v, want one", ids)
		}
		got, err := s.Article(ctx, ids[0])
		if err != nil {
			t.Fatal(err)
		}
		if got.ID != ids[0] {
			t.Errorf("ID %d, want %d", got.ID, ids[0])
		}
		if got.OriginalSHA != c.Original.SHA256 {
			t.Errorf("OriginalSHA %q, want %q", got.OriginalSHA, c.Original.SHA256)
		}
		for _, tm := range []struct {
			name      string
			got, want time.Time
		}{
			{"Published", got.Published, want.Published},
			{"Modified", got.Modified, want.Modified},
			{"Captured", got.Captured, want.Captured},
			{"Imported", got.Imported, want.Imported},
		} {
			if !tm.got.Equal(tm.want) {
				t.Errorf("%s %v, want %v", tm.name, tm.got, tm.want)
			}
		}
		// Compare the rest field by field, times and the store's fields aside.
		w := *want
		w.ID, w.OriginalSHA = got.ID, got.OriginalSHA
		w.Published, w.Modified, w.Captured, w.Imported = got.Published, got.Modified, got.Captured, got.Imported
		if !reflect.DeepEqual(*got, w) {
			t.Errorf("got  %+v\nwant %+v", *got, w)
		}
	})
	t.Run("Defaults", func(t *testing.T) {
		s := mustOpen(t)
		before := time.Now().Add(-time.Second)
		ids := mustAdd(t, s, newCapture("plain.txt", "hello", &Article{Title: "Plain"}))
		a, err := s.Article(ctx, ids[0])
		if err != nil {
			t.Fatal(err)
		}
		if a.Imported.Before(before) || a.Imported.After(time.Now().Add(time.Second)) {
			t.Errorf("Imported %v, want about now", a.Imported)
		}
		if a.FileName != "plain.txt" || a.Format != "html" {
			t.Errorf("FileName %q Format %q, want the original's", a.FileName, a.Format)
		}
		if !a.Published.IsZero() || a.Blocks != nil || a.Figures != nil || a.Related != nil || a.Tags != nil {
			t.Errorf("empty fields came back filled: %+v", a)
		}
	})
	t.Run("AlreadyPresent", func(t *testing.T) {
		s := mustOpen(t)
		c := newCapture("a.html", "same bytes", &Article{Title: "One"}, &Article{Title: "Two"})
		ids := mustAdd(t, s, c)
		c2 := newCapture("renamed.html", "same bytes", &Article{Title: "Other"})
		res, err := s.AddCapture(ctx, c2)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := res.Outcome, AlreadyPresent; got != want {
			t.Errorf("outcome %v, want %v", got, want)
		}
		if !reflect.DeepEqual(res.IDs, ids) {
			t.Errorf("IDs %v, want %v", res.IDs, ids)
		}
		if got, want := countRows(t, s, "originals"), 1; got != want {
			t.Errorf("%d originals, want %d", got, want)
		}
		if got, want := countRows(t, s, "articles"), 2; got != want {
			t.Errorf("%d articles, want %d", got, want)
		}
	})
	t.Run("ImagesStoredOnce", func(t *testing.T) {
		s := mustOpen(t)
		shared, own := newImage("shared"), newImage("own")
		c1 := newCapture("1.html", "one", &Article{Title: "One"})
		c1.Images = []Image{shared, shared}
		c2 := newCapture("2.html", "two", &Article{Title: "Two"})
		c2.Images = []Image{own, shared}
		mustAdd(t, s, c1)
		mustAdd(t, s, c2)
		if got, want := countRows(t, s, "images"), 2; got != want {
			t.Errorf("%d images, want %d", got, want)
		}
	})
	t.Run("TagsShared", func(t *testing.T) {
		s := mustOpen(t)
		mustAdd(t, s, newCapture("1.html", "one", &Article{Title: "One", Tags: []string{"Go", " ", "go"}}))
		mustAdd(t, s, newCapture("2.html", "two", &Article{Title: "Two", Tags: []string{"GO", "sql"}}))
		if got, want := countRows(t, s, "tags"), 2; got != want {
			t.Errorf("%d tags, want %d", got, want)
		}
		if got, want := countRows(t, s, "article_tags"), 3; got != want {
			t.Errorf("%d article tags, want %d", got, want)
		}
	})
	t.Run("EmptyFiles", func(t *testing.T) {
		s := mustOpen(t)
		c := newCapture("empty.txt", "", &Article{Title: "T"})
		c.Original.Data = nil
		c.Images = []Image{{SHA256: c.Original.SHA256, MIME: "image/png"}}
		mustAdd(t, s, c)
		o, err := s.Original(ctx, c.Original.SHA256)
		if err != nil || len(o.Data) != 0 {
			t.Errorf("original %+v, %v", o, err)
		}
		im, err := s.Image(ctx, c.Original.SHA256)
		if err != nil || len(im.Data) != 0 {
			t.Errorf("image %+v, %v", im, err)
		}
	})
	t.Run("UppercaseSHA", func(t *testing.T) {
		s := mustOpen(t)
		c := newCapture("a.html", "abc", &Article{Title: "T"})
		sha := c.Original.SHA256
		c.Original.SHA256 = " " + strings.ToUpper(sha) + " "
		mustAdd(t, s, c)
		if _, err := s.Original(ctx, sha); err != nil {
			t.Error(err)
		}
	})
}

func TestAddCaptureInvalid(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := mustOpen(t)
	ok := func() *Capture { return newCapture("bad.html", "data", &Article{Title: "T"}) }
	for _, tt := range []struct {
		name string
		c    *Capture
	}{
		{"Nil", nil},
		{"NoArticles", func() *Capture { c := ok(); c.Articles = nil; return c }()},
		{"NilArticle", func() *Capture { c := ok(); c.Articles = append(c.Articles, nil); return c }()},
		{"EmptySHA", func() *Capture { c := ok(); c.Original.SHA256 = ""; return c }()},
		{"WrongSHA", func() *Capture { c := ok(); c.Original.SHA256 = shaOf([]byte("other")); return c }()},
		{"ImageEmptySHA", func() *Capture { c := ok(); c.Images = []Image{{MIME: "image/png", Data: []byte("x")}}; return c }()},
		{"ImageWrongSHA", func() *Capture {
			c := ok()
			c.Images = []Image{{SHA256: shaOf([]byte("y")), MIME: "image/png", Data: []byte("x")}}
			return c
		}()},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := s.AddCapture(ctx, tt.c); err == nil {
				t.Fatal("no error")
			}
		})
	}
	if got := countRows(t, s, "originals") + countRows(t, s, "articles") + countRows(t, s, "images"); got != 0 {
		t.Errorf("%d rows stored from invalid captures", got)
	}
}

func TestArticleNotFound(t *testing.T) {
	t.Parallel()
	s := mustOpen(t)
	if _, err := s.Article(context.Background(), 42); !errors.Is(err, ErrNotFound) {
		t.Errorf("err %v, want ErrNotFound", err)
	}
}

func TestList(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := mustOpen(t)
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	// Imported out of order; the last two at the same instant.
	imported := []time.Duration{3, 1, 5, 4, 4}
	var want []int64 // newest first
	ids := make([]int64, len(imported))
	for i, d := range imported {
		a := &Article{Title: fmt.Sprintf("A%d", i), Imported: base.Add(d * time.Hour)}
		ids[i] = mustAdd(t, s, newCapture(fmt.Sprint(i), fmt.Sprint(i), a))[0]
	}
	want = []int64{ids[2], ids[4], ids[3], ids[0], ids[1]}

	t.Run("All", func(t *testing.T) {
		got, err := s.List(ctx, ListFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(summaryIDs(got), want) {
			t.Errorf("got %v, want %v", summaryIDs(got), want)
		}
		if got[0].Title != "A2" || !got[0].Imported.Equal(base.Add(5*time.Hour)) {
			t.Errorf("first %+v", got[0])
		}
	})
	t.Run("Pages", func(t *testing.T) {
		var all []int64
		for off := 0; off < 10; off += 2 {
			got, err := s.List(ctx, ListFilter{Offset: off, Limit: 2})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) > 2 {
				t.Fatalf("page of %d", len(got))
			}
			all = append(all, summaryIDs(got)...)
		}
		if !reflect.DeepEqual(all, want) {
			t.Errorf("got %v, want %v", all, want)
		}
	})
	t.Run("Count", func(t *testing.T) {
		n, err := s.Count(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := n, len(imported); got != want {
			t.Errorf("count %d, want %d", got, want)
		}
	})
}

func summaryIDs(list []Summary) []int64 {
	var ids []int64
	for _, s := range list {
		ids = append(ids, s.ID)
	}
	return ids
}

func TestConcurrency(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := mustOpen(t)
	mustAdd(t, s, newCapture("0.html", "zero", &Article{Title: "Zero walrus"}))

	t.Run("ReadDuringWrite", func(t *testing.T) {
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback()
		if _, err := tx.Exec("UPDATE articles SET starred = 1"); err != nil {
			t.Fatal(err)
		}
		rctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		defer cancel()
		if _, err := s.Count(rctx); err != nil {
			t.Errorf("count during a write: %v", err)
		}
		if hits, err := s.Search(rctx, "walrus", SearchOptions{}); err != nil || len(hits) != 1 {
			t.Errorf("search during a write: %d hits, %v", len(hits), err)
		}
	})
	t.Run("ParallelWriters", func(t *testing.T) {
		var wg sync.WaitGroup
		errs := make(chan error, 40)
		for w := range 4 {
			wg.Go(func() {
				for i := range 10 {
					d := fmt.Sprintf("w%d-%d", w, i)
					if _, err := s.AddCapture(ctx, newCapture(d, d, &Article{Title: d})); err != nil {
						errs <- err
					}
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		if got, want := countRows(t, s, "articles"), 41; got != want {
			t.Errorf("%d articles, want %d", got, want)
		}
	})
}

func TestSummaries(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := mustOpen(t)
	var ids []int64
	for i := range 3 {
		a := &Article{Title: fmt.Sprintf("Article %d", i), Blocks: []Block{{Kind: Paragraph, Text: "Text."}}}
		ids = append(ids, mustAdd(t, s, newCapture(a.Title, a.Title, a))[0])
	}
	list, err := s.Summaries(ctx, []int64{ids[2], 999, ids[0]})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].ID != ids[2] || list[0].Title != "Article 2" || list[1].ID != ids[0] {
		t.Errorf("Summaries: %+v", list)
	}
}
