package importer

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"github.com/clippings/clippings/archive"
)

// blocksOf cleans an HTML fragment, as the body of a page, into blocks.
func blocksOf(t *testing.T, fragment string) []archive.Block {
	t.Helper()
	doc, err := html.Parse(strings.NewReader("<html><body>" + fragment + "</body></html>"))
	if err != nil {
		t.Fatal(err)
	}
	p := &htmlPage{doc: doc, content: selection(doc).Find("body").Get(0), art: &archive.Article{}, images: newImageSet(nil)}
	p.query = goquery.NewDocumentFromNode(doc)
	p.buildBlocks()
	return p.art.Blocks
}

// TestLayoutSpaces: words the layout sets apart are never glued, words a
// page splits for show are never cut.
func TestLayoutSpaces(t *testing.T) {
	tests := []struct{ name, fragment, want string }{
		{ // nytimes.com's Oscar ballot: fields of a card, laid out by the style sheet
			"Fields",
			`<div class="nytint-ballot-nominee-inner"><span class="nytint-vote-target">&nbsp;</span><span class="nytint-ballot-nominee-title">Casey Affleck</span>` +
				`<span class="nytint-ballot-nominee-subtitle">Manchester by the Sea</span><a href="https://www.nytimes.com/2016/11/18/movies/manchester-by-the-sea-review-kenneth-lonergan-casey-affleck.html" class="nytint-ballot-nominee-review">review</a></div>`,
			"Casey Affleck Manchester by the Sea review",
		},
		{ // theguardian.com: a drop capital is part of its word
			"DropCap",
			`<p><span class="drop-cap"><span class="drop-cap__inner">W</span></span>hale whisperer Hori Parata was just seven years old</p>`,
			"Whale whisperer Hori Parata was just seven years old",
		},
		{"Links", `<p><a href="/news">News</a><a href="/sport">Sport</a><a href="/sport">s</a></p>`, "News Sports"},
		{"StyledBlock", `<p><span style="display:block">First line</span><span style="display: block;">Second line</span></p>`, "First line\nSecond line"},
		{ // alternativeto.net (wcxb-dev 2976): Tailwind's class "block" sets the subtitle under the headline
			"BlockClass",
			`<h1 class="Heading-module-scss-module__br2CUG__h1 !text-center">The Best Notion Alternatives` +
				`<span class="block text-[0.54em] mt-0.5 font-medium md:font-normal">Top Note-taking Tools &amp; Todo List Managers like Notion</span></h1>`,
			"The Best Notion Alternatives\nTop Note-taking Tools & Todo List Managers like Notion",
		},
		{ // wcxb-dev 4130: a note set under the figure by the class "block"
			"BlockClassInParagraph",
			`<p class="leading-8 text-16px text-arsenic"><span class="font-bold"> Measured Weight: </span> 15.7 oz.` +
				`<span class="block">(hammock, stuff sack, attached guylines, integrated bug net)</span></p>`,
			"Measured Weight: 15.7 oz.\n(hammock, stuff sack, attached guylines, integrated bug net)",
		},
		{"InlineBlockClass", `<p>Press <span class="inline-block rounded">Save</span> now</p>`, "Press Save now"},
		{"Code", `<p>Call <code><span class="nx">foo</span><span class="nb">Bar</span></code> now</p>`, "Call fooBar now"},
		{"Chinese", `<p><span class="a">中国</span><span class="b">新闻</span></p>`, "中国新闻"},
		{ // blog.antoyo.xyz (wcxb-dev 0389): Asciidoctor puts a paragraph in every cell
			"CellParagraphs",
			`<table class="tableblock"><tbody><tr><td class="tableblock halign-left"><p class="tableblock">Atomics.</p></td>` +
				`<td class="tableblock halign-left"><p class="tableblock">Done</p></td><td class="tableblock halign-left"></td></tr></tbody></table>`,
			"Atomics. | Done |",
		},
		{"Punctuation", `<p><a class="x" href="/a">Apple</a><span class="y">, Inc.</span></p>`, "Apple, Inc."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			blocks := blocksOf(t, tt.fragment)
			if len(blocks) != 1 || blocks[0].Text != tt.want {
				t.Errorf("blocks %+v, want one %q", blocks, tt.want)
			}
		})
	}
	t.Run("Caption", func(t *testing.T) {
		doc, _ := html.Parse(strings.NewReader(`<figcaption>Line one<br>line two<div>Credit</div></figcaption>`))
		if got := foldSpace(textWithout(doc, "script")); got != "Line one line two Credit" {
			t.Errorf("caption text %q", got)
		}
	})
}

// TestCompleteSaveNotGlued: the "complete" save of nytimes.com's ballot
// keeps each nominee's name, film and link apart, so that a search finds
// them.
func TestCompleteSaveNotGlued(t *testing.T) {
	page := filepath.Join("complete", "nytimes-oscars-2017-chrome", "2017 Oscar Ballot - The New York Times.html")
	text := readSample(t, page).Articles[0].Text()
	for _, want := range []string{"Casey Affleck Manchester by the Sea review", "Andrew Garfield Hacksaw Ridge review"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	if strings.Contains(text, "AffleckManchester") {
		t.Error("text glues the name to the film")
	}
}

// TestNavbox: Wikipedia's navigation box (groups of links under labels:
// "Paintings", "Sculpture", …) is no text of the Mona Lisa article.
func TestNavbox(t *testing.T) {
	a := readSample(t, "warc/wikipedia-mona-lisa-wget.warc.gz").Articles[0]
	for _, s := range []string{"Sculpture |", "Codex Madrid", "Other projects |"} {
		if strings.Contains(a.Text(), s) {
			t.Errorf("body holds %q", s)
		}
	}
	if !strings.Contains(a.Text(), "The Mona Lisa") {
		t.Error("the article is gone")
	}
	// a table of data with a linked name a row stays (wcxb-dev 0358)
	path := filepath.Join(sharedCorpus, "wcxb-dev", "html", "0358.html.gz")
	if text := mustExtract(t, "0358.html", readShared(t, path)).Text(); !strings.Contains(text, "Quanta Services Inc. | $7.7B") {
		t.Error("the table of companies and revenues is gone")
	}
}
