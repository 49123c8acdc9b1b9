package importer

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/importer/format"
)

// formatsDir holds the real saved pages of the shared corpus.
var formatsDir = filepath.Join(sharedCorpus, "formats")

// readSample reads and extracts a sample of the formats corpus through
// ReadFile, as an import does.
func readSample(t *testing.T, rel string) *archive.Capture {
	t.Helper()
	path := filepath.Join(formatsDir, rel)
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		t.Skipf("shared corpus not found (%s)", path)
	}
	c, err := ReadFile(context.Background(), path)
	if err != nil {
		t.Fatalf("ReadFile(%s): %v", rel, err)
	}
	checkImagesHeld(t, c)
	return c
}

// checkImagesHeld checks that every image a figure refers to is in the
// capture, and the capture holds no other.
func checkImagesHeld(t *testing.T, c *archive.Capture) {
	t.Helper()
	held := map[string]bool{}
	for _, im := range c.Images {
		if im.SHA256 != shaOf(im.Data) || !strings.HasPrefix(im.MIME, "image/") {
			t.Errorf("image %s (%s) is not what it claims", im.SHA256, im.MIME)
		}
		held[im.SHA256] = false
	}
	for _, a := range c.Articles {
		for _, f := range a.Figures {
			if f.ImageSHA == "" {
				continue
			}
			if _, ok := held[f.ImageSHA]; !ok {
				t.Errorf("figure %q refers to image %s, not in the capture", f.Caption, f.ImageSHA)
			}
			held[f.ImageSHA] = true
		}
	}
	for sha, used := range held {
		if !used {
			t.Errorf("image %s is in the capture but no figure uses it", sha)
		}
	}
}

func imagesStored(a *archive.Article) int {
	n := 0
	for _, f := range a.Figures {
		if f.ImageSHA != "" {
			n++
		}
	}
	return n
}

func TestMHTML(t *testing.T) {
	t.Run("Wikipedia", func(t *testing.T) {
		c := readSample(t, "mhtml/wikipedia-nodejs-blink.mhtml")
		a := c.Articles[0]
		if a.Format != "mhtml" || c.Original.Format != "mhtml" || a.CaptureURL != "https://en.wikipedia.org/wiki/Node.js" {
			t.Errorf("format %q/%q, capture url %q", a.Format, c.Original.Format, a.CaptureURL)
		}
		if a.Captured.Year() != 2018 || !strings.Contains(a.Text(), "Node.js is an open-source, cross-platform JavaScript run-time environment") {
			t.Errorf("captured %v, text starts %q", a.Captured, a.Text()[:100])
		}
		if !hasCaption(a, "Ryan Dahl, creator of Node.js, in 2010") || imagesStored(a) != len(a.Figures) || len(a.Figures) == 0 {
			t.Errorf("figures = %+v: want the portrait of Ryan Dahl, every image from the file", a.Figures)
		}
	})
	t.Run("KOI8R", func(t *testing.T) {
		a := readSample(t, "mhtml/libru-koi8r-blink.mhtml").Articles[0]
		if a.Title != "Lib.Ru: Библиотека Максима Мошкова" || !strings.Contains(a.Text(), "ПРОЗА") {
			t.Errorf("title %q, text %.80q: want the KOI8-R page decoded", a.Title, a.Text())
		}
	})
	t.Run("FrontPage", func(t *testing.T) {
		a := readSample(t, "mhtml/usatoday-home-blink.mhtml").Articles[0]
		if a.URL != "https://www.usatoday.com/" || imagesStored(a) == 0 {
			t.Errorf("url %q, %d images stored", a.URL, imagesStored(a))
		}
	})
}

func hasCaption(a *archive.Article, caption string) bool {
	for _, f := range a.Figures {
		if f.Caption == caption {
			return true
		}
	}
	return false
}

