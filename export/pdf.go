package export

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/internal/words"
	"github.com/go-text/typesetting/shaping"
)

// The PDF: a cover listing the articles (each entry a link to its
// article), then each article from a new page (an entry of the document
// outline), with its figures and captions, tables, related links, note
// and highlights (marked in the text too); page numbers at the foot; the
// article's address, related links and the body's links are links (to
// the article's pages when the export holds it). The document says its
// title, authors and language. Writing the file: pdfwriter.go; fonts:
// pdffont.go, pdfembed.go, pdfcff.go; text: pdftext.go; pages:
// pdfpage.go; tables: pdftable.go; images: pdfimage.go.

// ErrMissingGlyphs is returned by a PDF export when an article holds
// characters no font on the system can draw and Options.SkipMissing is
// not set.
var ErrMissingGlyphs = errors.New("no font for some characters")

// pdfDoc is the document being written.
type pdfDoc struct {
	j      *job
	pdf    *pdfFile
	fonts  *fontBook
	seg    shaping.Segmenter
	shaper shaping.HarfbuzzShaper
	wrap   shaping.LineWrapper

	pages        []*pdfPage
	page         *pdfPage
	y            float64 // the cursor, points from the top of the page
	lang         string  // the language of the text being set
	outline      []*outlineItem
	pendingLinks []pendingLink
	articles     map[string]*outlineItem // the exported articles by their address's key (urlnorm.Key)
	images       map[string]*pdfImage
	missing      map[rune]bool // characters of the current article no font has
	skipped      map[rune]bool // characters left out of the whole document
}

func writePDF(ctx context.Context, j *job) error {
	fonts, err := newFontBook(j.opt.CJKFont, envFont())
	if err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	d := &pdfDoc{j: j, pdf: newPDFFile(j.out), fonts: fonts, images: map[string]*pdfImage{},
		missing: map[rune]bool{}, skipped: map[rune]bool{}}
	for range j.entries {
		d.outline = append(d.outline, &outlineItem{})
	}
	d.articles = byAddress(j.entries, d.outline)
	d.cover()
	for i, e := range j.entries {
		a, err := j.article(ctx, i)
		if err != nil {
			return err
		}
		if err := d.article(ctx, e, a, d.outline[i]); err != nil {
			return err
		}
	}
	if len(d.skipped) > 0 {
		j.warn("PDF: %s left out for want of a font (%s)", words.Plural(len(d.skipped), "different character", "different characters"), sample(d.skipped))
	}
	if err := d.finish(); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	j.done()
	return nil
}

// envFont is the font named by $CLIPPINGS_CJK_FONT.
func envFont() string { return os.Getenv(cjkFontEnv) }

// finish writes the pages, outline, fonts, document information and
// catalog, then the cross-reference table.
func (d *pdfDoc) finish() error {
	tree := d.finishPages()
	outlines := d.writeOutline()
	d.writeFonts()
	info := d.pdf.add(d.info())
	cat := fmt.Sprintf("<</Type /Catalog /Pages %s /Lang %s /ViewerPreferences <</DisplayDocTitle true>>", ref(tree), pdfText(dominantLanguage(d.j.entries)))
	if outlines != 0 {
		cat += fmt.Sprintf(" /Outlines %s /PageMode /UseOutlines", ref(outlines))
	}
	root := d.pdf.add(cat + ">>")
	return d.pdf.finish(root, info, d.fileID())
}

// info is the document information dictionary: an export of one article
// has its title and authors, one of several the export's title and the
// researcher as author.
func (d *pdfDoc) info() string {
	docTitle, author := d.j.opt.Title, d.j.opt.Author
	if len(d.j.entries) == 1 {
		a := d.j.entries[0].Meta
		docTitle, author = title(a), authorNames(a)
	}
	now := d.j.opt.Now.UTC()
	date := pdfDateUTC(now.Year(), int(now.Month()), now.Day(), now.Hour(), now.Minute(), now.Second())
	s := fmt.Sprintf("<</Title %s /Creator (Clippings) /Producer (Clippings) /CreationDate %s /ModDate %s", pdfText(docTitle), date, date)
	if author != "" {
		s += " /Author " + pdfText(author)
	}
	return s + ">>"
}

