package export

import (
	"bytes"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/internal/urlnorm"
)

// Pages of the PDF: A4, the cursor moving down from the top margin;
// each page's content is written when the next one starts, its page
// number and page object at the end, when the number of pages is known.
// Links (web addresses, and the cover's entries to their articles) are
// link annotations over the text they cover.

// Page geometry, points.
const (
	pageW, pageH = 595.28, 841.89
	marginX      = 56.7
	marginTop    = 51
	marginBottom = 60
	footerY      = 30
)

// pdfPage is one page.
type pdfPage struct {
	obj     int
	content bytes.Buffer
	body    int            // its content stream object
	fonts   map[string]int // resource name → font object
	images  map[string]int
	annots  []string
}

// outlineItem is an entry of the document outline (bookmarks).
type outlineItem struct {
	title string
	page  *pdfPage
	top   float64 // PDF y of the entry's top
}

// usePage makes face p a resource of page pg and returns its name.
func (d *pdfDoc) usePage(pg *pdfPage, p *pdfFace) string {
	name := d.use(p)
	pg.fonts[name] = p.obj
	return name
}

// newPage ends the current page and starts another.
func (d *pdfDoc) newPage() {
	d.endPage()
	d.page = &pdfPage{obj: d.pdf.alloc(), fonts: map[string]int{}, images: map[string]int{}}
	d.pages = append(d.pages, d.page)
	d.y = marginTop
}

// endPage writes the content of the current page.
func (d *pdfDoc) endPage() {
	if d.page == nil || d.page.body != 0 {
		return
	}
	d.page.body = d.pdf.alloc()
	d.pdf.stream(d.page.body, "", d.page.content.Bytes())
	d.page.content = bytes.Buffer{}
}

// room starts a new page unless h points fit below the cursor.
func (d *pdfDoc) room(h float64) {
	if d.page == nil || d.y+h > pageH-marginBottom {
		d.newPage()
	}
}

// gap moves the cursor down h points.
func (d *pdfDoc) gap(h float64) { d.y += h }

// writeText sets segments as a paragraph in style st, linked to link when
// not "", then leaves gap points.
func (d *pdfDoc) writeText(segs []segment, st textStyle, gap float64, link string) {
	width := pageW - 2*marginX - st.indent
	for _, l := range d.layout(segs, st, width, d.lang) {
		d.room(st.lead)
		x := marginX + st.indent
		if l.rtl {
			x = pageW - marginX - st.indent - l.width
		}
		base := pageH - d.y - st.lead*0.76
		d.drawLine(d.page, l, st, x, base)
		if link != "" && l.width > 0 {
			d.linkURI(x, base-st.size*0.25, x+l.width, base+st.size*0.9, link)
		}
		d.linkRuns(l, st, x, base)
		d.y += st.lead
	}
	d.y += gap
}

// writeLine is writeText of one plain text, "" writing nothing.
func (d *pdfDoc) writeLine(text string, st textStyle, gap float64) {
	d.writeLink(text, st, gap, "")
}

// writeLink is writeLine linked to a web address.
func (d *pdfDoc) writeLink(text string, st textStyle, gap float64, link string) {
	if strings.TrimSpace(text) == "" {
		return
	}
	d.writeText([]segment{{Text: text}}, st, gap, link)
}

// linkRuns underlines each stretch of line l (its left end at x, its
// baseline at base) whose text links somewhere (segment.Link), and adds
// a link over it.
func (d *pdfDoc) linkRuns(l textLine, st textStyle, x, base float64) {
	cur, start, end := "", 0.0, 0.0
	flush := func() {
		if cur != "" && end > start {
			y := base - st.size*0.13
			fmt.Fprintf(&d.page.content, "0.2 0.35 0.7 RG 0.5 w %s %s m %s %s l S 0 G\n", num(start), num(y), num(end), num(y))
			d.linkTo(start, base-st.size*0.25, end, base+st.size*0.9, cur)
		}
	}
	for _, r := range l.runs {
		pen := x + r.x
		for _, g := range r.glyphs {
			link := ""
			if g.ClusterIndex < len(r.links) {
				link = r.links[g.ClusterIndex]
			}
			if link != cur || pen > end+0.5 {
				flush()
				cur, start = link, pen
			}
			pen += fromFixed(g.Advance)
			end = pen
		}
	}
	flush()
}

// pdfSegments is bytes [from, to) of a block's text as segments for the
// PDF: the highlighted segments segs cut where the block's links start
// and end, each carrying the address its text links to.
func pdfSegments(segs []segment, from, to int, marks []archive.Inline) []segment {
	var out []segment
	var links []string
	walkInline(segs, from, to, marks, inlineVisitor{
		enter: func(m archive.Inline) {
			if m.Kind == archive.InlineLink {
				links = append(links, webLink(m.Href))
			}
		},
		text: func(s segment) {
			if n := len(links); n > 0 {
				s.Link = links[n-1]
			}
			out = appendSegment(out, s)
		},
		leave: func(m archive.Inline) {
			if m.Kind == archive.InlineLink && len(links) > 0 {
				links = links[:len(links)-1]
			}
		},
	})
	return out
}

// webLink is addr when it is an http or https address, else "" (the text
// is then no link).
func webLink(addr string) string {
	if addr = cleanLine(addr); webAddress(addr) {
		return addr
	}
	return ""
}

