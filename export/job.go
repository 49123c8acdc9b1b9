package export

import (
	"context"
	"fmt"
	"time"

	"github.com/clippings/clippings/archive"
)

// job is one run of Export: what is exported and where it is written.
type job struct {
	src      Source
	opt      Options
	progress func(done, total int)
	entries  []*entry

	dir   string // folder formats: the folder being written
	out   writer // single-file formats: the file being written
	files int    // files written
	// written lists the files of a folder format written, relative to
	// dir, slash-separated.
	written []string

	warnings []string
	warned   map[string]bool
	images   map[string]string // image SHA-256 → path written (folder formats), "" when dropped
}

// entry is one exported article as every writer sees it: its metadata
// (the body is read again, one article at a time, by article) and its
// annotations.
type entry struct {
	ID    int64
	Key   string               // citation key, the archive's
	Meta  *archive.Article     // without Blocks, Figures and Related
	Notes []archive.Annotation // the free note first, then highlights in text order
}

// highlights returns e's highlights (not the free note).
func (e *entry) highlights() []archive.Annotation {
	var out []archive.Annotation
	for _, a := range e.Notes {
		if a.Kind == archive.KindHighlight {
			out = append(out, a)
		}
	}
	return out
}

// note returns e's free note, "" when it has none.
func (e *entry) note() string {
	for _, a := range e.Notes {
		if a.Kind == archive.KindNote {
			return a.Note
		}
	}
	return ""
}

// loadCatalog reads the metadata and annotations of every article and
// gives each its citation key.
func (j *job) loadCatalog(ctx context.Context, ids []int64) error {
	j.entries = make([]*entry, 0, len(ids))
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return err
		}
		a, err := j.src.Article(ctx, id)
		if err != nil {
			return err
		}
		a.Blocks, a.Figures, a.Related = nil, nil, nil
		notes, err := articleAnnotations(ctx, j.src, id)
		if err != nil {
			return err
		}
		j.entries = append(j.entries, &entry{ID: id, Meta: a, Notes: notes})
	}
	return j.loadKeys(ctx)
}

// annotationLister lists annotations; Source and Destination are ones.
type annotationLister interface {
	Annotations(ctx context.Context, f archive.AnnotationFilter) ([]archive.Annotation, error)
}

// annotationPage is how many annotations are read at a time.
const annotationPage = 500

// articleAnnotations returns every annotation of article id: the free
// note first, then the highlights in text order.
func articleAnnotations(ctx context.Context, src annotationLister, id int64) ([]archive.Annotation, error) {
	var all []archive.Annotation
	for {
		page, err := src.Annotations(ctx, archive.AnnotationFilter{ArticleID: id, Offset: len(all), Limit: annotationPage})
		if err != nil {
			return nil, fmt.Errorf("annotations of article %d: %w", id, err)
		}
		all = append(all, page...)
		if len(page) < annotationPage {
			return all, nil
		}
	}
}

// article returns the full article of entry i and reports progress
// through i-1; writers call it in order.
func (j *job) article(ctx context.Context, i int) (*archive.Article, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	j.progress(i, len(j.entries))
	a, err := j.src.Article(ctx, j.entries[i].ID)
	if err != nil {
		return nil, err
	}
	return a, nil
}

// done reports that every article has been written.
func (j *job) done() { j.progress(len(j.entries), len(j.entries)) }

// maxWarnings bounds the warnings of one export.
const maxWarnings = 50

// warn records something that could not be exported, once.
func (j *job) warn(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if j.warned == nil {
		j.warned = map[string]bool{}
	}
	if j.warned[msg] {
		return
	}
	j.warned[msg] = true
	switch {
	case len(j.warnings) < maxWarnings:
		j.warnings = append(j.warnings, msg)
	case len(j.warnings) == maxWarnings:
		j.warnings = append(j.warnings, "more warnings left out")
	}
}

// title returns an article's title, or a stand-in for an untitled one.
func title(a *archive.Article) string {
	if t := cleanLine(a.Title); t != "" {
		return t
	}
	return "Untitled"
}

// day formats t's day as YYYY-MM-DD, "" when zero. The day is t's own, in
// the time zone it was given in: an article's published time keeps the
// page's zone, whose day is the one the page shows and a citation gives.
func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// stamp formats t as RFC 3339 in UTC, "" when zero.
func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// captured is the date an article was saved: its capture date, else its
// import date. Citations give it as the date accessed.
func captured(a *archive.Article) time.Time {
	if !a.Captured.IsZero() {
		return a.Captured
	}
	return a.Imported
}
