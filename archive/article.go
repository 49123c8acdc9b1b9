// Package archive owns Clippings' domain types (Article, Figure, Link,
// Capture, …) and the Store that keeps them in one SQLite file with an FTS5
// index. It knows nothing of file formats (package importer) or of the GUI
// (package app).
package archive

import (
	"cmp"
	"iter"
	"slices"
	"strings"
	"time"
)

// BlockKind says what a block of an article body is.
type BlockKind string

// The kinds of body block.
const (
	Paragraph BlockKind = "p"
	Heading   BlockKind = "h"      // Level 2–6
	ListItem  BlockKind = "li"     // Level is the nesting depth, 1 for a top-level item; Ordered marks <ol>
	Quote     BlockKind = "quote"  // a block quotation
	Code      BlockKind = "pre"    // preformatted text, kept verbatim
	FigureRef BlockKind = "figure" // Figure is an index into Article.Figures
	TableKind BlockKind = "table"  // Table holds the rows; Text is the caption's line if any, then the cells' text, a row per line, cells joined by " | "
	Term      BlockKind = "dt"     // a term of a definition list
	Define    BlockKind = "dd"     // a definition of the term before it
	Footnote  BlockKind = "note"   // a footnote of the page; Label is its mark ("1", "*")
)

// Block is one element of an article body, in reading order.
type Block struct {
	Kind    BlockKind `json:"kind"`
	Text    string    `json:"text,omitempty"`
	Level   int       `json:"level,omitempty"`
	Ordered bool      `json:"ordered,omitempty"`
	Figure  int       `json:"figure,omitempty"`
	Label   string    `json:"label,omitempty"`  // a footnote's mark
	Inline  []Inline  `json:"inline,omitempty"` // inline structure over Text, in order of Start
	Table   *Table    `json:"table,omitempty"`  // the rows of a TableKind block
}

// InlineKind says what a run of a block's text is.
type InlineKind string

// The kinds of inline span, each named as its HTML element.
const (
	InlineLink   InlineKind = "a"      // Href is the absolute, normalised address
	InlineEm     InlineKind = "em"     // emphasis (em, i)
	InlineStrong InlineKind = "strong" // strong emphasis (strong, b)
	InlineCode   InlineKind = "code"
	InlineSub    InlineKind = "sub"
	InlineSup    InlineKind = "sup"
)

// Inline marks the run Text[Start:End] (byte offsets into the UTF-8 text) of a
// block or a table cell. The text itself is never changed by spans, so search
// and the annotations' quoted-text anchors read the same plain text as before.
// Spans may nest (a link inside emphasis) but never cross.
type Inline struct {
	Start int        `json:"start"`
	End   int        `json:"end"`
	Kind  InlineKind `json:"kind"`
	Href  string     `json:"href,omitempty"`
}

// Element is the HTML element of an inline kind, whose name the kind is
// ("a", "em"); "" for a kind this release does not know.
func (k InlineKind) Element() string {
	switch k {
	case InlineLink, InlineEm, InlineStrong, InlineCode, InlineSub, InlineSup:
		return string(k)
	}
	return ""
}

// MarkLists yields the inline marks of each of the article's blocks and
// table cells, as pointers so that they can be changed in place.
func (a *Article) MarkLists() iter.Seq[*[]Inline] {
	return func(yield func(*[]Inline) bool) {
		for i := range a.Blocks {
			b := &a.Blocks[i]
			if !yield(&b.Inline) {
				return
			}
			if b.Table == nil {
				continue
			}
			for _, row := range b.Table.Rows {
				for c := range row {
					if !yield(&row[c].Inline) {
						return
					}
				}
			}
		}
	}
}

// SortInline orders marks as they nest: by start, the outer (longer) of
// two that start together first; marks equal in both keep their order.
func SortInline(ms []Inline) {
	slices.SortStableFunc(ms, func(a, b Inline) int {
		if a.Start != b.Start {
			return cmp.Compare(a.Start, b.Start)
		}
		return cmp.Compare(b.End, a.End)
	})
}

// Table is a table of the article: an optional caption and its rows. Nested
// tables are flattened into the text of the cell that held them.
type Table struct {
	Caption string   `json:"caption,omitempty"`
	Rows    [][]Cell `json:"rows"`
}

// Cell is one cell of a table row.
type Cell struct {
	Text    string   `json:"text"`
	Header  bool     `json:"header,omitempty"`  // a th, or a cell of the table's head
	ColSpan int      `json:"colspan,omitempty"` // more than 1 when the cell spans columns
	Inline  []Inline `json:"inline,omitempty"`
}

// Figure is an image of the article with its caption and credit.
type Figure struct {
	Image    string `json:"image"`               // the image's address as the page gave it
	ImageSHA string `json:"image_sha,omitempty"` // SHA-256 of the stored image; empty when the capture did not hold it
	Alt      string `json:"alt,omitempty"`
	Caption  string `json:"caption"`
	Credit   string `json:"credit"`
}

