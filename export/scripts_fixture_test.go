package export

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/clippings/clippings/archive"
)

// Articles in scripts other than Latin, for the rules on languages,
// writing directions and fonts: Arabic and Hebrew (right to left, with
// numbers and Latin inside), Chinese, Japanese and Korean.

// scriptArticles are the articles of newScriptsFixture, by short name.
func scriptArticles() map[string]*archive.Article {
	p := func(s ...string) []archive.Block {
		var bs []archive.Block
		for _, t := range s {
			bs = append(bs, archive.Block{Kind: archive.Paragraph, Text: t})
		}
		return bs
	}
	return map[string]*archive.Article{
		"ar": {Title: "المكتبات تحفظ الأخبار", Byline: "سارة أحمد", Site: "الجريدة", Language: "ar",
			URL: "https://example.com/ar/libraries", Published: day0("2024-05-01"), Imported: day0("2024-05-02"),
			Blocks: p("المكتبات العامة تحفظ أخبار المدن لمدة قرن.", "في عام 2024 زار المكتبة 500 شخص من BBC News.")},
		"he": {Title: "הספריות שומרות את החדשות", Byline: "דנה כהן", Site: "העיתון", Language: "he",
			URL: "https://example.com/he/libraries", Published: day0("2024-05-03"), Imported: day0("2024-05-04"),
			Blocks: p("הספריות הציבוריות שומרות את החדשות של העיר במשך מאה שנה.", "בשנת 2024 ביקרו בספרייה 500 איש.")},
		"zh": {Title: "图书馆保存新闻", Byline: "肖春芳", Site: "新闻网", Language: "zh",
			URL: "https://example.com/zh/libraries", Published: day0("2024-05-05"), Imported: day0("2024-05-06"),
			Blocks: p("公共图书馆保存城市的新闻已有一百年。研究人员每天都使用旧报纸，“档案”很重要。")},
		"ko": {Title: "도서관은 뉴스를 보관한다", Byline: "김민수", Site: "신문", Language: "ko",
			URL: "https://example.com/ko/libraries", Published: day0("2024-05-07"), Imported: day0("2024-05-08"),
			Blocks: p("공공 도서관은 백 년 동안 도시의 뉴스를 보관합니다.")},
	}
}

// newScriptsFixture stores scriptArticles in a temporary archive and
// returns it with the IDs by short name.
func newScriptsFixture(t testing.TB) (*archive.Store, map[string]int64) {
	t.Helper()
	ctx := context.Background()
	s, err := archive.Open(ctx, filepath.Join(t.TempDir(), "archive.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	ids := map[string]int64{}
	for _, name := range []string{"ar", "he", "zh", "ko"} {
		res, err := s.AddCapture(ctx, capture(name+".html", scriptArticles()[name]))
		if err != nil {
			t.Fatalf("add %s: %v", name, err)
		}
		ids[name] = res.IDs[0]
	}
	return s, ids
}