// authorNames are an article's authors joined, else its byline.
func authorNames(a *archive.Article) string {
	var names []string
	for _, au := range a.Authors {
		names = append(names, cleanLine(au.Name))
	}
	if len(names) > 0 {
		return strings.Join(names, ", ")
	}
	return cleanLine(a.Byline)
}

// fileID identifies the file, from what it holds.
func (d *pdfDoc) fileID() string {
	h := sha256.New()
	h.Write([]byte(d.j.opt.Title))
	for _, e := range d.j.entries {
		fmt.Fprintf(h, "\x00%s\x00%s", e.Key, e.Meta.OriginalSHA)
	}
	return fmt.Sprintf("%X", h.Sum(nil)[:16])
}

// cover writes the first page: the title and the list of articles, each
// linked to its article.
func (d *pdfDoc) cover() {
	d.newPage()
	d.lang = dominantLanguage(d.j.entries)
	d.writeLine(d.j.opt.Title, stTitle, 3)
	d.writeLine(fmt.Sprintf("%s, exported %s", words.Plural(len(d.j.entries), "article", "articles"), d.j.opt.Now.UTC().Format("2 January 2006")), stMeta, 6)
	for i, e := range d.j.entries {
		d.lang = e.Meta.Language
		page, y := d.page, d.y
		entry := fmt.Sprintf("%d. %s", i+1, title(e.Meta))
		if s := words.Join(", ", cleanLine(e.Meta.Site), ltr(day(e.Meta.Published))); s != "" {
			entry += " — " + s
		}
		d.writeLine(entry, stBody, 1)
		if d.page == page {
			d.linkPage(marginX, pageH-d.y, pageW-marginX, pageH-y, d.outline[i])
		}
	}
}

// article writes one article from a new page.
func (d *pdfDoc) article(ctx context.Context, e *entry, a *archive.Article, it *outlineItem) error {
	d.newPage()
	d.lang = a.Language
	*it = outlineItem{title: title(a), page: d.page, top: pageH - d.y}
	d.writeLine(title(a), stTitle, 2)
	d.writeLine(a.Standfirst, stSub, 2)
	d.writeLine(words.Join(" · ", cleanLine(a.Byline), cleanLine(a.Site), ltr(day(a.Published))), stMeta, 0)
	d.writeLink(cleanLine(a.URL), stMeta, 0, a.URL)
	d.writeLine("Citation key: "+e.Key, stMeta, 12)
	m := newMarker(e.Notes)
	var counters []int
	for _, b := range a.Blocks {
		if b.Kind != archive.ListItem {
			counters = nil
		}
		if b.Kind == archive.FigureRef {
			if err := d.figure(ctx, a, b.Figure); err != nil {
				return err
			}
			continue
		}
		segs := m.segments(b)
		switch {
		case len(segs) == 0:
		case b.Kind == archive.TableKind && b.Table != nil:
			d.table(b, segs)
		default:
			counters = d.block(b, pdfSegments(segs, 0, len(plain(segs)), b.Inline), counters)
		}
	}
	d.related(a.Related)
	d.notes(e)
	return d.checkMissing(a)
}

// checkMissing fails when the article held characters no font has,
// unless the user asked to go on: then they are counted for a warning.
func (d *pdfDoc) checkMissing(a *archive.Article) error {
	if len(d.missing) == 0 {
		return nil
	}
	defer clear(d.missing)
	if d.j.opt.SkipMissing {
		for r := range d.missing {
			d.skipped[r] = true
		}
		return nil
	}
	return fmt.Errorf("pdf: %q: %w: %s (%s); install a font for %s or export with --skip-missing",
		title(a), ErrMissingGlyphs, scriptNames(d.missing), sample(d.missing), words.Plural(len(scriptSet(d.missing)), "it", "them")[2:])
}

// scriptSet is the scripts of rs.
func scriptSet(rs map[rune]bool) map[string]bool {
	out := map[string]bool{}
	for r := range rs {
		out[scriptName(r)] = true
	}
	return out
}

