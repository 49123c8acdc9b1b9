package importer

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"github.com/clippings/clippings/archive"
)

// skipTags are elements whose content is never body text.
var skipTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "svg": true, "button": true,
	"input": true, "select": true, "textarea": true, "iframe": true, "object": true, "embed": true,
	"canvas": true, "audio": true, "video": true, "map": true, "head": true, "title": true, "meta": true, "link": true,
}

// blockTags are elements that start and end a block of text.
var blockTags = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "header": true, "footer": true, "main": true,
	"aside": true, "address": true, "dl": true, "dt": true, "dd": true, "hr": true, "details": true,
	"summary": true, "center": true, "form": true, "fieldset": true, "table": true, "tbody": true,
	"thead": true, "tfoot": true, "tr": true, "caption": true, "nav": true, "body": true, "html": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "ul": true, "ol": true,
	"li": true, "blockquote": true, "pre": true, "figure": true, "figcaption": true,
}

func isBlockTag(tag string) bool { return blockTags[tag] }

// blockBuilder turns cleaned content into article blocks. It gathers the
// text of the block being read in buf; ctx says what kind of block that
// text becomes.
type blockBuilder struct {
	p       *htmlPage
	art     *archive.Article
	buf     strings.Builder
	ctx     blockCtx
	ordered []bool            // the open lists, innermost last: true for <ol>
	cells   int               // how many cells of layout tables the walk is inside
	figures map[int]int       // page figure index → article figure index
	open    []*openMark       // the marking elements being read (inline.go)
	marks   []rawMark         // the marks over buf
	table   *tableRead        // the data table being read, if any (tables.go)
	notes   map[string]string // element id → label of the page's footnotes (notes.go)
}

type blockCtx struct {
	kind    archive.BlockKind
	level   int
	ordered bool
	label   string // a footnote's mark
}

// buildHTMLBlocks turns the main content into blocks: paragraphs,
// headings, list items, quotations, preformatted text and figures, whose
// captions and credits stay out of the text.
// When the content the content finder chose cleans down to nothing, the
// whole page's body is read instead: a page the user picked is never
// refused while it holds text.
func buildHTMLBlocks(p *htmlPage) error {
	p.buildBlocks()
	if len(p.art.Blocks) == 0 {
		if body := pageBody(p); body != nil && body != p.content {
			p.content = body
			p.art.Figures = nil
			p.buildBlocks()
		}
	}
	if len(p.art.Blocks) == 0 {
		return ErrNotArticle
	}
	return nil
}

// buildBlocks turns p.content into the article's blocks.
func (p *htmlPage) buildBlocks() {
	b := &blockBuilder{p: p, art: p.art, ctx: blockCtx{kind: archive.Paragraph}, figures: map[int]int{}, notes: footnoteTargets(p.content)}
	b.walk(p.content)
	b.flush()
}

func (b *blockBuilder) walk(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			b.buf.WriteString(lineBreaks.Replace(c.Data)) // only <br> breaks a line
		case html.ElementNode:
			if !blockTags[c.Data] && laidApart(c) && needsSpace(lastRune(b.buf.String()), firstRune(c)) {
				b.buf.WriteString(" ")
			}
			b.element(c)
		}
	}
}

