package blockview

import (
	"fmt"
	"image"

	"github.com/clippings/clippings/internal/pixels"
)

// Limits on the images the reader keeps decoded. A figure is shown at
// most maxTextWidth × maxImageHeight points: twice that in pixels is all
// a high-density screen shows of it.
const (
	maxShownWidth  = 2 * 800   // pixels wide a decoded image is kept
	maxShownPixels = 4_000_000 // pixels in all a decoded image is kept
	// maxArticlePixels is the most pixels the images of one article keep
	// decoded (256 MB); later figures show as missing, with their captions.
	maxArticlePixels = 64_000_000
)

// errArticlePixels means the images of an article before this one used
// the pixels the reader keeps for one article.
var errArticlePixels = fmt.Errorf("the article's images use more than %d million pixels", maxArticlePixels/1_000_000)

// ImageDecoder decodes the images of one article for the reader: each
// only when its header states at most pixels.Max pixels (a 300 KB PNG can
// state 2.5 billion), kept as a copy scaled down to what the reader shows,
// all of them within maxArticlePixels.
type ImageDecoder struct{ left int }

// NewImageDecoder returns a decoder for the images of one article.
func NewImageDecoder() *ImageDecoder { return &ImageDecoder{left: maxArticlePixels} }

// Decode decodes an image for the reader. It fails with
// pixels.ErrTooLarge before decoding an image over pixels.Max, and with
// an error once the article's images take more than maxArticlePixels;
// other errors are the decoder's.
func (d *ImageDecoder) Decode(data []byte) (image.Image, error) {
	cfg, _, err := pixels.Check(data)
	if err != nil {
		return nil, err
	}
	if min(cfg.Width*cfg.Height, maxShownPixels) > d.left { // what Fit keeps, at most
		return nil, errArticlePixels
	}
	img, _, err := pixels.Decode(data)
	if err != nil {
		return nil, err
	}
	img = pixels.Fit(img, maxShownWidth, maxShownPixels)
	d.left -= img.Bounds().Dx() * img.Bounds().Dy()
	return img, nil
}
