package library

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Links without content: Pocket's CSV export and browser bookmarks hold
// addresses only, which Import keeps as a reading list when asked.

// isPocket: a CSV file whose header names Pocket's columns.
func isPocket(path string) bool {
	line, _, _ := bytes.Cut(head(path, 4096), []byte("\n"))
	h := strings.ToLower(string(bytes.TrimPrefix(line, []byte("\xef\xbb\xbf"))))
	return strings.Contains(h, "url") && strings.Contains(h, "time_added") && strings.Contains(h, ",")
}

func readPocket(path string) (*source, error) { return readWith(formatPocket)(path) }

// parsePocket reads Pocket's CSV export: title, url, time_added, tags
// (separated by "|") and status ("archive" when read).
func parsePocket(name string, data []byte) (*source, error) {
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))))
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("no header: %w", err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(h))] = i
	}
	get := func(rec []string, key string) string {
		if i, ok := col[key]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	src := &source{original: original(name, formatPocket, data)}
	for line := 2; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			src.skipped = append(src.skipped, Skip{Entry: fmt.Sprintf("line %d on", line), Reason: err.Error()})
			break
		}
		e := entry{ref: fmt.Sprintf("line %d", line), pos: len(src.entries), url: get(rec, "url"), title: get(rec, "title"),
			read: get(rec, "status") == "archive", saved: unixTime(get(rec, "time_added"))}
		for _, t := range strings.Split(get(rec, "tags"), "|") {
			if t = strings.TrimSpace(t); t != "" {
				e.tags = append(e.tags, t)
			}
		}
		if e.url == "" {
			e.fail = "no address"
		}
		src.entries = append(src.entries, e)
	}
	return src, nil
}

// unixTime parses seconds since 1970; zero when s is none.
func unixTime(s string) time.Time {
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || n <= 0 {
		return time.Time{}
	}
	return time.Unix(n, 0).UTC()
}

// isBookmarks: a browser's bookmarks file (the Netscape format every
// browser exports).
func isBookmarks(path string) bool {
	return bytes.Contains(bytes.ToUpper(head(path, 1024)), []byte("<!DOCTYPE NETSCAPE-BOOKMARK-FILE-1>"))
}

func readBookmarks(path string) (*source, error) { return readWith(formatBookmarks)(path) }

// parseBookmarks reads a bookmarks file: each link with its tags
// (TAGS="a,b") and date (ADD_DATE), in the collection of its folders.
func parseBookmarks(name string, data []byte) (*source, error) {
	src := &source{original: original(name, formatBookmarks, data)}
	z := html.NewTokenizer(bytes.NewReader(data))
	var folders []string // the open folders; "" for a list without a heading
	var pending string   // a folder's heading, waiting for its list
	var cur *entry       // the link whose title is being read
	for {
		switch z.Next() {
		case html.ErrorToken:
			return src, nil
		case html.StartTagToken:
			tok := z.Token()
			switch tok.DataAtom {
			case atom.H3:
				pending = " " // a heading starts; its text follows
			case atom.Dl:
				folders, pending = append(folders, strings.TrimSpace(pending)), ""
			case atom.A:
				src.entries = append(src.entries, bookmarkEntry(len(src.entries), tok, folders))
				cur = &src.entries[len(src.entries)-1]
			}
		case html.EndTagToken:
			switch z.Token().DataAtom {
			case atom.Dl:
				if len(folders) > 0 {
					folders = folders[:len(folders)-1]
				}
			case atom.A:
				cur = nil
			}
		case html.TextToken:
			if cur != nil {
				cur.title += string(z.Text())
			} else if pending != "" {
				pending += string(z.Text())
			}
		}
	}
}

// bookmarkEntry is the entry of an <a> of a bookmarks file.
func bookmarkEntry(pos int, tok html.Token, folders []string) entry {
	e := entry{ref: fmt.Sprintf("bookmark #%d", pos+1), pos: pos}
	for _, a := range tok.Attr {
		switch a.Key {
		case "href":
			e.url = strings.TrimSpace(a.Val)
		case "add_date":
			e.saved = unixTime(a.Val)
		case "tags":
			for _, t := range strings.Split(a.Val, ",") {
				if t = strings.TrimSpace(t); t != "" {
					e.tags = append(e.tags, t)
				}
			}
		}
	}
	var path []string
	for _, f := range folders {
		if f != "" {
			path = append(path, strings.ReplaceAll(f, "/", "-"))
		}
	}
	if len(path) > 0 {
		e.collections = []string{strings.Join(path, "/")}
	}
	if !strings.HasPrefix(e.url, "http://") && !strings.HasPrefix(e.url, "https://") {
		e.fail = "not a web address"
	}
	return e
}
