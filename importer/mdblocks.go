package importer

import (
	"html"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	gmext "github.com/yuin/goldmark/extension"
	gmast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/clippings/clippings/archive"
)

// markdownParser parses CommonMark with GitHub's tables and strikethrough
// and footnotes. It is safe for concurrent use.
var markdownParser = goldmark.New(goldmark.WithExtensions(gmext.Table, gmext.Strikethrough, gmext.Footnote)).Parser()

// mdBuilder turns a Markdown syntax tree into article blocks.
type mdBuilder struct {
	p     *mdPage
	src   []byte
	kind  archive.BlockKind // the kind of paragraphs: Paragraph, or Quote inside a block quote
	depth int               // list nesting
}

// buildMarkdownBlocks parses the body and turns it into blocks: headings,
// paragraphs, list items, quotations, code, table rows, figures (an
// image alone in its paragraph, its caption the image's title or an
// emphasised line just below it) and footnotes.
func buildMarkdownBlocks(p *mdPage) error {
	doc := markdownParser.Parse(text.NewReader(p.body))
	b := &mdBuilder{p: p, src: p.body, kind: archive.Paragraph}
	b.blocks(doc)
	if len(p.art.Blocks) == 0 {
		return ErrNotArticle
	}
	return nil
}

func (b *mdBuilder) blocks(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		b.block(c)
	}
}

func (b *mdBuilder) block(n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading:
		b.add(archive.Block{Kind: archive.Heading, Text: b.inline(n), Level: max(2, n.Level)})
	case *ast.Paragraph, *ast.TextBlock:
		b.paragraph(n)
	case *ast.List:
		b.depth++
		b.blocks(n)
		b.depth--
	case *ast.ListItem:
		b.listItem(n)
	case *ast.Blockquote:
		saved := b.kind
		b.kind = archive.Quote
		b.blocks(n)
		b.kind = saved
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		b.add(archive.Block{Kind: archive.Code, Text: strings.Trim(b.lines(n), "\n")})
	case *ast.HTMLBlock:
		b.add(archive.Block{Kind: b.kind, Text: htmlText(b.lines(n))})
	case *gmast.Table:
		b.table(n)
	case *gmast.Footnote:
		b.add(archive.Block{Kind: archive.ListItem, Level: 1, Ordered: true, Text: b.flat(n)})
	case *ast.ThematicBreak:
	default:
		b.blocks(n)
	}
}

// add appends a block with text, or a code block, to the article.
func (b *mdBuilder) add(bl archive.Block) {
	if bl.Kind != archive.Code {
		bl.Text = cleanInline(bl.Text)
	}
	if strings.TrimSpace(bl.Text) != "" {
		b.p.art.Blocks = append(b.p.art.Blocks, bl)
	}
}

// paragraph adds a paragraph, or the figures of a paragraph that holds
// nothing but images (and perhaps an emphasised caption on the line
// below one).
func (b *mdBuilder) paragraph(n ast.Node) {
	if imgs, caption, ok := b.figureParagraph(n); ok {
		for i, img := range imgs {
			b.figure(img, caption, i == len(imgs)-1)
		}
		return
	}
	b.add(archive.Block{Kind: b.kind, Text: b.inline(n)})
}

// figureParagraph returns the images of a paragraph made of images
// (bare, or linked to their full size), blank text and at most one
// emphasised line, which is returned as the caption.
func (b *mdBuilder) figureParagraph(n ast.Node) (imgs []*ast.Image, caption string, ok bool) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Image:
			imgs = append(imgs, c)
		case *ast.Link:
			img, isImg := c.FirstChild().(*ast.Image)
			if !isImg || c.ChildCount() != 1 {
				return nil, "", false
			}
			imgs = append(imgs, img)
		case *ast.Text:
			if strings.TrimSpace(string(c.Segment.Value(b.src))) != "" {
				return nil, "", false
			}
		case *ast.Emphasis:
			if caption != "" || len(imgs) == 0 {
				return nil, "", false
			}
			caption = foldSpace(b.inline(c))
		default:
			return nil, "", false
		}
	}
	return imgs, caption, len(imgs) > 0
}

// figure adds an image as a figure. Its caption is the image's title,
// else (for the last image of its paragraph) the emphasised line below
// it or a paragraph just after it that is all emphasis, which is then not
// read as text.
func (b *mdBuilder) figure(img *ast.Image, caption string, last bool) {
	dest := strings.TrimSpace(string(img.Destination))
	f := archive.Figure{Alt: foldSpace(b.inline(img)), Caption: foldSpace(html.UnescapeString(string(img.Title)))}
	if isDataURI(dest) {
		f.ImageSHA = b.p.images.lookup(dest)
	} else {
		f.Image = dest
	}
	if f.Caption == "" && last {
		f.Caption = first(caption, b.takeCaption(img))
	}
	f.Caption, f.Credit = splitCredit(f.Caption)
	addFigure(b.p.art, f)
}

