package importer

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"github.com/clippings/clippings/archive"
)

// para and heading make blocks for the tests.
func para(t string) archive.Block    { return archive.Block{Kind: archive.Paragraph, Text: t} }
func heading(t string) archive.Block { return archive.Block{Kind: archive.Heading, Text: t, Level: 2} }

// lead is a paragraph that starts an article proper (from ctpost.com).
const lead = "New electric vehicles, several new small SUVs, a redesigned compact car, a plug-in version of Toyota’s " +
	"top-selling vehicle and a futuristic electric station wagon concept car from Volkswagen are among the new models."

func blockTexts(blocks []archive.Block) []string {
	var out []string
	for _, b := range blocks {
		out = append(out, b.Text)
	}
	return out
}

func TestDropFurniture(t *testing.T) {
	page := func(url string) *htmlPage {
		doc, err := goquery.NewDocumentFromReader(strings.NewReader("<html><body></body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		return &htmlPage{query: doc, meta: pageMeta{URL: url}}
	}
	tests := []struct {
		name   string
		art    archive.Article
		blocks []archive.Block
		want   []string
	}{
		{ // ctpost.com: the print header (address), the headline and the byline above the story
			"PrintHeader",
			archive.Article{Title: "New SUVs and electric vehicles highlight L.A. Auto Show", Byline: "TOM KRISHER, AP Auto Writer",
				URL: "https://www.ctpost.com/news/us/article/New-SUVs-and-electric-vehicles-highlight-L-A-14848164.php"},
			[]archive.Block{para("https://www.ctpost.com/news/us/article/New-SUVs-and-electric-vehicles-highlight-L-A-14848164.php"),
				heading("New SUVs and electric vehicles highlight L.A. Auto Show"), para("Tom Krisher, Ap Auto Writer"), para(lead)},
			[]string{lead},
		},
		{ // tastewise.io (wcxb-dev 0002): an author box closes the post
			"AuthorBox",
			archive.Article{Title: "Health and nutrition trends", Byline: "Kelia Losa Reinoso"},
			[]archive.Block{para(lead), para("Consumers are using food and drink to support specific goals"), para("Kelia Losa Reinoso"),
				para("Kelia Losa Reinoso is a content writer at Tastewise with more than five years of experience in journalism, content strategy, and digital marketing.")},
			[]string{lead, "Consumers are using food and drink to support specific goals"},
		},
		{ // almanac.com (wcxb-dev 0214): the box has a heading
			"AuthorBoxHeading",
			archive.Article{Title: "Vegetable Gardening for Beginners", Byline: "Catherine Boeckmann"},
			[]archive.Block{para(lead), heading("About The Author"), para("Catherine Boeckmann"), para("Catherine loves all things celestial.")},
			[]string{lead},
		},
		{ // shortcodes and an empty placeholder left unrendered (wcxb-dev 0151, 4610, 0343)
			"Placeholders",
			archive.Article{Title: "Catering costs"},
			[]archive.Block{para(lead), para("[CTA_MODULE]"), para("[convertkit form=1630175]"), para("[]"), para("[...]"), para("[citation needed]")},
			[]string{lead, "[...]", "[citation needed]"},
		},
		{ // bennadel.com (wcxb-dev 0476): the post's short link; a designer's site closes the page (0011)
			"EndAddresses",
			archive.Article{Title: "Code Kata", URL: "https://www.bennadel.com/blog/4856-code-kata-formatting-compound-strings-in-coldfusion.htm"},
			[]archive.Block{para(lead), para("https://github.com/bennadel/demo/tree/main/cfml"), para("https://bennadel.com/4856"), para("https://tinaflint.com/")},
			[]string{lead, "https://github.com/bennadel/demo/tree/main/cfml"},
		},
		{ // references are content: kept (wcxb-dev 4582)
			"References",
			archive.Article{Title: "Heart health"},
			[]archive.Block{para(lead), heading("References"), para("https://www.ncbi.nlm.nih.gov/pmc/articles/PMC3662288/"),
				para("https://journals.sagepub.com/doi/abs/10.2190/D4UA-RQFQ-0H5T-W9YY")},
			[]string{lead, "References", "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC3662288/", "https://journals.sagepub.com/doi/abs/10.2190/D4UA-RQFQ-0H5T-W9YY"},
		},
		{ // marketerhire.com (wcxb-dev 1396): the title again over the list, and as a paragraph
			"TitleHeading",
			archive.Article{Title: "11 Best Social Media Marketing Agencies in 2025"},
			[]archive.Block{para(lead), heading("11 Best Social Media Marketing Agencies in 2025"), para("1. Thrive"), para("11 Best Social Media Marketing Agencies in 2025")},
			[]string{lead, "1. Thrive"},
		},
		{ // a name mentioned in the story is kept; only the byline's is the author's
			"OtherName",
			archive.Article{Title: "Interview", Byline: "Jane Doe and Sam Lee"},
			[]archive.Block{para("Sam Lee"), para(lead), para("John Smith")},
			[]string{lead, "John Smith"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := tt.art
			a.Blocks = tt.blocks
			p := page(a.URL)
			p.art = &a
			if err := dropFurniture(p); err != nil {
				t.Fatal(err)
			}
			if got := blockTexts(a.Blocks); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("blocks\n %q\nwant\n %q", got, tt.want)
			}
		})
	}
}

// TestPrintHeaderPage: ctpost.com's page (zyte-dev) reads as the story:
// no print header, no logo, the caption once without its toggles.
func TestPrintHeaderPage(t *testing.T) {
	path := filepath.Join(sharedCorpus, "zyte-dev", "html", "05844573ca7e1fba714d715bb11ca08c26e25328999c74a1cb3bc8a0e4399f0f.html.gz")
	a := mustExtract(t, "ctpost.html", readShared(t, path))
	if !strings.HasPrefix(a.Text(), "New electric vehicles, several new small SUVs") {
		t.Errorf("body starts %.80q, want the story", a.Text())
	}
	if len(a.Figures) != 1 {
		t.Fatalf("%d figures, want the one photograph: %+v", len(a.Figures), a.Figures)
	}
	if f := a.Figures[0]; strings.Contains(f.Caption, "less") || strings.Contains(f.Caption, "more") ||
		!strings.HasSuffix(f.Caption, "Tuesday, Nov. 19, 2019.") || f.Credit != "Photo: Damian Dovarganes, AP" {
		t.Errorf("figure %+v: want the full caption once, its credit, no toggles", f)
	}
}

func TestNoiseCounters(t *testing.T) {
	for _, s := range []string{"Image 1 of / 23", "Image 3 of 12", "4 / 10", "Slide 2 of 9"} {
		if !isNoise(s) {
			t.Errorf("isNoise(%q) = false, want a slide show's counter", s)
		}
	}
	if isNoise("3 of 4 people agreed") {
		t.Error("a sentence taken for a counter")
	}
}

func TestCaptionToggles(t *testing.T) {
	// ctpost.com's gallery: the full caption with "less", the cut one with "… more"
	fragment := `<div class="caption "><div class="caption-full">Karma Automotive Andreas Thurner unveil Karman Vision SC2 concept vehicle at Automobility LA Auto Show in Los Angeles Tuesday, Nov. 19, 2019.<a class="more-caption"> less</a></div>
		<div class="caption-truncated">Karma Automotive Andreas Thurner unveil Karman Vision SC2 concept vehicle at<a class="more-caption"> ... more</a></div>
		<span class="credit">Photo: Damian Dovarganes, AP</span></div>`
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(fragment))
	if err != nil {
		t.Fatal(err)
	}
	got := cleanCaption(textWithoutMarked(doc.Find("div.caption"), "data-none"))
	want := "Karma Automotive Andreas Thurner unveil Karman Vision SC2 concept vehicle at Automobility LA Auto Show in Los Angeles Tuesday, Nov. 19, 2019. Photo: Damian Dovarganes, AP"
	if got != want {
		t.Errorf("caption\n %q\nwant\n %q", got, want)
	}
}

