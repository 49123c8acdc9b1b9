package export

import (
	"bytes"
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/internal/words"
	"github.com/go-pdf/fpdf"
)

// The PDF: a cover listing the articles, then each article from a new
// page (also an entry of the document outline), with its figures and
// captions, related links, note and highlights (marked in the text too);
// page numbers at the foot. Fonts: pdffont.go; layout: pdftext.go.

// pdfDoc is the document being written.
type pdfDoc struct {
	j      *job
	f      *fpdf.Fpdf
	fonts  *fontSet
	images map[string]string // image SHA-256 → name registered with fpdf, "" when left out
	left   float64           // left margin, mm
	width  float64           // text width, mm
	bottom float64           // lowest baseline before a page break, mm
}

func writePDF(ctx context.Context, j *job) error {
	d, err := newPDFDoc(j)
	if err != nil {
		return err
	}
	d.cover()
	for i, e := range j.entries {
		a, err := j.article(ctx, i)
		if err != nil {
			return err
		}
		if err := d.article(ctx, e, a); err != nil {
			return err
		}
	}
	d.reportMissing()
	if err := d.f.Output(j.out); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	j.done()
	return nil
}

// newPDFDoc sets up the document and its fonts.
func newPDFDoc(j *job) (*pdfDoc, error) {
	f := newPDF(j.opt.Title)
	f.SetCreationDate(j.opt.Now)
	f.SetModificationDate(j.opt.Now)
	fonts, err := loadFonts(f, FindCJKFonts(j.opt.CJKFont))
	if err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	pw, ph := f.GetPageSize()
	l, _, r, _ := f.GetMargins()
	d := &pdfDoc{j: j, f: f, fonts: fonts, images: map[string]string{}, left: l, width: pw - l - r, bottom: ph - 18}
	f.SetFooterFunc(d.footer)
	return d, nil
}

// footer prints the page number.
func (d *pdfDoc) footer() {
	d.f.SetY(-12)
	d.f.SetFont(famText, "", 8)
	d.f.SetTextColor(90, 90, 90)
	d.f.CellFormat(0, 5, strconv.Itoa(d.f.PageNo())+" / {nb}", "", 0, "C", false, 0, "")
	d.f.SetTextColor(0, 0, 0)
}

// cover writes the first page: the title and the list of articles.
func (d *pdfDoc) cover() {
	d.f.AddPage()
	d.writeLine(d.j.opt.Title, stTitle, 3)
	d.writeLine(fmt.Sprintf("%d articles, exported %s", len(d.j.entries), d.j.opt.Now.UTC().Format("2 January 2006")), stMeta, 6)
	for i, e := range d.j.entries {
		d.writeLine(fmt.Sprintf("%d. %s%s", i+1, title(e.Meta), metaSuffix(e.Meta)), stBody, 1)
	}
}

// article writes one article from a new page.
func (d *pdfDoc) article(ctx context.Context, e *entry, a *archive.Article) error {
	d.f.AddPage()
	d.f.SetFont(famText, "", 10)
	d.f.Bookmark(title(a), 0, -1)
	d.writeLine(title(a), stTitle, 2)
	d.writeLine(a.Subtitle, stSub, 2)
	d.writeLine(words.Join(" · ", cleanLine(a.Byline), cleanLine(a.Site), day(a.Published)), stMeta, 0)
	d.writeLine(cleanLine(a.URL), stMeta, 0)
	d.writeLine("Citation key: "+e.Key, stMeta, 4)
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
		if segs := m.segments(b); len(segs) > 0 {
			counters = d.block(b, segs, counters)
		}
	}
	d.related(a.Related)
	d.notes(e)
	return nil
}

// block writes a text block; counters numbers ordered list items by level.
func (d *pdfDoc) block(b archive.Block, segs []segment, counters []int) []int {
	switch b.Kind {
	case archive.Heading:
		d.f.Ln(2)
		d.writeText(segs, stHead, 1.5)
	case archive.Quote:
		d.writeText(segs, stQuote, 2.5)
	case archive.Code:
		d.writeText([]segment{{Text: plain(segs)}}, stCode, 2.5)
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
		st.indent = float64(level) * 5
		d.writeText(append([]segment{{Text: mark}}, segs...), st, 1.2)
	default:
		d.writeText(segs, stBody, 2.5)
	}
	return counters
}

