package export

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"path/filepath"
	"testing"
	"time"

	"github.com/clippings/clippings/archive"
)

// The test archive: a few articles that exercise every format — figures
// with images (PNG, JPEG, a hostile SVG, a remote one never stored),
// lists, quotes, code, related links, highlights and notes, tags,
// collections, a saved search, an article with two versions, CJK text,
// and titles and bodies written to break things.

const hostileTitle = `../../etc/passwd <script>alert("x")</script> CON: a|b?*`

// fixture is a temporary archive and the IDs of its articles.
type fixture struct {
	store *archive.Store
	ids   map[string]int64 // by short name
	all   []int64
}

// sha returns the lower-case hex SHA-256 of data.
func sha(data []byte) string {
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}

// testPNG and testJPEG make small images.
func testPNG(t testing.TB, w, h int) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for x := 0; x < w; x++ {
		img.Set(x, h/2, color.NRGBA{200, 30, 30, 255})
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func testJPEG(t testing.TB) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 64, 48))
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var svgImage = []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><image href="https://evil.example/x.png"/></svg>`)

// capture makes a capture of one article from a fake original.
func capture(name string, a *archive.Article, images ...archive.Image) *archive.Capture {
	data := []byte("<html><title>" + a.Title + "</title><body>" + name + a.Text() + "</body></html>")
	return &archive.Capture{Original: archive.Original{SHA256: sha(data), Name: name, Format: "html", Data: data},
		Articles: []*archive.Article{a}, Images: images}
}

func day0(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// libraries is the main test article.
func libraries(t testing.TB) (*archive.Article, []archive.Image) {
	pngData, jpgData := testPNG(t, 120, 80), testJPEG(t)
	a := &archive.Article{
		Title: "Libraries keep the news", Standfirst: "Local archives matter & last",
		Byline: "By Anna Lindqvist and Bo Ek", Site: "Nordic Times", URL: "https://example.com/news/libraries?id=1&x=%20",
		Language: "en", Published: day0("2024-03-05"), Captured: day0("2024-03-06"), Imported: day0("2024-03-07"),
		Blocks: []archive.Block{
			{Kind: archive.Paragraph, Text: "Public libraries keep the news of their towns for a century."},
			{Kind: archive.Heading, Level: 2, Text: "Why it matters"},
			{Kind: archive.Paragraph, Text: "Researchers use *old* papers_daily; costs are $5 & 10% of # budgets."},
			{Kind: archive.FigureRef, Figure: 0},
			{Kind: archive.ListItem, Level: 1, Text: "first point"},
			{Kind: archive.ListItem, Level: 2, Ordered: true, Text: "nested one"},
			{Kind: archive.ListItem, Level: 2, Ordered: true, Text: "nested two"},
			{Kind: archive.ListItem, Level: 1, Text: "- second point"},
			{Kind: archive.Quote, Text: "A library is a memory."},
			{Kind: archive.Code, Text: "SELECT * FROM news; -- ```"},
			{Kind: archive.FigureRef, Figure: 1},
			{Kind: archive.Paragraph, Text: "Ελληνικά και кириллица too."},
		},
		Figures: []archive.Figure{
			{Image: "https://cdn.example.com/a.png", ImageSHA: sha(pngData), Alt: "A chart", Caption: "Visits per year", Credit: "Photo: Bo Ek"},
			{Image: "https://cdn.example.com/b.jpg", ImageSHA: sha(jpgData), Caption: "The reading room"},
		},
		Related: []archive.Link{{Title: "More on archives", URL: "https://example.com/more"}},
		Tags:    []string{"research/libraries", "to read"},
	}
	return a, []archive.Image{{SHA256: sha(pngData), MIME: "image/png", Data: pngData},
		{SHA256: sha(jpgData), MIME: "image/jpeg", Data: jpgData}}
}