func TestTeaserLists(t *testing.T) {
	story := "<p>" + strings.Repeat("The council met on Tuesday to discuss the budget for next year. ", 15) + "</p>"
	short := func(i int) string {
		return fmt.Sprintf(`<article class="post"><p class="author">Webmaster</p><p class="body">Short entry %d about the vote and what came of it.</p></article>`, i)
	}
	tests := []struct {
		name, page string
		kept       bool
	}{
		{"BesideStory", "<div><article>" + story + "</article><div>" + short(1) + short(2) + "</div></div>", false},
		{"LiveBlog", "<article>" + story + "<div>" + short(1) + short(2) + "</div></article>", true},
		{"LinkedHeadings", "<div>" + story + `<ul><li><h3><a href="/a">Other story</a></h3><p>Its summary.</p></li>` +
			`<li><h3><a href="/b">Another story</a></h3><p>Its summary.</p></li></ul></div>`, false},
		// cloudtango.net (wcxb-dev 4362): the page is the list, a short introduction above it
		{"ListPage", `<p>List of upcoming events and tech conferences of special interest.</p>` +
			`<div><h3><a href="https://fabcon.example/">FABCON</a></h3><p>Short entry 1, the largest conference dedicated to Fabric.</p></div>` +
			`<div><h3><a href="https://gtc.example/">NVIDIA GTC</a></h3><p>The conference on AI.</p></div>`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader("<html><body>" + tt.page + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			p := &htmlPage{doc: doc, query: goquery.NewDocumentFromNode(doc), content: selection(doc).Find("body").Get(0)}
			if err := dropTeaserLists(p); err != nil {
				t.Fatal(err)
			}
			text := nodeText(p.content)
			if kept := strings.Contains(text, "Short entry 1") || strings.Contains(text, "Its summary"); kept != tt.kept {
				t.Errorf("teasers kept = %v, want %v", kept, tt.kept)
			}
			if !strings.Contains(text, "The council met") && !strings.Contains(text, "List of upcoming events") {
				t.Error("the story is gone")
			}
		})
	}
}

