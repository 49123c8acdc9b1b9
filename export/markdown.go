package export

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/internal/words"
)

// The Markdown folder: one NAME.md per article (NAME made from the title
// by SafeName), its images in images/, and index.md linking them all with
// [[wiki links]], so that the folder opens as an Obsidian vault.

func writeMarkdown(ctx context.Context, j *job) error {
	var names namer
	names.name("index", ".md") // reserved for the index
	files := make([]string, len(j.entries))
	for i, e := range j.entries {
		files[i] = names.name(title(e.Meta), ".md")
	}
	links := newLocalLinks(j.entries, escapedPaths(files))
	for i, e := range j.entries {
		a, err := j.article(ctx, i)
		if err != nil {
			return err
		}
		var body strings.Builder
		if err := j.markdownArticle(ctx, &body, e, a, links); err != nil {
			return err
		}
		diffs, err := j.versionChanges(ctx, e.ID)
		if err != nil {
			return err
		}
		markdownChanges(&body, diffs)
		if err := j.writeTo(files[i], func(w writer) error { _, err := w.WriteString(body.String()); return err }); err != nil {
			return err
		}
	}
	err := j.writeTo("index.md", func(w writer) error {
		fmt.Fprintf(w, "# %s\n\n", mdInline(j.opt.Title))
		for i, e := range j.entries {
			fmt.Fprintf(w, "- [[%s]] %s\n", strings.TrimSuffix(files[i], ".md"), mdInline(metaSuffix(e.Meta)))
		}
		return nil
	})
	j.done()
	return err
}

// metaSuffix is ", site, date" for a list of articles.
func metaSuffix(a *archive.Article) string {
	if s := words.Join(", ", cleanLine(a.Site), day(a.Published)); s != "" {
		return " — " + s
	}
	return ""
}

// markdownArticle writes one article: front matter, heading, body,
// figures, related links, the free note and the highlights.
func (j *job) markdownArticle(ctx context.Context, w *strings.Builder, e *entry, a *archive.Article, links localLinks) error {
	frontMatter(w, e, a)
	fmt.Fprintf(w, "# %s\n\n", mdInline(title(a)))
	if s := cleanLine(a.Standfirst); s != "" {
		fmt.Fprintf(w, "*%s*\n\n", mdInline(s))
	}
	if s := words.Join(" · ", cleanLine(a.Byline), cleanLine(a.Site), day(a.Published)); s != "" {
		fmt.Fprintf(w, "%s\n\n", mdInline(s))
	}
	if a.URL != "" {
		fmt.Fprintf(w, "Source: %s\n\n", mdLink(a.URL))
	}
	m := newMarker(e.Notes)
	for _, b := range a.Blocks {
		if b.Kind == archive.FigureRef {
			if err := j.markdownFigure(ctx, w, a, b.Figure); err != nil {
				return err
			}
			continue
		}
		if segs := m.segments(b); len(segs) > 0 {
			if j.opt.PlainMarks {
				segs = unmarked(segs)
			}
			if !markdownRichBlock(w, b, segs, links) {
				markdownBlock(w, b, segs, links)
			}
		}
	}
	if len(a.Related) > 0 {
		w.WriteString("## Related\n\n")
		for _, l := range a.Related {
			fmt.Fprintf(w, "- %s\n", mdRelated(l, links))
		}
		w.WriteString("\n")
	}
	markdownNotes(w, e)
	return nil
}

// frontMatter writes the YAML front matter; strings are JSON-quoted,
// which YAML reads as double-quoted scalars, and escaped for Markdown
// (metaEscape), as pandoc reads metadata as Markdown.
func frontMatter(w *strings.Builder, e *entry, a *archive.Article) {
	w.WriteString("---\n")
	field := func(k, v string) {
		if v = cleanLine(v); v != "" {
			fmt.Fprintf(w, "%s: %s\n", k, yamlString(metaEscape(v)))
		}
	}
	field("title", title(a))
	fmt.Fprintf(w, "aliases:\n  - %s\n", yamlString(metaEscape(title(a))))
	field("url", a.URL)
	field("site", a.Site)
	field("byline", a.Byline)
	if d := day(a.Published); d != "" {
		fmt.Fprintf(w, "published: %s\n", d)
	}
	if t := captured(a); !t.IsZero() {
		fmt.Fprintf(w, "captured: %s\n", t.UTC().Format("2006-01-02T15:04:05"))
	}
	if len(a.Tags) > 0 {
		w.WriteString("tags:\n")
		for _, t := range a.Tags {
			fmt.Fprintf(w, "  - %s\n", yamlString(obsidianTag(t)))
		}
	}
	field("citekey", e.Key)
	field("language", a.Language)
	field("source_file", a.FileName)
	w.WriteString("---\n\n")
}

// yamlString quotes s for YAML (a JSON string is a YAML double-quoted
// scalar).
func yamlString(s string) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s) // a string always encodes
	return strings.TrimSuffix(b.String(), "\n")
}

