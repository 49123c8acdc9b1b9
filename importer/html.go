package importer

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"

	"codeberg.org/readeck/go-readability/v2"
	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/importer/format"
)

// htmlSource is an HTML document to read, with what its container knows
// about it: a container format (MHTML, WARC, a webarchive) hands its main
// document to readHTMLSource with the charset of its Content-Type, the
// address it was captured from and when.
type htmlSource struct {
	Data     []byte
	Charset  string    // the container's charset for Data; "" to sniff it
	URL      string    // the address the document was captured from, if known
	Captured time.Time // when it was captured, if known
	Format   string    // the Format of the articles; "html" when empty
	// Page resolves the references of the document to the resources its
	// container holds; nil resolves only data: URIs.
	Page *format.Page
}

// htmlPage is the state of the HTML reader as its steps run.
type htmlPage struct {
	src     htmlSource
	raw     []byte
	markup  string // raw decoded to UTF-8
	charset string
	doc     *html.Node
	query   *goquery.Document // doc, for selectors
	base    *url.URL          // the page's address, to resolve links; nil when unknown
	meta    pageMeta
	// savedFrom is set when a browser saved the page ("saved from url"):
	// its relative paths then point into its NAME_files folder.
	savedFrom bool
	related   []archive.Link
	figures   []archive.Figure // found in the page; data-clip-fig holds the index
	images    *imageSet        // the images the capture holds
	read      readability.Article
	content   *html.Node // the main content, cleaned
	art       *archive.Article
}

// htmlSteps is the HTML reader. Steps before "find main content" work on
// the whole page: they read what the content finder would lose (metadata,
// figure captions and credits) and take out what it would wrongly keep
// (related links). The steps after it turn the content into blocks.
var htmlSteps = []step[*htmlPage]{
	{"decode charset", decodeHTMLStep},
	{"limit structure", limitHTMLStep},
	{"parse", parseHTMLStep},
	{"reveal streamed content", revealStreamed},
	{"reveal panels", revealPanels},
	{"find provenance", findProvenance},
	{"find base address", findBase},
	{"find metadata", findMetadata},
	{"find related links", findRelated},
	{"mark figures", markFigures},
	{"number elements", numberElements},
	{"drop overlays", dropOverlays},
	{"find main content", findContent},
	{"widen content", widenContent},
	{"strip page chrome", stripChrome},
	{"drop repeats", dropRepeats},
	{"drop teaser lists", dropTeaserLists},
	{"restore figures", restoreFigures},
	{"restore embedded posts", restoreEmbeds},
	{"build blocks", buildHTMLBlocks},
	{"drop boilerplate", dropBoilerplate},
	{"merge metadata", mergeMetadata},
	{"drop links to the page itself", dropSelfLinks},
	{"tidy", tidyArticle},
	{"drop furniture", dropFurniture},
	{"tidy figures", tidyFigures},
	{"settle language", settleHTMLLanguage},
}

// readHTML reads an HTML page; one saved by SingleFile, whose images are
// data: URIs, has the format "singlefile", and one saved "complete" with
// its NAME_files folder beside it (read from disk) has the format
// "complete".
func readHTML(in input) (*parsed, error) {
	if isCompleteSave(in.path) {
		return readComplete(in)
	}
	page := format.HTML(in.data)
	res, err := readHTMLSource(htmlSource{Data: in.data, Format: page.Format, Page: page})
	if err != nil {
		return nil, err
	}
	res.format = page.Format
	return res, nil
}

// readHTMLSource reads an HTML document, from a file or a container.
func readHTMLSource(src htmlSource) (*parsed, error) {
	p := &htmlPage{src: src, raw: src.Data, images: newImageSet(src.Page),
		art: &archive.Article{Format: first(src.Format, formatHTML)}}
	if err := runSteps(p, htmlSteps); err != nil {
		return nil, err
	}
	arts := []*archive.Article{p.art}
	return &parsed{articles: arts, images: p.images.used(arts)}, nil
}

// decodeHTMLStep decodes the page to UTF-8. A charset given by the
// container is obeyed unless a byte-order mark says otherwise.
func decodeHTMLStep(p *htmlPage) error {
	if e, name := charset.Lookup(p.src.Charset); e != nil && bomEncoding(p.raw) == "" {
		p.markup, p.charset = decodeWith(e, p.raw), name
		return nil
	}
	p.markup, p.charset = decodeHTML(p.raw)
	return nil
}