// A paragraph or list item that only repeats the title is a card or a
// link back to the page (wcxb-dev 2157's "Print the guide" card, zyte-dev's
// zdnet list of gift guides); a paragraph quoting it stays.
func TestTitleParagraphsDropped(t *testing.T) {
	item := func(t string) archive.Block { return archive.Block{Kind: archive.ListItem, Text: t, Level: 1} }
	blocks := dropTitleHeadings([]archive.Block{
		para(`Welcome to "What is a smartphone?". In this video, we'll explore smartphones, and what you can do with them.`),
		para("A smartphone is a mobile phone that can also access the internet."),
		heading("Print the guide"),
		para("What is a smartphone?"),
		para("Print or save these short guides for a helpful reference tool."),
		item("Best gifts: Practically indestructible gadgets"),
		item("What is a smartphone?"),
	}, "What is a smartphone?")
	got := strings.Join(blockTexts(blocks), "|")
	want := `Welcome to "What is a smartphone?". In this video, we'll explore smartphones, and what you can do with them.|` +
		"A smartphone is a mobile phone that can also access the internet.|Print the guide|" +
		"Print or save these short guides for a helpful reference tool.|Best gifts: Practically indestructible gadgets"
	if got != want {
		t.Errorf("blocks = %q\nwant %q", got, want)
	}
}

// A credit in brackets, labelled as bylines label editors and
// photographers, is no text of the article (mozilla gmw and qq, zyte-dev's
// Korean news page); a bracketed aside of the story stays (royal-road).
func TestCreditLines(t *testing.T) {
	for s, want := range map[string]bool{
		"[责任编辑:肖春芳]":                    true,
		"[责任编辑：alonliu]":                true,
		"[사진=JTBC, 이매진아시아]":             true,
		"(Photo: Reuters)":              true,
		"[Alden: I can’t even talk!]":   false,
		"[Ni’matul Ukhuwah hal. 41]":    false,
		"Photo: Reuters, in the garden": false,
	} {
		if got := isCreditLine(s); got != want {
			t.Errorf("isCreditLine(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestHeadingPermalinks: a heading's link to itself ("#", "¶") is not
// part of the heading, as on the Obesity Medicine Association's page
// (wcxb-dev 0065: <a class="hidden" href="#weight-loss-…">#</a>); a
// heading that links elsewhere keeps its words.
func TestHeadingPermalinks(t *testing.T) {
	a := mustExtract(t, "oma.html", readShared(t, filepath.Join(sharedCorpus, "wcxb-dev", "html", "0065.html.gz")))
	var heads []string
	for _, b := range a.Blocks {
		if b.Kind == archive.Heading {
			heads = append(heads, b.Text)
		}
	}
	if !slices.Contains(heads, "Weight Loss Medications At a Glance") {
		t.Errorf("headings %q, want \"Weight Loss Medications At a Glance\" without its \"#\"", heads)
	}
	for _, c := range []struct {
		text string
		want bool
	}{{"#", true}, {" ¶ ", true}, {"🔗", true}, {"", true}, {"§1", false}, {"Link", false}, {"#1", false}} {
		if got := isPermalinkMark(c.text); got != c.want {
			t.Errorf("isPermalinkMark(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}
