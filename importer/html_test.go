package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/clippings/clippings/archive"
)

// readTestdata reads a file of testdata/.
func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestHTMLCharsets(t *testing.T) {
	tests := []struct {
		name, file, title, text string
	}{
		{"Windows1252", "windows-1252.html", "Le café naïf de la rue Mouffetard", "« Un café coûte désormais 2 € », dit le patron"},
		{"KOI8R", "koi8-r.html", "Зима в Москве", "Первый снег выпал в Москве"},
		{"KOI8RUndeclared", "koi8-r-undeclared.html", "Зима в Москве", "Первый снег выпал в Москве"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustExtract(t, tt.file, readTestdata(t, tt.file))
			if a.Title != tt.title {
				t.Errorf("title = %q, want %q", a.Title, tt.title)
			}
			if !strings.HasPrefix(a.Text(), tt.text) {
				t.Errorf("text starts %q, want %q", a.Text()[:min(len(a.Text()), 80)], tt.text)
			}
		})
	}
}

func TestDecodeHTML(t *testing.T) {
	tests := []struct {
		name, data, text, charset string
	}{
		{"BOM", "\xef\xbb\xbf<p>caf\xc3\xa9</p>", "<p>café</p>", "utf-8"},
		{"UTF16LE", "\xff\xfe<\x00p\x00>\x00\xe9\x00", "<p>é", "utf-16le"},
		{"MetaCharset", `<meta charset="iso-8859-1"><p>caf` + "\xe9", `<meta charset="iso-8859-1"><p>café`, "windows-1252"},
		{"StaleDeclaration", `<meta charset="iso-8859-1"><p>caf` + "\xc3\xa9", `<meta charset="iso-8859-1"><p>café`, "utf-8"},
		{"XMLDeclaration", `<?xml version="1.0" encoding="koi8-r"?><p>` + "\xda\xc9\xcd\xc1", `<?xml version="1.0" encoding="koi8-r"?><p>зима`, "koi8-r"},
		{"ASCII", "<p>plain</p>", "<p>plain</p>", "utf-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, cs := decodeHTML([]byte(tt.data))
			if text != tt.text || cs != tt.charset {
				t.Errorf("decodeHTML = %q, %q; want %q, %q", text, cs, tt.text, tt.charset)
			}
		})
	}
}

func TestHTMLArticle(t *testing.T) {
	a := mustExtract(t, "article.html", readTestdata(t, "article.html"))
	fields := []struct{ name, got, want string }{
		{"title", a.Title, "Storm batters harbour town as sea wall gives way"},
		{"byline", a.Byline, "Jane Doe, Sam Lee"},
		{"site", a.Site, "Example News"},
		{"url", a.URL, "https://news.example.com/2024/05/14/harbour-storm.html"},
		{"capture url", a.CaptureURL, "https://news.example.com/2024/05/14/harbour-storm.html"},
		{"language", a.Language, "en-GB"},
		{"subtitle", a.Standfirst, "Residents of Portmellon spent the night in the village hall after the old sea wall collapsed."},
		{"format", a.Format, "html"},
	}
	for _, f := range fields {
		if f.got != f.want {
			t.Errorf("%s = %q, want %q", f.name, f.got, f.want)
		}
	}
	if want := time.Date(2024, 5, 14, 7, 30, 0, 0, time.UTC); !a.Published.Equal(want) {
		t.Errorf("published = %v, want %v (from JSON-LD)", a.Published, want)
	}
	if want := time.Date(2024, 5, 14, 11, 5, 0, 0, time.UTC); !a.Modified.Equal(want) {
		t.Errorf("modified = %v, want %v", a.Modified, want)
	}
	if got, want := strings.Join(a.Headings(), "|"), "A wall that stood for 130 years"; got != want {
		t.Errorf("headings = %q, want %q", got, want)
	}
	t.Run("Figures", func(t *testing.T) { checkArticleFigures(t, a) })
	t.Run("Related", func(t *testing.T) { checkArticleRelated(t, a) })
	t.Run("Text", func(t *testing.T) { checkArticleText(t, a) })
}

