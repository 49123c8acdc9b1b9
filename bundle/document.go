// Package bundle is the Clippings document format in one place: the
// Document (the lossless JSON export, docs/export-json.md, and
// clippings.json inside a bundle) and the .clippings bundle, a zip file
// holding
//
//	clippings.json      the Document
//	originals/SHA256    each saved file the articles were cleaned from
//	images/SHA256       each stored image their figures use
//
// and nothing else. Write writes a bundle (package export streams the
// document into it); Merge checks a bundle whole, then merges it into an
// archive. The package reads and writes the archive only through the
// interfaces it declares, which *archive.Store satisfies.
package bundle

import (
	"time"

	"github.com/clippings/clippings/archive"
)

// The Document holds no archive-internal number: articles are named by
// their citation key, so that exporting, importing into another archive
// and exporting again gives the same document.

// DocFormat and DocVersion identify the document; Merge refuses another
// format or a newer version.
const (
	DocFormat  = "clippings-export"
	DocVersion = 1
)

// Document is the JSON export.
type Document struct {
	Format        string           `json:"format"`  // DocFormat
	Version       int              `json:"version"` // DocVersion
	Title         string           `json:"title"`
	Articles      []DocArticle     `json:"articles"`
	Collections   []DocCollection  `json:"collections"`
	SavedSearches []DocSavedSearch `json:"saved_searches"`
	Originals     []DocOriginal    `json:"originals"`
	Images        []DocImage       `json:"images"`
}

// DocArticle is an article: its current content, what the researcher
// added (tags, states, annotations) and its earlier versions.
type DocArticle struct {
	Key string `json:"key"` // citation key, unique in the document
	DocContent
	Tags        []string        `json:"tags"`
	Starred     bool            `json:"starred"`
	Read        bool            `json:"read"`
	Annotations []DocAnnotation `json:"annotations"`
	Versions    []DocContent    `json:"versions"` // earlier versions, oldest first; the article is the newest
}

// DocContent is one version of an article as cleaned from one capture.
// Authors and Confidence came in later than the rest: a document written
// before them has neither, read as no authors and an unknown confidence.
type DocContent struct {
	Title      string             `json:"title"`
	Standfirst string             `json:"subtitle"`
	Byline     string             `json:"byline"`
	Authors    []archive.Author   `json:"authors"`
	Site       string             `json:"site"`
	URL        string             `json:"url"`
	Language   string             `json:"language"`
	Published  time.Time          `json:"published,omitzero"`
	Modified   time.Time          `json:"modified,omitzero"`
	Blocks     []archive.Block    `json:"blocks"`
	Figures    []archive.Figure   `json:"figures"`
	Related    []archive.Link     `json:"related"`
	Confidence archive.Confidence `json:"confidence"`
	Provenance DocProvenance      `json:"provenance"`
}

// DocProvenance says where a version came from.
type DocProvenance struct {
	OriginalSHA256 string    `json:"original_sha256"` // the saved file, in Document.Originals
	FileName       string    `json:"file_name"`
	Format         string    `json:"format"`
	CaptureURL     string    `json:"capture_url"`
	Captured       time.Time `json:"captured,omitzero"`
	Imported       time.Time `json:"imported"`
}

// DocAnnotation is a highlight (a passage of the article's text as a W3C
// TextQuoteSelector plus character offsets) or the free note.
type DocAnnotation struct {
	Kind     archive.AnnotationKind `json:"kind"`
	Quote    archive.TextQuote      `json:"quote,omitzero"`
	Start    int                    `json:"start"`
	End      int                    `json:"end"`
	Color    string                 `json:"color"`
	Note     string                 `json:"note"`
	Orphaned bool                   `json:"orphaned"`
	Created  time.Time              `json:"created"`
	Modified time.Time              `json:"modified"`
}

// DocCollection is a collection holding exported articles (or an
// ancestor of one), with those articles in the collection's order.
type DocCollection struct {
	Path     string   `json:"path"`     // names from the top, joined by "/"
	Articles []string `json:"articles"` // keys
}

// DocSavedSearch is a saved search.
type DocSavedSearch struct {
	Name  string `json:"name"`
	Query string `json:"query"`
}

// DocOriginal describes a saved file; a bundle holds its bytes as
// originals/SHA256.
type DocOriginal struct {
	SHA256 string `json:"sha256"`
	Name   string `json:"name"`
	Format string `json:"format"`
	Size   int64  `json:"size"`
}

// DocImage describes an image; a bundle holds its bytes as images/SHA256.
type DocImage struct {
	SHA256 string `json:"sha256"`
	MIME   string `json:"mime"`
	Size   int64  `json:"size"`
}

// ArticleOf is the DocArticle of a under key: its current content, tags
// and states, with no annotation or earlier version yet.
func ArticleOf(key string, a *archive.Article) DocArticle {
	return DocArticle{Key: key, DocContent: ContentOf(a), Tags: orEmpty(a.Tags), Starred: a.Starred,
		Read: a.Read, Annotations: []DocAnnotation{}, Versions: []DocContent{}}
}

// ContentOf is the DocContent of a: its content and provenance, with
// empty lists (not null) where it has none.
func ContentOf(a *archive.Article) DocContent {
	return DocContent{
		Title: a.Title, Standfirst: a.Standfirst, Byline: a.Byline, Authors: orEmpty(a.Authors), Site: a.Site, URL: a.URL,
		Language: a.Language, Published: a.Published, Modified: a.Modified, // in the page's own zone
		Blocks: orEmpty(a.Blocks), Figures: orEmpty(a.Figures), Related: orEmpty(a.Related),
		Confidence: a.Confidence,
		Provenance: DocProvenance{OriginalSHA256: a.OriginalSHA, FileName: a.FileName, Format: a.Format,
			CaptureURL: a.CaptureURL, Captured: a.Captured.UTC(), Imported: a.Imported.UTC()},
	}
}

// article is the archive.Article of content c (without ID, tags or
// states). A confidence this version does not know (from a newer
// document) is read as unknown.
func (c *DocContent) article() *archive.Article {
	p := c.Provenance
	conf := c.Confidence
	if !conf.Known() {
		conf = ""
	}
	return &archive.Article{Title: c.Title, Standfirst: c.Standfirst, Byline: c.Byline, Authors: c.Authors, Site: c.Site,
		URL: c.URL, Language: c.Language, Published: c.Published, Modified: c.Modified,
		Blocks: c.Blocks, Figures: c.Figures, Related: c.Related, Confidence: conf,
		OriginalSHA: p.OriginalSHA256, FileName: p.FileName, Format: p.Format,
		CaptureURL: p.CaptureURL, Captured: p.Captured, Imported: p.Imported}
}

// AnnotationOf is the DocAnnotation of a, its times in UTC.
func AnnotationOf(a archive.Annotation) DocAnnotation {
	return DocAnnotation{Kind: a.Kind, Quote: a.Quote, Start: a.Start, End: a.End, Color: a.Color,
		Note: a.Note, Orphaned: a.Orphaned, Created: a.Created.UTC(), Modified: a.Modified.UTC()}
}

// orEmpty returns s, or an empty slice for nil, so that JSON has [] and
// not null.
func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
