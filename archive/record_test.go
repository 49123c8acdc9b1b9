package archive

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"testing"
	"time"
)

// recordArticle is an article with the whole record the importer gives.
func recordArticle(url, text string) *Article {
	return &Article{
		Title: "Pentagon reviews troop levels", Byline: "Robert Burns, Associated Press",
		Authors: []Author{
			{Name: "Robert Burns", Kind: Person, Role: "AP National Security Writer"},
			{Name: "Associated Press", Kind: Organization},
		},
		Confidence: ConfidenceArticle, Language: "en", URL: url,
		Blocks: []Block{{Kind: Paragraph, Text: text}},
	}
}

func TestRecordKept(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := mustOpen(t)
	a := recordArticle("https://apnews.com/troops", "The Pentagon is reviewing troop levels in the region.")
	id := mustAdd(t, s, newCapture("troops.html", "troops", a))[0]
	got, err := s.Article(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Authors, a.Authors) || got.Confidence != ConfidenceArticle || got.Byline != a.Byline {
		t.Errorf("authors %+v, confidence %q, byline %q; want %+v, %q, %q", got.Authors, got.Confidence, got.Byline, a.Authors, a.Confidence, a.Byline)
	}
	list, err := s.List(ctx, ListFilter{})
	if err != nil || len(list) != 1 || list[0].Confidence != ConfidenceArticle {
		t.Errorf("list: %+v, %v; want the confidence in the row", list, err)
	}
	hits, err := s.Search(ctx, "troop", SearchOptions{})
	if err != nil || len(hits) != 1 || hits[0].Confidence != ConfidenceArticle {
		t.Errorf("search: %+v, %v; want the confidence in the hit", hits, err)
	}
}

// An author the byline does not show is added to it, so that the byline
// shows every author and byline:/author: find each.
func TestRecordBylineShowsAuthors(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := mustOpen(t)
	a := recordArticle("https://example.com/a", "Ministers met in Brussels on Tuesday.")
	a.Byline = ""
	b := recordArticle("https://example.com/b", "Talks resumed in Geneva.")
	b.Byline = "Staff reporter"
	c := recordArticle("https://example.com/c", "No authors here.")
	c.Byline, c.Authors = "", nil
	ids := mustAdd(t, s, newCapture("abc.html", "abc", a, b, c))
	for i, want := range []string{"Robert Burns, Associated Press", "Staff reporter, Robert Burns, Associated Press", ""} {
		got, err := s.Article(ctx, ids[i])
		if err != nil || got.Byline != want {
			t.Errorf("article %d: byline %q, %v; want %q", i+1, got.Byline, err, want)
		}
	}
	for _, q := range []string{"author:burns", `byline:"associated press"`, "author:robert author:burns"} {
		got, err := s.SearchIDs(ctx, q)
		if slices.Sort(got); err != nil || !slices.Equal(got, ids[:2]) {
			t.Errorf("%s: %v, %v; want %v", q, got, err, ids[:2])
		}
	}
}

func TestRecordVersions(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := mustOpen(t)
	v1 := recordArticle("https://example.com/story", "First text.")
	v1.Confidence = ConfidenceStub
	id := mustAdd(t, s, newCapture("v1.html", "v1", v1))[0]
	v2 := recordArticle("https://example.com/story", "Second, longer text of the story.")
	v2.Authors = []Author{{Name: "Ana Pérez", Kind: Person}}
	v2.Byline = "Ana Pérez"
	res, err := s.AddCapture(ctx, newCapture("v2.html", "v2", v2))
	if err != nil || res.Outcome != NewVersion || res.IDs[0] != id {
		t.Fatalf("second capture: %+v, %v; want a new version of %d", res, err, id)
	}
	old, err := s.ArticleVersion(ctx, id, 1)
	if err != nil || !reflect.DeepEqual(old.Authors, v1.Authors) || old.Confidence != ConfidenceStub {
		t.Errorf("version 1: %+v, %v; want the first capture's authors and confidence", old, err)
	}
	cur, err := s.Article(ctx, id)
	if err != nil || !reflect.DeepEqual(cur.Authors, v2.Authors) || cur.Confidence != ConfidenceArticle {
		t.Errorf("current: %+v, %v; want the second capture's authors and confidence", cur, err)
	}
	// Re-cleaning the first version gives it a new record.
	again := *v1
	again.Authors, again.Confidence = []Author{{Name: "Jo Li", Kind: Person}}, ConfidencePage
	if err := s.ReplaceVersionText(ctx, id, 1, &again); err != nil {
		t.Fatal(err)
	}
	if old, err = s.ArticleVersion(ctx, id, 1); err != nil || !reflect.DeepEqual(old.Authors, again.Authors) || old.Confidence != ConfidencePage {
		t.Errorf("version 1 replaced: %+v, %v", old, err)
	}
	again.Blocks = v2.Blocks
	if err := s.ReplaceText(ctx, id, &again); err != nil {
		t.Fatal(err)
	}
	if cur, err = s.Article(ctx, id); err != nil || !reflect.DeepEqual(cur.Authors, again.Authors) || cur.Confidence != ConfidencePage {
		t.Errorf("current replaced: %+v, %v", cur, err)
	}
	if ids, err := s.SearchIDs(ctx, "author:li"); err != nil || !slices.Equal(ids, []int64{id}) {
		t.Errorf("author:li after replacing: %v, %v", ids, err)
	}
}