func checkArticleFigures(t *testing.T, a *archive.Article) {
	want := []archive.Figure{
		{Image: "https://news.example.com/images/harbour-wall.jpg", Alt: "Waves over the harbour wall",
			Caption: "Waves break over the harbour wall on Tuesday night.", Credit: "Photo: John Smith/Reuters"},
		{Image: "https://cdn.example.com/boats-on-quay.jpg", Caption: "Boats were lifted onto the quay by the surge", Credit: "Getty Images"},
	}
	if len(a.Figures) != len(want) {
		t.Fatalf("figures = %+v, want %+v", a.Figures, want)
	}
	for i := range want {
		if a.Figures[i] != want[i] {
			t.Errorf("figure %d = %+v, want %+v", i, a.Figures[i], want[i])
		}
	}
	// The first figure comes before the first paragraph, the second
	// after the heading's paragraph.
	var kinds []string
	for _, b := range a.Blocks {
		kinds = append(kinds, string(b.Kind))
	}
	if got, want := strings.Join(kinds, " "), "figure p p h p figure p li li quote p"; got != want {
		t.Errorf("blocks = %s, want %s", got, want)
	}
}

func checkArticleRelated(t *testing.T, a *archive.Article) {
	want := map[string]string{
		"https://news.example.com/2024/05/10/coastal-erosion.html": "Coastal erosion: the villages at risk",
		"https://other.example.org/floods":                         "How to prepare for a flood",
		"https://news.example.com/2024/05/14/live-storm.html":      "Live: storm updates from the south coast",
		"https://news.example.com/2024/05/13/storm-warning.html":   "Met Office issues amber warning for the south coast",
	}
	if len(a.Related) != len(want) {
		t.Errorf("related = %+v, want %d links", a.Related, len(want))
	}
	for _, l := range a.Related {
		if want[l.URL] != l.Title {
			t.Errorf("related %q = %q, want %q", l.URL, l.Title, want[l.URL])
		}
	}
}

func checkArticleText(t *testing.T, a *archive.Article) {
	text := a.Text()
	if !strings.HasPrefix(text, "Residents of the small fishing village") {
		t.Errorf("text starts %q", text[:min(len(text), 60)])
	}
	if !strings.HasSuffix(text, "build a wall further back from the sea.") {
		t.Errorf("text ends %q", text[max(0, len(text)-60):])
	}
	for _, s := range []string{
		"Waves break", "Reuters", "Getty", "Boats were lifted", // captions and credits
		"Related", "Coastal erosion", "More on this story", "Read more", "Met Office", // related links
		"Home", "© Example News", "By Jane Doe", // navigation, footer, byline
	} {
		if strings.Contains(text, s) {
			t.Errorf("text holds %q", s)
		}
	}
	for _, s := range []string{"The sea does not read engineering reports.", "The coast road will stay closed until Friday."} {
		if !strings.Contains(text, s) {
			t.Errorf("text lacks %q", s)
		}
	}
}

func TestHTMLSingleFile(t *testing.T) {
	page := `<!DOCTYPE html> <html><!--
 Page saved with SingleFile 
 url: https://blog.example.org/posts/tides 
 saved date: Thu Mar 28 2019 10:15:00 GMT+0100 (Central European Standard Time)
--><head><title>On tides</title></head><body><article><h1>On tides</h1>
<p>The tide turns twice a day, pulled by the moon and, to a lesser degree, by the sun, and the harbour empties and fills with it.</p>
<p>Fishermen plan their days around it, leaving on the ebb and coming back on the flood, as their fathers did before them.</p>
<p>Nobody in the village needs a tide table: they read the water on the slipway, and the weed on the harbour wall.</p>
</article></body></html>`
	a := mustExtract(t, "tides.html", []byte(page))
	if got, want := a.CaptureURL, "https://blog.example.org/posts/tides"; got != want {
		t.Errorf("capture url = %q, want %q", got, want)
	}
	if got, want := a.URL, "https://blog.example.org/posts/tides"; got != want {
		t.Errorf("url = %q, want %q (the capture url when the page has none)", got, want)
	}
	if want := time.Date(2019, 3, 28, 9, 15, 0, 0, time.UTC); !a.Captured.Equal(want) {
		t.Errorf("captured = %v, want %v", a.Captured, want)
	}
}

