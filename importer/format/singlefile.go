package format

import (
	"bytes"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// markLen is how far into an HTML file the SingleFile comment and the
// "saved from url" mark are looked for.
const markLen = 64 << 10

// SingleFile reads the comment SingleFile writes near the top of a page it
// saved:
//
//	<!--
//	 Page saved with SingleFile
//	 url: https://www.example.com/article
//	 saved date: Mon Mar 04 2024 10:15:42 GMT+0100 (Central European Standard Time)
//	-->
//
// ok is false when html has no such comment. url is empty and saved zero
// when the comment lacks them or they do not parse. The page's resources
// are data: URIs, which Page.Resource decodes.
func SingleFile(html []byte) (pageURL string, saved time.Time, ok bool) {
	head := html[:min(len(html), markLen)]
	at := bytes.Index(head, []byte("Page saved with SingleFile"))
	if at < 0 {
		at = bytes.Index(head, []byte("Archive processed by SingleFile"))
	}
	if at < 0 {
		return "", time.Time{}, false
	}
	open := bytes.LastIndex(head[:at], []byte("<!--"))
	end := bytes.Index(head[at:], []byte("-->"))
	if open < 0 || end < 0 {
		return "", time.Time{}, false
	}
	for _, line := range strings.Split(string(head[at:at+end]), "\n") {
		key, value, found := strings.Cut(strings.TrimSpace(line), ":")
		if !found {
			continue
		}
		value = strings.TrimSpace(value)
		switch strings.ToLower(key) {
		case "url":
			if webURL(value) {
				pageURL = value
			}
		case "saved date":
			saved = parseJSDate(value)
		}
	}
	return pageURL, saved, true
}

// jsDateLayouts are the forms a SingleFile "saved date" takes: JavaScript's
// Date.toString() (the usual one), toUTCString() and ISO 8601.
var jsDateLayouts = []string{
	"Mon Jan 02 2006 15:04:05 GMT-0700",
	"Mon Jan 2 2006 15:04:05 GMT-0700",
	time.RFC1123,
	time.RFC3339Nano,
}

// parseJSDate parses a date written by JavaScript, dropping the time zone
// name in parentheses that Date.toString() appends. It is zero when the
// date does not parse.
func parseJSDate(s string) time.Time {
	if i := strings.IndexByte(s, '('); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimSpace(s)
	for _, layout := range jsDateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}

// SavedFromURL reads the "mark of the web" browsers write at the top of a
// page saved as HTML ("Web page, complete" in Chrome, Edge and Internet
// Explorer): <!-- saved from url=(0085)https://www.example.com/… -->, where
// the number is the length of the URL. ok is false when there is no such
// mark or it holds no http(s) URL.
func SavedFromURL(html []byte) (pageURL string, ok bool) {
	head := html[:min(len(html), markLen)]
	const mark = "saved from url=("
	at := bytes.Index(head, []byte(mark))
	if at < 0 {
		return "", false
	}
	rest := string(head[at+len(mark):])
	digits, rest, found := strings.Cut(rest, ")")
	if !found {
		return "", false
	}
	if n, err := strconv.Atoi(digits); err == nil && n > 0 && n <= len(rest) {
		pageURL = rest[:n]
	} else if end := strings.IndexAny(rest, " \t\r\n"); end >= 0 {
		pageURL = rest[:end]
	}
	pageURL = strings.TrimSpace(pageURL)
	return pageURL, webURL(pageURL)
}

// webURL reports whether s is an absolute http or https URL.
func webURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// HTML makes a Page of a plain HTML file: Format is "singlefile" when it
// carries SingleFile's comment (URL and Captured come from it), else "html"
// with the URL of the "saved from url" mark if there is one. Resources is
// empty; data: URIs still resolve through Page.Resource.
func HTML(html []byte) *Page {
	page := &Page{Format: FormatHTML, HTML: html, Charset: metaCharset(html), Resources: map[string]Resource{}}
	if u, saved, ok := SingleFile(html); ok {
		page.Format, page.URL, page.Captured = FormatSingleFile, u, saved
	} else if u, ok := SavedFromURL(html); ok {
		page.URL = u
	}
	return page
}
