package export

import (
	"context"
	"fmt"
	"html"
	"net/url"
	"strings"

	"github.com/clippings/clippings/internal/words"
)

// The HTML folder: index.html, one NAME.html per article (NAME made from
// the title by SafeName), style.css and images/. Pages link only to each
// other, the style sheet and the images; see render.go for what they hold.

func writeHTML(ctx context.Context, j *job) error {
	_, err := writeHTMLPages(ctx, j, nil)
	return err
}

// writeHTMLPages writes the HTML folder, the names in reserved kept
// free, and returns the file name of each article's page.
func writeHTMLPages(ctx context.Context, j *job, reserved []string) ([]string, error) {
	var names namer
	names.name("index", ".html")
	names.name("style", ".css")
	for _, r := range reserved {
		names.used[strings.ToLower(r)] = true
	}
	pages := make([]string, len(j.entries))
	for i, e := range j.entries {
		pages[i] = names.name(title(e.Meta), ".html")
	}
	links := newLocalLinks(j.entries, escapedPaths(pages))
	if err := j.writeTo("style.css", func(w writer) error { _, err := w.WriteString(styleSheet); return err }); err != nil {
		return nil, err
	}
	for i, e := range j.entries {
		a, err := j.article(ctx, i)
		if err != nil {
			return nil, err
		}
		var body strings.Builder
		if err := renderArticle(ctx, &body, e, a, j.imageFile, links); err != nil {
			return nil, err
		}
		diffs, err := j.versionChanges(ctx, e.ID)
		if err != nil {
			return nil, err
		}
		htmlChanges(&body, diffs)
		body.WriteString(pageNav(pages, i))
		page := htmlPage(title(a), langTag(a.Language), body.String())
		if err := j.writeTo(pages[i], func(w writer) error { _, err := w.WriteString(page); return err }); err != nil {
			return nil, err
		}
	}
	index := htmlPage(j.opt.Title, dominantLanguage(j.entries), htmlIndex(j, pages))
	err := j.writeTo("index.html", func(w writer) error { _, err := w.WriteString(index); return err })
	j.done()
	return pages, err
}

// htmlPage is a complete HTML page around body.
func htmlPage(title, lang, body string) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html")
	if lang != "" {
		fmt.Fprintf(&b, " lang=\"%s\"%s", lang, dirAttr(lang))
	}
	b.WriteString(">\n<head>\n<meta charset=\"utf-8\"/>\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
	b.WriteString("<meta name=\"referrer\" content=\"no-referrer\"/>\n")
	fmt.Fprintf(&b, "<title>%s</title>\n<link rel=\"stylesheet\" href=\"style.css\"/>\n</head>\n<body>\n", escLine(title))
	b.WriteString(body)
	b.WriteString("</body>\n</html>\n")
	return b.String()
}

// href is a link to a page of the folder.
func href(name string) string { return html.EscapeString((&url.URL{Path: name}).EscapedPath()) }

// escapedPaths are file names as the paths of relative URLs.
func escapedPaths(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = (&url.URL{Path: n}).EscapedPath()
	}
	return out
}

// htmlIndex lists the articles with links to their pages.
func htmlIndex(j *job, pages []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<h1>%s</h1>\n<p class=\"meta\">%s, exported %s.</p>\n<ol>\n",
		escLine(j.opt.Title), words.Plural(len(j.entries), "article", "articles"), j.opt.Now.UTC().Format("2 January 2006"))
	for i, e := range j.entries {
		fmt.Fprintf(&b, "<li><a href=\"%s\"%s>%s</a>%s</li>\n", href(pages[i]), langAttrs(e.Meta.Language, false), escLine(title(e.Meta)),
			html.EscapeString(metaSuffix(e.Meta)))
	}
	b.WriteString("</ol>\n")
	return b.String()
}

// pageNav links a page to the index and to the pages before and after.
func pageNav(pages []string, i int) string {
	var b strings.Builder
	b.WriteString("<nav class=\"pages\">")
	if i > 0 {
		fmt.Fprintf(&b, "<a href=\"%s\">← Previous</a> · ", href(pages[i-1]))
	}
	b.WriteString("<a href=\"index.html\">Index</a>")
	if i+1 < len(pages) {
		fmt.Fprintf(&b, " · <a href=\"%s\">Next →</a>", href(pages[i+1]))
	}
	b.WriteString("</nav>\n")
	return b.String()
}