// parseHTMLStep parses the decoded markup with x/net/html. The page is
// decoded first and parsed here, not by the content finder, whose own
// charset handling fails on some pages ("transform: short internal
// buffer").
func parseHTMLStep(p *htmlPage) error {
	doc, err := html.Parse(strings.NewReader(p.markup))
	if err != nil {
		// x/net/html refuses elements nested deeper than 512, which no
		// page a browser shows needs.
		return fmt.Errorf("%w: %v", ErrNotArticle, err)
	}
	p.doc = doc
	p.query = goquery.NewDocumentFromNode(doc)
	return nil
}

// ownAddresses returns the addresses the page gives for itself, in the
// order findBase prefers them: <base href>, canonical, og:url (each ""
// when missing).
func (p *htmlPage) ownAddresses() []string {
	return []string{
		attr(p.query, "base[href]", "href"),
		attr(p.query, `link[rel~="canonical"]`, "href"),
		attr(p.query, `meta[property="og:url"]`, "content"),
	}
}

// findBase sets the address links are resolved against: the page's
// <base href>, else the address it was saved from, else its canonical
// address.
func findBase(p *htmlPage) error {
	var base *url.URL
	if p.meta.CaptureURL != "" {
		base, _ = url.Parse(p.meta.CaptureURL)
	}
	for _, ref := range p.ownAddresses() {
		if ref == "" {
			continue
		}
		u, err := url.Parse(ref)
		if err != nil {
			continue
		}
		if base != nil {
			u = base.ResolveReference(u)
		}
		if u.IsAbs() && u.Host != "" {
			p.base = u
			return nil
		}
	}
	p.base = base
	return nil
}

// findContent finds the main content with go-readability, keeping class
// names so that later steps can recognise captions. When it finds none,
// the page's body is used; a page without any text is ErrNotArticle.
func findContent(p *htmlPage) error {
	parser := readability.NewParser()
	parser.KeepClasses = true
	// No address: the finder would resolve image paths, and those of a
	// "complete" save point into its NAME_files folder (see figureImage).
	read, err := parser.ParseDocument(p.doc, nil)
	if err == nil && read.Node != nil && strings.TrimSpace(nodeText(read.Node)) != "" {
		p.read, p.content = read, read.Node
		return nil
	}
	p.read = read
	if p.content = pageBody(p); p.content == nil {
		return ErrNotArticle
	}
	return nil
}

// pageBody returns the page's body without scripts, navigation, header,
// footer and forms, or nil when it holds no text: the content when the
// content finder finds none.
func pageBody(p *htmlPage) *html.Node {
	body := p.query.Find("body").First()
	if body.Length() == 0 || strings.TrimSpace(body.Text()) == "" {
		return nil
	}
	body.Find("script, style, noscript, template, nav, header, footer, form").Remove()
	return body.Get(0)
}

// mergeMetadata fills the article's metadata from the page and from what
// the content finder read: title, authors and site as title.go,
// authors.go and site.go choose them (a byline the body's clean-up found
// is one of the authors' sources); addresses and dates come first from
// the page.
// Without a mark of where the page was saved from, its canonical address
// stands for the capture address.
func mergeMetadata(p *htmlPage) error {
	a, m, r := p.art, &p.meta, p.read
	var headline *html.Node
	a.Title, headline = articleTitle(p)
	a.Authors = articleAuthors(p, headline, a.Byline)
	a.Byline = bylineOf(a.Authors)
	a.Site = articleSite(p)
	a.URL = canonicalURL(m.URL, m.CaptureURL)
	a.CaptureURL, a.Captured = first(m.CaptureURL, m.URL), m.Captured
	a.Language = first(m.Language, r.Language())
	a.Published, a.Modified = m.Published, m.Modified
	if a.Published.IsZero() {
		a.Published, _ = r.PublishedTime()
	}
	if a.Modified.IsZero() {
		a.Modified, _ = r.ModifiedTime()
	}
	a.Standfirst = foldSpace(first(m.Standfirst, findStandfirst(p), standfirstFromDescription(a, m.Description)))
	a.Related = p.related
	return nil
}

// canonicalURL returns the page's canonical address, unless that is only
// its site's front page while the page was captured from deeper (a
// template's mistake), then the capture address.
func canonicalURL(canonical, captured string) string {
	c, err1 := url.Parse(canonical)
	k, err2 := url.Parse(captured)
	if canonical == "" || err1 == nil && err2 == nil && strings.Trim(c.Path, "/") == "" && c.RawQuery == "" &&
		strings.Trim(k.Path, "/") != "" && isWebURL(captured) {
		return captured
	}
	return canonical
}

var bylineBy = regexp.MustCompile(`(?i)^(by|von|par|por|door|di)\s+`)

// cleanByline folds the white space of a byline and drops a leading "By".
func cleanByline(s string) string {
	return bylineBy.ReplaceAllString(foldSpace(s), "")
}

// nodeText returns the text under n.
func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}