func TestWebArchive(t *testing.T) {
	t.Run("BlogPost", func(t *testing.T) {
		a := readSample(t, "webarchive/christiantietze-blogpost-safari.webarchive").Articles[0]
		fields := []struct{ name, got, want string }{
			{"title", a.Title, "NSTableView Variable Row Heights Broken on macOS Ventura 13.0"},
			{"byline", a.Byline, "Christian Tietze"},
			{"format", a.Format, "webarchive"},
			{"url", a.URL, "https://christiantietze.de/posts/2022/11/nstableview-variable-row-heights-broken-macos-ventura-13-0/"},
			{"published", a.Published.Format(time.DateOnly), "2022-11-03"},
		}
		for _, f := range fields {
			if f.got != f.want {
				t.Errorf("%s = %q, want %q", f.name, f.got, f.want)
			}
		}
		if !strings.Contains(a.Text(), "self.tableView.noteHeightOfRows(withIndexesChanged: entireTableView)") {
			t.Error("the code listing is missing from the text")
		}
	})
	// The blog post's web archive converted to an XML property list with
	// Python's plistlib (testdata/christiantietze-blogpost-xml.webarchive),
	// as "plutil -convert xml1" would: read as a web archive, not as text.
	t.Run("XML", func(t *testing.T) {
		a := mustExtract(t, "post.xml", readTestdata(t, "christiantietze-blogpost-xml.webarchive"))
		if a.Format != "webarchive" || a.Title != "NSTableView Variable Row Heights Broken on macOS Ventura 13.0" ||
			!strings.Contains(a.Text(), "noteHeightOfRows") || strings.Contains(a.Text(), "WebResourceData") {
			t.Errorf("format %q, title %q: want the blog post", a.Format, a.Title)
		}
	})
	t.Run("Frameset", func(t *testing.T) {
		a := readSample(t, "webarchive/psxdatacenter-frameset-safari.webarchive").Articles[0]
		if a.URL != "http://psxdatacenter.com/jlist.html" || !strings.Contains(a.Text(), "ZUTTO ISSHO") {
			t.Errorf("url %q: want the frame holding the list", a.URL)
		}
	})
	t.Run("Images", func(t *testing.T) {
		a := readSample(t, "webarchive/wikipedia-mainpage-safari.webarchive").Articles[0]
		if len(a.Figures) < 3 || imagesStored(a) != len(a.Figures) {
			t.Errorf("%d figures, %d with their image: want the thumbnails from the archive", len(a.Figures), imagesStored(a))
		}
	})
}

func TestWARC(t *testing.T) {
	t.Run("Blog", func(t *testing.T) {
		c := readSample(t, "warc/datagovuk-blog-heritrix.warc.gz")
		if got := len(c.Articles); got != 5 {
			t.Fatalf("%d articles, want the 5 blog posts (not the front page, lists or policies)", got)
		}
		for _, a := range c.Articles {
			if !strings.HasPrefix(a.CaptureURL, "http://data.gov.uk/blog/") || a.Format != "warc" ||
				a.Captured.Format(time.DateOnly) != "2014-03-25" || a.Published.IsZero() {
				t.Errorf("%q: capture %q %v, format %q, published %v", a.Title, a.CaptureURL, a.Captured, a.Format, a.Published)
			}
			if len(a.Related) != 5 || strings.Contains(a.Text(), a.Related[0].Title) {
				t.Errorf("%q: related %+v, want the 5 \"More like this\" links, out of the text", a.Title, a.Related)
			}
		}
		if a := c.Articles[1]; a.Title != "Introducing the Hampshire Hub" {
			t.Errorf("title = %q, want the post's, not the section's", a.Title)
		}
	})
	t.Run("Images", func(t *testing.T) {
		c := readSample(t, "warc/wikipedia-mona-lisa-wget.warc.gz")
		a := c.Articles[0]
		if len(c.Articles) != 1 || a.Title != "Mona Lisa" || a.CaptureURL != "http://en.wikipedia.org/wiki/Mona_Lisa" {
			t.Fatalf("%d articles, first %q from %q", len(c.Articles), a.Title, a.CaptureURL)
		}
		if imagesStored(a) < 8 || !hasCaption(a, "Vacant wall in the Salon Carré, Louvre") {
			t.Errorf("%d of %d figures with their image from the WARC, want at least 8", imagesStored(a), len(a.Figures))
		}
	})
}

