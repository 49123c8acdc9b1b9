package export

import (
	"encoding/binary"
	"math"

	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
)

// Fonts are embedded in the PDF as CID-keyed CFF programs
// (CIDFontType0C) holding only the glyphs the document uses. Each glyph
// is written anew from its outline as the font gives it (TrueType's
// quadratic curves made cubic, CFF and CFF2 curves as they are), scaled
// to 1000 units an em and without hints; the CID of a glyph is its glyph
// ID in the original font, so the content streams, the widths and the
// ToUnicode map all speak of the font's own glyph IDs. One path for
// TrueType, OpenType/CFF and the faces of a collection (.ttc), variable
// fonts included.

// cffGlyph is one glyph of a subset.
type cffGlyph struct {
	cid   int    // the glyph ID in the original font
	width int    // advance, in 1000 units an em
	code  []byte // Type 2 charstring
}

// bbox is a bounding box in 1000 units an em.
type bbox struct{ x0, y0, x1, y1 int }

func (b *bbox) add(x, y int) {
	b.x0, b.y0, b.x1, b.y1 = min(b.x0, x), min(b.y0, y), max(b.x1, x), max(b.y1, y)
}

// charstring encodes a glyph's outline (in font units, scale turns them
// into 1000 units an em) with its width as a Type 2 charstring, growing
// box by its points.
func charstring(segs []ot.Segment, scale float64, width int, box *bbox) []byte {
	c := csEncoder{scale: scale, box: box}
	c.num(width)
	for _, s := range segs {
		switch s.Op {
		case ot.SegmentOpMoveTo:
			c.to(s.Args[0])
			c.op(21) // rmoveto
		case ot.SegmentOpLineTo:
			c.to(s.Args[0])
			c.op(5) // rlineto
		case ot.SegmentOpQuadTo:
			// The cubic with control points 2/3 of the way to the
			// quadratic's is the same curve.
			p0x, p0y := c.fx, c.fy
			cx, cy := float64(s.Args[0].X), float64(s.Args[0].Y)
			px, py := float64(s.Args[1].X), float64(s.Args[1].Y)
			c.toF(p0x+2*(cx-p0x)/3, p0y+2*(cy-p0y)/3)
			c.toF(px+2*(cx-px)/3, py+2*(cy-py)/3)
			c.to(s.Args[1])
			c.op(8) // rrcurveto
		case ot.SegmentOpCubeTo:
			c.to(s.Args[0])
			c.to(s.Args[1])
			c.to(s.Args[2])
			c.op(8)
		}
	}
	c.op(14) // endchar
	return c.out
}

// csEncoder writes a charstring: points are turned into deltas between
// rounded positions, so that rounding errors do not add up.
type csEncoder struct {
	out    []byte
	scale  float64
	x, y   int     // current point, rounded, 1000 units an em
	fx, fy float64 // current point, font units
	box    *bbox
}

func (c *csEncoder) to(p ot.SegmentPoint) { c.toF(float64(p.X), float64(p.Y)) }

func (c *csEncoder) toF(fx, fy float64) {
	x, y := int(math.Round(fx*c.scale)), int(math.Round(fy*c.scale))
	c.num(x - c.x)
	c.num(y - c.y)
	c.x, c.y, c.fx, c.fy = x, y, fx, fy
	c.box.add(x, y)
}

func (c *csEncoder) op(b byte) { c.out = append(c.out, b) }

// num appends an operand in the shortest form.
func (c *csEncoder) num(v int) {
	switch {
	case v >= -107 && v <= 107:
		c.out = append(c.out, byte(v+139))
	case v >= 108 && v <= 1131:
		v -= 108
		c.out = append(c.out, byte(v>>8+247), byte(v))
	case v >= -1131 && v <= -108:
		v = -v - 108
		c.out = append(c.out, byte(v>>8+251), byte(v))
	default:
		v = max(min(v, math.MaxInt16), math.MinInt16)
		c.out = append(c.out, 28, byte(v>>8), byte(v))
	}
}

