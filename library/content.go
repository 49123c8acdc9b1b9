package library

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/net/html"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/importer"
)

// maxExport is the largest export file read: 512 MiB.
const maxExport = 512 << 20

// readLimited reads a whole export file, refusing one over maxExport.
func readLimited(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxExport+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxExport {
		return nil, fmt.Errorf("larger than %d MiB", maxExport>>20)
	}
	return data, nil
}

// original is the archive's original of data.
func original(name, format string, data []byte) archive.Original {
	sum := sha256.Sum256(data)
	return archive.Original{SHA256: hex.EncodeToString(sum[:]), Name: filepath.Base(name), Format: format, Data: data}
}

// meta is what a tool kept about an article; what is set takes
// precedence over what the cleaner found in the content.
type meta struct {
	title, subtitle, site, lang, url string
	host                             string // the site when neither the tool nor the content names one
	authors                          []archive.Author
	published, captured              time.Time
	fileName, format                 string // the article's provenance
}

// apply gives a the metadata that is set.
func (m *meta) apply(a *archive.Article) {
	set := func(dst *string, v string) {
		if v = strings.TrimSpace(v); v != "" {
			*dst = v
		}
	}
	set(&a.Title, m.title)
	set(&a.Site, m.site)
	if a.Site == "" {
		set(&a.Site, strings.TrimPrefix(m.host, "www."))
	}
	set(&a.Language, m.lang)
	set(&a.FileName, m.fileName)
	set(&a.Format, m.format)
	if a.Standfirst == "" {
		set(&a.Standfirst, m.subtitle)
	}
	if u := importer.NormalizeURL(m.url); u != "" {
		a.URL = u
		if a.CaptureURL == "" {
			a.CaptureURL = strings.TrimSpace(m.url)
		}
	}
	if len(m.authors) > 0 {
		a.Authors = m.authors
		names := make([]string, len(m.authors))
		for i, au := range m.authors {
			names[i] = au.Name
		}
		a.Byline = strings.Join(names, ", ")
	}
	if !m.published.IsZero() {
		a.Published = m.published
	}
	if !m.captured.IsZero() {
		a.Captured = m.captured
	}
}

// cleanHTML cleans the HTML content a tool kept and gives it the tool's
// metadata.
func cleanHTML(name string, content []byte, m meta) (*archive.Article, []archive.Image, error) {
	a, images, err := importer.CleanReadable(importer.Readable{Name: name, HTML: content, URL: m.url, Title: m.title})
	if err != nil {
		return nil, nil, err
	}
	m.apply(a)
	return a, images, nil
}

// cleanText cleans text or Markdown content (name's extension hints which)
// and gives it the tool's metadata.
func cleanText(name string, content []byte, m meta) (*archive.Article, []archive.Image, error) {
	c, err := importer.Extract(name, content)
	if err != nil {
		return nil, nil, err
	}
	a := c.Articles[0]
	m.apply(a)
	return a, c.Images, nil
}

// persons are the authors of names, each a person.
func persons(names ...string) []archive.Author {
	var out []archive.Author
	for _, n := range names {
		if n = strings.Join(strings.Fields(n), " "); n != "" {
			out = append(out, archive.Author{Name: n, Kind: archive.Person})
		}
	}
	return out
}

// timeLayouts are the ways the tools write times.
var timeLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05", "2006-01-02 15:04:05",
	"2006-01-02", time.RFC1123Z, time.RFC1123}

// parseTime parses a time as the tools write it; zero when it cannot.
func parseTime(s string) time.Time {
	s = strings.TrimSpace(s)
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t
		}
	}
	return time.Time{}
}

// htmlText is the text of an HTML note: its blocks as paragraphs
// separated by blank lines.
func htmlText(s string) string {
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return strings.TrimSpace(s)
	}
	var paras []string
	var cur strings.Builder
	flush := func() {
		if t := strings.Join(strings.Fields(cur.String()), " "); t != "" {
			paras = append(paras, t)
		}
		cur.Reset()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			cur.WriteString(n.Data)
		}
		block := n.Type == html.ElementNode && isBlock(n.Data)
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block || n.Type == html.ElementNode && n.Data == "br" {
			flush()
		}
	}
	walk(doc)
	flush()
	return strings.Join(paras, "\n\n")
}

func isBlock(tag string) bool {
	switch tag {
	case "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "section", "article":
		return true
	}
	return false
}