// scriptName is the Unicode name of r's script: "Hebrew", "Common".
func scriptName(r rune) string {
	for name, table := range unicode.Scripts {
		if name != "Common" && name != "Inherited" && unicode.Is(table, r) {
			return name
		}
	}
	return "Common"
}

// scriptNames names the scripts of rs: "Thai and Emoji".
func scriptNames(rs map[rune]bool) string {
	var names []string
	for n := range scriptSet(rs) {
		if n == "Common" {
			n = "symbols (emoji…)"
		}
		names = append(names, n)
	}
	slices.Sort(names)
	return strings.Join(names, ", ")
}

// sample quotes a few of rs.
func sample(rs map[rune]bool) string {
	var list []rune
	for r := range rs {
		list = append(list, r)
	}
	slices.Sort(list)
	return strconv.Quote(string(list[:min(len(list), 12)]))
}

// block writes a text block; counters numbers ordered list items by level.
func (d *pdfDoc) block(b archive.Block, segs []segment, counters []int) []int {
	switch b.Kind {
	case archive.Heading:
		d.gap(6)
		d.writeText(segs, stHead, 4, "")
	case archive.Quote:
		d.writeText(segs, stQuote, 7, "")
	case archive.Code:
		d.writeText([]segment{{Text: plain(segs)}}, stCode, 7, "")
	case archive.ListItem:
		level := listDepth(b.Level)
		for len(counters) < level {
			counters = append(counters, 0)
		}
		counters = counters[:level]
		counters[level-1]++
		mark := "• "
		if b.Ordered {
			mark = strconv.Itoa(counters[level-1]) + ". "
		}
		st := stBody
		st.indent = float64(level) * 14
		d.writeText(append([]segment{{Text: mark}}, segs...), st, 3.5, "")
	default:
		d.writeText(segs, stBody, 7, "")
	}
	return counters
}

// figure writes figure n: its image, scaled to the page, and caption.
func (d *pdfDoc) figure(ctx context.Context, a *archive.Article, n int) error {
	if n < 0 || n >= len(a.Figures) {
		return nil
	}
	fig := a.Figures[n]
	p, err := d.j.picture(ctx, a, fig)
	if err != nil {
		return err
	}
	if p != nil && p.W > 0 && p.H > 0 {
		im, err := d.imageObject(p)
		if err != nil {
			d.j.warn("%s: image %s left out of the PDF: %v", title(a), shortSHA(p.SHA), err)
		}
		if im.obj != 0 {
			width := pageW - 2*marginX
			w := min(float64(p.W)*72/96, width)
			h := w * float64(p.H) / float64(p.W)
			if h > maxImageHeight {
				h, w = maxImageHeight, maxImageHeight*float64(p.W)/float64(p.H)
			}
			d.room(h)
			d.drawImage(im, marginX+(width-w)/2, w, h)
			d.gap(h + 4)
		}
	}
	d.writeLine(words.Join(" — ", cleanLine(fig.Caption), cleanLine(fig.Credit)), stCaption, 3)
	d.gap(6)
	return nil
}

// maxImageHeight bounds an image on the page, points.
const maxImageHeight = 312.0

// related lists the related links, each a link.
func (d *pdfDoc) related(links []archive.Link) {
	if len(links) == 0 {
		return
	}
	d.gap(6)
	d.writeLine("Related", stHead, 4)
	for _, l := range links {
		d.writeText([]segment{{Text: words.Join(" — ", cleanLine(l.Title), cleanLine(l.URL)), Link: webLink(l.URL)}}, stMeta, 3, "")
	}
}

// notes writes the free note and the highlights with their notes.
func (d *pdfDoc) notes(e *entry) {
	if n := e.note(); n != "" {
		d.gap(6)
		d.writeLine("Note", stHead, 4)
		d.writeLine(n, stBody, 6)
	}
	hs := e.highlights()
	if len(hs) > 0 {
		d.gap(6)
		d.writeLine("Highlights", stHead, 4)
	}
	for _, h := range hs {
		d.writeText([]segment{{Text: h.Quote.Exact, Mark: true}}, stQuote, 3, "")
		if h.Orphaned {
			d.writeLine("(This passage is no longer found in the text.)", stMeta, 3)
		}
		d.writeLine(h.Note, stBody, 3)
		d.gap(4)
	}
}