// glyphOutline returns the outline of glyph gid of f, false when it has
// none that can be drawn (a bitmap or SVG glyph).
func glyphOutline(f *font.Face, gid font.GID) ([]ot.Segment, bool) {
	o, ok := f.GlyphData(gid).(font.GlyphOutline)
	return o.Segments, ok
}

// CFF table and DICT operators used below.
const (
	sidAdobe    = 391 // the first string of the String INDEX
	sidIdentity = 392
)

// buildCFF writes a CID-keyed CFF font named name holding glyphs, the
// first of which is .notdef (CID 0); cidCount is one more than the
// highest CID.
func buildCFF(name string, glyphs []cffGlyph, cidCount int) []byte {
	header := []byte{1, 0, 4, 4}
	names := cffIndex([][]byte{[]byte(name)})
	strs := cffIndex([][]byte{[]byte("Adobe"), []byte("Identity")})
	gsubrs := cffIndex(nil)
	charset := []byte{0}
	for _, g := range glyphs[1:] {
		charset = binary.BigEndian.AppendUint16(charset, uint16(g.cid))
	}
	fdSelect := []byte{3, 0, 1, 0, 0, 0}
	fdSelect = binary.BigEndian.AppendUint16(fdSelect, uint16(len(glyphs)))
	codes := make([][]byte, len(glyphs))
	for i, g := range glyphs {
		codes[i] = g.code
	}
	charStrings := cffIndex(codes)
	private := []byte{139, 20, 139, 21} // defaultWidthX 0, nominalWidthX 0

	// The top DICT's size does not depend on the offsets it holds (all
	// written in five bytes), so it is laid out once with zeros.
	top := func(charsetOff, fdSelectOff, csOff, fdArrayOff int) []byte {
		var d []byte
		d = dictInt(dictInt(dictInt(d, sidAdobe), sidIdentity), 0)
		d = append(d, 12, 30) // ROS
		d = append(dictInt(d, cidCount), 12, 34)
		d = append(dictInt(d, charsetOff), 15)
		d = append(dictInt(d, fdSelectOff), 12, 37)
		d = append(dictInt(d, csOff), 17)
		return append(dictInt(d, fdArrayOff), 12, 36)
	}
	fdArray := func(privOff int) []byte {
		fd := append(dictInt(dictInt(nil, len(private)), privOff), 18)
		return cffIndex([][]byte{fd})
	}
	topLen := len(cffIndex([][]byte{top(0, 0, 0, 0)}))
	charsetOff := len(header) + len(names) + topLen + len(strs) + len(gsubrs)
	fdSelectOff := charsetOff + len(charset)
	csOff := fdSelectOff + len(fdSelect)
	fdArrayOff := csOff + len(charStrings)
	privOff := fdArrayOff + len(fdArray(0))

	out := append([]byte{}, header...)
	out = append(out, names...)
	out = append(out, cffIndex([][]byte{top(charsetOff, fdSelectOff, csOff, fdArrayOff)})...)
	out = append(out, strs...)
	out = append(out, gsubrs...)
	out = append(out, charset...)
	out = append(out, fdSelect...)
	out = append(out, charStrings...)
	out = append(out, fdArray(privOff)...)
	return append(out, private...)
}

// dictInt appends an integer DICT operand in five bytes.
func dictInt(d []byte, v int) []byte {
	return binary.BigEndian.AppendUint32(append(d, 29), uint32(int32(v)))
}

// cffIndex is a CFF INDEX of items.
func cffIndex(items [][]byte) []byte {
	if len(items) == 0 {
		return []byte{0, 0}
	}
	total := 1
	for _, it := range items {
		total += len(it)
	}
	offSize := 1
	for lim := 0xff; total > lim; lim = lim<<8 | 0xff {
		offSize++
	}
	out := binary.BigEndian.AppendUint16(nil, uint16(len(items)))
	out = append(out, byte(offSize))
	off := 1
	putOff := func(v int) {
		for i := offSize - 1; i >= 0; i-- {
			out = append(out, byte(v>>(8*i)))
		}
	}
	putOff(off)
	for _, it := range items {
		off += len(it)
		putOff(off)
	}
	for _, it := range items {
		out = append(out, it...)
	}
	return out
}
