package library

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/importer"
)

// zoteroFixture is a Zotero data directory built from Zotero's schema: a
// web page with its snapshot; a newspaper article by a person and an
// organisation, tagged "security/games", in the nested collection
// Research/Climate, with a child note, a snapshot and a highlight (and an
// image annotation) on it; a web page without a snapshot; a journal
// article; and a web page in the trash.
type zoteroFixture struct {
	dir, quote string
}

func newZoteroFixture(t *testing.T, ars, aclu page) zoteroFixture {
	dir := t.TempDir()
	f := zoteroFixture{dir: dir, quote: aclu.sentence(t, 2, 10)}
	singleFile := "<!--\n Page saved with SingleFile \n url: " + ars.url + " \n saved date: Fri Apr 17 2015 09:00:00 GMT+0200 (CEST)\n-->" + string(ars.source)
	writeFile(t, dir, "storage/SNAP0001/Minecraft exploit.html", []byte(singleFile))
	writeFile(t, dir, "storage/SNAP0002/aclu.html", aclu.source)
	db, err := sql.Open("sqlite3", filepath.Join(dir, zoteroDB))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.Exec(q, args...); err != nil {
			t.Fatalf("%v\n%s", err, q)
		}
	}
	exec(zoteroSchema)
	for _, it := range []struct {
		id, typ int
		key     string
	}{{1, 38, "ABCD2345"}, {2, 3, "SNAP0001"}, {3, 36, "EFGH6789"}, {4, 3, "SNAP0002"}, {5, 28, "NOTE0001"},
		{6, 1, "ANNO0001"}, {7, 38, "NOSNAP01"}, {8, 22, "JOUR0001"}, {9, 38, "TRASH001"}, {10, 1, "ANNO0002"}} {
		exec(`INSERT INTO items (itemID, itemTypeID, libraryID, key, dateAdded) VALUES (?, ?, 1, ?, '2015-04-18 10:00:00')`, it.id, it.typ, it.key)
	}
	value := 0
	field := func(item, field int, v string) {
		value++
		exec(`INSERT INTO itemDataValues (valueID, value) VALUES (?, ?)`, value, v)
		exec(`INSERT INTO itemData (itemID, fieldID, valueID) VALUES (?, ?, ?)`, item, field, value)
	}
	field(1, 1, "Minecraft exploit (Zotero)")
	field(1, 13, ars.url)
	field(1, 91, "Ars Technica")
	field(1, 14, "2015-04-17 07:00:00")
	field(3, 1, "Civil liberties (Zotero)")
	field(3, 6, "2015-04-16 2015-04-16")
	field(3, 38, "The Paper")
	field(3, 13, aclu.url)
	field(3, 14, "2015-04-18 10:30:00")
	field(3, 7, "en")
	field(3, 16, "Original date: 2015-04-15")
	field(7, 1, "A page never snapshotted")
	field(9, 1, "Thrown away")
	exec(`INSERT INTO creators VALUES (1, 'Jane', 'Doe', 0), (2, '', 'Associated Press', 1), (3, 'Sam', 'Roe', 0)`)
	exec(`INSERT INTO itemCreators VALUES (3, 1, 8, 0), (3, 2, 8, 1), (3, 3, 10, 2)`)
	exec(`INSERT INTO itemAttachments (itemID, parentItemID, linkMode, contentType, path) VALUES
		(2, 1, 1, 'text/html', 'storage:Minecraft exploit.html'), (4, 3, 1, 'text/html', 'storage:aclu.html')`)
	exec(`INSERT INTO itemNotes (itemID, parentItemID, note, title) VALUES
		(5, 3, '<div data-schema-version="9"><p>Read for <strong>chapter 2</strong>.</p><p>Compare with the court ruling.</p></div>', 'Read for chapter 2.')`)
	exec(`INSERT INTO itemAnnotations VALUES
		(6, 4, 1, NULL, ?, 'key claim', '#ffd400', NULL, '00000|000100|00000', '{"type":"CssSelector","value":"p"}', 0),
		(10, 4, 3, NULL, NULL, NULL, '#ff6666', NULL, '00000|000200|00000', '{"type":"CssSelector","value":"img"}', 0)`, f.quote)
	exec(`INSERT INTO tags VALUES (1, 'security/games')`)
	exec(`INSERT INTO itemTags VALUES (3, 1, 0)`)
	exec(`INSERT INTO collections (collectionID, collectionName, parentCollectionID, libraryID, key) VALUES
		(1, 'Research', NULL, 1, 'COLL0001'), (2, 'Climate', 1, 1, 'COLL0002')`)
	exec(`INSERT INTO collectionItems VALUES (2, 3, 0)`)
	exec(`INSERT INTO deletedItems (itemID) VALUES (9)`)
	return f
}

