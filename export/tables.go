package export

import (
	"context"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/internal/words"
)

// csvHeader is the metadata CSV's first row.
// Counts are named for what they count.
var csvHeader = []string{"key", "title", "subtitle", "byline", "site", "url", "published", "captured",
	"imported", "language", "tags", "highlight_count", "note_count", "starred", "read",
	"file_name", "format", "original_sha256"}

// utf8BOM is the byte order mark that tells spreadsheet programs a CSV
// file is UTF-8.
const utf8BOM = "\ufeff"

// newCSV starts a CSV file, with the byte order mark when asked.
func (j *job) newCSV() *csv.Writer {
	if j.opt.BOM {
		j.out.WriteString(utf8BOM)
	}
	return csv.NewWriter(j.out)
}

func writeCSV(ctx context.Context, j *job) error {
	w := j.newCSV()
	if err := w.Write(csvHeader); err != nil {
		return err
	}
	for i, e := range j.entries {
		if err := ctx.Err(); err != nil {
			return err
		}
		j.progress(i, len(j.entries))
		a := e.Meta
		hl, notes := 0, 0
		for _, n := range e.Notes {
			if n.Kind == archive.KindHighlight {
				hl++
			}
			if strings.TrimSpace(n.Note) != "" {
				notes++
			}
		}
		row := []string{e.Key, cell(a.Title), cell(a.Standfirst), cell(a.Byline), cell(a.Site), cell(a.URL),
			day(a.Published), stamp(a.Captured), stamp(a.Imported), cell(a.Language),
			cell(strings.Join(a.Tags, "; ")), strconv.Itoa(hl), strconv.Itoa(notes),
			strconv.FormatBool(a.Starred), strconv.FormatBool(a.Read),
			cell(a.FileName), cell(a.Format), a.OriginalSHA}
		if err := w.Write(row); err != nil {
			return err
		}
	}
	w.Flush()
	j.done()
	return w.Error()
}

// cell is text for a CSV cell: one line, and never read as a formula by
// a spreadsheet (a leading = + - @ gets an apostrophe before it).
func cell(s string) string {
	s = cleanLine(s)
	if s != "" && strings.ContainsRune("=+-@", rune(s[0])) {
		return "'" + s
	}
	return s
}

// multiline is text for a CSV cell that may hold several lines.
func multiline(s string) string {
	s = strings.TrimSpace(cleanText(s))
	if s != "" && strings.ContainsRune("=+-@", rune(s[0])) {
		return "'" + s
	}
	return s
}

// annotationsHeader is the annotations CSV's first row.
var annotationsHeader = []string{"key", "article", "kind", "quote", "note", "color",
	"start", "end", "orphaned", "created", "modified", "url"}

func writeAnnotationsCSV(ctx context.Context, j *job) error {
	w := j.newCSV()
	if err := w.Write(annotationsHeader); err != nil {
		return err
	}
	for i, e := range j.entries {
		if err := ctx.Err(); err != nil {
			return err
		}
		j.progress(i, len(j.entries))
		for _, n := range e.Notes {
			row := []string{e.Key, cell(title(e.Meta)), string(n.Kind), multiline(n.Quote.Exact),
				multiline(n.Note), cell(n.Color), strconv.Itoa(n.Start), strconv.Itoa(n.End),
				strconv.FormatBool(n.Orphaned), stamp(n.Created), stamp(n.Modified), cell(e.Meta.URL)}
			if err := w.Write(row); err != nil {
				return err
			}
		}
	}
	w.Flush()
	j.done()
	return w.Error()
}

func writeAnnotationsMD(ctx context.Context, j *job) error {
	fmt.Fprintf(j.out, "# %s: highlights and notes\n", mdInline(j.opt.Title))
	for i, e := range j.entries {
		if err := ctx.Err(); err != nil {
			return err
		}
		j.progress(i, len(j.entries))
		if len(e.Notes) == 0 {
			continue
		}
		a := e.Meta
		fmt.Fprintf(j.out, "\n## %s\n\n", mdInline(title(a)))
		if meta := words.Join(", ", cleanLine(a.Byline), cleanLine(a.Site), day(a.Published)); meta != "" {
			fmt.Fprintf(j.out, "%s. ", mdInline(meta))
		}
		fmt.Fprintf(j.out, "[@%s]\n", e.Key)
		if a.URL != "" {
			fmt.Fprintf(j.out, "%s\n", mdLink(a.URL))
		}
		if n := e.note(); n != "" {
			fmt.Fprintf(j.out, "\n**Note:** %s\n", mdBlock(n))
		}
		for _, h := range e.highlights() {
			writeHighlightMD(j.out, h)
		}
	}
	j.done()
	return nil
}

// writeHighlightMD writes a highlight as a quotation, then its colour and
// note.
func writeHighlightMD(w writer, h archive.Annotation) {
	w.WriteString("\n")
	for _, l := range strings.Split(strings.TrimSpace(cleanText(h.Quote.Exact)), "\n") {
		fmt.Fprintf(w, "> %s\n", mdInline(l))
	}
	var tail []string
	if c := cleanLine(h.Color); c != "" {
		tail = append(tail, "*"+mdInline(c)+"*")
	}
	if h.Orphaned {
		tail = append(tail, "*(passage no longer found in the text)*")
	}
	if n := strings.TrimSpace(h.Note); n != "" {
		tail = append(tail, mdBlock(n))
	}
	if len(tail) > 0 {
		fmt.Fprintf(w, "\n%s\n", strings.Join(tail, " "))
	}
}