// takeCaption returns the text of the paragraph after the image's own
// when it is all emphasis, and removes that paragraph from the tree.
func (b *mdBuilder) takeCaption(img *ast.Image) string {
	para := img.Parent()
	for para != nil && para.Kind() != ast.KindParagraph {
		para = para.Parent()
	}
	if para == nil || para.NextSibling() == nil || para.NextSibling().Kind() != ast.KindParagraph {
		return ""
	}
	next := para.NextSibling()
	if next.ChildCount() != 1 || next.FirstChild().Kind() != ast.KindEmphasis {
		return ""
	}
	t := foldSpace(b.inline(next))
	next.Parent().RemoveChild(next.Parent(), next)
	return t
}

// listItem adds the text of a list item as one block, then its nested
// lists.
func (b *mdBuilder) listItem(n *ast.ListItem) {
	list, _ := n.Parent().(*ast.List)
	var parts []string
	var nested []ast.Node
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.Kind() {
		case ast.KindParagraph, ast.KindTextBlock:
			parts = append(parts, b.inline(c))
		default:
			nested = append(nested, c)
		}
	}
	b.add(archive.Block{Kind: archive.ListItem, Text: strings.Join(parts, " "), Level: max(1, b.depth),
		Ordered: list != nil && list.IsOrdered()})
	for _, c := range nested {
		b.block(c)
	}
}

// table adds each row of a table as a paragraph, its cells separated by
// " | ", as the HTML reader does.
func (b *mdBuilder) table(n ast.Node) {
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []string
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, foldSpace(b.inline(c)))
		}
		b.add(archive.Block{Kind: archive.Paragraph, Text: strings.Join(cells, " | ")})
	}
}

// flat returns the text of every block under n, joined by spaces.
func (b *mdBuilder) flat(n ast.Node) string {
	var parts []string
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Type() == ast.TypeBlock && c.HasChildren() && c.FirstChild().Type() == ast.TypeBlock {
			parts = append(parts, b.flat(c))
		} else {
			parts = append(parts, b.inline(c))
		}
	}
	return strings.Join(parts, " ")
}

// lines returns the raw lines of a code or HTML block.
func (b *mdBuilder) lines(n ast.Node) string {
	var sb strings.Builder
	l := n.Lines()
	for i := 0; i < l.Len(); i++ {
		seg := l.At(i)
		sb.Write(seg.Value(b.src))
	}
	return sb.String()
}

// brTag is an inline <br> in Markdown.
var brTag = regexp.MustCompile(`(?i)^<br\s*/?>$`)

// inline returns the text of the inline nodes under n, with escapes and
// entities resolved; images, footnote marks and
// inline HTML tags left out.
func (b *mdBuilder) inline(n ast.Node) string {
	var sb strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			sb.WriteString(unescapeMarkdown(c.Segment.Value(b.src)))
			if c.HardLineBreak() {
				sb.WriteString("\n")
			} else if c.SoftLineBreak() {
				sb.WriteString(" ")
			}
		case *ast.String:
			sb.WriteString(unescapeMarkdown(c.Value))
		case *ast.CodeSpan:
			sb.WriteString(b.rawText(c))
		case *ast.AutoLink:
			sb.Write(c.Label(b.src))
		case *ast.Image: // inline images (icons, badges) are no figures
		case *ast.RawHTML:
			if brTag.MatchString(strings.TrimSpace(b.segments(c.Segments))) {
				sb.WriteString("\n")
			}
		case *gmast.FootnoteLink, *gmast.FootnoteBacklink:
		default:
			sb.WriteString(b.inline(c))
		}
	}
	return sb.String()
}

// rawText returns the text under n as written, for code spans.
func (b *mdBuilder) rawText(n ast.Node) string {
	var sb strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			sb.Write(t.Segment.Value(b.src))
		} else if s, ok := c.(*ast.String); ok {
			sb.Write(s.Value)
		}
	}
	return sb.String()
}

func (b *mdBuilder) segments(segs *text.Segments) string {
	var sb strings.Builder
	for i := 0; i < segs.Len(); i++ {
		seg := segs.At(i)
		sb.Write(seg.Value(b.src))
	}
	return sb.String()
}

// unescapeMarkdown resolves backslash escapes and character references.
func unescapeMarkdown(s []byte) string {
	return html.UnescapeString(string(util.UnescapePunctuations(s)))
}

// htmlText returns the text of an HTML fragment, or "" for a comment.
func htmlText(fragment string) string {
	if strings.HasPrefix(strings.TrimSpace(fragment), "<!--") {
		return ""
	}
	return foldSpace(html.UnescapeString(tagPattern.ReplaceAllString(fragment, " ")))
}

var tagPattern = regexp.MustCompile(`<[^>]*>`)
