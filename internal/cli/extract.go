package cli

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/importer"
	"github.com/clippings/clippings/internal/bodyhtml"
)

// extracted is the JSON printed by "clippings extract --json": the contract
// read by the scorers in ../shared/tools.
type extracted struct {
	Title      string            `json:"title"`
	Standfirst string            `json:"subtitle"`
	Byline     string            `json:"byline"`
	Authors    []extractedAuthor `json:"authors"`
	Site       string            `json:"site"`
	URL        string            `json:"url"`
	Published  string            `json:"published"`
	Modified   string            `json:"modified"`
	Language   string            `json:"language"`
	Text       string            `json:"text"`
	// HTML is the body as small, safe HTML (package bodyhtml).
	HTML     string           `json:"html"`
	Headings []string         `json:"headings"`
	Figures  []archive.Figure `json:"figures"`
	Related  []archive.Link   `json:"related"`
	Format   string           `json:"format"`
	// Confidence is how much the page reads as an article: "article",
	// "page" (lists, tables, a product or front page) or "stub" (little text).
	Confidence string `json:"confidence"`
}

// extractedAuthor is one author in "clippings extract --json".
type extractedAuthor struct {
	Name string             `json:"name"`
	Kind archive.AuthorKind `json:"kind"`
	Role string             `json:"role,omitempty"`
}

func newExtracted(a *archive.Article) extracted {
	e := extracted{
		Title: a.Title, Standfirst: a.Standfirst, Byline: a.Byline, Site: a.Site, URL: a.URL,
		Published: rfc3339(a.Published), Modified: rfc3339(a.Modified), Language: a.Language, Text: a.Text(), HTML: bodyhtml.Render(a.Blocks, a.Figures), Headings: a.Headings(), Figures: a.Figures,
		Related: a.Related, Format: a.Format, Confidence: string(a.Confidence),
	}
	e.Authors = []extractedAuthor{}
	for _, au := range a.Authors {
		e.Authors = append(e.Authors, extractedAuthor{Name: au.Name, Kind: au.Kind, Role: au.Role})
	}
	if e.Headings == nil {
		e.Headings = []string{}
	}
	if e.Figures == nil {
		e.Figures = []archive.Figure{}
	}
	if e.Related == nil {
		e.Related = []archive.Link{}
	}
	return e
}

// runExtract prints the cleaned article of a saved page, as text or JSON.
func runExtract(ctx context.Context, c *cli, args []string) error {
	fs := c.flags()
	asJSON := fs.Bool("json", false, "print JSON (title, subtitle, byline, authors, site, url, published, modified, language, text, html, headings, figures, related, confidence)")
	files, err := c.positional(fs, args, 1, 1)
	if err != nil {
		return err
	}
	capture, err := importer.ReadFile(ctx, files[0])
	if err != nil {
		return extractError(files[0], err)
	}
	if !*asJSON {
		for _, a := range capture.Articles {
			writeArticle(c.stdout, a)
		}
		return nil
	}
	if len(capture.Articles) == 1 {
		return emitJSON(c.stdout, newExtracted(capture.Articles[0]))
	}
	all := make([]extracted, len(capture.Articles))
	for i, a := range capture.Articles {
		all[i] = newExtracted(a)
	}
	if err := emitJSON(c.stdout, all); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}

// extractError is the error of reading file: "extract FILE: reason", not
// the importer's "import FILE: reason", which names another command.
func extractError(file string, err error) error {
	if inner := errors.Unwrap(err); inner != nil {
		err = inner
	}
	var pe *os.PathError
	if errors.As(err, &pe) && pe.Path == file {
		err = pe.Err // the file is named already
	}
	return fmt.Errorf("extract %s: %w", file, err)
}