func TestHTMLCaptionClasses(t *testing.T) {
	page := `<html><body><article><h1>Dubai air show</h1>
<p>The airline finalised a deal to buy thirty of the jets, executives of both companies announced on Wednesday at the air show in Dubai.</p>
<div class="InlineImage-wrapper"><div class="lazy-placeholder"></div>
<div class="InlineImage-imageEmbedCaption">The prime minister passes an aircraft during the air show.</div>
<div class="InlineImage-imageEmbedCredit">Jane Doe | Bloomberg | Getty Images</div></div>
<p>The order is crucial for the manufacturer, whose sales have been badly hit after two crashes of its best-selling jet in five months.</p>
<p>It comes in addition to five sales earlier this week, to two airlines and to a government about to launch a new carrier.</p>
</article></body></html>`
	a := mustExtract(t, "show.html", []byte(page))
	want := archive.Figure{Caption: "The prime minister passes an aircraft during the air show.", Credit: "Jane Doe | Bloomberg | Getty Images"}
	if len(a.Figures) != 1 || a.Figures[0] != want {
		t.Errorf("figures = %+v, want %+v", a.Figures, want)
	}
	if strings.Contains(a.Text(), "prime minister") || strings.Contains(a.Text(), "Bloomberg") {
		t.Errorf("text holds the caption: %q", a.Text())
	}
}

func TestReadHTMLSource(t *testing.T) {
	captured := time.Date(2018, 12, 17, 10, 0, 0, 0, time.UTC)
	arts, err := readHTMLSource(htmlSource{
		Data:     readTestdata(t, "koi8-r-undeclared.html"),
		Charset:  "koi8-r",
		URL:      "http://lib.example.ru/zima.html",
		Captured: captured,
		Format:   "mhtml",
	})
	if err != nil {
		t.Fatal(err)
	}
	a := arts.articles[0]
	if got, want := a.Title, "Зима в Москве"; got != want {
		t.Errorf("title = %q, want %q", got, want)
	}
	if a.CaptureURL != "http://lib.example.ru/zima.html" || !a.Captured.Equal(captured) || a.Format != "mhtml" {
		t.Errorf("provenance = %q %v %q, want the container's", a.CaptureURL, a.Captured, a.Format)
	}
}

func TestHTMLCompleteSaveImages(t *testing.T) {
	page := `<!-- saved from url=(0031)https://news.example.com/a.html -->
<html><body><article><h1>Flood</h1>
<p>The river rose two metres overnight and flooded the lower town, where most of the shops and the old market hall stand.</p>
<figure><img src="./Flood_files/river.jpg"><figcaption>The river at dawn</figcaption></figure>
<p>Shopkeepers spent the morning moving their stock upstairs, while the fire brigade pumped water out of the cellars.</p>
<figure><img src="/img/map.png"><figcaption>The flooded streets</figcaption></figure>
<p>The council said the clean-up would take weeks, and that the flood defences promised ten years ago had never been built.</p>
</article></body></html>`
	a := mustExtract(t, "Flood.html", []byte(page))
	var images []string
	for _, f := range a.Figures {
		images = append(images, f.Image)
	}
	if got, want := strings.Join(images, " "), "./Flood_files/river.jpg https://news.example.com/img/map.png"; got != want {
		t.Errorf("images = %q, want %q (a saved file kept as given, a site path resolved)", got, want)
	}
}

func TestHTMLEmbeddedPost(t *testing.T) {
	page := `<html><body><article><h1>Governor defends campaign</h1>
<p>The governor defended the campaign on Monday, saying it had done exactly what it was meant to do: get people talking about the drug.</p>
<p>Many people online did not agree, and said so, at length, within hours of the first advertisements appearing.</p>
<blockquote class="twitter-tweet"><p lang="en">The campaign is working, and we are proud of it.</p>— Governor (@governor) <a href="https://twitter.com/governor/status/1">November 18, 2019</a></blockquote>
<p>The campaign cost the state nearly half a million dollars, according to figures released by the governor's office on Tuesday.</p>
<p>Officials said the advertisements would run until the end of the year, on television, on billboards and online.</p>
<p>Tell us more <span class="rollover-people-block">Governor: twelve articles about her</span>in the comments.</p>
</article></body></html>`
	a := mustExtract(t, "campaign.html", []byte(page))
	if !strings.Contains(a.Text(), "The campaign is working, and we are proud of it.") {
		t.Errorf("text lacks the embedded post: %q", a.Text())
	}
	if strings.Contains(a.Text(), "twelve articles") {
		t.Errorf("text holds a hover card: %q", a.Text())
	}
}

