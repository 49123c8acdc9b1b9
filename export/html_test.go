package export

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// unsafeHTML parses a page and returns what it must not carry (scripts,
// handlers, styles, remote or non-local addresses but the http(s) href of
// a link) and the local files it refers to, relative to the page.
func unsafeHTML(t *testing.T, page []byte) (bad, refs []string, text string) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var sb strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			sb.WriteString(n.Data)
		case html.ElementNode:
			switch n.Data {
			case "script", "iframe", "object", "embed", "base", "form", "svg", "math", "style":
				bad = append(bad, "<"+n.Data+">")
			}
			for _, a := range n.Attr {
				if strings.HasPrefix(a.Key, "on") || a.Key == "style" || a.Key == "srcset" {
					bad = append(bad, a.Key+"=")
				}
				if a.Key == "src" || a.Key == "href" {
					u, err := url.Parse(a.Val)
					if n.Data == "a" && a.Key == "href" && err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
						continue // a link to a web page
					}
					if err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(a.Val, "/") {
						bad = append(bad, a.Key+"="+a.Val)
					} else {
						refs = append(refs, u.Path)
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return bad, refs, sb.String()
}

func TestHTML(t *testing.T) {
	fx := newFixture(t)
	dir := exportTo(t, fx.store, fx.all, HTML)
	pages, _ := filepath.Glob(filepath.Join(dir, "*.html"))
	if got, want := len(pages), len(fx.all)+1; got != want {
		t.Fatalf("%d pages, want %d", got, want)
	}
	texts := map[string]string{}
	for _, p := range pages {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		bad, refs, text := unsafeHTML(t, data)
		if len(bad) > 0 {
			t.Errorf("%s carries %v", filepath.Base(p), bad)
		}
		for _, r := range refs {
			if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(r))); err != nil {
				t.Errorf("%s links to %s: %v", filepath.Base(p), r, err)
			}
		}
		texts[filepath.Base(p)] = text
	}
	hostile := texts[SafeName(hostileTitle)+".html"]
	for _, want := range []string{hostileTitle, `<img src=x onerror="alert(1)">`, "javascript:alert(1)", "<script>alert(2)</script>"} {
		if !strings.Contains(hostile, want) {
			t.Errorf("hostile page does not show %q as text", want)
		}
	}
	lib, _ := os.ReadFile(filepath.Join(dir, "Libraries keep the news.html"))
	for _, want := range []string{`<mark class="green">keep the news</mark>`, `<li>first point<ol>`,
		`<figcaption>Visits per year <span class="credit">Photo: Bo Ek</span></figcaption>`, `<html lang="en">`} {
		if !bytes.Contains(lib, []byte(want)) {
			t.Errorf("libraries page lacks %s", want)
		}
	}
}

// opf is what the tests read of a package document.
type opf struct {
	Items []struct {
		ID         string `xml:"id,attr"`
		Href       string `xml:"href,attr"`
		MediaType  string `xml:"media-type,attr"`
		Properties string `xml:"properties,attr"`
	} `xml:"manifest>item"`
	Spine []struct {
		IDRef string `xml:"idref,attr"`
	} `xml:"spine>itemref"`
	Language string `xml:"metadata>language"`
}

// zipEntry reads an entry of a zip file.
func zipEntry(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

func TestEPUB(t *testing.T) {
	fx := newFixture(t)
	book := exportTo(t, fx.store, fx.all, EPUB)
	zr, err := zip.OpenReader(book)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	first := zr.File[0]
	if first.Name != "mimetype" || first.Method != zip.Store || len(first.Extra) != 0 {
		t.Errorf("first entry %q, method %d, extra %d bytes: want mimetype, stored, no extra", first.Name, first.Method, len(first.Extra))
	}
	files := map[string][]byte{}
	for _, f := range zr.File {
		if files[f.Name], err = zipEntry(f); err != nil {
			t.Fatal(err)
		}
	}
	if string(files["mimetype"]) != epubMimetype {
		t.Errorf("mimetype = %q", files["mimetype"])
	}
	var pkg opf
	if err := xml.Unmarshal(files["OEBPS/content.opf"], &pkg); err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{"mimetype": true, "META-INF/container.xml": true, "OEBPS/content.opf": true}
	chapters, nav := 0, false
	for _, it := range pkg.Items {
		name := "OEBPS/" + it.Href
		listed[name] = true
		data, ok := files[name]
		if !ok {
			t.Errorf("manifest item %s is not in the book", it.Href)
		}
		nav = nav || it.Properties == "nav"
		if it.MediaType == "application/xhtml+xml" {
			chapters++
			checkXHTML(t, name, data, files)
		}
	}
	for name := range files {
		if !listed[name] {
			t.Errorf("%s is in the book but not in the manifest", name)
		}
	}
	if chapters != len(fx.all)+1 || !nav || len(pkg.Spine) != chapters || pkg.Language != "en" {
		t.Errorf("%d XHTML documents, nav %v, %d in the spine, language %q", chapters, nav, len(pkg.Spine), pkg.Language)
	}
	t.Run("Epubcheck", func(t *testing.T) { epubcheck(t, book) })
}

// checkXHTML checks that a book document is well-formed XML and carries
// nothing unsafe, and that what it refers to is in the book.
func checkXHTML(t *testing.T, name string, data []byte, files map[string][]byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		if _, err := dec.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Errorf("%s is not well-formed: %v", name, err)
			return
		}
	}
	bad, refs, _ := unsafeHTML(t, data)
	if len(bad) > 0 {
		t.Errorf("%s carries %v", name, bad)
	}
	for _, r := range refs {
		if target := path.Join(path.Dir(name), r); files[target] == nil {
			t.Errorf("%s refers to %s, not in the book", name, target)
		}
	}
}

// epubcheck runs the real validator when EPUBCHECK=1 (it takes a while;
// scripts/export-check.sh always runs it).
func epubcheck(t *testing.T, book string) {
	jar := "/usr/share/java/epubcheck.jar"
	if os.Getenv("EPUBCHECK") != "1" {
		t.Skip("set EPUBCHECK=1 to run epubcheck (scripts/export-check.sh runs it)")
	}
	if _, err := os.Stat(jar); err != nil {
		t.Skip("epubcheck is not installed (apt-get install epubcheck)")
	}
	out, err := exec.Command("java", "-jar", jar, book).CombinedOutput()
	if err != nil || !bytes.Contains(out, []byte("0 fatals / 0 errors")) {
		t.Errorf("epubcheck: %v\n%s", err, out)
	}
}
