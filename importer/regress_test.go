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
	zyte := func(id string) string { return filepath.Join(sharedCorpus, "zyte-dev", "html", id+".html.gz") }
	mozilla := func(id string) string { return filepath.Join(sharedCorpus, "mozilla", id, "source.html") }
	cases := []pageCase{
		// The article is streamed by React into hidden segments that a
		// script moves in place of a loading placeholder.
		{"StreamedSegments", wcxb("0155"), []string{"As a beginner at SEO, it gets quite overwhelming.",
			"Google's search engine optimization starter guide is a good place to start."}, nil},
		{"StreamedPlaceholders", wcxb("4503"), []string{"An index fund is an investment that tracks a financial index"},
			[]string{"Loading paragraph..."}},
		// Collapsed accordion panels hold the article's steps.
		{"AccordionPanels", wcxb("4193"), []string{"Once you decide to move forward"}, nil},
		// The article element is classed "has-comments": not a comment section.
		{"HasComments", wcxb("4662"), []string{"We try to stay away as much as possible from the need to use pesticides"}, nil},
		// The content finder kept one section of several sibling blocks:
		// the content is widened to the block holding them all.
		{"WidenProductWidgets", wcxb("0010"), []string{"With a 5.4-cubic-foot stainless-steel drum, the GE Profile PTW800BPWRS"}, nil},
		{"WidenCards", wcxb("4705"), []string{"Spider plants have been popular for more than a century.",
			"As the year begins our indoor spaces can seem dark"}, nil},
		{"WidenBuilderRows", wcxb("4255"), []string{"Whether it's tracking customer interactions, managing sales pipelines"}, nil},
		{"WidenModules", wcxb("0164"), []string{"You can also rollover your retirement funds"}, nil},
		{"WidenRows", wcxb("0432"), []string{"Because the font wasn’t intended to be used at smaller sizes"}, nil},
		// ... but not to a gallery, a ticker or teasers of other articles.
		{"NotGallery", mozilla("bug-1255978"), []string{"Forrest Jones said that anything that comes into contact"},
			[]string{"Production of the next Star Wars movie"}},
		{"NotTeasers", mozilla("yahoo-3"), nil, []string{"Alan Thicke, the actor best-known"}},
		{"NotTicker", zyte("5f9c5ed5d64dfe682d9bde13b9b4f032a3ebdbf165c06ec49c0705bcbe106e3b"), []string{"Their American dream shattered"},
			[]string{"USCIRF expresses concern over NRC"}},
		// Short articles beside the story are teasers of other stories.
		{"TeaserArticles", wcxb("0392"), []string{"The enrolment period, which opened on Wednesday"},
			[]string{"THE SALVATION ARMY continued its long-standing tradition"}},
		// ... but a page that is the list, or a listicle of brands, keeps its items.
		{"ListPage", wcxb("4362"), []string{"FABCON is the largest conference dedicated to Microsoft Fabric"}, nil},
		{"Listicle", wcxb("4106"), []string{"Threads 4 Thought uses a range of lower-impact materials"}, nil},
		// A disclosure laid over the page is not the article; an article
		// opened over a front page is, and a link classed popup is text.
		{"OverlayDisclosure", wcxb("0334"), []string{"At select locations, members can skip the counter"},
			[]string{"Many of the credit card offers that appear on this site"}},
		{"ArticleInModal", mozilla("yahoo-2"), []string{"An unmanned Russian cargo spaceship heading to the International Space Station"}, nil},
		{"PopupLinks", mozilla("clean-links"), []string{"I am a rather elderly man."}, nil},
		// A call to follow set in brackets around a link is no text of the post.
		{"BracketedCall", wcxb("0011"), []string{"I feel you and I’m here to help"}, []string{"[Want more design inspo"}},
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

// TestRepeatedLayouts: a page that holds one copy of its article for each
// screen size is read once; a paragraph an author repeats stays twice.
func TestRepeatedLayouts(t *testing.T) {
	for _, tc := range []struct {
		name, path, text string
		want             int
	}{
		{"ResponsiveCopies", filepath.Join(sharedCorpus, "wcxb-dev", "html", "0355.html.gz"), "Seismic Retrofitting: In California", 1},
		{"RepeatedParagraph", filepath.Join(sharedCorpus, "mozilla", "title-en-dash", "source.html"), "Lorem ipsum dolor sit amet, consectetur", 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := mustExtract(t, filepath.Base(tc.path), readShared(t, tc.path)).Text()
			if n := strings.Count(text, tc.text); n != tc.want {
				t.Errorf("body holds %q %d times, want %d", tc.text, n, tc.want)
			}
		})
	}
}
