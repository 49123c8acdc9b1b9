package importer

import (
	"fmt"
	"path/filepath"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/importer/format"
)

// Readable is an article's content as a reading app (Wallabag, Omnivore,
// Readeck, …) kept it: already extracted from its page, with what the
// app knew of the page.
type Readable struct {
	Name   string // the export file, for errors
	HTML   []byte // the article: an HTML fragment or a whole document
	URL    string // the page's address: links resolve against it, and it is the capture address
	Title  string // the title the app gave it, if any: a copy of it atop the body is dropped
	Format string // the articles' Format; "html" when empty
}

// readableSteps is the HTML reader for content a reading app already
// extracted: the whole of it is the article, so the steps that look for
// the main content in a page and widen or trim it (content finder, page
// chrome, repeats, teaser lists) are left out; sanitising and the block
// structure are those of the HTML reader.
func readableSteps(title string) []step[*htmlPage] {
	return []step[*htmlPage]{
		{"decode charset", decodeHTMLStep},
		{"limit structure", limitHTMLStep},
		{"parse", parseHTMLStep},
		{"find provenance", findProvenance},
		{"find base address", findBase},
		{"find metadata", findMetadata},
		{"find related links", findRelated},
		{"mark figures", markFigures},
		{"number elements", numberElements},
		{"take whole content", takeWholeContent},
		{"restore figures", restoreFigures},
		{"build blocks", buildHTMLBlocks},
		{"drop boilerplate", dropBoilerplate},
		{"merge metadata", mergeMetadata},
		{"apply app's title", func(p *htmlPage) error { applyAppTitle(p, title); return nil }},
		{"tidy", tidyArticle},
		{"drop furniture", dropFurniture},
		{"tidy figures", tidyFigures},
		{"settle language", settleHTMLLanguage},
	}
}

// CleanReadable turns content a reading app already extracted into an
// article, through the same sanitising and block structure as Extract,
// trusting the whole of it as the main content. Images are those the
// content holds as data: URIs; the article's provenance (original, file
// name) is left to the caller. It returns an error naming r.Name and
// wrapping ErrNotArticle when the content holds no text.
func CleanReadable(r Readable) (*archive.Article, []archive.Image, error) {
	page := format.HTML(r.HTML)
	src := htmlSource{Data: r.HTML, URL: r.URL, Format: first(r.Format, formatHTML), Page: page}
	p := &htmlPage{src: src, raw: src.Data, images: newImageSet(page),
		art: &archive.Article{Format: src.Format}}
	if err := runSteps(p, readableSteps(r.Title)); err != nil {
		return nil, nil, fmt.Errorf("import %s: %w", filepath.Base(r.Name), err)
	}
	a := p.art
	a.URL = NormalizeURL(first(a.URL, a.CaptureURL))
	a.Confidence = assess(a)
	return a, p.images.used([]*archive.Article{a}), nil
}

// takeWholeContent makes the document's body the content, without its
// scripts, styles and forms.
func takeWholeContent(p *htmlPage) error {
	body := p.query.Find("body").First()
	if body.Length() == 0 {
		return ErrNotArticle
	}
	body.Find("script, style, noscript, template, form").Remove()
	p.content = body.Get(0)
	return nil
}

// applyAppTitle keeps the title the app gave over the one the content
// suggests.
func applyAppTitle(p *htmlPage, title string) {
	if t := foldSpace(title); t != "" {
		p.art.Title = t
	}
}
