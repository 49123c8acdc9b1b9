package assets

import (
	"bytes"
	"image/png"
	"os"
	"testing"
)

func TestIconIsPNG(t *testing.T) {
	img, err := png.Decode(bytes.NewReader(Icon))
	if err != nil {
		t.Fatalf("decode icon: %v", err)
	}
	if got := img.Bounds().Dx(); got < 256 {
		t.Errorf("icon width %d, want at least 256", got)
	}
}

func TestWriteSamples(t *testing.T) {
	dir := t.TempDir()
	paths, err := WriteSamples(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) < 3 {
		t.Fatalf("wrote %d samples, want at least 3", len(paths))
	}
	seed, err := os.ReadFile("../../shared/corpus/seed/china-backs-second-kim-trump-summit.txt")
	if err != nil {
		t.Skipf("shared corpus not beside the repository: %v", err)
	}
	got, err := os.ReadFile(dir + "/china-backs-second-kim-trump-summit.txt")
	if err != nil {
		t.Fatalf("seed sample not written: %v", err)
	}
	if !bytes.Equal(got, seed) {
		t.Error("seed sample differs from ../shared/corpus/seed")
	}
}