// metaEscaper backslash-escapes what Markdown reads as markup in a
// metadata value: raw HTML, links, code (and pandoc's raw attributes),
// emphasis, math, citations, super- and subscripts.
var metaEscaper = strings.NewReplacer(`\`, `\\`, `<`, `\<`, `>`, `\>`, `[`, `\[`, `]`, `\]`, "`", "\\`",
	`*`, `\*`, `_`, `\_`, `$`, `\$`, `@`, `\@`, `^`, `\^`, `~`, `\~`)

// entity matches what a Markdown reader takes for an HTML entity.
var entity = regexp.MustCompile(`&(#?[A-Za-z0-9]+;)`)

// metaEscape escapes a front matter value for Markdown readers that
// render metadata (pandoc's title block), so that a title holding
// <script> is shown as text, never run.
func metaEscape(s string) string {
	return entity.ReplaceAllString(metaEscaper.Replace(s), `\&$1`)
}

// obsidianTag makes a tag one Obsidian accepts: no spaces or
// punctuation but - _ and the / of nested tags.
func obsidianTag(t string) string {
	return strings.Map(func(r rune) rune {
		if r == '/' || r == '-' || r == '_' || !strings.ContainsRune(" \t#,.;:!?'\"()[]{}<>|&*^%$@~`+=\\", r) {
			return r
		}
		return '-'
	}, cleanLine(t))
}

// markdownBlock writes a text block, highlights as ==marked== text
// (the caller leaves them out for --plain-marks).
func markdownBlock(w *strings.Builder, b archive.Block, segs []segment, links localLinks) {
	rich := mdRich(segs, 0, len(b.Text), b.Inline, links)
	switch b.Kind {
	case archive.Code:
		text := cleanText(plain(segs))
		fence := strings.Repeat("`", max(3, longestRun(text, '`')+1))
		fmt.Fprintf(w, "%s\n%s\n%s\n\n", fence, text, fence)
	case archive.Heading:
		fmt.Fprintf(w, "%s %s\n\n", strings.Repeat("#", min(max(b.Level, 2), 6)), oneLine(rich))
	case archive.ListItem:
		bullet := "-"
		if b.Ordered {
			bullet = "1."
		}
		fmt.Fprintf(w, "%s%s %s\n\n", strings.Repeat("    ", listDepth(b.Level)-1), bullet, oneLine(rich))
	case archive.Quote:
		for _, l := range strings.Split(rich, "\n") {
			fmt.Fprintf(w, "> %s\n", l)
		}
		w.WriteString("\n")
	default:
		fmt.Fprintf(w, "%s\n\n", rich)
	}
}

// markdownFigure writes figure n: the image (copied into images/), its
// caption and credit.
func (j *job) markdownFigure(ctx context.Context, w *strings.Builder, a *archive.Article, n int) error {
	if n < 0 || n >= len(a.Figures) {
		return nil
	}
	f := a.Figures[n]
	rel, err := j.imageFile(ctx, a, f)
	if err != nil {
		return err
	}
	if rel != "" {
		fmt.Fprintf(w, "![%s](%s)\n", mdInline(cleanLine(f.Alt)), rel)
	}
	if c := words.Join(" — ", cleanLine(f.Caption), cleanLine(f.Credit)); c != "" {
		fmt.Fprintf(w, "*%s*\n", mdInline(c))
	}
	w.WriteString("\n")
	return nil
}

// markdownNotes writes the free note and the highlights with their notes.
func markdownNotes(w *strings.Builder, e *entry) {
	if n := e.note(); n != "" {
		fmt.Fprintf(w, "## Note\n\n%s\n\n", mdBlock(n))
	}
	hs := e.highlights()
	if len(hs) == 0 {
		return
	}
	w.WriteString("## Highlights\n")
	for _, h := range hs {
		var sb strings.Builder
		writeHighlightMD(&sb, h)
		w.WriteString(sb.String())
	}
	w.WriteString("\n")
}

// mdPiece is a segment escaped, ==marked== when highlighted.
func mdPiece(s segment) string {
	text := mdEscaper.Replace(cleanText(s.Text))
	if !s.Mark || strings.TrimSpace(text) == "" {
		return text
	}
	lead := text[:len(text)-len(strings.TrimLeft(text, " \n"))]
	trail := text[len(strings.TrimRight(text, " \n")):]
	return lead + "==" + strings.TrimSpace(text) + "==" + trail
}

// mdEscaper escapes the characters that Markdown (CommonMark and
// Obsidian's extensions: ==marks==, #tags, $math$, %%comments%%) reads as
// markup.
var mdEscaper = strings.NewReplacer(`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`,
	`<`, `\<`, `>`, `\>`, `#`, `\#`, `|`, `\|`, `~`, `\~`, `=`, `\=`, `$`, `\$`, `%`, `\%`, `&`, `\&`, `!`, `\!`)

// listStart matches what would start a list at the beginning of a line.
var listStart = regexp.MustCompile(`^([-+]|\d+[.)])(\s|$)`)

// mdLines makes every line of escaped text start as a paragraph: no
// indentation (which would make code) and no list marker.
func mdLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		l = strings.TrimLeft(l, " \t")
		if m := listStart.FindStringSubmatchIndex(l); m != nil {
			l = l[:m[3]-1] + `\` + l[m[3]-1:]
		}
		lines[i] = l
	}
	return strings.Join(lines, "\n")
}

// mdInline is one line of text, escaped.
func mdInline(s string) string { return mdLines(mdEscaper.Replace(cleanLine(s))) }

// mdBlock is text that may span lines, escaped.
func mdBlock(s string) string { return mdLines(mdEscaper.Replace(strings.TrimSpace(cleanText(s)))) }

// oneLine joins the lines of s with spaces.
func oneLine(s string) string { return strings.ReplaceAll(s, "\n", " ") }

// mdLink is a web address as an <autolink>, or as text when it is not
// http or https (a javascript: address never becomes a link).
func mdLink(u string) string {
	u = cleanLine(u)
	if l := strings.ToLower(u); !strings.HasPrefix(l, "http://") && !strings.HasPrefix(l, "https://") {
		return mdInline(u)
	}
	return "<" + strings.NewReplacer(" ", "%20", "<", "%3C", ">", "%3E").Replace(u) + ">"
}

// longestRun is the length of the longest run of c in s.
func longestRun(s string, c byte) int {
	best, n := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			n++
			best = max(best, n)
		} else {
			n = 0
		}
	}
	return best
}
