package library

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/clippings/clippings/archive"
)

// wallabagEntry is one entry of a Wallabag JSON export: version 2 (Export
// → JSON) or version 1 (is_read, is_fav, tags as one string).
type wallabagEntry struct {
	ID          flexString `json:"id"`
	Title       string     `json:"title"`
	URL         string     `json:"url"`
	Content     string     `json:"content"`
	Tags        flexList   `json:"tags"`
	IsArchived  flexBool   `json:"is_archived"`
	IsStarred   flexBool   `json:"is_starred"`
	IsRead      flexBool   `json:"is_read"` // version 1
	IsFav       flexBool   `json:"is_fav"`  // version 1
	CreatedAt   string     `json:"created_at"`
	PublishedAt string     `json:"published_at"`
	PublishedBy flexList   `json:"published_by"`
	Picture     string     `json:"preview_picture"`
	Language    string     `json:"language"`
	Domain      string     `json:"domain_name"`
	Annotations []struct {
		Quote     string `json:"quote"`
		Text      string `json:"text"`
		CreatedAt string `json:"created_at"`
	} `json:"annotations"`
}

// wallabagSign is a key only Wallabag's entries hold.
var wallabagSign = regexp.MustCompile(`"(is_archived|is_starred|is_fav|reading_time|domain_name)"\s*:`)

// isWallabag: a JSON list whose entries hold Wallabag's keys.
func isWallabag(path string) bool {
	b := jsonHead(path, '[')
	return b != nil && wallabagSign.Match(b) && bytes.Contains(b, []byte(`"url"`))
}

func readWallabag(path string) (*source, error) { return readWith(formatWallabag)(path) }

// parseWallabag reads a Wallabag export: each entry with its content is
// an article; one without content (never fetched) is a link.
func parseWallabag(name string, data []byte) (*source, error) {
	list, src, err := jsonExport[wallabagEntry](name, formatWallabag, data, "")
	if err != nil {
		return nil, err
	}
	for i, w := range list {
		src.entries = append(src.entries, wallabagItem(name, i, w))
	}
	return src, nil
}

// wallabagItem is the entry of one Wallabag entry.
func wallabagItem(name string, pos int, w wallabagEntry) entry {
	ref := "entry " + string(w.ID)
	if w.ID == "" {
		ref = fmt.Sprintf("entry #%d", pos+1)
	}
	e := entry{ref: ref, pos: pos, url: w.URL, title: w.Title, tags: w.Tags,
		read: bool(w.IsArchived || w.IsRead), starred: bool(w.IsStarred || w.IsFav), saved: parseTime(w.CreatedAt)}
	for _, a := range w.Annotations {
		e.highlights = append(e.highlights, archive.LibraryHighlight{Exact: a.Quote, Note: a.Text, Created: parseTime(a.CreatedAt)})
	}
	if strings.TrimSpace(w.URL) == "" && strings.TrimSpace(w.Content) == "" {
		e.fail = "neither content nor address"
		return e
	}
	if strings.TrimSpace(w.Content) == "" {
		return e
	}
	m := meta{title: w.Title, url: w.URL, lang: w.Language, host: w.Domain,
		authors: persons(w.PublishedBy...), published: parseTime(w.PublishedAt), captured: e.saved,
		fileName: name, format: "Wallabag export, " + ref}
	content, picture := []byte(w.Content), w.Picture
	e.clean = func() (*archive.Article, []archive.Image, error) {
		a, images, err := cleanHTML(name, content, m)
		if err == nil && picture != "" && len(a.Figures) == 0 {
			a.Figures = []archive.Figure{{Image: picture}}
			a.Blocks = append([]archive.Block{{Kind: archive.FigureRef}}, a.Blocks...)
		}
		return a, images, err
	}
	return e
}