func TestRecordUnknownConfidence(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := mustOpen(t)
	a := recordArticle("https://example.com/x", "Text.")
	a.Confidence = "certain"
	if _, err := s.AddCapture(ctx, newCapture("x.html", "x", a)); err == nil {
		t.Error("stored an article with an unknown confidence")
	}
	a.Confidence = ""
	id := mustAdd(t, s, newCapture("x.html", "x", a))[0]
	a.Confidence = "certain"
	if err := s.ReplaceText(ctx, id, a); !errors.Is(err, ErrInvalid) {
		t.Errorf("replace with an unknown confidence: %v, want ErrInvalid", err)
	}
}

// The spellings of one address are one page: the second capture is a new
// version of the first article, not a second article.
func TestOneAddressOneArticle(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for _, pair := range [][2]string{
		{"https://ja.example.org/wiki/%e6%97%a5%e6%9c%ac", "https://ja.example.org/wiki/%E6%97%A5%E6%9C%AC"},
		{"https://ja.example.org/wiki/%E6%97%A5", "https://ja.example.org/wiki/日"},
		{"https://www.example.com/~user/post", "https://example.com/%7Euser/post/"},
		{"https://www.nytimes.com/2019/a.html", "https://www.nytimes.com/2019/a.html?smid=tw-share"},
		{"https://www.example.com/news/1", "https://m.example.com/news/1"},
		{"https://www.example.com/news/1", "https://www.example.com/news/1/amp"},
	} {
		s := mustOpen(t)
		id := mustAdd(t, s, newCapture("one.html", "one", recordArticle(pair[0], "First capture.")))[0]
		res, err := s.AddCapture(ctx, newCapture("two.html", "two", recordArticle(pair[1], "Second capture.")))
		if err != nil || res.Outcome != NewVersion || !slices.Equal(res.IDs, []int64{id}) {
			t.Errorf("%s then %s: %+v, %v; want a new version of %d", pair[0], pair[1], res, err, id)
		}
		if got, err := s.ArticleByURL(ctx, pair[1]); err != nil || got != id {
			t.Errorf("ArticleByURL(%s) = %d, %v; want %d", pair[1], got, err, id)
		}
	}
}

// An article's published and modified times keep the page's own time zone:
// an evening story in New York is dated the day the page shows, in the
// article, the list and the published: filter, not the next day in UTC.
func TestRecordKeepsPageDay(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := mustOpen(t)
	ny := time.FixedZone("", -5*3600)
	a := recordArticle("https://www.theverge.com/star-trek-4", "Noah Hawley is in talks to direct.")
	a.Published = time.Date(2019, 11, 19, 19, 53, 52, 0, ny) // 2019-11-20 in UTC
	a.Modified = time.Date(2019, 11, 20, 9, 0, 0, 0, time.UTC)
	id := mustAdd(t, s, newCapture("trek.html", "trek", a))[0]
	got, err := s.Article(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Published.Equal(a.Published) || got.Published.Format(time.RFC3339) != "2019-11-19T19:53:52-05:00" ||
		got.Modified.Format(time.RFC3339) != "2019-11-20T09:00:00Z" {
		t.Errorf("published %v, modified %v; want the page's 2019-11-19T19:53:52-05:00 and 2019-11-20T09:00:00Z", got.Published, got.Modified)
	}
	list, err := s.List(ctx, ListFilter{})
	if err != nil || len(list) != 1 || list[0].Published.Format(time.DateOnly) != "2019-11-19" {
		t.Errorf("list: %+v, %v; want the row dated 2019-11-19", list, err)
	}
	for q, want := range map[string]int{"published:2019-11-19": 1, "published:2019-11-20": 0} {
		if n, err := s.SearchCount(ctx, q); err != nil || n != want {
			t.Errorf("%s: %d, %v; want %d", q, n, err, want)
		}
	}
}
