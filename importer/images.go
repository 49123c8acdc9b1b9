package importer

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/importer/format"
	"github.com/clippings/clippings/internal/pixels"
)

// Limits on the images a capture keeps.
const (
	// MaxImageSize is the largest image kept; a larger one is left out
	// (its figure keeps its address and caption).
	MaxImageSize = 16 << 20
	// maxImagesTotal is the most image bytes one capture keeps.
	maxImagesTotal = 64 << 20
	// minImageSide is the smallest width and height of a kept image:
	// smaller ones are spacers, icons and lazy-loading placeholders.
	minImageSide = 40
	// minOpaqueImage is the smallest image kept when its size cannot be
	// read from its header.
	minOpaqueImage = 512
)

// imageSet finds the images behind figure addresses in what the capture
// holds (data: URIs, and the resources of a container) and keeps each
// once by its SHA-256. Nothing is ever fetched from the network.
type imageSet struct {
	page   *format.Page             // resolves references; data: URIs resolve without resources
	known  map[string]string        // reference → SHA-256, "" when it is no usable image
	images map[string]archive.Image // by SHA-256
	total  int                      // bytes kept
}

// newImageSet returns an imageSet resolving references in page, or only
// data: URIs when page is nil.
func newImageSet(page *format.Page) *imageSet {
	if page == nil {
		page = &format.Page{}
	}
	return &imageSet{page: page, known: map[string]string{}, images: map[string]archive.Image{}}
}

// lookup returns the SHA-256 of the image the first of refs that the
// capture holds points at, or "".
func (s *imageSet) lookup(refs ...string) string {
	for _, ref := range refs {
		ref = strings.TrimSpace(ref)
		if ref == "" {
			continue
		}
		for _, r := range refVariants(ref) {
			sha, seen := s.known[r]
			if !seen {
				sha = s.resolve(r)
				s.known[r] = sha
			}
			if sha != "" {
				return sha
			}
		}
	}
	return ""
}

// refVariants returns ref and, when it holds percent escapes, ref with
// them decoded: a crawler may have requested "a,b.jpg" for a page's
// "a%2Cb.jpg".
func refVariants(ref string) []string {
	if isDataURI(ref) || !strings.Contains(ref, "%") {
		return []string{ref}
	}
	if dec, err := url.PathUnescape(ref); err == nil && dec != ref && !strings.ContainsAny(dec, " ?#") {
		return []string{ref, dec}
	}
	return []string{ref}
}

// resolve reads the image behind ref and keeps it; it returns "" when
// the capture does not hold it or it is no usable image.
func (s *imageSet) resolve(ref string) string {
	if isDataURI(ref) && len(ref) > MaxImageSize/3*4+256 {
		return "" // too large, whatever it holds: not even decoded
	}
	r, ok := s.page.Resource(ref)
	if !ok {
		return ""
	}
	im, ok := asImage(r.Data)
	if !ok {
		return ""
	}
	if _, dup := s.images[im.SHA256]; dup {
		return im.SHA256
	}
	if s.total+len(im.Data) > maxImagesTotal {
		return ""
	}
	s.total += len(im.Data)
	s.images[im.SHA256] = im
	return im.SHA256
}

// used returns the images the figures of arts refer to, each once, in
// the order they are first used.
func (s *imageSet) used(arts []*archive.Article) []archive.Image {
	var out []archive.Image
	seen := map[string]bool{}
	for _, a := range arts {
		for _, f := range a.Figures {
			if im, ok := s.images[f.ImageSHA]; ok && !seen[f.ImageSHA] {
				seen[f.ImageSHA] = true
				out = append(out, im)
			}
		}
	}
	return out
}

// asImage returns data as an image to store: its type sniffed from its
// bytes (what a container or data: URI declares is not trusted), a raster
// image, not over MaxImageSize nor pixels.Max (a decompression bomb: the
// figure keeps its caption), and not a spacer or placeholder.
func asImage(data []byte) (archive.Image, bool) {
	if len(data) == 0 || len(data) > MaxImageSize {
		return archive.Image{}, false
	}
	mime := http.DetectContentType(data)
	if !strings.HasPrefix(mime, "image/") {
		return archive.Image{}, false
	}
	if cfg, _, err := pixels.Check(data); err == nil {
		if cfg.Width < minImageSide || cfg.Height < minImageSide {
			return archive.Image{}, false
		}
	} else if errors.Is(err, pixels.ErrTooLarge) || len(data) < minOpaqueImage {
		return archive.Image{}, false
	}
	sum := sha256.Sum256(data)
	return archive.Image{SHA256: hex.EncodeToString(sum[:]), MIME: mime, Data: data}, true
}

func isDataURI(ref string) bool {
	return len(ref) >= 5 && strings.EqualFold(ref[:5], "data:")
}