// linkTo adds a link to addr over a rectangle of the current page: to
// its article's first page when the export holds the article, else to
// the web address.
func (d *pdfDoc) linkTo(x0, y0, x1, y1 float64, addr string) {
	if it := d.articles[urlnorm.Key(addr)]; it != nil {
		d.linkPage(x0, y0, x1, y1, it)
		return
	}
	d.linkURI(x0, y0, x1, y1, addr)
}

// linkURI adds a link to a web address (http and https only) over a
// rectangle of the current page.
func (d *pdfDoc) linkURI(x0, y0, x1, y1 float64, link string) {
	u, err := url.Parse(strings.TrimSpace(link))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return
	}
	d.page.annots = append(d.page.annots, fmt.Sprintf("<</Type /Annot /Subtype /Link /Rect [%s %s %s %s] /Border [0 0 0] /A <</S /URI /URI %s>>>>",
		num(x0), num(y0), num(x1), num(y1), pdfText(asciiURL(u))))
}

// asciiURL is u with every character outside ASCII percent-encoded, as
// a PDF URI must be.
func asciiURL(u *url.URL) string {
	s := u.String()
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x21 || c > 0x7e {
			fmt.Fprintf(&b, "%%%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// linkPage adds a link to a place of another page over a rectangle of
// the current page; the destination's object number is known by then.
func (d *pdfDoc) linkPage(x0, y0, x1, y1 float64, to *outlineItem) {
	d.page.annots = append(d.page.annots, fmt.Sprintf("<</Type /Annot /Subtype /Link /Rect [%s %s %s %s] /Border [0 0 0] /Dest %%s>>",
		num(x0), num(y0), num(x1), num(y1)))
	d.pendingLinks = append(d.pendingLinks, pendingLink{page: d.page, annot: len(d.page.annots) - 1, to: to})
}

// pendingLink is a link to an article not laid out yet.
type pendingLink struct {
	page  *pdfPage
	annot int
	to    *outlineItem
}

// dest is the destination of an outline item.
func dest(it *outlineItem) string {
	return fmt.Sprintf("[%s /XYZ 0 %s null]", ref(it.page.obj), num(it.top))
}

// finishPages writes the footers, the page objects and the page tree;
// it returns the page tree's object.
func (d *pdfDoc) finishPages() int {
	d.endPage()
	for _, l := range d.pendingLinks {
		if l.to.page != nil {
			l.page.annots[l.annot] = fmt.Sprintf(l.page.annots[l.annot], dest(l.to))
		} else {
			l.page.annots[l.annot] = ""
		}
	}
	tree := d.pdf.alloc()
	kids := make([]string, len(d.pages))
	for i, pg := range d.pages {
		foot := d.footer(pg, i+1)
		var annots []string
		for _, a := range pg.annots {
			if a != "" {
				annots = append(annots, ref(d.pdf.add(a)))
			}
		}
		d.pdf.object(pg.obj, fmt.Sprintf("<</Type /Page /Parent %s /MediaBox [0 0 %s %s] /Resources <<%s>> /Contents [%s %s]%s>>",
			ref(tree), num(pageW), num(pageH), resources(pg), ref(pg.body), ref(foot), annotList(annots)))
		kids[i] = ref(pg.obj)
	}
	d.pdf.object(tree, fmt.Sprintf("<</Type /Pages /Kids [%s] /Count %d>>", strings.Join(kids, " "), len(d.pages)))
	return tree
}

// footer writes the page number of page pg (n of all) as a stream of
// its own and returns it.
func (d *pdfDoc) footer(pg *pdfPage, n int) int {
	pg.content = bytes.Buffer{}
	text := fmt.Sprintf("%d / %d", n, len(d.pages))
	for _, l := range d.layout([]segment{{Text: text}}, stFooter, pageW, "en") {
		d.drawLine(pg, l, stFooter, (pageW-l.width)/2, footerY)
	}
	obj := d.pdf.alloc()
	d.pdf.stream(obj, "", pg.content.Bytes())
	return obj
}

// resources is the resource dictionary of a page.
func resources(pg *pdfPage) string {
	var b strings.Builder
	b.WriteString("/Font <<")
	for _, name := range sortedKeys(pg.fonts) {
		fmt.Fprintf(&b, "/%s %s ", name, ref(pg.fonts[name]))
	}
	b.WriteString(">>")
	if len(pg.images) > 0 {
		b.WriteString(" /XObject <<")
		for _, name := range sortedKeys(pg.images) {
			fmt.Fprintf(&b, "/%s %s ", name, ref(pg.images[name]))
		}
		b.WriteString(">>")
	}
	return b.String()
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func annotList(annots []string) string {
	if len(annots) == 0 {
		return ""
	}
	return " /Annots [" + strings.Join(annots, " ") + "]"
}

// writeOutline writes the outline, one entry per article; 0 when empty.
func (d *pdfDoc) writeOutline() int {
	if len(d.outline) == 0 {
		return 0
	}
	root := d.pdf.alloc()
	objs := make([]int, len(d.outline))
	for i := range objs {
		objs[i] = d.pdf.alloc()
	}
	for i, it := range d.outline {
		var links string
		if i > 0 {
			links += " /Prev " + ref(objs[i-1])
		}
		if i+1 < len(objs) {
			links += " /Next " + ref(objs[i+1])
		}
		d.pdf.object(objs[i], fmt.Sprintf("<</Title %s /Parent %s%s /Dest %s>>", pdfText(it.title), ref(root), links, dest(it)))
	}
	d.pdf.object(root, fmt.Sprintf("<</Type /Outlines /First %s /Last %s /Count %d>>", ref(objs[0]), ref(objs[len(objs)-1]), len(objs)))
	return root
}
