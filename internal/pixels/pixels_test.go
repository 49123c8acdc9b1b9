package pixels

import (
	"bytes"
	"errors"
	"image"
	"image/png"
	"strings"
	"testing"
	"time"

	"github.com/clippings/clippings/internal/testguard"
)

// TestBomb: the 304 KB PNG of 50,000×50,000 pixels is refused from its
// header, naming its size, without taking memory.
func TestBomb(t *testing.T) {
	bomb := testguard.PNGBomb(50_000, 50_000)
	var err error
	heap := testguard.Bounded(t, time.Minute, "Decode", func() { _, _, err = Decode(bomb) })
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "50000×50000") {
		t.Errorf("Decode of a %d KB PNG of 50,000×50,000 pixels: %v, want ErrTooLarge naming its size", len(bomb)>>10, err)
	}
	if heap > 8<<20 {
		t.Errorf("refusing it took %d MiB of heap", heap>>20)
	}
}

// TestDecodeAndFit: an image within Max decodes; Fit keeps a small one as
// it is and scales a large one down within both bounds, keeping its shape.
func TestDecodeAndFit(t *testing.T) {
	var buf bytes.Buffer
	png.Encode(&buf, image.NewGray(image.Rect(0, 0, 3000, 1000)))
	img, format, err := Decode(buf.Bytes())
	if err != nil || format != "png" || img.Bounds().Dx() != 3000 {
		t.Fatalf("Decode: %v %s %v", img.Bounds(), format, err)
	}
	if got := Fit(img, 4000, 4_000_000); got != img {
		t.Errorf("Fit scaled an image within its bounds")
	}
	for _, c := range []struct{ maxW, maxPixels, wantW, wantH int }{
		{1500, 10_000_000, 1500, 500},
		{4000, 750_000, 1500, 500},
	} {
		b := Fit(img, c.maxW, c.maxPixels).Bounds()
		if b.Dx() != c.wantW || b.Dy() != c.wantH {
			t.Errorf("Fit(3000×1000, %d, %d) = %d×%d, want %d×%d", c.maxW, c.maxPixels, b.Dx(), b.Dy(), c.wantW, c.wantH)
		}
	}
}
