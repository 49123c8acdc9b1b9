package export

import (
	"crypto/sha256"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf16"

	"github.com/go-text/typesetting/font"
)

// Writing the fonts the document used: for each face a Type 0 font with
// the Identity-H encoding (two-byte codes that are the CIDs, that is the
// glyph IDs), its CIDFontType0 descendant with the widths, a font
// descriptor with the subset as FontFile3 (see pdfcff.go), and a
// ToUnicode map so that text extraction gives back what each glyph
// stands for.

// width is the advance of glyph g in 1000 units an em, as the PDF's W
// array gives it and the content streams count on.
func (p *pdfFace) width(g font.GID) int {
	return int(math.Round(float64(p.face.HorizontalAdvance(g)) * 1000 / p.upem))
}

// use returns p's resource name, giving it one (and an object number)
// on first use.
func (d *pdfDoc) use(p *pdfFace) string {
	if p.obj == 0 {
		p.obj = d.pdf.alloc()
		p.res = fmt.Sprintf("F%d", len(d.fonts.faces)+1)
		d.fonts.faces = append(d.fonts.faces, p)
	}
	return p.res
}

// writeFonts writes every face drawn with.
func (d *pdfDoc) writeFonts() {
	for _, p := range d.fonts.faces {
		d.writeFont(p)
	}
}

// writeFont writes face p with the glyphs it drew.
func (d *pdfDoc) writeFont(p *pdfFace) {
	gids := []font.GID{0}
	for g := range p.used {
		if g != 0 {
			gids = append(gids, g)
		}
	}
	slices.Sort(gids)
	box := bbox{}
	glyphs := make([]cffGlyph, len(gids))
	for i, g := range gids {
		segs, _ := glyphOutline(p.face, g)
		w := p.width(g)
		glyphs[i] = cffGlyph{cid: int(g), width: w, code: charstring(segs, 1000/p.upem, w, &box)}
	}
	name := subsetTag(p.name, gids) + "+" + p.name
	file := d.pdf.alloc()
	d.pdf.stream(file, " /Subtype /CIDFontType0C", buildCFF(name, glyphs, int(gids[len(gids)-1])+1))
	ext, _ := p.face.FontHExtents()
	scale := 1000 / p.upem
	desc := d.pdf.add(fmt.Sprintf("<</Type /FontDescriptor /FontName %s /Flags 4 /FontBBox [%d %d %d %d] /ItalicAngle 0 /Ascent %d /Descent %d /CapHeight %d /StemV 80 /FontFile3 %s>>",
		pdfName(name), box.x0, box.y0, box.x1, box.y1, int(float64(ext.Ascender)*scale), int(float64(ext.Descender)*scale),
		int(float64(ext.Ascender)*scale*0.7), ref(file)))
	cid := d.pdf.add(fmt.Sprintf("<</Type /Font /Subtype /CIDFontType0 /BaseFont %s /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /FontDescriptor %s /DW 1000 /W [%s]>>",
		pdfName(name), ref(desc), widths(glyphs)))
	cmap := d.pdf.alloc()
	d.pdf.stream(cmap, "", toUnicode(p.used))
	d.pdf.object(p.obj, fmt.Sprintf("<</Type /Font /Subtype /Type0 /BaseFont %s /Encoding /Identity-H /DescendantFonts [%s] /ToUnicode %s>>",
		pdfName(name), ref(cid), ref(cmap)))
}

// subsetTag is the six capital letters that name a subset, from the
// font's name and its glyphs.
func subsetTag(name string, gids []font.GID) string {
	h := sha256.New()
	h.Write([]byte(name))
	for _, g := range gids {
		h.Write([]byte{byte(g >> 8), byte(g)})
	}
	sum := h.Sum(nil)
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag)
}

// widths is the W array of glyphs: runs of consecutive CIDs.
func widths(glyphs []cffGlyph) string {
	var b strings.Builder
	for i := 0; i < len(glyphs); {
		j := i + 1
		for j < len(glyphs) && glyphs[j].cid == glyphs[j-1].cid+1 {
			j++
		}
		fmt.Fprintf(&b, "%d [", glyphs[i].cid)
		for k := i; k < j; k++ {
			if k > i {
				b.WriteByte(' ')
			}
			fmt.Fprintf(&b, "%d", glyphs[k].width)
		}
		b.WriteString("] ")
		i = j
	}
	return strings.TrimSpace(b.String())
}

// toUnicode is the ToUnicode CMap of the glyphs used.
func toUnicode(used map[font.GID]string) []byte {
	var gids []font.GID
	for g, s := range used {
		if s != "" {
			gids = append(gids, g)
		}
	}
	slices.Sort(gids)
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for i := 0; i < len(gids); i += 100 {
		chunk := gids[i:min(i+100, len(gids))]
		fmt.Fprintf(&b, "%d beginbfchar\n", len(chunk))
		for _, g := range chunk {
			fmt.Fprintf(&b, "<%04X> <%s>\n", g, utf16Hex(used[g]))
		}
		b.WriteString("endbfchar\n")
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return []byte(b.String())
}

// utf16Hex is s in UTF-16BE as hex digits.
func utf16Hex(s string) string {
	var b strings.Builder
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	return b.String()
}