// Link is a related link found beside an article ("Related", "Read more", …).
type Link struct {
	Title string `json:"title"`
	URL   string `json:"url"`
}

// AuthorKind says whether an author is a person or an organisation.
type AuthorKind string

// The kinds of author.
const (
	Person       AuthorKind = "person"
	Organization AuthorKind = "organization" // a news agency, an outlet, a team or a company
)

// Author is one author of an article as the page names them: "Robert
// Burns" with the Role "AP National Security Writer".
type Author struct {
	Name string     `json:"name"`
	Kind AuthorKind `json:"kind"`           // "" when not known
	Role string     `json:"role,omitempty"` // job title or affiliation the byline gave, if any
}

// Article is one cleaned article. The body is a list of blocks; its plain
// text, the headings and the captions are derived from them.
type Article struct {
	ID         int64
	Title      string
	Standfirst string   // the standfirst (dek, subtitle): the lines under the headline
	Byline     string   // the authors as shown: their names joined
	Authors    []Author // the authors one by one; empty when unknown
	Site       string
	URL        string // canonical URL
	Language   string
	Published  time.Time // zero when unknown
	Modified   time.Time // zero when unknown
	Blocks     []Block
	Figures    []Figure
	Related    []Link
	// Confidence says how much what was cleaned reads as an article; ""
	// when unknown (articles stored before it was measured).
	Confidence Confidence

	// Provenance: where the article came from.
	OriginalSHA string    // SHA-256 of the saved file it was cleaned from
	FileName    string    // base name of the saved file
	Format      string    // reader that read it: "text", "html", "mhtml", …
	CaptureURL  string    // the address the page was saved from, if known
	Captured    time.Time // when the page was saved, if known
	Imported    time.Time // when Clippings imported it

	Tags    []string
	Starred bool
	Read    bool
}

// Confidence says how much a cleaned page reads as an article, so that a
// reader can tell a short stub or a list page from an article.
type Confidence string

// The confidences the importer gives.
const (
	ConfidenceArticle Confidence = "article" // running text in paragraphs, signed or long
	ConfidencePage    Confidence = "page"    // readable text that does not read as an article: lists, tables, a product or front page
	ConfidenceStub    Confidence = "stub"    // little text: a stub, a short note
)

// Known reports whether c is one of the confidences above, or "" (not
// measured).
func (c Confidence) Known() bool {
	switch c {
	case "", ConfidenceArticle, ConfidencePage, ConfidenceStub:
		return true
	}
	return false
}

// Text returns the body as a reader reads it: blocks separated by blank
// lines, headings in place, without figure captions or related links.
func (a *Article) Text() string {
	var b strings.Builder
	for _, bl := range a.Blocks {
		if bl.Kind == FigureRef || strings.TrimSpace(bl.Text) == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(bl.Text)
	}
	return b.String()
}

// Headings returns the text of the body's headings, in order.
func (a *Article) Headings() []string {
	var hs []string
	for _, bl := range a.Blocks {
		if bl.Kind == Heading {
			hs = append(hs, bl.Text)
		}
	}
	return hs
}

// Captions returns the figure captions joined by newlines, for indexing.
func (a *Article) Captions() string {
	var parts []string
	for _, f := range a.Figures {
		if s := strings.TrimSpace(strings.TrimSpace(f.Caption + " " + f.Credit)); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, "\n")
}

// Original is a saved file exactly as it was imported, kept for provenance.
type Original struct {
	SHA256 string
	Name   string // base name of the file
	Format string
	Data   []byte
}

// Image is an image held by a capture, stored once by its SHA-256.
type Image struct {
	SHA256 string
	MIME   string
	Data   []byte
}

// Capture is what one saved file yields: the original bytes, the articles
// cleaned from it and the images its figures use.
type Capture struct {
	Original Original
	Articles []*Article
	Images   []Image
	// CitationKeys are the keys Articles ask for when they are first
	// stored (a bundle's); a key missing, malformed or taken is made anew.
	CitationKeys []string
}

// Outcome says what storing a capture did.
type Outcome int

// The outcomes of Store.AddCapture.
const (
	Imported       Outcome = iota // new articles were stored
	AlreadyPresent                // the same file, or the same articles, were imported before; nothing changed
	NewVersion                    // no new article, but new versions of stored ones (same address, changed text)
)

func (o Outcome) String() string {
	switch o {
	case Imported:
		return "imported"
	case AlreadyPresent:
		return "already present"
	case NewVersion:
		return "new version"
	}
	return "unknown"
}

// AddResult reports what Store.AddCapture did with a capture.
type AddResult struct {
	Outcome Outcome
	IDs     []int64 // the stored articles (existing ones when AlreadyPresent)
}