func TestZoteroLibrary(t *testing.T) {
	ars, aclu := mozilla(t, "ars-1"), mozilla(t, "aclu")
	f := newZoteroFixture(t, ars, aclu)
	for _, p := range []string{f.dir, filepath.Join(f.dir, zoteroDB)} {
		if tool, ok := Detect(p); !ok || tool != "Zotero library" {
			t.Errorf("Detect(%s) = %q, %v", p, tool, ok)
		}
	}
	before := fileState(t, filepath.Join(f.dir, zoteroDB))
	s := newStore(t)
	rep := mustImport(t, s, f.dir, Options{})
	if rep.Entries != 3 || rep.Articles != 2 || len(rep.Skipped) != 3 || rep.Highlights.Exact != 1 {
		t.Fatalf("report:\n%s", rep.Summary())
	}
	reasons := strings.Join([]string{rep.Skipped[0].Entry + ": " + rep.Skipped[0].Reason,
		rep.Skipped[1].Entry + ": " + rep.Skipped[1].Reason, rep.Skipped[2].Entry + ": " + rep.Skipped[2].Reason}, "\n")
	for _, want := range []string{"item NOSNAP01: no HTML snapshot", "1 other items: not web pages", "item EFGH6789: 1 annotations without text"} {
		if !strings.Contains(reasons, want) {
			t.Errorf("skipped lacks %q:\n%s", want, reasons)
		}
	}
	web := article(t, s, rep.IDs[0])
	if web.Title != "Minecraft exploit (Zotero)" || web.Site != "Ars Technica" || web.Format != "Zotero, item ABCD2345" ||
		web.FileName != "Minecraft exploit.html" || web.Captured.Hour() != 7 {
		t.Errorf("web page: %q, site %q, from %q (%q), captured %v", web.Title, web.Site, web.FileName, web.Format, web.Captured)
	}
	news := article(t, s, rep.IDs[1])
	if news.Byline != "Jane Doe, Associated Press, Sam Roe" || news.Site != "The Paper" || news.Published.Format("2006-01-02") != "2015-04-16" ||
		news.Language != "en" || !slices.Equal(news.Tags, []string{"security/games"}) {
		t.Errorf("newspaper article: by %q, site %q, published %v, lang %q, tags %v",
			news.Byline, news.Site, news.Published, news.Language, news.Tags)
	}
	n := note(t, s, news.ID)
	if !strings.Contains(n, "Read for chapter 2.\n\nCompare with the court ruling.") || !strings.Contains(n, "Extra: Original date: 2015-04-15") {
		t.Errorf("note %q", n)
	}
	if hs := highlights(t, s, news.ID); len(hs) != 1 || hs[0].Orphaned || hs[0].Note != "key claim" || hs[0].Color != "#ffd400" {
		t.Errorf("highlights %+v", hs)
	}
	c, err := s.CollectionByPath(context.Background(), "Research/Climate")
	if err != nil || c.Count != 1 {
		t.Errorf("collection Research/Climate: %+v, %v", c, err)
	}
	if after := fileState(t, filepath.Join(f.dir, zoteroDB)); after != before {
		t.Error("zotero.sqlite changed while it was read")
	}
	if entries, _ := os.ReadDir(f.dir); len(entries) != 2 {
		t.Errorf("the data directory holds %d files after the import, want zotero.sqlite and storage", len(entries))
	}
}

// TestZoteroCreators checks the authors one by one (the archive keeps
// the byline only): persons, an organisation, an editor's role.
func TestZoteroCreators(t *testing.T) {
	f := newZoteroFixture(t, mozilla(t, "ars-1"), mozilla(t, "aclu"))
	src, err := readZotero(f.dir)
	if err != nil {
		t.Fatal(err)
	}
	a, _, err := src.entries[1].clean()
	if err != nil {
		t.Fatal(err)
	}
	want := []archive.Author{{Name: "Jane Doe", Kind: archive.Person}, {Name: "Associated Press", Kind: archive.Organization},
		{Name: "Sam Roe", Kind: archive.Person, Role: "editor"}}
	if !slices.Equal(a.Authors, want) {
		t.Errorf("authors %+v, want %+v", a.Authors, want)
	}
}

// fileState is the content and modification time of a file.
func fileState(t *testing.T, path string) string {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(readOrFail(t, path))
	return string(sum[:]) + st.ModTime().String()
}

// TestZoteroReextract cleans a Zotero library's articles again: the body
// comes from the snapshot, the record stays the item's (title, site,
// authors, date), and the highlight stays on its text.
func TestZoteroReextract(t *testing.T) {
	f := newZoteroFixture(t, mozilla(t, "ars-1"), mozilla(t, "aclu"))
	s := newStore(t)
	rep := mustImport(t, s, f.dir, Options{})
	web0, news0 := article(t, s, rep.IDs[0]), article(t, s, rep.IDs[1])
	hs0 := highlights(t, s, news0.ID)
	rx, err := importer.Reextract(context.Background(), s, importer.Options{Workers: 1}, nil)
	if err != nil || rx.Failed != 0 {
		t.Fatalf("reextract: %+v, %v", rx, err)
	}
	web, news := article(t, s, rep.IDs[0]), article(t, s, rep.IDs[1])
	if web.Title != "Minecraft exploit (Zotero)" || web.Site != "Ars Technica" || web.Format != "Zotero, item ABCD2345" {
		t.Errorf("web page after reextract: %q, site %q, format %q; want the Zotero item's", web.Title, web.Site, web.Format)
	}
	if news.Byline != news0.Byline || news.Site != "The Paper" || !news.Published.Equal(news0.Published) ||
		!slices.Equal(news.Authors, news0.Authors) || news.URL != news0.URL {
		t.Errorf("newspaper article after reextract: by %q (%v), site %q, published %v, %s; want %q, The Paper, %v, %s",
			news.Byline, news.Authors, news.Site, news.Published, news.URL, news0.Byline, news0.Published, news0.URL)
	}
	if web.Text() != web0.Text() {
		t.Errorf("the body changed on a second cleaning of the same snapshot")
	}
	if hs := highlights(t, s, news.ID); len(hs) != len(hs0) || len(hs) == 0 || hs[0].Orphaned || hs[0].Start != hs0[0].Start {
		t.Errorf("highlights %+v, were %+v", hs, hs0)
	}
}
