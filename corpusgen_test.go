package main

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"html"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// zyteDir holds real news pages (gzipped HTML) that the crash loop imports
// beside the generated ones.
const zyteDir = "../shared/corpus/zyte-dev/html"

// corpus is a folder of pages written for a test.
type corpus struct {
	dir   string
	pages int // files to import, bad ones included
	bad   int // files that must fail
	words []string
}

// vocabulary are the words generated articles are made of.
var vocabulary = strings.Fields(`archive minister council harbour election budget
river festival museum railway university hospital court village fishermen
treaty summit parliament reporter library orchestra vineyard glacier drought
market factory mayor teacher students harvest bridge tunnel airport
lighthouse ferry island mountain forest coastline weather storm flood
scientists researchers volunteers residents officials engineers farmers
announced reported confirmed rejected approved delayed opened closed
expanded reduced celebrated criticised welcomed questioned investigated
yesterday tonight quietly sharply finally nearly almost again later
northern southern eastern western local national regional historic
new old small large public private ancient modern rural urban`)

// accented adds words in other scripts to some articles.
var accented = strings.Fields(`café über Zürich señora naïve façade Ørsted
Kraków Đà_Nẵng smörgåsbord Ελλάδα Москва 東京 北京会谈 서울`)

// writeCorpus writes n generated articles (plain HTML, "complete" saves
// with a NAME_files folder, pages with data: URI figures, later versions
// of earlier pages, plain text, in nested folders), three files that must
// fail, and with zyte the real pages of zyteDir, below dir.
func writeCorpus(t testing.TB, dir string, n int, zyte bool) corpus {
	t.Helper()
	c := corpus{dir: dir, words: vocabulary}
	shared := pngOf(48, 48, 0) // a logo many pages share: stored once
	for i := 0; i < n; i++ {
		r := rand.New(rand.NewPCG(uint64(i), 7))
		sub := filepath.Join(dir, "gen", fmt.Sprintf("%02d", i%8))
		a := genArticle(r, i, shared)
		switch {
		case i%19 == 7:
			mustWrite(t, filepath.Join(sub, fmt.Sprintf("note-%d.txt", i)), []byte(a.text()))
		case i%10 == 3:
			name := fmt.Sprintf("saved-%d", i)
			a.local = name + "_files/photo.png"
			mustWrite(t, filepath.Join(sub, name+"_files", "photo.png"), pngOf(80, 60, uint32(i)+1000))
			mustWrite(t, filepath.Join(sub, name+".html"), []byte(a.html()))
		default:
			mustWrite(t, filepath.Join(sub, fmt.Sprintf("article-%d.html", i)), []byte(a.html()))
		}
		c.pages++
		if i%17 == 5 { // a later capture of the same page, its text changed
			a.paras[0] = "Update: " + sentence(r, 12) + " " + a.paras[0]
			mustWrite(t, filepath.Join(sub, fmt.Sprintf("article-%d-updated.html", i)), []byte(a.html()))
			c.pages++
		}
	}
	bad := map[string][]byte{
		"empty.html":  nil,
		"binary.html": append([]byte{0x89, 'P', 'N', 'G', 0, 0, 0, 0}, bytes.Repeat([]byte{0, 1, 2, 0xff}, 300)...),
		"blank.mhtml": []byte("\n\n   \n"),
	}
	for name, data := range bad {
		mustWrite(t, filepath.Join(dir, "bad", name), data)
		c.pages++
		c.bad++
	}
	if zyte {
		files, _ := filepath.Glob(filepath.Join(zyteDir, "*.html.gz"))
		if len(files) == 0 {
			t.Fatalf("no pages in %s", zyteDir)
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			mustWrite(t, filepath.Join(dir, "zyte", filepath.Base(f)), data)
			c.pages++
		}
	}
	return c
}

// genPage is a generated article.
type genPage struct {
	i                    int
	title, stand, author string
	site, url, published string
	paras                []string
	heads                map[int]string // heading before paragraph i
	figures              map[int]genFigure
	local                string // a figure's image in the NAME_files folder
	lang                 string
}

type genFigure struct{ src, caption, credit string }

