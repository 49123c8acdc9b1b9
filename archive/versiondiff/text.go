package versiondiff

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/internal/words"
)

// Summary says in words what changed: "headline, standfirst and 3 of 14
// paragraphs changed: 12 words added, 5 removed", or "no change in the
// text".
func (d *Diff) Summary() string {
	var parts []string
	if d.Title.Changed() {
		parts = append(parts, "headline")
	}
	if d.Standfirst.Changed() {
		parts = append(parts, "standfirst")
	}
	if d.Byline.Changed() {
		parts = append(parts, "byline")
	}
	if n := d.ChangedBlocks(); n > 0 {
		parts = append(parts, fmt.Sprintf("%d of %s", n, words.Plural(len(d.Body), "paragraph", "paragraphs")))
	}
	if len(parts) == 0 {
		return "no change in the text"
	}
	s := joinAnd(parts) + " changed"
	if d.Inserted+d.Deleted > 0 {
		s += fmt.Sprintf(": %s added, %d removed", words.Plural(d.Inserted, "word", "words"), d.Deleted)
	}
	return s
}

// joinAnd joins parts as "a, b and c".
func joinAnd(parts []string) string {
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// Marks writes a span as plain text: deletions as [-text-], insertions
// as {+text+} (the markers of git's word diff).
func Marks(spans []Span) string {
	var b strings.Builder
	for _, s := range spans {
		switch s.Op {
		case Inserted:
			b.WriteString("{+" + s.Text + "+}")
		case Deleted:
			b.WriteString("[-" + s.Text + "-]")
		default:
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

// WriteText writes d for a terminal or a text file: a line per side with
// its capture and import times, the summary, the fields that changed,
// then each changed block (numbered in the compared body; unchanged ones
// are left out) with its changes marked as Marks marks them.
func (d *Diff) WriteText(w io.Writer) error {
	ew := &errWriter{w: w}
	for _, s := range []struct {
		label string
		side  Side
	}{{"---", d.Old}, {"+++", d.New}} {
		ew.printf("%s version %d  captured %s  imported %s\n", s.label, s.side.Number, Stamp(s.side.Captured), Stamp(s.side.Imported))
	}
	ew.printf("%s\n", d.Summary())
	for _, f := range []struct {
		name string
		f    Field
	}{{"Headline", d.Title}, {"Standfirst", d.Standfirst}, {"Byline", d.Byline}} {
		if f.f.Changed() {
			ew.printf("\n%s: %s\n", f.name, Marks(f.f.Spans))
		}
	}
	for i, b := range d.Body {
		if !b.Changed() {
			continue
		}
		label := fmt.Sprintf("¶%d", i+1)
		switch b.Only() {
		case Inserted:
			label += " added"
		case Deleted:
			label += " removed"
		}
		ew.printf("\n%s: %s%s\n", label, prefix(b), Marks(b.Spans))
	}
	return ew.err
}

// prefix marks a block's kind as Markdown would.
func prefix(b Block) string {
	switch b.Kind {
	case archive.Heading:
		return strings.Repeat("#", max(b.Level, 2)) + " "
	case archive.ListItem:
		return "- "
	case archive.Quote:
		return "> "
	}
	return ""
}

// Stamp formats a version's time with the minute, in local time: "?"
// when unknown.
func Stamp(t time.Time) string {
	if t.IsZero() {
		return "?"
	}
	return t.Local().Format("2006-01-02 15:04")
}

// errWriter keeps the first write error.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}
