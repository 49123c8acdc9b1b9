package export

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestVersionChanges exports the fixture's article of two versions with
// and without the option, in Markdown and HTML.
func TestVersionChanges(t *testing.T) {
	fx := newFixture(t)
	ids := []int64{fx.ids["trains"], fx.ids["libraries"]}
	for _, tt := range []struct {
		format     Format
		file, want string
	}{
		{Markdown, "Night trains return.md", "Night trains are back in Europe<ins>, with new routes</ins>."},
		{HTML, "Night trains return.html", "Night trains are back in Europe<ins>, with new routes</ins>."},
	} {
		for _, on := range []bool{false, true} {
			out := filepath.Join(t.TempDir(), "out")
			opt := Options{Format: tt.format, Out: out, VersionChanges: on}
			if _, err := Export(context.Background(), fx.store, ids, opt, nil); err != nil {
				t.Fatalf("export %s: %v", tt.format, err)
			}
			data, err := os.ReadFile(filepath.Join(out, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			page := string(data)
			if got := strings.Contains(page, "Changes between versions"); got != on {
				t.Errorf("%s, option %v: changes section %v\n%s", tt.format, on, got, page)
			}
			if on && !strings.Contains(page, tt.want) {
				t.Errorf("%s: no %q in\n%s", tt.format, tt.want, page)
			}
			if on && !strings.Contains(page, "Version 1 → 2 (captured ") {
				t.Errorf("%s: no heading naming the versions in\n%s", tt.format, page)
			}
			// An article of one version gets no section.
			other, err := filepath.Glob(filepath.Join(out, "Libraries keep*"))
			if err != nil || len(other) != 1 {
				t.Fatalf("the other article's page: %v %v", other, err)
			}
			if data, _ := os.ReadFile(other[0]); strings.Contains(string(data), "Changes between versions") {
				t.Errorf("%s: an article of one version has a changes section", tt.format)
			}
		}
	}
}
