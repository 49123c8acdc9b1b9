// Package pixels bounds the images Clippings decodes. An image's header
// states its size, and decoding allocates what it states: a 304 KB PNG of
// 50,000×50,000 one-bit pixels takes 2.5 GB once decoded. Every decode
// goes through Decode, which reads the header first and refuses more than
// Max pixels; the importer refuses such an image with Check, and the
// reader keeps a copy no larger than it shows (Fit).
package pixels

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/gif" // the decoders Clippings reads
	_ "image/jpeg"
	_ "image/png"
	"math"

	_ "golang.org/x/image/bmp"
	"golang.org/x/image/draw"
	_ "golang.org/x/image/tiff"
	_ "golang.org/x/image/webp"
)

// Max is the most pixels an image may have to be decoded: 50 million
// (8,660×5,773, a large camera's photograph), 200 MB decoded.
const Max = 50_000_000

// ErrTooLarge means an image has more than Max pixels.
var ErrTooLarge = errors.New("image too large to decode")

// Check reads the header of the image in data, and fails with
// ErrTooLarge (naming its size and the limit) when it has more than Max
// pixels. Other errors are image.DecodeConfig's.
func Check(data []byte) (image.Config, string, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	switch {
	case err != nil:
		return cfg, format, err
	case int64(cfg.Width)*int64(cfg.Height) > Max:
		return cfg, format, fmt.Errorf("%w: %d×%d pixels, more than %d million", ErrTooLarge,
			cfg.Width, cfg.Height, Max/1_000_000)
	}
	return cfg, format, nil
}

// Decode decodes the image in data once Check has passed it.
func Decode(data []byte) (image.Image, string, error) {
	if _, _, err := Check(data); err != nil {
		return nil, "", err
	}
	return image.Decode(bytes.NewReader(data))
}

// Fit returns img, or a copy scaled down to at most maxWidth pixels wide
// and maxPixels in all.
func Fit(img image.Image, maxWidth, maxPixels int) image.Image {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if w <= 0 || h <= 0 || w <= maxWidth && w*h <= maxPixels {
		return img
	}
	scale := min(float64(maxWidth)/float64(w), math.Sqrt(float64(maxPixels)/(float64(w)*float64(h))))
	dw, dh := max(1, int(float64(w)*scale)), max(1, int(float64(h)*scale))
	dst := image.NewNRGBA(image.Rect(0, 0, dw, dh))
	draw.ApproxBiLinear.Scale(dst, dst.Bounds(), img, b, draw.Src, nil)
	return dst
}
