// Package assets holds what ships inside the Clippings binary: the icon and
// the sample articles a new user can import from the welcome screen.
package assets

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Icon is the application icon, a 512×512 PNG.
//
//go:embed icon.png
var Icon []byte

// Samples holds the sample articles under samples/.
//
//go:embed samples
var Samples embed.FS

// WriteSamples copies the sample articles into dir (which must exist) and
// returns the paths written, for importing them like any saved file.
func WriteSamples(dir string) ([]string, error) {
	entries, err := fs.ReadDir(Samples, "samples")
	if err != nil {
		return nil, fmt.Errorf("read samples: %w", err)
	}
	var paths []string
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		data, err := Samples.ReadFile("samples/" + e.Name())
		if err != nil {
			return nil, fmt.Errorf("read sample %s: %w", e.Name(), err)
		}
		p := filepath.Join(dir, e.Name())
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return nil, fmt.Errorf("write sample %s: %w", p, err)
		}
		paths = append(paths, p)
	}
	return paths, nil
}
