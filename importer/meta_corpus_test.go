package importer

import (
	"bytes"
	"compress/gzip"
	"io"
	"path/filepath"
	"testing"

	"github.com/clippings/clippings/archive"
)

// metaCases are pages of the shared corpora, among them those named in
// issue 13, with the title, authors and site read on the page itself
// (where the corpus's own labels are a content finder's output, they
// differ: "… | Eleanor Ainge Roy", "Last Updated: January 7, 2025").
var metaCases = []struct {
	page, title string
	authors     []archive.Author // nil: none
	site        string           // "": not checked
}{
	{"mozilla/guardian-1", "'What is the sea telling us?': Māori tribes fearful over whale strandings",
		[]archive.Author{{Name: "Eleanor Ainge Roy", Kind: archive.Person}}, "the Guardian"},
	{"mozilla/qq", "DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶", nil, ""},
	{"mozilla/wikipedia", "Mozilla", nil, ""},
	{"mozilla/spiceworks", "Rewriting Rules of Engagement with Video in 2020: Vidyard Introduces New Features on its Video Platform", nil, "Spiceworks"},
	{"mozilla/seattletimes-1", "", []archive.Author{{Name: "Benjamin Romano", Kind: archive.Person}}, "The Seattle Times"},
	{"mozilla/tmz-1", "", nil, "tmz.com"},
	{"mozilla/bbc-1", "", []archive.Author{{Name: "BBC News", Kind: archive.Organization}}, "BBC News"},
	{"mozilla/liberation-1", "", []archive.Author{{Name: "AFP", Kind: archive.Organization}}, ""},
	{"mozilla/herald-sun-1", "", []archive.Author{{Name: "Laurie Oakes", Kind: archive.Person}}, ""},
	{"mozilla/lemonde-1", "", []archive.Author{{Name: "Martin Untersinger", Kind: archive.Person},
		{Name: "Damien Leloup", Kind: archive.Person}, {Name: "Morgane Tual", Kind: archive.Person}}, ""},
	{"mozilla/yahoo-3", "Veteran Wraps Baby in American Flag, Photo Sparks Controversy",
		[]archive.Author{{Name: "Gillian Mohney", Kind: archive.Person}}, "Yahoo"},
	{"wcxb-dev/0019", "We’ve Compiled the Top 7 Blockchain SEO Agencies Specializing in Crypto and Web3 Projects",
		[]archive.Author{{Name: "Stephen Jesudunsin", Kind: archive.Person}}, "Embarque"},
	{"wcxb-dev/0120", "How meditation rewires brains and improves physical health",
		[]archive.Author{{Name: "Manoj Jain", Kind: archive.Person}, {Name: "Jagpreet Chhatwal", Kind: archive.Person}}, ""},
	{"wcxb-dev/0064", "FDA’s Concerns with Unapproved GLP-1 Drugs Used for Weight Loss",
		[]archive.Author{{Name: "Center for Drug Evaluation and Research", Kind: archive.Organization}}, ""},
	{"wcxb-dev/4146", "The Best Astrophotography Telescope for Beginners (My Top 5)",
		[]archive.Author{{Name: "Trevor Jones", Kind: archive.Person}}, "AstroBackyard"},
}

func TestCorpusMetadata(t *testing.T) {
	for _, tc := range metaCases {
		t.Run(tc.page, func(t *testing.T) {
			a := mustExtract(t, "source.html", readCorpusPage(t, tc.page))
			if tc.title != "" && a.Title != tc.title {
				t.Errorf("title = %q, want %q", a.Title, tc.title)
			}
			if names(a.Authors) != names(tc.authors) {
				t.Errorf("authors = %+v, want %+v", a.Authors, tc.authors)
			}
			for i := range min(len(a.Authors), len(tc.authors)) {
				if a.Authors[i].Kind != tc.authors[i].Kind {
					t.Errorf("author %q is a %s, want %s", a.Authors[i].Name, a.Authors[i].Kind, tc.authors[i].Kind)
				}
			}
			if tc.site != "" && a.Site != tc.site {
				t.Errorf("site = %q, want %q", a.Site, tc.site)
			}
		})
	}
}

// readCorpusPage reads a page of the shared corpus: "mozilla/NAME" (its
// source.html) or "wcxb-dev/ID" (its gzipped html).
func readCorpusPage(t *testing.T, page string) []byte {
	t.Helper()
	corpus, name := filepath.Split(page)
	if corpus == "mozilla/" {
		return readShared(t, filepath.Join(sharedCorpus, "mozilla", name, "source.html"))
	}
	zr, err := gzip.NewReader(bytes.NewReader(readShared(t, filepath.Join(sharedCorpus, corpus, "html", name+".html.gz"))))
	if err != nil {
		t.Fatal(err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
