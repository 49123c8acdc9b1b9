package export

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/internal/testguard"
)

// levelSource is an archive whose articles end with list items of the
// levels a hostile bundle may claim (issue 17: an 854-byte bundle with a
// level of 2^40 made the Markdown export run out of memory).
type levelSource struct{ *archive.Store }

// hostileLevels are list levels no reader makes.
var hostileLevels = []int{1 << 40, 1<<62 + 5, 100, -7, 0}

func (s levelSource) Article(ctx context.Context, id int64) (*archive.Article, error) {
	a, err := s.Store.Article(ctx, id)
	if err != nil {
		return nil, err
	}
	for _, level := range hostileLevels {
		for _, ordered := range []bool{false, true} {
			a.Blocks = append(a.Blocks, archive.Block{Kind: archive.ListItem, Level: level, Ordered: ordered, Text: "deep item"})
		}
	}
	return a, nil
}

// TestHostileListLevels exports articles with list items of huge and
// negative levels in every format: each export must finish with little
// memory, and the Markdown notes indent no item deeper than
// maxListDepth.
func TestHostileListLevels(t *testing.T) {
	fx := newFixture(t)
	src := levelSource{fx.store}
	dir := t.TempDir()
	for _, f := range Formats() {
		out := filepath.Join(dir, string(f)+Extension(f))
		var err error
		heap := testguard.Bounded(t, 2*time.Minute, string(f), func() {
			_, err = Export(context.Background(), src, fx.all, Options{Format: f, Out: out}, nil)
		})
		if err != nil {
			t.Errorf("export %s: %v", f, err)
		}
		if heap > 256<<20 {
			t.Errorf("export %s: %d MiB of heap", f, heap>>20)
		}
	}
	notes, _ := filepath.Glob(filepath.Join(dir, string(Markdown), "*.md"))
	deepest, items := "", 0
	for _, n := range notes {
		if filepath.Base(n) == "index.md" {
			continue
		}
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(data), "\n") {
			if item := strings.TrimLeft(l, " "); strings.HasSuffix(item, "deep item") {
				items++
				if indent := l[:len(l)-len(item)]; len(indent) > len(deepest) {
					deepest = indent
				}
			}
		}
	}
	if want := len(fx.all) * 2 * len(hostileLevels); items != want {
		t.Errorf("%d deep items in the notes, want %d (%d in each)", items, want, 2*len(hostileLevels))
	}
	if want := strings.Repeat("    ", maxListDepth-1); deepest != want {
		t.Errorf("the deepest item is indented %d spaces, want %d", len(deepest), len(want))
	}
}
