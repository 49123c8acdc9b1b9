package importer

import (
	"path/filepath"
	"strings"
	"testing"
)

// pageCase is a page of the shared corpus that once came out wrong, with
// text its body must hold and text it must not.
type pageCase struct {
	name, path string
	has, lacks []string
}

// TestPageRegressions reads pages of the shared corpus that were refused
// or cleaned wrongly and checks the body they give now.
func TestPageRegressions(t *testing.T) {
	wcxb := func(id string) string { return filepath.Join(sharedCorpus, "wcxb-dev", "html", id+".html.gz") }
	cases := []pageCase{
		// The article is streamed by React into hidden segments that a
		// script moves in place of a loading placeholder.
		{"StreamedSegments", wcxb("0155"), []string{"As a beginner at SEO, it gets quite overwhelming.",
			"Google's search engine optimization starter guide is a good place to start."}, nil},
		{"StreamedPlaceholders", wcxb("4503"), []string{"An index fund is an investment that tracks a financial index"},
			[]string{"Loading paragraph..."}},
		// The article element is classed "has-comments": not a comment section.
		{"HasComments", wcxb("4662"), []string{"We try to stay away as much as possible from the need to use pesticides"}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := mustExtract(t, filepath.Base(tc.path), readShared(t, tc.path))
			text := a.Text()
			for _, s := range tc.has {
				if !strings.Contains(text, s) {
					t.Errorf("body lacks %q", s)
				}
			}
			for _, s := range tc.lacks {
				if strings.Contains(text, s) {
					t.Errorf("body holds %q", s)
				}
			}
		})
	}
}