// figure writes figure n: its image, scaled to the page, and caption.
func (d *pdfDoc) figure(ctx context.Context, a *archive.Article, n int) error {
	if n < 0 || n >= len(a.Figures) {
		return nil
	}
	fig := a.Figures[n]
	name, w, h, err := d.image(ctx, a, fig)
	if err != nil {
		return err
	}
	if name != "" {
		if d.f.GetY()+h > d.bottom {
			d.f.AddPage()
		}
		y := d.f.GetY()
		d.f.ImageOptions(name, d.left+(d.width-w)/2, y, w, h, false, fpdf.ImageOptions{}, 0, "")
		d.f.SetY(y + h + 1.5)
	}
	d.writeLine(words.Join(" — ", cleanLine(fig.Caption), cleanLine(fig.Credit)), stCaption, 1)
	d.f.Ln(2)
	return nil
}

// maxImageHeight bounds an image on the page, mm.
const maxImageHeight = 110.0

// image registers a figure's image (once) and returns its name and size
// on the page: its size at 96 dpi, at most the text width and
// maxImageHeight. The name is "" when the image is left out.
func (d *pdfDoc) image(ctx context.Context, a *archive.Article, fig archive.Figure) (string, float64, float64, error) {
	p, err := d.j.picture(ctx, a, fig)
	if err != nil || p == nil {
		return "", 0, 0, err
	}
	name, ok := d.images[p.SHA]
	if !ok {
		name = d.register(a, p)
		d.images[p.SHA] = name
	}
	if name == "" {
		return "", 0, 0, nil
	}
	w := min(float64(p.W)*25.4/96, d.width)
	h := w * float64(p.H) / float64(p.W)
	if h > maxImageHeight {
		h, w = maxImageHeight, maxImageHeight*float64(p.W)/float64(p.H)
	}
	return name, w, h, nil
}

// register hands an image to fpdf, PNGs it cannot read (16-bit,
// interlaced) converted first; "" when it still fails.
func (d *pdfDoc) register(a *archive.Article, p *picture) string {
	data, typ := p.Data, strings.ToUpper(strings.TrimPrefix(p.Ext, "."))
	if typ == "PNG" && len(data) > 28 && (data[24] == 16 || data[28] == 1) {
		if conv, err := toPNG(data); err == nil {
			data = conv
		}
	}
	name := "img-" + p.SHA
	d.f.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: typ}, bytes.NewReader(data))
	if err := d.f.Error(); err != nil {
		d.f.ClearError()
		d.j.warn("%s: image %s left out of the PDF: %v", title(a), shortSHA(p.SHA), err)
		return ""
	}
	return name
}

// related lists the related links.
func (d *pdfDoc) related(links []archive.Link) {
	if len(links) == 0 {
		return
	}
	d.f.Ln(2)
	d.writeLine("Related", stHead, 1.5)
	for _, l := range links {
		d.writeLine(words.Join(" — ", cleanLine(l.Title), cleanLine(l.URL)), stMeta, 1)
	}
}

// notes writes the free note and the highlights with their notes.
func (d *pdfDoc) notes(e *entry) {
	if n := e.note(); n != "" {
		d.f.Ln(2)
		d.writeLine("Note", stHead, 1.5)
		d.writeLine(n, stBody, 2)
	}
	hs := e.highlights()
	if len(hs) > 0 {
		d.f.Ln(2)
		d.writeLine("Highlights", stHead, 1.5)
	}
	for _, h := range hs {
		d.writeText([]segment{{Text: h.Quote.Exact, Mark: true}}, stQuote, 1)
		if h.Orphaned {
			d.writeLine("(This passage is no longer found in the text.)", stMeta, 1)
		}
		d.writeLine(h.Note, stBody, 1)
		d.f.Ln(1.5)
	}
}

// reportMissing warns about characters no font could draw.
func (d *pdfDoc) reportMissing() {
	if len(d.fonts.missing) == 0 {
		return
	}
	var rs []rune
	for r := range d.fonts.missing {
		rs = append(rs, r)
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i] < rs[j] })
	sample := string(rs[:min(len(rs), 12)])
	hint := ""
	if len(d.fonts.fallbacks) == 0 {
		hint = "; no CJK font was found: install fonts-droid-fallback and fonts-nanum, or set " + cjkFontEnv + " to a TrueType font"
	}
	d.j.warn("PDF: %d different characters have no font and were left out (%q)%s", len(rs), sample, hint)
}
