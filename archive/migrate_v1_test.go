package archive

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"
)

// openV1 opens a copy of the first-version archive with the current code,
// which migrates it.
func openV1(t *testing.T) *Store {
	t.Helper()
	data, err := os.ReadFile(v1Fixture)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "v1.db")
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Open(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// The fixture's articles by ID (see v1Captures).
const (
	v1Fish int64 = iota + 1
	v1FishAgain
	v1Chinese
	v1Japanese
	v1Korean
	v1KoreanEnglish
)

func TestMigrateV1Kept(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := openV1(t)
	if got, want := countRows(t, s, "articles"), 6; got != want {
		t.Fatalf("%d articles, want %d", got, want)
	}
	want := v1Captures()
	got, err := s.Article(ctx, v1Fish)
	if err != nil {
		t.Fatal(err)
	}
	w := want[0].Articles[0]
	if got.Title != w.Title || got.Byline != w.Byline || got.Text() != w.Text() || !got.Starred || got.Read {
		t.Errorf("article 1: %+v", got)
	}
	if !reflect.DeepEqual(got.Figures, w.Figures) || !reflect.DeepEqual(got.Related, w.Related) {
		t.Errorf("figures %+v related %+v", got.Figures, got.Related)
	}
	if !reflect.DeepEqual(got.Tags, []string{"eu", "fisheries/cod"}) {
		t.Errorf("tags %v", got.Tags)
	}
	if !got.Published.Equal(w.Published) || !got.Captured.Equal(w.Captured) || !got.Imported.Equal(v1Time) {
		t.Errorf("times %v %v %v", got.Published, got.Captured, got.Imported)
	}
	im, err := s.Image(ctx, got.Figures[0].ImageSHA)
	if err != nil || string(im.Data) != "boat-jpeg-bytes" {
		t.Errorf("image: %v", err)
	}
	o, err := s.Original(ctx, got.OriginalSHA)
	if err != nil || string(o.Data) != "<html>fish v1</html>" {
		t.Errorf("original: %v", err)
	}
	if ja, err := s.Article(ctx, v1Japanese); err != nil || !ja.Read || ja.Language != "ja" {
		t.Errorf("japanese article: %+v, %v", ja, err)
	}
	rep, err := s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() || rep.Originals != 5 || rep.Images != 2 || rep.Articles != 6 {
		t.Errorf("check: %+v", rep)
	}
}

func TestMigrateV1Search(t *testing.T) {
	t.Parallel()
	s := openV1(t)
	for _, tt := range []struct {
		query string
		want  []int64
	}{
		{"narwhal", []int64{v1Fish, v1FishAgain}},
		{"北京", []int64{v1Chinese}},
		{"谈判", []int64{v1Chinese}},
		{"贸易数据", []int64{v1Chinese}}, // caption
		{"關稅", nil},
		{"東京", []int64{v1Japanese}},
		{"天気", []int64{v1Japanese}},
		{"雨", []int64{v1Japanese}},
		{"서울", []int64{v1Korean}},
		{"판문점", []int64{v1Korean}},
		{"Panmunjom", []int64{v1KoreanEnglish}},
		{"tag:korea", []int64{v1Korean, v1KoreanEnglish}},
		{"tag:fisheries", []int64{v1Fish, v1FishAgain}},
		{"tag:fisheries/cod", []int64{v1Fish}},
		{"is:starred", []int64{v1Fish}},
		{"is:read", []int64{v1Japanese}},
		{"site:example.kr", []int64{v1Korean, v1KoreanEnglish}},
		{"published:2019", []int64{v1Fish, v1FishAgain, v1Chinese}},
		{"captured:2019-02-10", []int64{v1FishAgain}},
		{"lang:ko", []int64{v1Korean}},
	} {
		t.Run(tt.query, func(t *testing.T) {
			ids, err := s.SearchIDs(context.Background(), tt.query)
			if err != nil {
				t.Fatal(err)
			}
			slices.Sort(ids)
			if !slices.Equal(ids, tt.want) {
				t.Errorf("%q: %v, want %v", tt.query, ids, tt.want)
			}
		})
	}
}

func TestMigrateV1NewFeatures(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := openV1(t)
	t.Run("NewVersion", func(t *testing.T) {
		a := *v1Captures()[1].Articles[0]
		a.Blocks = []Block{{Kind: Paragraph, Text: "Negotiators reached a deal on cod quotas. Ministers now face the trawlermen."}}
		a.Captured = time.Date(2019, 3, 1, 0, 0, 0, 0, time.UTC)
		res, err := s.AddCapture(ctx, newCapture("fish-3.html", "fish three", &a))
		if err != nil {
			t.Fatal(err)
		}
		if res.Outcome != NewVersion || !slices.Equal(res.IDs, []int64{v1FishAgain}) {
			t.Fatalf("result %+v, want a new version of %d", res, v1FishAgain)
		}
		vs, err := s.Versions(ctx, v1FishAgain)
		if err != nil {
			t.Fatal(err)
		}
		if len(vs) != 2 || !vs[1].Current || !vs[0].Captured.Equal(time.Date(2019, 2, 10, 8, 0, 0, 0, time.UTC)) {
			t.Errorf("versions %+v", vs)
		}
		ids, err := s.SearchIDs(ctx, "trawlermen")
		if err != nil || !slices.Equal(ids, []int64{v1FishAgain}) {
			t.Errorf("trawlermen: %v, %v", ids, err)
		}
	})
	t.Run("Annotate", func(t *testing.T) {
		if _, err := s.AddHighlight(ctx, v1Chinese, NewHighlight{Exact: "讨论关税问题", Note: "tariffs"}); err != nil {
			t.Fatal(err)
		}
		for q, want := range map[string]int{"in:notes tariffs": 1, "in:notes 关税": 1, "in:notes 北京": 0, "has:notes": 1} {
			n, err := s.SearchCount(ctx, q)
			if err != nil || n != want {
				t.Errorf("%q: %d, %v; want %d", q, n, err, want)
			}
		}
	})
	t.Run("Tags", func(t *testing.T) {
		if _, err := s.RenameTag(ctx, "korea", "asia/korea"); err != nil {
			t.Fatal(err)
		}
		ids, err := s.SearchIDs(ctx, "tag:asia")
		if slices.Sort(ids); err != nil || !slices.Equal(ids, []int64{v1Korean, v1KoreanEnglish}) {
			t.Errorf("tag:asia: %v, %v", ids, err)
		}
	})
}