func TestStandfirstNotRepeated(t *testing.T) {
	body := `<p>The river rose two metres overnight and flooded the lower town, where most of the shops and the old market hall stand.</p>
<p>Shopkeepers spent the morning moving their stock upstairs, while the fire brigade pumped water out of the cellars.</p>`
	short := "The lower town is under water for the second time in ten years."
	long := "The river rose two metres overnight after three days of rain and flooded the lower town, where most of the shops, the school and the old market hall stand, forcing hundreds from their homes."
	tests := []struct {
		name, dek, subtitle, text string
	}{
		{"Short", short, short, "The river rose two metres"},
		{"Lede", long, "", long},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := `<html><body><article><h1>Flood</h1><p class="standfirst">` + tt.dek + `</p>` + body + `</article></body></html>`
			a := mustExtract(t, "flood.html", []byte(page))
			if a.Standfirst != tt.subtitle {
				t.Errorf("subtitle = %q, want %q", a.Standfirst, tt.subtitle)
			}
			if !strings.HasPrefix(a.Text(), tt.text) {
				t.Errorf("text starts %q, want %q", a.Text()[:min(60, len(a.Text()))], tt.text)
			}
			if strings.Count(a.Standfirst+"\n"+a.Text(), tt.dek) != 1 {
				t.Errorf("the standfirst is shown %d times, want once", strings.Count(a.Standfirst+"\n"+a.Text(), tt.dek))
			}
		})
	}
	t.Run("Sample", func(t *testing.T) {
		a := mustExtract(t, "local-news-archives.html", readTestdata(t, "../../assets/samples/local-news-archives.html"))
		if a.Standfirst == "" || strings.Contains(a.Text(), a.Standfirst) {
			t.Errorf("subtitle %q, text starts %q: want the standfirst once, as the subtitle", a.Standfirst, a.Text()[:80])
		}
	})
}

func TestHTMLCanonicalURL(t *testing.T) {
	body := `<body><article><h1>Flood</h1><p>The river rose two metres overnight and flooded the lower town, where most of the shops and the old market hall stand.</p>
<p>Shopkeepers spent the morning moving their stock upstairs, while the fire brigade pumped water out of the cellars.</p></article></body></html>`
	saved := `<!-- saved from url=(0048)https://m.news.example.com/2024/flood/amp?utm_source=x -->` + "\n"
	tests := []struct{ name, head, url, capture string }{
		{"Canonical", saved + `<html><head><link rel="canonical" href="https://news.example.com/2024/flood?utm_campaign=y">`,
			"https://news.example.com/2024/flood", "https://m.news.example.com/2024/flood/amp?utm_source=x"},
		{"OpenGraph", `<html><head><meta property="og:url" content="https://amp.example.org/a/b.amp.html#top">`,
			"https://www.example.org/a/b.html", "https://amp.example.org/a/b.amp.html#top"}, // no capture mark: the page's own address stands for it
		{"FromCapture", saved + `<html><head>`, "https://news.example.com/2024/flood", "https://m.news.example.com/2024/flood/amp?utm_source=x"},
		{"FrontPageCanonical", saved + `<html><head><link rel="canonical" href="https://news.example.com/">`,
			"https://news.example.com/2024/flood", "https://m.news.example.com/2024/flood/amp?utm_source=x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustExtract(t, "flood.html", []byte(tt.head+"</head>"+body))
			if a.URL != tt.url || a.CaptureURL != tt.capture {
				t.Errorf("url, capture url = %q, %q; want %q, %q", a.URL, a.CaptureURL, tt.url, tt.capture)
			}
		})
	}
}