func (b *blockBuilder) element(n *html.Node) {
	if skipTags[n.Data] || hasAttr(n, figAttr+"-credit") || hiddenClass.MatchString(attrOf(n, "class")) {
		return
	}
	if v, ok := getAttr(n, figAttr); ok {
		if i, err := strconv.Atoi(v); err == nil && i >= 0 && i < len(b.p.figures) {
			b.held(func() { b.pageFigure(i) })
			return
		}
	}
	if b.table != nil && b.inCell(n) {
		return
	}
	if label, ok := b.notes[attrOf(n, "id")]; ok && b.cells == 0 {
		b.block(n, blockCtx{kind: archive.Footnote, label: label})
		return
	}
	switch tag := n.Data; {
	case tag == "br":
		b.buf.WriteString("\n")
	case tag == "table" && b.cells == 0 && isDataTable(n):
		b.readTable(n)
	case inlineKinds[tag] != "":
		b.marked(n, inlineKinds[tag])
	case tag == "img":
		b.held(func() { b.image(n) })
	case tag == "figure" && selection(n).Find("img").Length() > 0:
		b.held(func() { b.image(n) })
	case tag == "figcaption" || captionClass.MatchString(attrOf(n, "class")) && isCaptionElement(selection(n)):
		b.held(func() { b.caption(n) })
	case len(tag) == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6':
		b.block(n, blockCtx{kind: archive.Heading, level: max(2, int(tag[1]-'0'))})
	case tag == "ul" || tag == "ol":
		b.ordered = append(b.ordered, tag == "ol")
		b.block(n, b.ctx)
		b.ordered = b.ordered[:len(b.ordered)-1]
	case tag == "li":
		b.block(n, blockCtx{kind: archive.ListItem, level: max(1, len(b.ordered)), ordered: len(b.ordered) > 0 && b.ordered[len(b.ordered)-1]})
	case tag == "blockquote":
		b.block(n, blockCtx{kind: archive.Quote})
	case tag == "dt" && b.cells == 0:
		b.block(n, blockCtx{kind: archive.Term})
	case tag == "dd" && b.cells == 0:
		b.block(n, blockCtx{kind: archive.Define})
	case tag == "pre":
		b.flush()
		b.buf.WriteString(nodeText(n))
		b.flushAs(blockCtx{kind: archive.Code})
	case tag == "td" || tag == "th":
		if prevElement(n) != nil {
			b.buf.WriteString(" | ")
		}
		b.cells++
		b.walk(n)
		b.cells--
	case b.cells > 0 && blockTags[tag] && tag != "table":
		// paragraphs and lists inside a table cell are part of its row
		b.buf.WriteString(" ")
		b.walk(n)
		b.buf.WriteString(" ")
	case blockTags[tag]:
		b.block(n, b.ctx)
	case isStyledBlock(n):
		b.buf.WriteString("\n")
		b.walk(n)
		b.buf.WriteString("\n")
	default:
		b.walk(n)
	}
}

// block reads the children of n as blocks of kind ctx.
func (b *blockBuilder) block(n *html.Node, ctx blockCtx) {
	b.flush()
	saved := b.ctx
	b.ctx = ctx
	b.walk(n)
	b.flush()
	b.ctx = saved
}

// flush ends the block being gathered.
func (b *blockBuilder) flush() { b.flushAs(b.ctx) }

func (b *blockBuilder) flushAs(ctx blockCtx) {
	raw := b.buf.String()
	marks := b.takeMarks()
	b.buf.Reset()
	var t string
	var inline []archive.Inline
	if ctx.kind == archive.Code {
		t = strings.Trim(strings.ReplaceAll(raw, "\r\n", "\n"), "\n")
		if strings.TrimSpace(t) == "" {
			t = ""
		}
	} else {
		t, inline = cleanMarked(raw, marks)
	}
	if t == "" {
		return
	}
	b.art.Blocks = append(b.art.Blocks, archive.Block{Kind: ctx.kind, Text: t, Level: ctx.level, Ordered: ctx.ordered,
		Label: ctx.label, Inline: inline})
}

// lineBreaks turns the line breaks of the HTML source into spaces.
var lineBreaks = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ")

// invisible are characters dropped from text: soft hyphens, zero-width
// spaces and joiners, byte-order marks.
var invisible = strings.NewReplacer("\u00ad", "", "\u200b", "", "\u2060", "", "\ufeff", "", "\u00a0", " ")

