package importer

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"
)

// testPNG returns a w×h PNG image.
func testPNG(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := 0; x < w; x++ {
		img.Set(x, x%h, color.RGBA{R: 200, A: 255})
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func dataURI(mime string, data []byte) string {
	return "data:" + mime + ";base64," + base64.StdEncoding.EncodeToString(data)
}

func shaOf(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// imagePage is an article whose figures are given as HTML.
func imagePage(figures ...string) []byte {
	body := []string{`<html><body><article><h1>Harbour wall</h1>`,
		`<p>The old harbour wall gave way on Tuesday night, after a week of storms that the town had not seen the like of in fifty years.</p>`}
	for _, f := range figures {
		body = append(body, f,
			`<p>Residents spent the night in the village hall, and the council says repairs will take the whole of the summer season.</p>`)
	}
	body = append(body, `</article></body></html>`)
	return []byte(strings.Join(body, "\n"))
}

func TestDataURIImages(t *testing.T) {
	pic := testPNG(t, 60, 50)
	t.Run("OK", func(t *testing.T) {
		page := imagePage(`<figure><img src="`+dataURI("image/png", pic)+`" alt="The wall"><figcaption>The wall on Wednesday</figcaption></figure>`,
			`<figure><img src="`+dataURI("image/jpeg", pic)+`"><figcaption>The same picture again</figcaption></figure>`)
		c, err := Extract("wall.html", page)
		if err != nil {
			t.Fatal(err)
		}
		figs := c.Articles[0].Figures
		if len(figs) != 2 {
			t.Fatalf("figures = %+v, want 2", figs)
		}
		for _, f := range figs {
			if f.ImageSHA != shaOf(pic) || f.Image != "" {
				t.Errorf("figure %q: image %q sha %q, want no address and sha %s", f.Caption, f.Image, f.ImageSHA, shaOf(pic))
			}
		}
		if len(c.Images) != 1 {
			t.Fatalf("capture holds %d images, want the one picture once", len(c.Images))
		}
		im := c.Images[0]
		if im.SHA256 != shaOf(pic) || im.MIME != "image/png" || !bytes.Equal(im.Data, pic) {
			t.Errorf("image = %s %s (%d bytes), want %s image/png (sniffed, not the declared type)", im.SHA256, im.MIME, len(im.Data), shaOf(pic))
		}
	})
	t.Run("PlaceholderAndAddress", func(t *testing.T) {
		gif := dataURI("image/gif", []byte("GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"))
		page := imagePage(`<figure><img src="` + gif + `" data-src="https://cdn.example.com/wall.jpg"><figcaption>Lazy</figcaption></figure>`)
		c, err := Extract("lazy.html", page)
		if err != nil {
			t.Fatal(err)
		}
		f := c.Articles[0].Figures[0]
		if f.Image != "https://cdn.example.com/wall.jpg" || f.ImageSHA != "" || len(c.Images) != 0 {
			t.Errorf("figure = %+v with %d images; want the address, no stored placeholder", f, len(c.Images))
		}
	})
	t.Run("AddressKept", func(t *testing.T) {
		page := imagePage(`<figure><img src="` + dataURI("image/png", pic) + `" data-src="https://cdn.example.com/wall.png"><figcaption>Inlined</figcaption></figure>`)
		f := mustExtract(t, "inlined.html", page).Figures[0]
		if f.Image != "https://cdn.example.com/wall.png" || f.ImageSHA != shaOf(pic) {
			t.Errorf("figure = %+v; want the original address and the inlined image", f)
		}
	})
	t.Run("NotAnImage", func(t *testing.T) {
		page := imagePage(`<figure><img src="` + dataURI("image/png", []byte(strings.Repeat("<script>alert(1)</script>", 50))) + `"><figcaption>Fake</figcaption></figure>`)
		c, err := Extract("fake.html", page)
		if err != nil {
			t.Fatal(err)
		}
		if f := c.Articles[0].Figures[0]; f.ImageSHA != "" || len(c.Images) != 0 {
			t.Errorf("figure = %+v with %d images; a script declared as PNG must not be stored", f, len(c.Images))
		}
	})
}

func TestAsImage(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		ok   bool
	}{
		{"PNG", testPNG(t, 40, 40), true},
		{"Icon", testPNG(t, 16, 16), false},
		{"Strip", testPNG(t, 300, 2), false},
		{"Text", []byte(strings.Repeat("hello ", 200)), false},
		{"SVG", []byte(`<svg xmlns="http://www.w3.org/2000/svg">` + strings.Repeat(" ", 600) + `</svg>`), false},
		{"TooLarge", append(testPNG(t, 50, 50), make([]byte, MaxImageSize)...), false},
		{"Empty", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			im, ok := asImage(tt.data)
			if ok != tt.ok {
				t.Fatalf("asImage ok = %v, want %v (mime %q)", ok, tt.ok, im.MIME)
			}
			if ok && (im.SHA256 != shaOf(tt.data) || im.MIME != "image/png") {
				t.Errorf("image = %s %s, want %s image/png", im.SHA256, im.MIME, shaOf(tt.data))
			}
		})
	}
}

func TestImageSetLimits(t *testing.T) {
	s := newImageSet(nil)
	big := dataURI("image/png", make([]byte, MaxImageSize+10))
	if sha := s.lookup(big); sha != "" {
		t.Errorf("an image over the limit was kept: %s", sha)
	}
	if sha := s.lookup("https://example.com/a.png", "./a_files/a.png"); sha != "" {
		t.Errorf("an address outside the capture resolved to %s: nothing may be fetched", sha)
	}
}

func TestSampleImages(t *testing.T) {
	data := readTestdata(t, "../../assets/samples/local-news-archives.html")
	c, err := Extract("local-news-archives.html", data)
	if err != nil {
		t.Fatal(err)
	}
	f := c.Articles[0].Figures
	if len(f) != 1 || f[0].ImageSHA == "" || len(c.Images) != 1 || c.Images[0].SHA256 != f[0].ImageSHA {
		t.Fatalf("figures %+v, %d images; want the chart stored", f, len(c.Images))
	}
	if got, want := c.Images[0].MIME, "image/png"; got != want {
		t.Errorf("mime = %q, want %q", got, want)
	}
}
