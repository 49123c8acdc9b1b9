package library

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/clippings/clippings/importer"
)

// wallabagExport writes a Wallabag v2 export (as Export → JSON writes
// it) of two corpus pages with tags, states and annotations: an exact
// quote, one with a typo and one not in the text; and an entry Wallabag
// never fetched.
func wallabagExport(t *testing.T, dir string, ars, aclu page) (string, []string) {
	quotes := []string{ars.sentence(t, 2, 12), typo(ars.sentence(t, 3, 12)), "A sentence that the article never held at all."}
	entries := []map[string]any{
		{"id": 4668, "title": "Minecraft exploit", "url": ars.url, "content": string(ars.readable),
			"tags": []string{"security", "games"}, "is_archived": 1, "is_starred": 1, "created_at": "2015-04-17T09:00:00+02:00",
			"published_at": "2015-04-16T18:30:00+00:00", "published_by": []string{"Dan Goodin"}, "language": "en",
			"domain_name": "arstechnica.com", "mimetype": "text/html", "reading_time": 3,
			"annotations": []map[string]any{
				{"quote": quotes[0], "text": "the point", "created_at": "2015-04-18T10:00:00+02:00", "ranges": []any{}},
				{"quote": quotes[1], "text": ""}, {"quote": quotes[2], "text": "lost"}}},
		{"id": 4669, "title": "Never fetched", "url": "https://example.org/later", "content": "", "tags": []string{},
			"is_archived": 0, "is_starred": 0},
		{"id": 4670, "title": "Rights", "url": aclu.url, "content": string(aclu.readable), "tags": []string{"rights"},
			"is_archived": 0, "is_starred": 0, "annotations": []any{}},
	}
	data, err := json.MarshalIndent(entries, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return writeFile(t, dir, "wallabag-export.json", data), quotes
}

func TestWallabagExport(t *testing.T) {
	ars, aclu := mozilla(t, "ars-1"), mozilla(t, "aclu")
	path, quotes := wallabagExport(t, t.TempDir(), ars, aclu)
	if tool, ok := Detect(path); !ok || tool != "Wallabag export" {
		t.Fatalf("Detect = %q, %v", tool, ok)
	}
	s := newStore(t)
	rep := mustImport(t, s, path, Options{})
	if rep.Entries != 3 || rep.Articles != 2 || rep.Merged != 0 || len(rep.Skipped) != 1 ||
		rep.Skipped[0].Entry != "entry 4669" || !strings.Contains(rep.Skipped[0].Reason, "link") {
		t.Fatalf("report:\n%s", rep.Summary())
	}
	if h := rep.Highlights; h.Exact != 1 || h.Fuzzy != 1 || h.Orphaned != 1 {
		t.Errorf("highlights %+v, want 1 exact, 1 fuzzy, 1 orphaned", h)
	}
	a := article(t, s, rep.IDs[0])
	if a.Title != "Minecraft exploit" || a.Byline != "Dan Goodin" || !a.Starred || !a.Read ||
		!slices.Equal(a.Tags, []string{"games", "security"}) || a.Published.Year() != 2015 || a.Language != "en" {
		t.Errorf("article: %q by %q, starred %v read %v, tags %v, published %v, lang %q",
			a.Title, a.Byline, a.Starred, a.Read, a.Tags, a.Published, a.Language)
	}
	if a.Format != "Wallabag export, entry 4668" || a.FileName != "wallabag-export.json" {
		t.Errorf("provenance %q (%q)", a.FileName, a.Format)
	}
	if o, err := s.Original(context.Background(), a.OriginalSHA); err != nil || o.Format != formatWallabag || !strings.Contains(string(o.Data), `"id": 4670`) {
		t.Errorf("the original is not the whole export: %v", err)
	}
	hs := byQuote(highlights(t, s, a.ID))
	if h := hs[quotes[0]]; len(hs) != 3 || h.Note != "the point" || h.Created.Year() != 2015 || h.Orphaned {
		t.Fatalf("highlights %+v", hs)
	}
	if h := hs[quotes[2]]; !h.Orphaned || h.Note != "lost" {
		t.Errorf("the passage not in the text: %+v", h)
	}
	if b := article(t, s, rep.IDs[1]); b.Title == "" || b.Read || b.Starred {
		t.Errorf("second article: title %q, read %v, starred %v", b.Title, b.Read, b.Starred)
	}

	again := mustImport(t, s, path, Options{})
	if again.Articles != 0 || again.Merged != 2 || again.Tags != 0 || again.Highlights.Present != 3 {
		t.Errorf("the same export again:\n%s", again.Summary())
	}
}

func TestWallabagReadingList(t *testing.T) {
	ars, aclu := mozilla(t, "ars-1"), mozilla(t, "aclu")
	path, _ := wallabagExport(t, t.TempDir(), ars, aclu)
	s := newStore(t)
	rep := mustImport(t, s, path, Options{ReadingList: true})
	if rep.Links != 1 || rep.Articles != 2 || len(rep.Skipped) != 0 {
		t.Fatalf("report:\n%s", rep.Summary())
	}
	link := article(t, s, rep.IDs[1])
	if !slices.Contains(link.Tags, NotCaptured) || link.Text() == "" || link.URL != "https://example.org/later" {
		t.Errorf("link: tags %v, text %q, url %q", link.Tags, link.Text(), link.URL)
	}
}

func TestWallabagV1(t *testing.T) {
	ars := mozilla(t, "ars-1")
	entries := []map[string]any{{"0": "7", "id": "7", "title": "Minecraft", "url": ars.url, "is_read": "1", "is_fav": "0",
		"content": string(ars.readable), "user_id": "1", "tags": "games, security"}}
	data, _ := json.Marshal(entries)
	path := writeFile(t, t.TempDir(), "wallabag-v1.json", data)
	s := newStore(t)
	rep := mustImport(t, s, path, Options{})
	a := article(t, s, rep.IDs[0])
	if rep.Articles != 1 || !a.Read || a.Starred || !slices.Equal(a.Tags, []string{"games", "security"}) || a.Format != "Wallabag export, entry 7" {
		t.Errorf("%s\nread %v starred %v tags %v format %q", rep.Summary(), a.Read, a.Starred, a.Tags, a.Format)
	}
}

func TestPartialExport(t *testing.T) {
	ars, aclu := mozilla(t, "ars-1"), mozilla(t, "aclu")
	path, _ := wallabagExport(t, t.TempDir(), ars, aclu)
	data := readOrFail(t, path)
	cut := strings.Index(string(data), `"id": 4670`)
	path = writeFile(t, t.TempDir(), "cut.json", data[:cut+20])
	s := newStore(t)
	rep := mustImport(t, s, path, Options{})
	if rep.Entries != 2 || rep.Articles != 1 || len(rep.Skipped) != 2 || rep.Skipped[0].Entry != "the rest of the file" {
		t.Errorf("a cut export:\n%s", rep.Summary())
	}
	if _, err := Import(context.Background(), s, writeFile(t, t.TempDir(), "bad.json", []byte(`[{"is_archived": 1, "url": `)), Options{}, nil); err == nil {
		t.Error("an export with no whole entry imported without an error")
	}
}

func TestMergeWithSavedPage(t *testing.T) {
	ars, aclu := mozilla(t, "ars-1"), mozilla(t, "aclu")
	s := newStore(t)
	c, err := importer.Extract("minecraft.html", ars.source)
	if err != nil {
		t.Fatal(err)
	}
	res, err := s.AddCapture(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	path, quotes := wallabagExport(t, t.TempDir(), ars, aclu)
	rep := mustImport(t, s, path, Options{})
	if rep.Merged != 1 || rep.Articles != 1 || rep.IDs[0] != res.IDs[0] {
		t.Fatalf("the saved page's article was not merged into (saved as %d):\n%s", res.IDs[0], rep.Summary())
	}
	a := article(t, s, res.IDs[0])
	if vs, _ := s.Versions(context.Background(), a.ID); len(vs) != 1 || !slices.Contains(a.Tags, "security") || !a.Starred {
		t.Errorf("merged article: %d versions, tags %v, starred %v", len(vs), a.Tags, a.Starred)
	}
	if hs := byQuote(highlights(t, s, a.ID)); len(hs) != 3 || hs[quotes[0]].Orphaned {
		t.Errorf("highlights on the saved page's text: %+v", hs)
	}

	// Another text at the same address is a new version.
	paras := strings.Split(string(aclu.readable), "</p>")
	other := []map[string]any{{"id": 9, "title": "Changed", "url": ars.url, "content": strings.Join(paras[:len(paras)/2], "</p>") + "</p>", "is_archived": 0}}
	data, _ := json.Marshal(other)
	rep = mustImport(t, s, writeFile(t, t.TempDir(), "other.json", data), Options{})
	if rep.Versions != 1 || rep.IDs[0] != a.ID {
		t.Errorf("another text at the same address:\n%s", rep.Summary())
	}
}
