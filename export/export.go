// Package export writes a set of archived articles in the formats
// researchers take their findings to: Markdown (an Obsidian-readable
// folder), HTML (an offline folder), EPUB 3, PDF, citations (BibTeX, RIS,
// CSL-JSON), CSV of metadata, annotations alone (Markdown, CSV), a
// lossless JSON document, and the .clippings bundle (that JSON with the
// originals and images) that bundle.Merge merges into another archive. The
// document and the bundle's layout belong to package bundle; export builds
// the document from the archive.
//
// Export is called by the command line and the GUI alike. It reads the
// archive only through the Source interface (which *archive.Store
// satisfies) and writes only inside Options.Out: file names made from
// titles are sanitised, and HTML and EPUB are written from the article's
// blocks, escaped, with no script and no remote resource.
package export

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/bundle"
)

// Format names an export format.
type Format string

// The export formats.
const (
	Markdown       Format = "markdown"        // folder: one .md per article, images beside
	HTML           Format = "html"            // folder: index.html, one page per article, images
	EPUB           Format = "epub"            // one EPUB 3 book, a chapter per article
	PDF            Format = "pdf"             // one PDF document
	BibTeX         Format = "bibtex"          // .bib
	RIS            Format = "ris"             // .ris
	CSLJSON        Format = "csl-json"        // CSL-JSON array
	CSV            Format = "csv"             // metadata, one row per article
	AnnotationsMD  Format = "annotations-md"  // highlights and notes as Markdown
	AnnotationsCSV Format = "annotations-csv" // highlights and notes, one row each
	JSON           Format = "json"            // lossless JSON (docs/export-json.md)
	Bundle         Format = "bundle"          // .clippings zip: the JSON, originals and images
)

// formatInfo says how a format is written.
type formatInfo struct {
	ext    string // file extension of a single-file format; "" for a folder
	write  func(ctx context.Context, w *job) error
	remark string
}

// formats is the dispatch table of Export.
var formats map[Format]formatInfo

func init() {
	formats = map[Format]formatInfo{
		Markdown:       {"", writeMarkdown, "a folder of Markdown files with YAML front matter (an Obsidian vault)"},
		HTML:           {"", writeHTML, "a folder of HTML pages readable offline"},
		EPUB:           {".epub", writeEPUB, "an EPUB 3 book, a chapter per article"},
		PDF:            {".pdf", writePDF, "a PDF document"},
		BibTeX:         {".bib", writeBibTeX, "BibTeX citations"},
		RIS:            {".ris", writeRIS, "RIS citations"},
		CSLJSON:        {".json", writeCSLJSON, "CSL-JSON citations"},
		CSV:            {".csv", writeCSV, "CSV of metadata, one row per article"},
		AnnotationsMD:  {".md", writeAnnotationsMD, "highlights and notes as Markdown"},
		AnnotationsCSV: {".csv", writeAnnotationsCSV, "highlights and notes as CSV"},
		JSON:           {".json", writeJSON, "lossless JSON (docs/export-json.md)"},
		Bundle:         {bundle.Ext, writeBundle, "a .clippings bundle: the JSON with originals and images"},
	}
}