func genArticle(r *rand.Rand, i int, shared []byte) *genPage {
	a := &genPage{i: i, lang: "en", heads: map[int]string{}, figures: map[int]genFigure{}}
	a.title = strings.TrimSuffix(sentence(r, 6), ".") + fmt.Sprintf(" (report %d)", i)
	a.stand = sentence(r, 18)
	a.author = []string{"Ana Pérez", "John Smith", "Mei Lin", "Olu Adeyemi", "Sara Berg"}[i%5]
	a.site = []string{"The Daily Example", "Harbour Gazette", "Northern Courier", "Valley Times"}[i%4]
	a.url = fmt.Sprintf("https://news%d.example.org/%d/story-%d", i%4, 2019+i%6, i)
	a.published = fmt.Sprintf("20%02d-%02d-%02dT%02d:15:00Z", 15+i%10, 1+i%12, 1+i%28, i%24)
	np := 6 + r.IntN(20)
	for p := 0; p < np; p++ {
		a.paras = append(a.paras, paragraph(r, i%9 == 4))
		if p > 2 && r.IntN(6) == 0 {
			a.heads[p] = strings.TrimSuffix(sentence(r, 4), ".")
		}
	}
	if i%3 != 0 {
		a.figures[1+r.IntN(np-1)] = genFigure{dataURI(pngOf(64, 48, uint32(i))), sentence(r, 10), "Photograph: " + a.author}
	}
	if i%5 == 0 {
		a.figures[0] = genFigure{dataURI(shared), "The paper's masthead on a wall in " + sentence(r, 3), "Archive"}
	}
	return a
}

// html renders the page as a news site would.
func (a *genPage) html() string {
	var b strings.Builder
	e := html.EscapeString
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=%q><head><meta charset=\"utf-8\">\n<title>%s | %s</title>\n", a.lang, e(a.title), e(a.site))
	fmt.Fprintf(&b, "<link rel=\"canonical\" href=%q>\n<meta property=\"og:title\" content=\"%s\">\n", a.url, e(a.title))
	fmt.Fprintf(&b, "<meta name=\"author\" content=\"%s\">\n<meta property=\"article:published_time\" content=%q>\n", e(a.author), a.published)
	fmt.Fprintf(&b, "</head><body><header><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/sport\">Sport</a></nav></header>\n")
	fmt.Fprintf(&b, "<main><article><h1>%s</h1><p class=\"standfirst\">%s</p><p class=\"byline\">By %s</p>\n", e(a.title), e(a.stand), e(a.author))
	for p, text := range a.paras {
		if h, ok := a.heads[p]; ok {
			fmt.Fprintf(&b, "<h2>%s</h2>\n", e(h))
		}
		if f, ok := a.figures[p]; ok {
			fmt.Fprintf(&b, "<figure><img src=%q alt=\"photo\" width=\"640\" height=\"480\"><figcaption>%s <span class=\"credit\">%s</span></figcaption></figure>\n",
				f.src, e(f.caption), e(f.credit))
		}
		if p == 2 && a.local != "" {
			fmt.Fprintf(&b, "<figure><img src=\"./%s\" alt=\"local\"><figcaption>%s</figcaption></figure>\n", a.local, e(a.stand))
		}
		fmt.Fprintf(&b, "<p>%s</p>\n", e(text))
	}
	fmt.Fprintf(&b, "</article><aside class=\"related\"><h3>Related</h3><ul><li><a href=\"/a\">Another story</a></li><li><a href=\"/b\">More news</a></li></ul></aside></main>\n")
	fmt.Fprintf(&b, "<footer><p>© %s</p></footer></body></html>\n", e(a.site))
	if a.local != "" {
		return fmt.Sprintf("<!-- saved from url=(%04d)%s -->\n", len(a.url), a.url) + b.String()
	}
	return b.String()
}

// text renders the page as a plain-text save.
func (a *genPage) text() string {
	return a.title + "\n\nBy " + a.author + "\n\n" + a.stand + "\n\n" + strings.Join(a.paras, "\n\n") + "\n"
}

func paragraph(r *rand.Rand, foreign bool) string {
	var s []string
	for k := 3 + r.IntN(4); k > 0; k-- {
		s = append(s, sentence(r, 8+r.IntN(14)))
	}
	if foreign {
		s = append(s, accented[r.IntN(len(accented))]+" "+sentence(r, 6))
	}
	return strings.Join(s, " ")
}

func sentence(r *rand.Rand, n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = vocabulary[r.IntN(len(vocabulary))]
	}
	s := strings.Join(w, " ")
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

// pngOf returns a w×h PNG whose pixels depend on seed.
func pngOf(w, h int, seed uint32) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	r := rand.New(rand.NewPCG(uint64(seed), 3))
	base := color.RGBA{uint8(seed), uint8(seed >> 8), uint8(seed >> 16), 255}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{base.R + uint8(r.IntN(16)), base.G + uint8(x), base.B + uint8(y), 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(err)
	}
	return b.Bytes()
}

func dataURI(png []byte) string {
	return "data:image/png;base64," + base64.StdEncoding.EncodeToString(png)
}

func mustWrite(t testing.TB, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
