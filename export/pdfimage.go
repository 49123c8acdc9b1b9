package export

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
)

// Images of the PDF: a JPEG in RGB or grey is embedded as it is
// (DCTDecode); anything else is decoded and written as RGB pixels with
// Flate, its transparency as a soft mask.

// pdfImage is an image written into the PDF.
type pdfImage struct {
	obj  int    // 0 when the image could not be written
	name string // resource name: Im1…
}

// imageObject writes picture p (once) and returns it.
func (d *pdfDoc) imageObject(p *picture) (*pdfImage, error) {
	if im, ok := d.images[p.SHA]; ok {
		return im, nil
	}
	im := &pdfImage{name: fmt.Sprintf("Im%d", len(d.images)+1)}
	d.images[p.SHA] = im
	if p.MIME == "image/jpeg" {
		if cfg, _, err := image.DecodeConfig(bytes.NewReader(p.Data)); err == nil {
			if space := jpegSpace(cfg.ColorModel); space != "" {
				im.obj = d.pdf.alloc()
				d.pdf.rawStream(im.obj, fmt.Sprintf(" /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s /BitsPerComponent 8 /Filter /DCTDecode",
					cfg.Width, cfg.Height, space), p.Data)
				return im, nil
			}
		}
	}
	img, _, err := image.Decode(bytes.NewReader(p.Data))
	if err != nil {
		return im, fmt.Errorf("decode: %w", err)
	}
	b := img.Bounds()
	rgb := make([]byte, 0, b.Dx()*b.Dy()*3)
	alpha := make([]byte, 0, b.Dx()*b.Dy())
	opaque := true
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			rgb = append(rgb, c.R, c.G, c.B)
			alpha = append(alpha, c.A)
			opaque = opaque && c.A == 255
		}
	}
	mask := ""
	if !opaque {
		m := d.pdf.alloc()
		d.pdf.stream(m, fmt.Sprintf(" /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8", b.Dx(), b.Dy()), alpha)
		mask = " /SMask " + ref(m)
	}
	im.obj = d.pdf.alloc()
	d.pdf.stream(im.obj, fmt.Sprintf(" /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB /BitsPerComponent 8%s", b.Dx(), b.Dy(), mask), rgb)
	return im, nil
}

// jpegSpace is the PDF colour space of a JPEG embedded as it is, "" when
// it is better converted (CMYK JPEGs are stored inverted by some tools).
func jpegSpace(m color.Model) string {
	switch m {
	case color.YCbCrModel, color.RGBAModel:
		return "/DeviceRGB"
	case color.GrayModel:
		return "/DeviceGray"
	}
	return ""
}

// drawImage draws image im w×h points with its top left corner at the
// cursor, horizontally at x.
func (d *pdfDoc) drawImage(im *pdfImage, x, w, h float64) {
	d.page.images[im.name] = im.obj
	fmt.Fprintf(&d.page.content, "q %s 0 0 %s %s %s cm /%s Do Q\n", num(w), num(h), num(x), num(pageH-d.y-h), im.name)
}
