package export

import (
	"context"
	"fmt"
	"html"
	"strings"

	"github.com/clippings/clippings/archive/versiondiff"
)

// What changed between the versions of an article, appended to its page
// in the Markdown and HTML exports when Options.VersionChanges is set:
// for each version after the first, the changes from the one before,
// word by word (package versiondiff), deletions struck through and
// insertions marked, unchanged paragraphs left out.

// versionChanges returns the diffs of consecutive versions of article
// id, none when the option is off or the article has one version.
func (j *job) versionChanges(ctx context.Context, id int64) ([]*versiondiff.Diff, error) {
	if !j.opt.VersionChanges {
		return nil, nil
	}
	vs, err := j.src.Versions(ctx, id)
	if err != nil || len(vs) < 2 {
		return nil, err
	}
	var diffs []*versiondiff.Diff
	prev, err := j.src.ArticleVersion(ctx, id, 1)
	for n := 2; n <= len(vs) && err == nil; n++ {
		next, e := j.src.ArticleVersion(ctx, id, n)
		if err = e; err == nil {
			diffs = append(diffs, versiondiff.Compare(prev, n-1, next, n))
			prev = next
		}
	}
	if err != nil {
		return nil, fmt.Errorf("versions of article %d: %w", id, err)
	}
	return diffs, nil
}

// changeHeading names one diff: "Version 1 → 2 (captured 2019-11-20 17:02)".
func changeHeading(d *versiondiff.Diff) string {
	return fmt.Sprintf("Version %d → %d (captured %s, imported %s)", d.Old.Number, d.New.Number,
		versiondiff.Stamp(d.New.Captured), versiondiff.Stamp(d.New.Imported))
}

// markdownChanges appends the changes between versions to a note.
func markdownChanges(w *strings.Builder, diffs []*versiondiff.Diff) {
	if len(diffs) == 0 {
		return
	}
	w.WriteString("## Changes between versions\n\n")
	for _, d := range diffs {
		fmt.Fprintf(w, "### %s\n\n%s.\n\n", mdInline(changeHeading(d)), mdInline(d.Summary()))
		for _, f := range changedFields(d) {
			fmt.Fprintf(w, "**%s:** %s\n\n", f.name, mdSpans(f.spans))
		}
		for _, b := range d.Body {
			if b.Changed() {
				fmt.Fprintf(w, "%s\n\n", mdLines(mdSpans(b.Spans)))
			}
		}
	}
}

// mdSpans writes spans as Markdown: deletions as <del>, insertions as
// <ins> (inline HTML, which Obsidian and CommonMark show).
func mdSpans(spans []versiondiff.Span) string {
	var b strings.Builder
	for _, s := range spans {
		text := mdEscaper.Replace(oneLine(cleanText(s.Text)))
		switch s.Op {
		case versiondiff.Inserted:
			b.WriteString("<ins>" + text + "</ins>")
		case versiondiff.Deleted:
			b.WriteString("<del>" + text + "</del>")
		default:
			b.WriteString(text)
		}
	}
	return b.String()
}

// htmlChanges appends the changes between versions to a page.
func htmlChanges(w *strings.Builder, diffs []*versiondiff.Diff) {
	if len(diffs) == 0 {
		return
	}
	w.WriteString("<section class=\"changes\">\n<h2>Changes between versions</h2>\n")
	for _, d := range diffs {
		fmt.Fprintf(w, "<h3>%s</h3>\n<p class=\"meta\">%s.</p>\n", escLine(changeHeading(d)), escLine(d.Summary()))
		for _, f := range changedFields(d) {
			fmt.Fprintf(w, "<p><strong>%s:</strong> %s</p>\n", f.name, htmlSpans(f.spans))
		}
		for _, b := range d.Body {
			if b.Changed() {
				fmt.Fprintf(w, "<p>%s</p>\n", htmlSpans(b.Spans))
			}
		}
	}
	w.WriteString("</section>\n")
}

// htmlSpans writes spans as HTML with <del> and <ins>.
func htmlSpans(spans []versiondiff.Span) string {
	var b strings.Builder
	for _, s := range spans {
		text := html.EscapeString(cleanText(s.Text))
		switch s.Op {
		case versiondiff.Inserted:
			b.WriteString("<ins>" + text + "</ins>")
		case versiondiff.Deleted:
			b.WriteString("<del>" + text + "</del>")
		default:
			b.WriteString(text)
		}
	}
	return b.String()
}

// namedSpans is a changed field with its name.
type namedSpans struct {
	name  string
	spans []versiondiff.Span
}

// changedFields returns the headline, standfirst and byline when changed.
func changedFields(d *versiondiff.Diff) []namedSpans {
	var out []namedSpans
	for _, f := range []namedSpans{{"Headline", d.Title.Spans}, {"Standfirst", d.Standfirst.Spans}, {"Byline", d.Byline.Spans}} {
		if len(f.spans) > 0 {
			out = append(out, f)
		}
	}
	return out
}