// cleanInline folds the white space of gathered inline text, keeping the
// line breaks that <br> made, and drops empty lines.
func cleanInline(s string) string {
	s = invisible.Replace(s)
	lines := strings.Split(s, "\n")
	kept := lines[:0]
	for _, l := range lines {
		if l = foldSpace(l); l != "" {
			kept = append(kept, l)
		}
	}
	return strings.Join(kept, "\n")
}

// pageFigure adds figure i of the page, once, where it is first met.
func (b *blockBuilder) pageFigure(i int) {
	if _, ok := b.figures[i]; ok {
		return
	}
	f := b.p.figures[i]
	if f.Image == "" && f.ImageSHA == "" && f.Caption == "" {
		return
	}
	b.flush()
	addFigure(b.art, f)
	b.figures[i] = len(b.art.Figures) - 1
}

// image adds an image (or an unmarked <figure>) met in the content as a
// figure without caption; a caption that follows is given to it.
func (b *blockBuilder) image(n *html.Node) {
	s := selection(n)
	img := s
	if !s.Is("img") {
		img = pictures(s).Filter("img").First()
	}
	src, sha := b.p.figureImage(s, img)
	if src == "" && sha == "" || tinyImage(img) || isLogo(img) {
		return
	}
	b.flush()
	f := archive.Figure{Image: src, ImageSHA: sha, Alt: foldSpace(img.AttrOr("alt", ""))}
	if capSel := s.Find("figcaption").First(); capSel.Length() > 0 {
		f.Caption, f.Credit = splitCredit(cleanCaption(textWithoutMarked(capSel, figAttr+"-credit")))
	}
	addFigure(b.art, f)
}

// caption gives the text of a caption met in the content to the figure
// just before it, or makes a figure of it alone; it never enters the
// body text.
func (b *blockBuilder) caption(n *html.Node) {
	t := cleanCaption(textWithoutMarked(selection(n), figAttr+"-credit"))
	if t == "" {
		return
	}
	b.flush()
	caption, credit := splitCredit(t)
	if nb := len(b.art.Blocks); nb > 0 && b.art.Blocks[nb-1].Kind == archive.FigureRef {
		f := &b.art.Figures[b.art.Blocks[nb-1].Figure]
		if f.Caption == "" {
			f.Caption, f.Credit = caption, first(f.Credit, credit)
			return
		}
	}
	if isControlLabel(caption) {
		return
	}
	addFigure(b.art, archive.Figure{Caption: caption, Credit: credit})
}

// logoName is a class, alternative text or file name that names a logo.
var logoName = regexp.MustCompile(`(?i)(^|[\s_./-])logo(s|type)?([\s_./-]|$)`)

// isLogo reports whether img is a site's logo (by its class, alternative
// text or file name), which is no figure of the article.
func isLogo(img *goquery.Selection) bool {
	src := img.AttrOr("src", "")
	if i := strings.LastIndex(src, "/"); i >= 0 {
		src = src[i:]
	}
	return logoName.MatchString(img.AttrOr("class", "") + " " + img.AttrOr("alt", "") + " " + src)
}

// tinyImage reports whether img declares itself smaller than an icon.
func tinyImage(img *goquery.Selection) bool {
	for _, a := range []string{"width", "height"} {
		if v, err := strconv.Atoi(strings.TrimSuffix(img.AttrOr(a, ""), "px")); err == nil && v > 0 && v < 40 {
			return true
		}
	}
	return false
}

// prevElement returns the element before n among its siblings, or nil.
func prevElement(n *html.Node) *html.Node {
	for s := n.PrevSibling; s != nil; s = s.PrevSibling {
		if s.Type == html.ElementNode {
			return s
		}
	}
	return nil
}

// selection wraps n for goquery.
func selection(n *html.Node) *goquery.Selection {
	return goquery.NewDocumentFromNode(n).Selection
}

func getAttr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func hasAttr(n *html.Node, key string) bool {
	_, ok := getAttr(n, key)
	return ok
}

func attrOf(n *html.Node, key string) string {
	v, _ := getAttr(n, key)
	return v
}
