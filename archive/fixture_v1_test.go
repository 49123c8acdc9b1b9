package archive

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// updateV1 rewrites testdata/v1.db. The generator below writes with the
// first schema (migrations/0001_init.sql) and a frozen copy of the first
// release's INSERT statements, so it keeps making a first-version archive
// however the current schema changes.
var updateV1 = flag.Bool("update-v1", false, "rewrite testdata/v1.db, an archive made by the first schema version")

// v1Fixture is the path of the first-version archive kept as a test fixture.
const v1Fixture = "testdata/v1.db"

// The first release's statements (archive/add.go at commit e3491dc).
const (
	v1InsertOriginal = `
INSERT INTO originals (sha256, name, format, size, encoding, data, imported)
VALUES (?, ?, ?, ?, ?, ?, ?)`
	v1InsertImage = `
INSERT INTO images (sha256, mime, size, data) VALUES (?, ?, ?, ?)
ON CONFLICT (sha256) DO NOTHING`
	v1InsertArticle = `
INSERT INTO articles (
	original_id, position, title, subtitle, byline, site, url, url_key, language,
	published, modified, captured, imported, capture_url, file_name, format,
	blocks, figures, related, text, captions, starred, read
) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	v1InsertFTS = `
INSERT INTO articles_fts (rowid, title, subtitle, byline, text, captions)
VALUES (?, ?, ?, ?, ?, ?)`
	v1InsertTag        = `INSERT INTO tags (name) VALUES (?) ON CONFLICT DO NOTHING`
	v1InsertArticleTag = `
INSERT INTO article_tags (article_id, tag_id)
SELECT ?, id FROM tags WHERE name = ?
ON CONFLICT DO NOTHING`
)

// v1Time is the day the fixture's articles were imported.
var v1Time = time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)

// v1Captures is what the fixture holds. Tests look articles up by title.
func v1Captures() []*Capture {
	boat, chart := newImage("boat-jpeg-bytes"), newImage("chart-png-bytes")
	fish := &Article{
		Title: "Ministers agree fisheries deal", Standfirst: "Talks ran through the night",
		Byline: "Ana Pérez", Site: "The Daily Example", URL: "https://www.example.com/news/fish",
		Language: "en", Published: time.Date(2019, 2, 8, 9, 30, 0, 0, time.UTC),
		Captured: time.Date(2019, 2, 9, 10, 0, 0, 0, time.UTC),
		Blocks: []Block{
			{Kind: Paragraph, Text: "Negotiators reached a deal on cod quotas after a long night in Brussels."},
			{Kind: Heading, Text: "What changes", Level: 2},
			{Kind: FigureRef, Figure: 0},
			{Kind: Paragraph, Text: "Fishing fleets welcomed the agreement, though some harbours remain sceptical."},
		},
		Figures: []Figure{{Image: "img/boat.jpg", ImageSHA: boat.SHA256, Alt: "a boat", Caption: "A trawler in port beside a narwhal statue", Credit: "Photo: J. Doe"}},
		Related: []Link{{Title: "Earlier talks", URL: "https://example.com/earlier"}},
		Tags:    []string{"eu", "fisheries/cod"}, Starred: true,
	}
	fishAgain := *fish
	fishAgain.Blocks = []Block{{Kind: Paragraph, Text: "Negotiators reached a deal on cod quotas. Updated with reactions."}}
	fishAgain.Tags, fishAgain.Starred, fishAgain.Captured = []string{"fisheries"}, false, time.Date(2019, 2, 10, 8, 0, 0, 0, time.UTC)
	zh := &Article{
		Title: "中美贸易谈判取得进展", Site: "新华网", Language: "zh", URL: "https://news.example.cn/2019/trade",
		Published: time.Date(2019, 3, 2, 0, 0, 0, 0, time.UTC),
		Blocks:    []Block{{Kind: Paragraph, Text: "双方代表在北京举行会谈，讨论关税问题。会议持续了两天。"}},
		Figures:   []Figure{{Image: "chart.png", ImageSHA: chart.SHA256, Caption: "贸易数据图表", Credit: "新华社"}},
		Tags:      []string{"china/trade"},
	}
	ja := &Article{
		Title: "東京の天気", Language: "ja", Site: "Example Japan",
		Published: time.Date(2020, 6, 1, 0, 0, 0, 0, time.UTC),
		Blocks:    []Block{{Kind: Paragraph, Text: "東京では明日、雨が降るでしょう。気温は二十度です。"}},
		Read:      true,
	}
	ko1 := &Article{
		Title: "서울에서 열린 정상회담", Language: "ko", Site: "Example Korea", URL: "https://example.kr/summit",
		Published: time.Date(2018, 4, 27, 0, 0, 0, 0, time.UTC),
		Blocks:    []Block{{Kind: Paragraph, Text: "남북 정상은 판문점에서 만나 평화를 논의했다."}},
		Tags:      []string{"korea/diplomacy"},
	}
	ko2 := &Article{
		Title: "Summit follow-up", Language: "en", Site: "Example Korea", URL: "https://example.kr/follow-up",
		Published: time.Date(2018, 5, 2, 0, 0, 0, 0, time.UTC),
		Blocks:    []Block{{Kind: Paragraph, Text: "Diplomats met again at Panmunjom to follow up on the April summit."}},
		Related:   []Link{{Title: "The summit", URL: "https://example.kr/summit"}},
		Tags:      []string{"korea/diplomacy", "korea"},
	}
	c1 := newCapture("fish.html", "<html>fish v1</html>", fish)
	c1.Images = []Image{boat}
	c2 := newCapture("fish-again.html", "<html>fish again</html>", &fishAgain)
	c2.Images = []Image{boat}
	c3 := newCapture("trade.mhtml", "MIME trade", zh)
	c3.Images = []Image{chart}
	c4 := newCapture("tenki.txt", "tenki", ja)
	c5 := newCapture("korea.warc", "WARC korea", ko1, ko2)
	return []*Capture{c1, c2, c3, c4, c5}
}

// TestMakeFixtureV1 writes testdata/v1.db when run with -update-v1:
//
//	go test -tags sqlite_fts5 -run TestMakeFixtureV1 ./archive/ -args -update-v1
func TestMakeFixtureV1(t *testing.T) {
	t.Parallel()
	if !*updateV1 {
		t.Skip("run with -args -update-v1 to rewrite " + v1Fixture)
	}
	ctx := context.Background()
	tmp := filepath.Join(t.TempDir(), "v1.db")
	db, err := sql.Open("sqlite3", dsn(tmp))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, createMigrationsTable); err != nil {
		t.Fatal(err)
	}
	if err := applyMigration(ctx, db, "migrations/0001_init.sql"); err != nil {
		t.Fatal(err)
	}
	for i, c := range v1Captures() {
		if err := v1Add(ctx, db, c, v1Time.Add(time.Duration(i)*time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Remove(v1Fixture); err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, `VACUUM INTO ?`, v1Fixture); err != nil {
		t.Fatal(err)
	}
}

// v1Add stores a capture as the first release did.
func v1Add(ctx context.Context, db *sql.DB, c *Capture, imported time.Time) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	blob, enc, err := pack(c.Original.Data)
	if err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, v1InsertOriginal, c.Original.SHA256, c.Original.Name, c.Original.Format,
		len(c.Original.Data), enc, blob, formatTime(imported))
	if err != nil {
		return err
	}
	origID, _ := res.LastInsertId()
	for _, im := range c.Images {
		if _, err := tx.ExecContext(ctx, v1InsertImage, im.SHA256, im.MIME, len(im.Data), im.Data); err != nil {
			return err
		}
	}
	for i, a := range c.Articles {
		if err := v1AddArticle(ctx, tx, origID, i, a, c.Original, imported); err != nil {
			return fmt.Errorf("article %d: %w", i, err)
		}
	}
	return tx.Commit()
}

func v1AddArticle(ctx context.Context, tx *sql.Tx, origID int64, pos int, a *Article, o Original, imported time.Time) error {
	blocks, _ := encodeJSON(a.Blocks)
	figures, _ := encodeJSON(a.Figures)
	related, _ := encodeJSON(a.Related)
	text, captions := a.Text(), a.Captions()
	res, err := tx.ExecContext(ctx, v1InsertArticle,
		origID, pos, a.Title, a.Standfirst, a.Byline, a.Site, a.URL, prevURLKey(a.URL), a.Language,
		timeArg(a.Published), timeArg(a.Modified), timeArg(a.Captured), formatTime(imported), a.CaptureURL, o.Name, o.Format,
		blocks, figures, related, text, captions, a.Starred, a.Read)
	if err != nil {
		return err
	}
	id, _ := res.LastInsertId()
	if _, err := tx.ExecContext(ctx, v1InsertFTS, id, a.Title, a.Standfirst, a.Byline, text, captions); err != nil {
		return err
	}
	for _, tag := range a.Tags {
		if _, err := tx.ExecContext(ctx, v1InsertTag, tag); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, v1InsertArticleTag, id, tag); err != nil {
			return err
		}
	}
	return nil
}