func TestMalformedContainers(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(formatsDir, "*", "malformed", "*"))
	if len(files) == 0 {
		t.Skip("shared corpus not found")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			c, err := ReadFile(context.Background(), f)
			if !errors.Is(err, format.ErrMalformed) || c != nil || !strings.Contains(err.Error(), filepath.Base(f)) {
				t.Errorf("err = %v, want format.ErrMalformed naming the file", err)
			}
		})
	}
}

func TestComplete(t *testing.T) {
	page := filepath.Join("complete", "nytimes-oscars-2017-chrome", "2017 Oscar Ballot - The New York Times.html")
	c := readSample(t, page)
	a := c.Articles[0]
	if a.Format != "complete" || c.Original.Format != "complete" || a.CaptureURL == "" {
		t.Errorf("format %q, capture url %q", a.Format, a.CaptureURL)
	}
	if len(a.Figures) < 30 || imagesStored(a) != len(a.Figures) {
		t.Errorf("%d figures, %d with their image from the _files folder", len(a.Figures), imagesStored(a))
	}
	t.Run("InMemory", func(t *testing.T) {
		data := readShared(t, filepath.Join(formatsDir, page))
		mc, err := Extract(filepath.Base(page), data)
		if err != nil {
			t.Fatal(err)
		}
		if mc.Original.Format != "html" || len(mc.Images) != 0 || mc.Original.SHA256 != c.Original.SHA256 {
			t.Errorf("without its folder: format %q, %d images, want html and none (same original)", mc.Original.Format, len(mc.Images))
		}
	})
	t.Run("OnlyItsFolder", func(t *testing.T) {
		dir := t.TempDir()
		pic, secret := testPNG(t, 50, 50), testPNG(t, 60, 60)
		writeFile(t, filepath.Join(dir, "site", "Page_files", "a.png"), pic)
		writeFile(t, filepath.Join(dir, "secret.png"), secret)
		html := `<!-- saved from url=(0026)https://example.com/page -->` + string(imagePage(
			`<figure><img src="./Page_files/a.png"><figcaption>Inside</figcaption></figure>`,
			`<figure><img src="../secret.png"><figcaption>Outside</figcaption></figure>`,
			`<figure><img src="`+filepath.Join(dir, "secret.png")+`"><figcaption>Absolute</figcaption></figure>`))
		writeFile(t, filepath.Join(dir, "site", "Page.html"), []byte(html))
		c, err := ReadFile(context.Background(), filepath.Join(dir, "site", "Page.html"))
		if err != nil {
			t.Fatal(err)
		}
		if len(c.Images) != 1 || c.Images[0].SHA256 != shaOf(pic) {
			t.Errorf("%d images stored, want only the one inside the page's folder", len(c.Images))
		}
	})
}

func TestSingleFile(t *testing.T) {
	pic := testPNG(t, 80, 60)
	page := `<!DOCTYPE html> <html><!--
 Page saved with SingleFile
 url: https://blog.example.org/posts/tides?utm_source=feed
 saved date: Thu Mar 28 2019 10:15:00 GMT+0100 (Central European Standard Time)
-->` + string(imagePage(`<figure><img src="`+dataURI("image/png", pic)+`"><figcaption>The mill at dawn</figcaption></figure>`))
	c, err := Extract("tides.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	a := c.Articles[0]
	if c.Original.Format != "singlefile" || a.Format != "singlefile" || a.URL != "https://blog.example.org/posts/tides" {
		t.Errorf("format %q/%q, url %q", c.Original.Format, a.Format, a.URL)
	}
	if a.Captured.IsZero() || len(c.Images) != 1 || a.Figures[0].ImageSHA != shaOf(pic) {
		t.Errorf("captured %v, %d images, figure %+v", a.Captured, len(c.Images), a.Figures[0])
	}
}
