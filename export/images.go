package export

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"strings"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/internal/pixels"
)

// picture is a figure's image in a form every format reads: JPEG, PNG or
// GIF (anything else readable is converted to PNG). SVG images are never
// exported: they may hold scripts and remote references.
type picture struct {
	SHA  string
	Data []byte
	MIME string // image/jpeg, image/png or image/gif
	Ext  string // .jpg, .png or .gif
	W, H int
}

// picture returns the image of figure f of article a, or nil, with a
// warning, when there is none to carry over (not stored, unreadable,
// SVG, too large). It returns an error only when the archive fails.
func (j *job) picture(ctx context.Context, a *archive.Article, f archive.Figure) (*picture, error) {
	if f.ImageSHA == "" {
		return nil, nil
	}
	im, err := j.src.Image(ctx, f.ImageSHA)
	if errors.Is(err, archive.ErrNotFound) {
		j.warn("%s: an image is missing from the archive (%s)", title(a), f.ImageSHA)
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	p, why := portable(im)
	if p == nil {
		j.warn("%s: image %s left out: %s", title(a), shortSHA(f.ImageSHA), why)
	}
	return p, nil
}

// portable returns im as a picture, or nil and the reason it cannot be.
func portable(im *archive.Image) (*picture, string) {
	if strings.Contains(im.MIME, "svg") || bytes.Contains(im.Data[:min(len(im.Data), 512)], []byte("<svg")) {
		return nil, "SVG images are not exported"
	}
	cfg, format, err := pixels.Check(im.Data)
	if errors.Is(err, pixels.ErrTooLarge) {
		return nil, err.Error()
	}
	if err != nil {
		return nil, fmt.Sprintf("unreadable %s", im.MIME)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return nil, fmt.Sprintf("%d×%d pixels", cfg.Width, cfg.Height)
	}
	p := &picture{SHA: im.SHA256, Data: im.Data, W: cfg.Width, H: cfg.Height}
	switch format {
	case "jpeg":
		p.MIME, p.Ext = "image/jpeg", ".jpg"
	case "png":
		p.MIME, p.Ext = "image/png", ".png"
	case "gif":
		p.MIME, p.Ext = "image/gif", ".gif"
	default:
		data, err := toPNG(im.Data)
		if err != nil {
			return nil, fmt.Sprintf("cannot convert %s: %v", format, err)
		}
		p.Data, p.MIME, p.Ext = data, "image/png", ".png"
	}
	return p, ""
}

// toPNG decodes an image (within pixels.Max) and encodes it as an 8-bit,
// non-interlaced PNG.
func toPNG(data []byte) ([]byte, error) {
	img, _, err := pixels.Decode(data)
	if err != nil {
		return nil, err
	}
	rgba := image.NewNRGBA(img.Bounds())
	draw.Draw(rgba, rgba.Bounds(), img, img.Bounds().Min, draw.Src)
	var buf bytes.Buffer
	if err := png.Encode(&buf, rgba); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// shortSHA is the first 12 hex digits of a SHA-256.
func shortSHA(s string) string { return s[:min(len(s), 12)] }

// imageFile writes the image of figure f into the output folder's
// images/ (once per image) and returns its path there, "" when it is
// left out.
func (j *job) imageFile(ctx context.Context, a *archive.Article, f archive.Figure) (string, error) {
	if rel, ok := j.images[f.ImageSHA]; ok {
		return rel, nil
	}
	if j.images == nil {
		j.images = map[string]string{}
	}
	p, err := j.picture(ctx, a, f)
	if err != nil || p == nil {
		j.images[f.ImageSHA] = ""
		return "", err
	}
	if !isHex(p.SHA) {
		return "", fmt.Errorf("image %q: not a SHA-256", p.SHA)
	}
	rel := "images/" + strings.ToLower(p.SHA[:min(len(p.SHA), 16)]) + p.Ext
	if err := j.writeTo(rel, func(w writer) error { _, err := w.Write(p.Data); return err }); err != nil {
		return "", err
	}
	j.images[f.ImageSHA] = rel
	return rel, nil
}

// isHex reports whether s is a non-empty string of hex digits.
func isHex(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f' || r >= 'A' && r <= 'F') {
			return false
		}
	}
	return true
}
