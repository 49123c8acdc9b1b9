package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/importer"
)

// extracted is the JSON printed by "clippings extract --json": the contract
// read by the scorers in ../shared/tools.
type extracted struct {
	Title     string           `json:"title"`
	Subtitle  string           `json:"subtitle"`
	Byline    string           `json:"byline"`
	Site      string           `json:"site"`
	URL       string           `json:"url"`
	Published string           `json:"published"`
	Language  string           `json:"language"`
	Text      string           `json:"text"`
	Headings  []string         `json:"headings"`
	Figures   []archive.Figure `json:"figures"`
	Related   []archive.Link   `json:"related"`
	Format    string           `json:"format"`
	// Confidence is how much the page reads as an article: "article",
	// "page" (lists, tables, a product or front page) or "stub" (little text).
	Confidence string `json:"confidence"`
}

func newExtracted(a *archive.Article) extracted {
	e := extracted{
		Title: a.Title, Subtitle: a.Subtitle, Byline: a.Byline, Site: a.Site, URL: a.URL,
		Published: rfc3339(a.Published), Language: a.Language, Text: a.Text(), Headings: a.Headings(), Figures: a.Figures,
		Related: a.Related, Format: a.Format, Confidence: string(a.Confidence),
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

func runExtract(ctx context.Context, c *cli, args []string) error {
	fs := c.flags("extract")
	asJSON := fs.Bool("json", false, "print JSON (title, subtitle, byline, site, url, published, language, text, headings, figures, related, confidence)")
	files, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		fs.Usage()
		return errUsage
	}
	capture, err := importer.ReadFile(ctx, files[0])
	if err != nil {
		return err
	}
	if !*asJSON {
		for _, a := range capture.Articles {
			writeArticle(c.stdout, a)
		}
		return nil
	}
	enc := json.NewEncoder(c.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if len(capture.Articles) == 1 {
		return enc.Encode(newExtracted(capture.Articles[0]))
	}
	all := make([]extracted, len(capture.Articles))
	for i, a := range capture.Articles {
		all[i] = newExtracted(a)
	}
	if err := enc.Encode(all); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}
