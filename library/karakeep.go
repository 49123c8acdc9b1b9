package library

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/clippings/clippings/archive"
)

// karakeepBookmark is one bookmark of a Karakeep (formerly Hoarder) JSON
// export. Link bookmarks carry only their address, unless the export was
// made with their content (htmlContent); text bookmarks carry their text.
type karakeepBookmark struct {
	CreatedAt  json.Number `json:"createdAt"`
	Title      string      `json:"title"`
	Tags       flexList    `json:"tags"`
	Lists      []string    `json:"lists"`
	Note       string      `json:"note"`
	Archived   flexBool    `json:"archived"`
	Favourited flexBool    `json:"favourited"`
	Content    *struct {
		Type        string `json:"type"`
		URL         string `json:"url"`
		Text        string `json:"text"`
		HTMLContent string `json:"htmlContent"`
		Author      string `json:"author"`
		Publisher   string `json:"publisher"`
	} `json:"content"`
}

// karakeepList is a list of a Karakeep export; lists nest.
type karakeepList struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	ParentID string `json:"parentId"`
}

// isKarakeep: a JSON object whose "bookmarks" hold Karakeep's keys.
func isKarakeep(path string) bool {
	b := jsonHead(path, '{')
	return b != nil && bytes.Contains(b, []byte(`"bookmarks"`)) && bytes.Contains(b, []byte(`"createdAt"`))
}

func readKarakeep(path string) (*source, error) { return readWith(formatKarakeep)(path) }

// parseKarakeep reads a Karakeep export: its bookmarks with their tags,
// notes and states, their lists as collections.
func parseKarakeep(name string, data []byte) (*source, error) {
	list, src, err := jsonExport[karakeepBookmark](name, formatKarakeep, data, "bookmarks")
	if err != nil {
		return nil, err
	}
	lists, _ := decodeList[karakeepList](data, "lists")
	paths := listPaths(lists)
	for i, b := range list {
		e := karakeepEntry(name, i, b)
		for _, id := range b.Lists {
			if p := paths[id]; p != "" {
				e.collections = append(e.collections, p)
			}
		}
		src.entries = append(src.entries, e)
	}
	return src, nil
}

// listPaths gives each list its path from the top ("Reading/Climate").
func listPaths(lists []karakeepList) map[string]string {
	byID := map[string]karakeepList{}
	for _, l := range lists {
		byID[l.ID] = l
	}
	out := map[string]string{}
	for _, l := range lists {
		names := []string{}
		for cur, depth := l, 0; depth < 64; depth++ {
			names = append([]string{strings.ReplaceAll(strings.TrimSpace(cur.Name), "/", "-")}, names...)
			next, ok := byID[cur.ParentID]
			if !ok {
				break
			}
			cur = next
		}
		out[l.ID] = strings.Join(names, "/")
	}
	return out
}

// karakeepEntry is the entry of one bookmark.
func karakeepEntry(name string, pos int, b karakeepBookmark) entry {
	ref := fmt.Sprintf("bookmark #%d", pos+1)
	e := entry{ref: ref, pos: pos, title: b.Title, tags: b.Tags, note: b.Note,
		read: bool(b.Archived), starred: bool(b.Favourited)}
	if n, err := b.CreatedAt.Int64(); err == nil && n > 0 {
		e.saved = time.Unix(n, 0).UTC()
	}
	c := b.Content
	if c == nil {
		e.fail = "no content and no address (an image or a file, which the export leaves out)"
		return e
	}
	e.url = c.URL
	m := meta{title: b.Title, url: c.URL, authors: persons(c.Author), site: c.Publisher, captured: e.saved,
		fileName: name, format: "Karakeep export, " + ref}
	switch {
	case strings.TrimSpace(c.HTMLContent) != "":
		content := []byte(c.HTMLContent)
		e.clean = func() (*archive.Article, []archive.Image, error) { return cleanHTML(name, content, m) }
	case c.Type == "text" && strings.TrimSpace(c.Text) != "":
		content := []byte(c.Text)
		e.clean = func() (*archive.Article, []archive.Image, error) { return cleanText("note.md", content, m) }
	case strings.TrimSpace(c.URL) == "":
		e.fail = "neither content nor address"
	}
	return e
}
