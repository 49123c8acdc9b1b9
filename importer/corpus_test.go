package importer

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"github.com/clippings/clippings/archive"
)

// minCaptionShare is the least share of the Mozilla corpus's figure
// captions the cleaner must recover (scripts/caption_score.py measures
// the same through the command line).
const minCaptionShare = 0.9

// mozillaPages returns the case folders of the shared Mozilla corpus,
// skipping the test when it is absent.
func mozillaPages(t *testing.T) []string {
	t.Helper()
	dirs, err := filepath.Glob(filepath.Join(sharedCorpus, "mozilla", "*", "source.html"))
	if err != nil || len(dirs) == 0 {
		t.Skip("shared Mozilla corpus not found")
	}
	for i, d := range dirs {
		dirs[i] = filepath.Dir(d)
	}
	sort.Strings(dirs)
	return dirs
}

// captionWords returns the words of s, lower-cased, without the
// "Credit" label pages print for screen readers.
func captionWords(s string) map[string]int {
	out := map[string]int{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	}) {
		if w != "credit" {
			out[w]++
		}
	}
	return out
}

// spacedText returns the text of s with a space between its text nodes,
// so that a label in its own element ("<span>Credit</span>Jane Doe")
// stays a word of its own.
func spacedText(s *goquery.Selection) string {
	var parts []string
	s.Find("*").AddSelection(s).Contents().Each(func(_ int, c *goquery.Selection) {
		if n := c.Get(0); n.Type == html.TextNode {
			parts = append(parts, n.Data)
		}
	})
	return foldSpace(strings.Join(parts, " "))
}

// captionFound reports whether one figure's caption and credit hold at
// least 90% of the words of want, and want at least half of the figure's.
func captionFound(want string, figs []archive.Figure) bool {
	w := captionWords(want)
	total := 0
	for _, n := range w {
		total += n
	}
	for _, f := range figs {
		g := captionWords(f.Caption + " " + f.Credit)
		common, size := 0, 0
		for word, n := range g {
			common += min(n, w[word])
			size += n
		}
		if size > 0 && float64(common) >= 0.9*float64(total) && float64(common) >= 0.5*float64(size) {
			return true
		}
	}
	return false
}

func TestMozillaCaptions(t *testing.T) {
	found, total := 0, 0
	for _, dir := range mozillaPages(t) {
		exp, err := os.ReadFile(filepath.Join(dir, "expected.html"))
		if err != nil {
			continue
		}
		doc, err := goquery.NewDocumentFromReader(strings.NewReader(string(exp)))
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		doc.Find("figcaption").Each(func(_ int, s *goquery.Selection) {
			if t := spacedText(s); len(captionWords(t)) > 0 {
				want = append(want, t)
			}
		})
		if len(want) == 0 {
			continue
		}
		a := mustExtract(t, "source.html", readShared(t, filepath.Join(dir, "source.html")))
		for _, c := range want {
			total++
			if captionFound(c, a.Figures) {
				found++
			} else {
				t.Logf("%s: caption missed: %.100s", filepath.Base(dir), c)
			}
		}
	}
	share := float64(found) / float64(max(total, 1))
	t.Logf("captions recovered: %d of %d (%.1f%%)", found, total, 100*share)
	if share < minCaptionShare {
		t.Errorf("captions recovered: %.1f%%, want at least %.0f%%", 100*share, 100*minCaptionShare)
	}
}

// relatedPages are pages of the Mozilla corpus with blocks of related
// links, and links that must be among those found.
var relatedPages = map[string]archive.Link{
	"bbc-1":      {Title: "Obama urges UK to stay in European Union", URL: "http://www.bbc.com/news/uk-politics-33647154"},
	"guardian-1": {Title: "Rescuers rush to help whale stranded in Scottish loch", URL: "https://www.theguardian.com/uk-news/2019/jan/03/sperm-whale-stranded-scottish-loch-eriboll"},
	"cnn":        {Title: "Rich are paying more in taxes but not as much as they used to", URL: "http://money.cnn.com/2016/01/11/news/economy/rich-taxes/index.html?iid=EL"},
	"theverge":   {Title: "I wore the Apple Vision Pro. It’s the best headset demo ever.", URL: "https://www.theverge.com/2023/6/5/23750003/apple-vision-pro-hands-on-the-best-headset-demo-ever"},
	// msn's own articles, recommended in a Taboola box among adverts.
	"msn": {Title: "Will Trump Be Impeached?", URL: "http://www.msn.com/en-us/news/msn/will-trump-be-impeached/ar-AAkk1nA"},
}

// adOnlyPages have boxes of "recommended" links that are all adverts, or
// none but links that are not to articles ("edit", author pages).
var adOnlyPages = []string{"breitbart", "cnet", "wikipedia", "wikipedia-3", "wikipedia-4"}

// TestMozillaRelated lists the related links found on the corpus's pages
// (go test -v -run Related shows them) and checks known ones: found,
// with clean titles, kept out of the body, no advertising redirects.
func TestMozillaRelated(t *testing.T) {
	pages, links := 0, 0
	for _, dir := range mozillaPages(t) {
		name := filepath.Base(dir)
		c, err := Extract("source.html", readShared(t, filepath.Join(dir, "source.html")))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		a := c.Articles[0]
		if len(a.Related) > 0 {
			pages++
			links += len(a.Related)
			t.Logf("%-30s %2d related, first %q", name, len(a.Related), a.Related[0].Title)
		}
		for _, l := range a.Related {
			if isAdLink(l.URL) || isNotArticleLink(l.URL) || inlineRelated.MatchString(l.Title) || sponsored.MatchString(l.Title) {
				t.Errorf("%s: related link %+v is an advert or keeps its label", name, l)
			}
		}
		if want, ok := relatedPages[name]; ok {
			checkRelated(t, name, a, want)
		}
		if containsString(adOnlyPages, name) && len(a.Related) > 0 {
			t.Errorf("%s: related %+v, want none (adverts, edit links)", name, a.Related)
		}
	}
	t.Logf("%d pages with related links, %d links", pages, links)
}

func checkRelated(t *testing.T, name string, a *archive.Article, want archive.Link) {
	t.Helper()
	for _, l := range a.Related {
		if l == want {
			if strings.Contains(a.Text(), want.Title) {
				t.Errorf("%s: the body holds the related title %q", name, want.Title)
			}
			return
		}
	}
	t.Errorf("%s: related %+v lacks %+v", name, a.Related, want)
}
