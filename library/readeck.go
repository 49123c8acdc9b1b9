package library

import (
	"archive/zip"
	"encoding/json"
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/clippings/clippings/archive"
)

// readeckBookmark is a bookmark's info.json in a Readeck export (the
// fields of Readeck's bookmark record).
type readeckBookmark struct {
	UID         string
	URL         string
	Title       string
	Site        string
	SiteName    string
	Published   string
	Authors     flexList
	Lang        string
	Description string
	Labels      flexList
	IsArchived  flexBool
	IsMarked    flexBool
	Created     string
	Files       map[string]struct{ Name string }
	Annotations []struct {
		Text, Note, Color, Created string
	}
}

// isReadeck: a zip holding data.json and bookmarks' info.json files.
func isReadeck(path string) bool {
	data, info := false, false
	zipHas(path, func(name string) bool {
		data = data || name == "data.json"
		info = info || strings.HasSuffix(name, "/info.json")
		return data && info
	})
	return data && info
}

func readReadeck(path string) (*source, error) { return readWith(formatReadeck)(path) }

// parseReadeck reads a Readeck export: each bookmark's info.json, and its
// article (the file its record names, "index.html" by default) beside it
// or inside a zip beside it.
func parseReadeck(name string, data []byte) (*source, error) {
	files, err := zipFiles(data)
	if err != nil {
		return nil, err
	}
	var infos []string
	for n := range files {
		if strings.HasSuffix(n, "/info.json") {
			infos = append(infos, n)
		}
	}
	if len(infos) == 0 {
		return nil, fmt.Errorf("no bookmark in it")
	}
	sort.Strings(infos)
	src := &source{original: original(name, formatReadeck, data)}
	for _, n := range infos {
		b, err := readZipFile(files[n])
		var bm readeckBookmark
		if err == nil {
			err = json.Unmarshal(b, &bm)
		}
		if err != nil {
			src.skipped = append(src.skipped, Skip{Entry: n, Reason: err.Error()})
			continue
		}
		src.entries = append(src.entries, readeckEntry(name, len(src.entries), path.Dir(n), bm, files))
	}
	return src, nil
}

// readeckEntry is the entry of one bookmark; dir is its folder.
func readeckEntry(name string, pos int, dir string, bm readeckBookmark, files map[string]*zip.File) entry {
	ref := "bookmark " + firstOf(bm.UID, path.Base(dir), strconv.Itoa(pos+1))
	e := entry{ref: ref, pos: pos, url: bm.URL, title: bm.Title, tags: bm.Labels,
		read: bool(bm.IsArchived), starred: bool(bm.IsMarked), saved: parseTime(bm.Created)}
	for _, a := range bm.Annotations {
		e.highlights = append(e.highlights, archive.LibraryHighlight{Exact: a.Text, Note: a.Note, Color: a.Color, Created: parseTime(a.Created)})
	}
	article := "index.html"
	if f, ok := bm.Files["article"]; ok && f.Name != "" {
		article = path.Clean(f.Name)
	}
	m := meta{title: bm.Title, url: bm.URL, subtitle: bm.Description, site: bm.SiteName, host: bm.Site, lang: bm.Lang,
		authors: persons(bm.Authors...), published: parseTime(bm.Published), captured: e.saved,
		fileName: name, format: "Readeck export, " + ref}
	if f := readeckArticle(files, dir, article); f != nil {
		e.clean = func() (*archive.Article, []archive.Image, error) {
			b, err := f()
			if err != nil {
				return nil, nil, err
			}
			return cleanHTML(name, b, m)
		}
	}
	return e
}

// readeckArticle returns a reader of the bookmark's article: the file in
// dir, or in a zip in dir; nil when there is none.
func readeckArticle(files map[string]*zip.File, dir, article string) func() ([]byte, error) {
	if f := files[path.Join(dir, article)]; f != nil {
		return func() ([]byte, error) { return readZipFile(f) }
	}
	for n, f := range files {
		if path.Dir(n) != dir || !strings.HasSuffix(n, ".zip") {
			continue
		}
		b, err := readZipFile(f)
		if err != nil {
			continue
		}
		inner, err := zipFiles(b)
		if err != nil || inner[article] == nil {
			continue
		}
		return func() ([]byte, error) { return readZipFile(inner[article]) }
	}
	return nil
}
