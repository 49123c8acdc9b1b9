package library

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/archive/archivetest"
	"github.com/clippings/clippings/importer"
)

// page is a page of ../shared/corpus/mozilla: the saved page, and the
// content a reading app extracted from it (Readability's, as Wallabag
// and Omnivore keep it).
type page struct {
	source, readable []byte
	url              string // the page's canonical address
	text             string // the readable content as Clippings cleans it
}

func mozilla(t *testing.T, name string) page {
	t.Helper()
	dir := filepath.Join("../../shared/corpus/mozilla", name)
	src, err := os.ReadFile(filepath.Join(dir, "source.html"))
	if err != nil {
		t.Skipf("corpus page %s: %v", name, err)
	}
	readable, err := os.ReadFile(filepath.Join(dir, "expected.html"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := importer.Extract("source.html", src)
	if err != nil {
		t.Fatal(err)
	}
	a, _, err := importer.CleanReadable(importer.Readable{Name: name, HTML: readable})
	if err != nil {
		t.Fatal(err)
	}
	return page{source: src, readable: readable, url: c.Articles[0].URL, text: a.Text()}
}

// sentence returns the first sentence of the text's paragraph n that
// holds at least min words: a passage to highlight.
func (p page) sentence(t *testing.T, n, min int) string {
	t.Helper()
	k := 0
	for _, para := range strings.Split(p.text, "\n\n") {
		if len(strings.Fields(para)) < min {
			continue
		}
		if k++; k < n {
			continue
		}
		if i := strings.Index(para, ". "); i > 0 && len(strings.Fields(para[:i])) >= min {
			return para[:i+1]
		}
		return para
	}
	t.Fatalf("no paragraph %d of %d words", n, min)
	return ""
}

// writeFile writes data to dir/name and returns the path.
func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// mustImport imports path into s and fails the test on an error.
func mustImport(t *testing.T, s *archive.Store, path string, opt Options) Report {
	t.Helper()
	rep, err := Import(context.Background(), s, path, opt, nil)
	if err != nil {
		t.Fatalf("import %s: %v\n%s", path, err, rep.Summary())
	}
	return rep
}

// highlights returns the highlights of article id.
func highlights(t *testing.T, s *archive.Store, id int64) []archive.Annotation {
	t.Helper()
	list, err := s.Annotations(context.Background(), archive.AnnotationFilter{ArticleID: id, Limit: math.MaxInt32})
	if err != nil {
		t.Fatal(err)
	}
	var out []archive.Annotation
	for _, a := range list {
		if a.Kind == archive.KindHighlight {
			out = append(out, a)
		}
	}
	return out
}

// note returns the free note of article id.
func note(t *testing.T, s *archive.Store, id int64) string {
	t.Helper()
	list, err := s.Annotations(context.Background(), archive.AnnotationFilter{ArticleID: id, Limit: math.MaxInt32})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range list {
		if a.Kind == archive.KindNote {
			return a.Note
		}
	}
	return ""
}

// article returns stored article id.
func article(t *testing.T, s *archive.Store, id int64) *archive.Article {
	t.Helper()
	a, err := s.Article(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// newStore is an empty archive.
func newStore(t *testing.T) *archive.Store { return archivetest.MustOpen(t) }

// typo changes one letter in the middle of s.
func typo(s string) string {
	r := []rune(s)
	i := len(r) / 2
	for r[i] == ' ' {
		i++
	}
	if r[i] == 'e' {
		r[i] = 'a'
	} else {
		r[i] = 'e'
	}
	return string(r)
}

// readOrFail reads the file at path.
func readOrFail(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// byQuote maps highlights by their passage as they were given: the
// passage of an anchored one is the text found, so it is mapped by both.
func byQuote(hs []archive.Annotation) map[string]archive.Annotation {
	out := map[string]archive.Annotation{}
	for _, h := range hs {
		out[h.Quote.Exact] = h
	}
	return out
}
