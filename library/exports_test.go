package library

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/clippings/clippings/importer"
)

// zipOf is a zip holding files by name.
func zipOf(t *testing.T, files map[string][]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for name, data := range files {
		f, err := w.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestOmnivoreExport imports an export zip as Omnivore's export job wrote
// it: metadata_0_to_20.json, content/SLUG.html (or .md) and
// highlights/SLUG.md, with a highlight with labels and a note, one whose
// quote spans two paragraphs, and a note of the article.
func TestOmnivoreExport(t *testing.T) {
	ars, aclu := mozilla(t, "ars-1"), mozilla(t, "aclu")
	paras := strings.Split(ars.text, "\n\n")
	q1, q2 := ars.sentence(t, 2, 12), paras[len(paras)-2]+"\n> \n"+paras[len(paras)-1]
	highlightsMD := "My view of the whole piece.\n\n> " + q1 + " \n\n#security #games\n\nWorth quoting.\n\n> " + q2 + " "
	meta := []map[string]any{
		{"id": "a1", "slug": "minecraft-exploit", "title": "Minecraft exploit", "description": "Two-year-old bug.",
			"author": "Dan Goodin", "url": ars.url, "state": "Archived", "readingProgress": 100, "thumbnail": "",
			"labels": []string{"security", "Newsletters"}, "savedAt": "2024-05-01T10:00:00.000Z", "updatedAt": "2024-05-02T10:00:00.000Z",
			"publishedAt": "2015-04-16T18:30:00.000Z"},
		{"id": "a2", "slug": "aclu-notes", "title": "ACLU", "url": aclu.url, "state": "Succeeded", "labels": []string{},
			"savedAt": "2024-05-03T10:00:00.000Z", "publishedAt": nil},
		{"id": "a3", "slug": "gone", "title": "Gone", "url": "https://example.org/gone", "state": "Succeeded", "labels": nil},
	}
	data := zipOf(t, map[string][]byte{
		"metadata_0_to_3.json":            mustJSON(t, meta),
		"content/minecraft-exploit.html":  ars.readable,
		"content/aclu-notes.md":           []byte("# ACLU\n\nThe *first* paragraph of notes on civil liberties, long enough to read as text.\n\n- one\n- two\n"),
		"highlights/minecraft-exploit.md": []byte(highlightsMD),
	})
	path := writeFile(t, t.TempDir(), "omnivore-export.zip", data)
	if tool, ok := Detect(path); !ok || tool != "Omnivore export" {
		t.Fatalf("Detect = %q, %v", tool, ok)
	}
	s := newStore(t)
	rep := mustImport(t, s, path, Options{})
	if rep.Entries != 3 || rep.Articles != 2 || len(rep.Skipped) != 1 || rep.Highlights.Exact != 2 || rep.Notes != 1 {
		t.Fatalf("report:\n%s", rep.Summary())
	}
	a := article(t, s, rep.IDs[0])
	if !a.Read || a.Byline != "Dan Goodin" || !slices.Equal(a.Tags, []string{"Newsletters", "security"}) || a.Captured.Year() != 2024 ||
		a.Format != "Omnivore export, item minecraft-exploit" {
		t.Errorf("article: read %v, by %q, tags %v, captured %v, format %q", a.Read, a.Byline, a.Tags, a.Captured, a.Format)
	}
	hs := byQuote(highlights(t, s, a.ID))
	if h, ok := hs[q1]; !ok || h.Note != "Worth quoting." {
		t.Errorf("first highlight: %+v", hs)
	}
	if n := note(t, s, a.ID); n != "My view of the whole piece." {
		t.Errorf("note %q", n)
	}
	if md := article(t, s, rep.IDs[1]); md.Title != "ACLU" || !strings.Contains(md.Text(), "first paragraph of notes") {
		t.Errorf("markdown content: %q\n%s", md.Title, md.Text())
	}
}

func TestOmnivoreHighlights(t *testing.T) {
	hs, notes := omnivoreHighlights("> One passage. \n\n#label\n\nA note\non two lines.\n\n> Two\n> \nparagraphs \n\n> Three")
	if len(hs) != 3 || hs[0].Exact != "One passage." || hs[0].Note != "A note\non two lines." ||
		hs[1].Exact != "Two\n\nparagraphs" || hs[2].Exact != "Three" || len(notes) != 0 {
		t.Errorf("highlights %+v, notes %q", hs, notes)
	}
}

// TestReadeckExport imports a Readeck export: data.json, and per
// bookmark its info.json with labels, states and annotations, and its
// article (beside it, or in the bookmark's own zip).
func TestReadeckExport(t *testing.T) {
	ars, aclu := mozilla(t, "ars-1"), mozilla(t, "aclu")
	quote := ars.sentence(t, 2, 12)
	info := func(uid, url, title string, marked bool) map[string]any {
		return map[string]any{"UID": uid, "URL": url, "Title": title, "SiteName": "Site of " + title, "Site": "example.org",
			"Authors": []string{"Dan Goodin"}, "Lang": "en", "Labels": []string{"to/read"}, "IsArchived": true, "IsMarked": marked,
			"Created": "2024-06-01T08:00:00Z", "Published": "2015-04-16T00:00:00Z",
			"Files":       map[string]any{"article": map[string]string{"name": "index.html", "type": "text/html"}},
			"Annotations": []map[string]any{{"ID": "x1", "Text": quote, "Note": "why", "Color": "yellow", "Created": "2024-06-02T08:00:00Z"}}}
	}
	data := zipOf(t, map[string][]byte{
		"data.json":                 []byte(`{"Users": [{"ID": 1, "Username": "me"}]}`),
		"bookmarks/AAAA/info.json":  mustJSON(t, info("AAAA", ars.url, "Minecraft", true)),
		"bookmarks/AAAA/index.html": ars.readable,
		"bookmarks/BBBB/info.json":  mustJSON(t, info("BBBB", aclu.url, "ACLU", false)),
		"bookmarks/BBBB/BBBB.zip":   zipOf(t, map[string][]byte{"index.html": aclu.readable}),
		"bookmarks/CCCC/info.json":  []byte(`{"UID": "CCCC", "URL": "https://example.org/no-content", "Title": "Link"}`),
		"bookmarks/DDDD/info.json":  []byte(`{"UID": "DDDD", "URL": `),
	})
	path := writeFile(t, t.TempDir(), "readeck-export.zip", data)
	if tool, ok := Detect(path); !ok || tool != "Readeck export" {
		t.Fatalf("Detect = %q, %v", tool, ok)
	}
	s := newStore(t)
	rep := mustImport(t, s, path, Options{})
	if rep.Entries != 3 || rep.Articles != 2 || len(rep.Skipped) != 2 || rep.Highlights.Orphaned != 1 || rep.Highlights.Exact != 1 {
		t.Fatalf("report:\n%s", rep.Summary())
	}
	a := article(t, s, rep.IDs[0])
	if !a.Starred || !a.Read || a.Site != "Site of Minecraft" || !slices.Equal(a.Tags, []string{"to/read"}) || a.Format != "Readeck export, bookmark AAAA" {
		t.Errorf("article: starred %v, read %v, site %q, tags %v, format %q", a.Starred, a.Read, a.Site, a.Tags, a.Format)
	}
	if b := article(t, s, rep.IDs[1]); b.Starred || b.Title != "ACLU" {
		t.Errorf("the article from the bookmark's zip: %q, starred %v", b.Title, b.Starred)
	}
}

// TestKarakeepExport imports a Karakeep export: a link bookmark (no
// content), one exported with its HTML, a text bookmark, in nested lists.
func TestKarakeepExport(t *testing.T) {
	ars := mozilla(t, "ars-1")
	export := map[string]any{
		"bookmarks": []map[string]any{
			{"createdAt": 1714557600, "title": "Later", "tags": []string{"x"}, "lists": []string{}, "note": nil, "archived": false,
				"content": map[string]any{"type": "link", "url": "https://example.org/later"}},
			{"createdAt": 1714557601, "title": "Minecraft", "tags": []string{"security"}, "lists": []string{"l2"}, "note": "Read twice.",
				"archived": true, "content": map[string]any{"type": "link", "url": ars.url, "htmlContent": string(ars.readable)}},
			{"createdAt": 1714557602, "title": "An idea", "tags": []string{}, "lists": []string{"l1"}, "note": nil, "archived": false,
				"content": map[string]any{"type": "text", "text": "An idea worth keeping, written down as a note of several words.\n\nAnd a second paragraph."}},
			{"createdAt": 1714557603, "title": "A picture", "tags": []string{}, "content": nil},
		},
		"lists": []map[string]any{{"id": "l1", "name": "Reading", "icon": "📚", "type": "manual", "parentId": nil},
			{"id": "l2", "name": "Games", "icon": "🎮", "type": "manual", "parentId": "l1"}},
	}
	path := writeFile(t, t.TempDir(), "karakeep-export.json", mustJSON(t, export))
	if tool, ok := Detect(path); !ok || tool != "Karakeep export" {
		t.Fatalf("Detect = %q, %v", tool, ok)
	}
	s := newStore(t)
	rep := mustImport(t, s, path, Options{ReadingList: true})
	if rep.Entries != 4 || rep.Articles != 2 || rep.Links != 1 || len(rep.Skipped) != 1 || rep.Notes != 1 || rep.Collections != 2 {
		t.Fatalf("report:\n%s", rep.Summary())
	}
	for path, n := range map[string]int{"Reading": 1, "Reading/Games": 1} {
		if c, err := s.CollectionByPath(context.Background(), path); err != nil || c.Count != n {
			t.Errorf("collection %s: %+v, %v", path, c, err)
		}
	}
	if a := article(t, s, rep.IDs[1]); !a.Read || a.Title != "Minecraft" || note(t, s, a.ID) != "Read twice." {
		t.Errorf("article: %q read %v", a.Title, a.Read)
	}
}

func TestLinkLists(t *testing.T) {
	dir := t.TempDir()
	pocket := writeFile(t, dir, "part_000000.csv", []byte("title,url,time_added,cursor,tags,status\n"+
		"Read later,https://example.org/a,1714557600,,news|long reads,unread\n"+
		"Done,https://example.org/b,1714557601,,,archive\n"+
		"No address,,1714557602,,,unread\n"))
	marks := writeFile(t, dir, "bookmarks.html", []byte(`<!DOCTYPE NETSCAPE-Bookmark-file-1>
<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
<TITLE>Bookmarks</TITLE><H1>Bookmarks</H1>
<DL><p>
<DT><H3 ADD_DATE="1714557600">Research</H3>
<DL><p>
<DT><A HREF="https://example.org/c" ADD_DATE="1714557600" TAGS="climate,data">Climate data</A>
<DT><H3>Old/New</H3>
<DL><p><DT><A HREF="https://example.org/d">Deeper</A></DL><p>
</DL><p>
<DT><A HREF="javascript:alert(1)">A bookmarklet</A>
</DL><p>`))
	for path, tool := range map[string]string{pocket: "Pocket export", marks: "bookmarks file"} {
		if got, ok := Detect(path); !ok || got != tool {
			t.Errorf("Detect(%s) = %q, %v", path, got, ok)
		}
	}
	s := newStore(t)
	if rep := mustImport(t, s, pocket, Options{}); rep.Links != 0 || len(rep.Skipped) != 3 || rep.Entries != 3 {
		t.Errorf("Pocket without a reading list:\n%s", rep.Summary())
	}
	rep := mustImport(t, s, pocket, Options{ReadingList: true})
	if rep.Links != 2 || len(rep.Skipped) != 1 {
		t.Fatalf("Pocket:\n%s", rep.Summary())
	}
	if a := article(t, s, rep.IDs[0]); !slices.Equal(a.Tags, []string{"long reads", "news", NotCaptured}) || a.Read {
		t.Errorf("Pocket link: tags %v, read %v", a.Tags, a.Read)
	}
	rep = mustImport(t, s, marks, Options{ReadingList: true})
	if rep.Links != 2 || len(rep.Skipped) != 1 || rep.Collections != 2 {
		t.Fatalf("bookmarks:\n%s", rep.Summary())
	}
	if c, err := s.CollectionByPath(context.Background(), "Research/Old-New"); err != nil || c.Count != 1 {
		t.Errorf("bookmark folders: %+v, %v", c, err)
	}
}

// TestReextract cleans the archive again: the articles of an export are
// read from the stored export, and their highlights stay where they were.
func TestReextract(t *testing.T) {
	ars, aclu := mozilla(t, "ars-1"), mozilla(t, "aclu")
	path, _ := wallabagExport(t, t.TempDir(), ars, aclu)
	s := newStore(t)
	rep := mustImport(t, s, path, Options{ReadingList: true})
	before := highlights(t, s, rep.IDs[0])
	rx, err := importer.Reextract(context.Background(), s, importer.Options{Workers: 1}, nil)
	if err != nil || rx.Failed != 0 || rx.Unchanged != 3 {
		t.Fatalf("reextract: %+v, %v", rx, err)
	}
	after := highlights(t, s, rep.IDs[0])
	if len(after) != len(before) {
		t.Fatalf("%d highlights before, %d after", len(before), len(after))
	}
	for i := range after {
		if after[i].Start != before[i].Start || after[i].Orphaned != before[i].Orphaned {
			t.Errorf("highlight %d moved: %+v → %+v", i, before[i], after[i])
		}
	}
}
