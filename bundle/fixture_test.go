package bundle

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/clippings/clippings/archive"
)

// The test bundle, written by Write from a Document made here: an
// article with a figure, a highlight, a note, tags and a star; an
// article with an earlier version; two collections, one inside the
// other; a saved search.

// fixture is a bundle's content: its document and the bytes of its files.
type fixture struct {
	doc       Document
	originals map[string][]byte // by SHA-256
	images    map[string][]byte
}

func shaOf(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// content is a version of an article cleaned from a saved file.
func (fx *fixture) content(file, title, url, text, imported string) DocContent {
	data := []byte("<html><title>" + title + "</title><p>" + text + "</p></html>")
	sha := shaOf(data)
	if fx.originals[sha] == nil {
		fx.originals[sha] = data
		fx.doc.Originals = append(fx.doc.Originals, DocOriginal{SHA256: sha, Name: file, Format: "html", Size: int64(len(data))})
	}
	a := &archive.Article{Title: title, Site: "Example News", URL: url, Published: day("2024-01-01"),
		Imported: day(imported), OriginalSHA: sha, FileName: file, Format: "html",
		Blocks: []archive.Block{{Kind: archive.Paragraph, Text: text}}}
	return ContentOf(a)
}

// newFixture makes the test bundle's content.
func newFixture() *fixture {
	fx := &fixture{doc: Document{Format: DocFormat, Version: DocVersion, Title: "Test"},
		originals: map[string][]byte{}, images: map[string][]byte{}}
	img := []byte("\x89PNG not really, but bytes with a hash")
	fx.images[shaOf(img)] = img
	fx.doc.Images = []DocImage{{SHA256: shaOf(img), MIME: "image/png", Size: int64(len(img))}}

	text := "Libraries keep the news. A library is a memory."
	lib := DocArticle{Key: "lib2024", DocContent: fx.content("libraries.html", "Libraries", "https://example.com/lib",
		text, "2024-03-01"), Tags: []string{"research/libraries", "to read"}, Starred: true, Versions: []DocContent{}}
	lib.Blocks = append(lib.Blocks, archive.Block{Kind: archive.FigureRef, Figure: 0})
	lib.Figures = []archive.Figure{{Image: "https://example.com/a.png", ImageSHA: shaOf(img), Caption: "The reading room"}}
	start := strings.Index(text, "keep the news")
	created := time.Date(2024, 3, 2, 10, 0, 0, 0, time.UTC)
	lib.Annotations = []DocAnnotation{
		{Kind: archive.KindNote, Note: "Follow up with the archivist.", Created: created, Modified: created},
		{Kind: archive.KindHighlight, Quote: archive.TextQuote{Exact: "keep the news"}, Start: start,
			End: start + len("keep the news"), Color: "green", Note: "Key claim", Created: created, Modified: created},
	}

	v1 := fx.content("trains-v1.html", "Night trains", "https://example.com/trains", "Night trains are back.", "2024-02-01")
	trains := DocArticle{Key: "trains2024", DocContent: fx.content("trains-v2.html", "Night trains",
		"https://example.com/trains", "Night trains are back, with new routes.", "2024-02-15"),
		Tags: []string{}, Read: true, Annotations: []DocAnnotation{}, Versions: []DocContent{v1}}

	fx.doc.Articles = []DocArticle{trains, lib}
	fx.doc.Collections = []DocCollection{{Path: "Reading", Articles: []string{"trains2024", "lib2024"}},
		{Path: "Reading/Summits", Articles: []string{"lib2024"}}}
	fx.doc.SavedSearches = []DocSavedSearch{{Name: "libs", Query: "libraries"}}
	return fx
}

// Original and Image make a fixture the Files of Write.
func (fx *fixture) Original(_ context.Context, sha string) (*archive.Original, error) {
	if data, ok := fx.originals[sha]; ok {
		return &archive.Original{SHA256: sha, Data: data}, nil
	}
	return nil, archive.ErrNotFound
}

func (fx *fixture) Image(_ context.Context, sha string) (*archive.Image, error) {
	if data, ok := fx.images[sha]; ok {
		return &archive.Image{SHA256: sha, Data: data}, nil
	}
	return nil, archive.ErrNotFound
}

// write writes the fixture's bundle and returns its path.
func (fx *fixture) write(t testing.TB) string {
	t.Helper()
	var doc bytes.Buffer
	enc := json.NewEncoder(&doc)
	enc.SetIndent("", "  ")
	if err := enc.Encode(fx.doc); err != nil {
		t.Fatal(err)
	}
	return fx.writeDoc(t, doc.Bytes())
}

// writeDoc writes a bundle of fx's files whose document is doc, as
// given, and returns its path.
func (fx *fixture) writeDoc(t testing.TB, doc []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "test"+Ext)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	err = Write(context.Background(), f, day("2024-04-01"), fx, func(w io.Writer) (Refs, error) {
		refs := Refs{Originals: map[string]bool{}, Images: map[string]bool{}}
		for sha := range fx.originals {
			refs.Originals[sha] = true
		}
		for sha := range fx.images {
			refs.Images[sha] = true
		}
		_, err := w.Write(doc)
		return refs, err
	})
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// emptyStore opens a new archive.
func emptyStore(t testing.TB) *archive.Store {
	t.Helper()
	s, err := archive.Open(context.Background(), filepath.Join(t.TempDir(), "archive.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// entries reads a bundle's entries, in order.
func entries(t testing.TB, path string) ([]string, map[string][]byte) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var names []string
	out := map[string][]byte{}
	for _, f := range zr.File {
		data, err := readEntry(f)
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, f.Name)
		out[f.Name] = data
	}
	return names, out
}

// zipOf writes a zip with the given entries and returns its path.
func zipOf(t testing.TB, files map[string][]byte) string {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, data := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "bad"+Ext)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