// Formats returns the format names, sorted.
func Formats() []Format {
	out := make([]Format, 0, len(formats))
	for f := range formats {
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// Describe returns a short description of f, "" for an unknown format.
func Describe(f Format) string { return formats[f].remark }

// Extension returns the file extension Out usually has for f (".epub"),
// "" for the formats that write a folder.
func Extension(f Format) string { return formats[f].ext }

// Errors of Export.
var (
	// ErrFormat is returned for an unknown format.
	ErrFormat = errors.New("unknown export format")
	// ErrExists is returned when the output exists and Options.Overwrite
	// is not set (a folder is accepted when it is empty).
	ErrExists = errors.New("output already exists")
	// ErrNothing is returned when there is no article to export.
	ErrNothing = errors.New("no articles to export")
	// ErrNoFolder is returned when the folder Options.Out is to be
	// written into does not exist: Export makes only Out itself.
	ErrNoFolder = errors.New("no such folder")
)

// Options says what to write and where.
type Options struct {
	Format    Format
	Out       string    // the file, or the folder for markdown and html
	Title     string    // of the book, document or index; default "Clippings"
	Overwrite bool      // replace an existing output instead of failing with ErrExists
	Now       time.Time // the time of the export (EPUB's modified date); zero means now
	CJKFont   string    // PDF: a TrueType font for Chinese, Japanese and Korean, tried first; see FindCJKFonts
	// VersionChanges appends to each article of a Markdown or HTML
	// export what changed between its versions (versions.go).
	VersionChanges bool
}

// Result says what Export wrote.
type Result struct {
	Format   Format
	Out      string
	Articles int      // articles exported
	Files    int      // files written (1 for a single-file format)
	Warnings []string // what could not be carried over (an image, characters without a font…)
}

// Source is what export reads from an archive. *archive.Store satisfies it.
type Source interface {
	Article(ctx context.Context, id int64) (*archive.Article, error)
	Versions(ctx context.Context, id int64) ([]archive.Version, error)
	ArticleVersion(ctx context.Context, id int64, n int) (*archive.Article, error)
	Annotations(ctx context.Context, f archive.AnnotationFilter) ([]archive.Annotation, error)
	Original(ctx context.Context, sha string) (*archive.Original, error)
	Image(ctx context.Context, sha string) (*archive.Image, error)
	Collections(ctx context.Context) ([]archive.Collection, error)
	CollectionArticles(ctx context.Context, id int64, f archive.ListFilter) ([]archive.Summary, error)
	SavedSearches(ctx context.Context) ([]archive.SavedSearch, error)
}

// Export writes the articles ids (in that order; duplicates are dropped)
// of src in opt.Format to opt.Out, calling progress (if not nil, on the
// calling goroutine: the GUI hops to its own with fyne.Do) as it goes and
// with (total, total) at the end. Nothing changes at opt.Out when it
// fails: a file or folder is written under a temporary name and put in
// place once complete (with Overwrite, a folder an earlier export wrote
// is replaced whole; in another folder the files an export did not
// write stay).
//
// It returns an error wrapping ErrFormat, ErrExists, ErrNoFolder or
// ErrNothing, the
// context's error when ctx ends first, an error wrapping
// archive.ErrNotFound when an article is missing, or an error naming the
// file that could not be written.
func Export(ctx context.Context, src Source, ids []int64, opt Options, progress func(done, total int)) (Result, error) {
	info, ok := formats[opt.Format]
	if !ok {
		return Result{}, fmt.Errorf("export %q: %w (known: %s)", opt.Format, ErrFormat, formatList())
	}
	if opt.Out == "" {
		return Result{}, errors.New("export: no output given")
	}
	if err := checkFolder(opt.Out); err != nil {
		return Result{}, fmt.Errorf("export %s: %w", opt.Out, err)
	}
	ids = unique(ids)
	if len(ids) == 0 {
		return Result{}, fmt.Errorf("export %s: %w", opt.Out, ErrNothing)
	}
	if opt.Title == "" {
		opt.Title = "Clippings"
	}
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	if progress == nil {
		progress = func(int, int) {}
	}
	j := &job{src: src, opt: opt, progress: progress}
	if err := j.loadCatalog(ctx, ids); err != nil {
		return Result{}, fmt.Errorf("export: %w", err)
	}
	var err error
	if info.ext == "" {
		err = writeFolder(ctx, j, info.write)
	} else {
		err = writeFile(ctx, j, info.write)
	}
	if err != nil {
		return Result{}, err
	}
	return Result{Format: opt.Format, Out: opt.Out, Articles: len(j.entries),
		Files: j.files, Warnings: j.warnings}, nil
}

// formatList is the known formats, comma-separated.
func formatList() string {
	var names []string
	for _, f := range Formats() {
		names = append(names, string(f))
	}
	return strings.Join(names, ", ")
}

// unique drops repeated ids, keeping the first.
func unique(ids []int64) []int64 {
	seen := make(map[int64]bool, len(ids))
	out := make([]int64, 0, len(ids))
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}