// newFixture fills a temporary archive.
func newFixture(t testing.TB) *fixture {
	t.Helper()
	ctx := context.Background()
	s, err := archive.Open(ctx, filepath.Join(t.TempDir(), "archive.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	fx := &fixture{store: s, ids: map[string]int64{}}
	lib, imgs := libraries(t)
	fx.add(t, "libraries", capture("libraries.html", lib, imgs...))
	fx.add(t, "hostile", capture("hostile.html", hostileArticle(), archive.Image{SHA256: sha(svgImage), MIME: "image/svg+xml", Data: svgImage}))
	fx.add(t, "cjk", capture("cjk.html", cjkArticle()))
	twin := &archive.Article{Title: "Libraries close early", Byline: "Anna Lindqvist", Site: "Nordic Times",
		URL: "https://example.com/news/close", Published: day0("2024-01-02"), Imported: day0("2024-03-08"),
		Blocks: []archive.Block{{Kind: archive.Paragraph, Text: "Short hours."}}}
	fx.add(t, "twin", capture("twin.html", twin))
	fx.addVersions(t)
	fx.organise(t)
	return fx
}

func (fx *fixture) add(t testing.TB, name string, c *archive.Capture) {
	t.Helper()
	res, err := fx.store.AddCapture(context.Background(), c)
	if err != nil {
		t.Fatalf("add %s: %v", name, err)
	}
	fx.ids[name] = res.IDs[0]
	fx.all = append(fx.all, res.IDs[0])
}

func hostileArticle() *archive.Article {
	return &archive.Article{
		Title: hostileTitle, Byline: "=HYPERLINK(\"http://evil\")", Site: "Evil <b>Site</b>",
		URL: "javascript:alert(1)", Imported: day0("2024-03-09"),
		Blocks: []archive.Block{
			{Kind: archive.Paragraph, Text: `<img src=x onerror="alert(1)"> and <a href="https://evil.example">link</a>`},
			{Kind: archive.FigureRef, Figure: 0},
			{Kind: archive.FigureRef, Figure: 1},
			{Kind: archive.Paragraph, Text: "Bidi \u202e override and \x00 nul and \x1b escape."},
		},
		Figures: []archive.Figure{
			{Image: "https://evil.example/x.svg", ImageSHA: sha(svgImage), Caption: "<script>alert(2)</script>"},
			{Image: "https://evil.example/remote.png", Caption: "Remote only"},
		},
		Related: []archive.Link{{Title: "<b>x</b>", URL: "javascript:alert(3)"}},
	}
}

func cjkArticle() *archive.Article {
	return &archive.Article{
		Title: "金正恩氏、トランプ大統領と再会談へ", Byline: "山田太郎", Site: "東京新聞",
		URL: "https://example.jp/kim", Language: "ja", Published: day0("2019-02-01"), Imported: day0("2024-03-10"),
		Blocks: []archive.Block{
			{Kind: archive.Paragraph, Text: "中国は二回目の首脳会談を支持した。北京で発表された。"},
			{Kind: archive.Paragraph, Text: "한국어 문장도 있습니다."},
		},
	}
}

// addVersions stores two captures of one page: the article gets a
// second version.
func (fx *fixture) addVersions(t testing.TB) {
	v1 := &archive.Article{Title: "Night trains return", Site: "Rail News", URL: "https://rail.example/night",
		Published: day0("2023-05-01"), Imported: day0("2024-02-01"),
		Blocks: []archive.Block{{Kind: archive.Paragraph, Text: "Night trains are back in Europe."}}}
	fx.add(t, "trains", capture("trains-v1.html", v1))
	v2 := *v1
	v2.Imported = day0("2024-02-15")
	v2.Blocks = []archive.Block{{Kind: archive.Paragraph, Text: "Night trains are back in Europe, with new routes."}}
	res, err := fx.store.AddCapture(context.Background(), capture("trains-v2.html", &v2))
	if err != nil || res.Outcome != archive.NewVersion {
		t.Fatalf("second version: %v %v", res.Outcome, err)
	}
	if res.IDs[0] != fx.ids["trains"] {
		t.Fatalf("new version got ID %d, want %d", res.IDs[0], fx.ids["trains"])
	}
}

// organise adds annotations, states, collections and a saved search.
func (fx *fixture) organise(t testing.TB) {
	ctx := context.Background()
	s := fx.store
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	_, err := s.AddHighlight(ctx, fx.ids["libraries"], archive.NewHighlight{Exact: "keep the news", Color: "green", Note: "Key *claim* [1]"})
	must(err)
	_, err = s.AddHighlight(ctx, fx.ids["libraries"], archive.NewHighlight{Exact: "A library is a memory."})
	must(err)
	_, err = s.AddHighlight(ctx, fx.ids["cjk"], archive.NewHighlight{Exact: "首脳会談", Color: "yellow"})
	must(err)
	must(s.SetNote(ctx, fx.ids["libraries"], "Follow up with the archivist.\n\nSecond paragraph."))
	must(s.SetStarred(ctx, true, fx.ids["libraries"]))
	must(s.SetRead(ctx, true, fx.ids["cjk"]))
	_, err = s.AddTags(ctx, []int64{fx.ids["cjk"]}, "korea/diplomacy")
	must(err)
	reading, err := s.CreateCollection(ctx, 0, "Reading")
	must(err)
	summits, err := s.CreateCollection(ctx, reading, "Summits")
	must(err)
	_, err = s.AddToCollection(ctx, reading, fx.ids["trains"], fx.ids["libraries"])
	must(err)
	_, err = s.AddToCollection(ctx, summits, fx.ids["cjk"])
	must(err)
	_, err = s.CreateCollection(ctx, 0, "Empty")
	must(err)
	must(s.SaveSearch(ctx, "libs", "libraries"))
}
