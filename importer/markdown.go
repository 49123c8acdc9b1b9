package importer

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/clippings/clippings/archive"
)

// mdPage is the state of the Markdown reader as its steps run.
type mdPage struct {
	text   string // the whole file, decoded
	body   []byte // text without its metadata
	meta   map[string]any
	images *imageSet
	art    *archive.Article
}

// mdSteps is the Markdown reader: metadata from YAML front matter (as
// Obsidian Web Clipper and static site generators write it) or from a
// leading fenced JSON block (as the defuddle extractor writes it), then
// the body's blocks, then the title.
var mdSteps = []step[*mdPage]{
	{"decode text", decodeMarkdown},
	{"limit structure", limitMarkdownStep},
	{"read front matter", readFrontMatter},
	{"read metadata block", readJSONMetadata},
	{"apply metadata", applyMarkdownMeta},
	{"build blocks", buildMarkdownBlocks},
	{"find title", findMarkdownTitle},
	{"settle language", settleMarkdownLanguage},
}

// readMarkdown reads a Markdown clipping.
func readMarkdown(in input) (*parsed, error) {
	p := &mdPage{images: newImageSet(nil), art: &archive.Article{Format: formatMarkdown}}
	p.text, _ = decodeText(in.data)
	if err := runSteps(p, mdSteps); err != nil {
		return nil, err
	}
	arts := []*archive.Article{p.art}
	return &parsed{articles: arts, images: p.images.used(arts)}, nil
}

func decodeMarkdown(p *mdPage) error {
	t := strings.NewReplacer("\r\n", "\n", "\r", "\n", "\ufeff", "").Replace(p.text)
	p.body = []byte(strings.TrimLeft(t, " \t\n"))
	return nil
}

// frontMatter is YAML between two "---" lines at the very start.
var frontMatter = regexp.MustCompile(`\A---[ \t]*\n((?s:.*?)\n)?(---|\.\.\.)[ \t]*(\n|\z)`)

// readFrontMatter reads YAML front matter. Front matter that is not
// valid YAML is left in the body, where it is at least readable.
func readFrontMatter(p *mdPage) error {
	m := frontMatter.FindSubmatchIndex(p.body)
	if m == nil {
		return nil
	}
	var meta map[string]any
	if m[2] >= 0 {
		if err := yaml.Unmarshal(p.body[m[2]:m[3]], &meta); err != nil {
			return nil
		}
	}
	p.meta = lowerKeys(meta)
	p.body = p.body[m[1]:]
	return nil
}

// jsonBlock is a fenced JSON block at the start of the body.
var jsonBlock = regexp.MustCompile("\\A\\s*(```|~~~)[ \\t]*json[ \\t]*\\n((?s:.*?))\\n(```|~~~)[ \\t]*(\\n|\\z)")

// readJSONMetadata reads a leading fenced JSON block whose object
// describes the article (title, author, url, published, …), as defuddle
// writes it. Another leading JSON block is code, and stays.
func readJSONMetadata(p *mdPage) error {
	if p.meta != nil {
		return nil
	}
	m := jsonBlock.FindSubmatchIndex(p.body)
	if m == nil {
		return nil
	}
	var meta map[string]any
	if json.Unmarshal(p.body[m[4]:m[5]], &meta) != nil {
		return nil
	}
	meta = lowerKeys(meta)
	if metaString(meta, "title", "url", "source", "author", "published", "date") == "" {
		return nil
	}
	p.meta = meta
	p.body = p.body[m[1]:]
	return nil
}

// applyMarkdownMeta fills the article from the metadata, under the names
// clippers and site generators use.
func applyMarkdownMeta(p *mdPage) error {
	a, m := p.art, p.meta
	if m == nil {
		return nil
	}
	a.Title = metaString(m, "title", "headline")
	a.Standfirst = metaString(m, "subtitle", "description", "summary", "excerpt")
	a.Byline = cleanByline(metaString(m, "author", "authors", "byline", "creator"))
	a.Site = metaString(m, "site", "site_name", "sitename", "publisher")
	a.Language = metaString(m, "language", "lang")
	if u := metaString(m, "url", "source", "link", "canonical", "original_url"); isWebURL(u) {
		a.URL, a.CaptureURL = u, u
	}
	a.Published = parseDate(metaString(m, "published", "date", "pubdate", "date_published"))
	a.Modified = parseDate(metaString(m, "modified", "updated", "lastmod", "date_modified"))
	a.Captured = parseDate(metaString(m, "created", "clipped", "saved", "captured"))
	a.Tags = metaList(m["tags"])
	if utf8Len(a.Standfirst) > maxStandfirstRunes {
		a.Standfirst = ""
	}
	return nil
}

// findMarkdownTitle takes the title from the metadata, else from a
// heading that opens the body, else from the first line; a heading that
// repeats the title is dropped from the body.
func findMarkdownTitle(p *mdPage) error {
	a := p.art
	if a.Title == "" && len(a.Blocks) > 0 && a.Blocks[0].Kind == archive.Heading {
		a.Title = a.Blocks[0].Text
	}
	if a.Title == "" {
		a.Title = cutWords(firstLine(a.Text()), maxTitleRunes)
	}
	if i := firstTextIs(a, a.Title); i >= 0 && a.Blocks[i].Kind == archive.Heading {
		a.Blocks = append(a.Blocks[:i], a.Blocks[i+1:]...)
	}
	if i := firstTextIs(a, a.Standfirst); i >= 0 {
		a.Blocks = append(a.Blocks[:i], a.Blocks[i+1:]...)
	}
	if a.Text() == "" {
		return ErrNotArticle
	}
	return nil
}

// lowerKeys returns m with its keys lower-cased.
func lowerKeys(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[strings.ToLower(strings.TrimSpace(k))] = v
	}
	return out
}

// metaString returns the first of keys that m holds as text (a string, a
// date, a number, or a list of them, joined by ", ").
func metaString(m map[string]any, keys ...string) string {
	for _, k := range keys {
		if s := strings.Join(metaList(m[k]), ", "); s != "" {
			return s
		}
	}
	return ""
}

// wikiLink is an Obsidian link, "[[John Gruber]]", as clippers write
// authors.
var wikiLink = regexp.MustCompile(`\[\[([^\]|]+)(\|[^\]]*)?\]\]`)

// metaList returns a metadata value as a list of strings.
func metaList(v any) []string {
	var out []string
	switch v := v.(type) {
	case string:
		if s := foldSpace(wikiLink.ReplaceAllString(v, "$1")); s != "" {
			out = append(out, s)
		}
	case time.Time:
		out = append(out, v.Format(time.RFC3339))
	case int, int64, float64, bool:
		out = append(out, fmt.Sprint(v))
	case []any:
		for _, e := range v {
			out = append(out, metaList(e)...)
		}
	case map[string]any:
		out = append(out, metaList(v["name"])...)
	}
	return out
}

// firstLine returns the first non-blank line of s.
func firstLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if l = foldSpace(l); l != "" {
			return l
		}
	}
	return ""
}

func utf8Len(s string) int { return len([]rune(s)) }
