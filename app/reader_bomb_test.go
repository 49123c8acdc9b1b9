package app

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"testing"
	"time"

	"github.com/clippings/clippings/app/blockview"
	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/internal/testguard"
)

// TestReaderImageBomb opens an article whose figure is a 48 KB PNG of
// 20,000×20,000 pixels (400 million, over pixels.Max: 381 MiB decoded):
// the reader must not decode it, and shows the caption without it. A
// 4,000×3,000 image beside it is shown from a copy scaled to what the
// reader shows.
func TestReaderImageBomb(t *testing.T) {
	bomb := testguard.PNGBomb(20_000, 20_000)
	var big bytes.Buffer
	if err := png.Encode(&big, image.NewGray(image.Rect(0, 0, 4000, 3000))); err != nil {
		t.Fatal(err)
	}
	bombIm := archive.Image{SHA256: sha(bomb), MIME: "image/png", Data: bomb}
	bigIm := archive.Image{SHA256: sha(big.Bytes()), MIME: "image/png", Data: big.Bytes()}
	s := openStore(t)
	ids := addCapture(t, s, textCapture(&archive.Article{
		Title:  "Bombed",
		Blocks: []archive.Block{{Kind: archive.Paragraph, Text: "Before."}, {Kind: archive.FigureRef}, {Kind: archive.FigureRef, Figure: 1}},
		Figures: []archive.Figure{
			{Image: "bomb.png", ImageSHA: bombIm.SHA256, Caption: "A black square."},
			{Image: "big.png", ImageSHA: bigIm.SHA256, Caption: "A big one."},
		},
	}, bombIm, bigIm))

	var doc *readerDoc
	var err error
	heap := testguard.Bounded(t, time.Minute, "loadArticle", func() {
		doc, err = loadArticle(context.Background(), s, ids[0], 0)
	})
	if err != nil {
		t.Fatal(err)
	}
	// Without the bomb the reader takes about 36 MiB here, 47–67 MiB
	// under the race detector with other tests' goroutines still ending;
	// the decoded bomb alone would be 381 MiB.
	t.Logf("peak heap %d MiB", heap>>20)
	if heap > 160<<20 {
		t.Errorf("opening the article took %d MiB of heap: the bomb was decoded", heap>>20)
	}
	var images []image.Image
	var texts []string
	for _, it := range doc.items {
		if it.Kind == blockview.Image {
			images = append(images, it.Img)
		}
		texts = append(texts, it.Text)
	}
	if len(images) != 1 {
		t.Fatalf("%d images shown, want only the 4,000×3,000 one", len(images))
	}
	if b := images[0].Bounds(); b.Dx() > 1600 || b.Dx()*b.Dy() > 4_000_000 || b.Dx() < 1000 {
		t.Errorf("the 4,000×3,000 image is kept as %v, want a copy at most 1,600 pixels wide", b)
	}
	if !containsText(texts, "A black square.") {
		t.Errorf("the bomb's caption is missing: %q", texts)
	}
}
