package importer

import (
	"strings"
	"testing"
	"time"
)

// enBody is the start of a real article (nypost.com, 2019), enough for
// the content finder to take the page for an article.
const enBody = `<p>A hunter in China has contracted the bubonic plague after eating a wild rabbit, according to health
officials in the country. The man, from Inner Mongolia, is the fourth person in the region to have been diagnosed
with the disease this month, a local health commission said in a statement on Sunday.</p>
<p>The hunter was treated at a hospital and placed in quarantine, and 28 people who came into contact with him
were also being monitored, officials said. None of them had shown symptoms of the disease so far, they added.</p>
<p>The bubonic plague, known as the Black Death in the Middle Ages, is one of the deadliest diseases in human
history. It is now treated with antibiotics, but can still kill if it is not treated in time, doctors say.</p>`

// datedPage builds a page around a fragment of a real one: head goes in
// <head>, header between the headline and the body.
func datedPage(lang, head, headline, header, body string) []byte {
	return []byte(`<!DOCTYPE html><html lang="` + lang + `"><head><title>` + headline + `</title>` + head +
		`</head><body><nav><a href="/">Home</a></nav><article><h1>` + headline + `</h1>` + header + body +
		`<div class="related-posts"><h3>Related</h3><p><a href="/b">Another story</a> <span class="date">March 3, 2016</span></p></div>` +
		`</article><aside><h3>Most read</h3><ul><li><a href="/a">Other story</a> <time datetime="2016-02-01">Feb 1, 2016</time></li></ul></aside></body></html>`)
}

// TestArticleDates checks each rule of findDates on fragments of the
// pages that showed it (wcxb-dev, zyte-dev and mozilla pages).
func TestArticleDates(t *testing.T) {
	cases := []struct {
		name                string
		page                []byte
		published, modified string
	}{
		{"JSON-LD dated 0001 and a printed dateline (detroitnews)",
			datedPage("en", `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"0001-01-01T00:00:00Z"}</script>`,
				"Thousands of teachers pack Indiana Statehouse for protest",
				`<div class="byline">Tom Davies Associated Press <span class="asset-metabar-time">Published 11:34 PM EST Nov 19, 2019</span></div>`, enBody),
			"2019-11-19", ""},
		{"UTC time one day past the address's day (techcrunch)",
			datedPage("en-US", `<link rel="canonical" href="https://techcrunch.com/2019/11/18/new-york-state-attorney-general-reportedly-investigating-wework/">
				<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-11-19T04:58:46Z"}</script>`,
				"New York State Attorney General reportedly investigating WeWork", `<div class="byline">Catherine Shu</div>`, enBody),
			"2019-11-18", ""},
		{"UTC time one day past the printed local day (cbssports)",
			datedPage("en", `<meta property="article:published_time" content="2019-11-19T02:24:00Z">`,
				"Browns player on Mason Rudolph's role in fight with Myles Garrett: He asked for it",
				`<div class="article-headline-author">by Bryan DeArdo <time>Nov 18, 2019 at 9:24 pm ET</time></div>`, enBody),
			"2019-11-18", ""},
		{"an offset kept as the page gives it (theverge)",
			datedPage("en", `<meta property="article:published_time" content="2019-11-19T19:53:52-05:00">`,
				"Star Trek 4 eyes Fargo, Legion creator Noah Hawley to direct", `<span class="c-byline__item">By Chaim Gartenberg</span>`, enBody),
			"2019-11-19T19:53:52-05:00", ""},
		{"German long date, lang=en by the CMS (comwrap)",
			datedPage("en", ``, "Die elektronische Patientenakte (ePA) – der lange Marsch ins Digitale Gesundheitswesen",
				`<div class="author">Von Moritz Bachmann</div><div>publiziert am 25. September 2018</div>`, enBody),
			"2018-09-25", ""},
		{"Korean dateline (entermedia)",
			datedPage("ko", ``, "엘제이-류화영 진흙탕 싸움, 공적인 사안으로 봐야하는 이유", `<div class="date">기사입력 :[ 2018-08-25 15:24 ]</div>`, enBody),
			"2018-08-25", ""},
		{"hAtom published and updated (Blogger)",
			datedPage("en", ``, "Of open data case studies and time machines",
				`<div class="post-header">Posted by Jane <abbr class="published" title="2014-02-20T15:26:39+00:00">Thursday</abbr>
				<abbr class="updated" title="2014-03-01T10:00:00+00:00">later</abbr></div>`, enBody),
			"2014-02-20T15:26:39Z", "2014-03-01T10:00:00Z"},
		{"JSON-LD with a trailing comma and <time itemprop=datePublished>",
			datedPage("en", `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Royal Self-Indicting Arrogance","dateModified":"2019-11-19T08:00:00Z",}</script>`,
				"Royal Self-Indicting Arrogance",
				`<div class="byline"><time itemprop="datePublished" datetime="2019-11-18T21:17:27Z">21:17 18.11.2019</time></div>`, enBody),
			"2019-11-18T21:17:27Z", "2019-11-19T08:00:00Z"},
		{"modified printed, published in the data (appinventiv, wcxb 0016)",
			datedPage("en", `<meta property="article:published_time" content="2024-09-06T13:12:36+00:00">
				<meta property="article:modified_time" content="2025-11-14T06:49:57+00:00">`,
				"Machine Learning in eCommerce", `<div class="datepanel"><span class="blog_dt">November 14, 2025</span></div>`, enBody),
			"2024-09-06T13:12:36Z", "2025-11-14T06:49:57Z"},
		{"published = modified stamped on save, earlier printed day (webflow, wcxb 0151)",
			datedPage("en", `<script type="application/ld+json">{"@type":"BlogPosting","datePublished":"Jun 24, 2025","dateModified":"Jun 24, 2025"}</script>`,
				"How Much to Charge for a Yoga Class", `<div class="staff__wrap"><div class="text__author">Shauna Mitchell</div><div class="text__date">August 25, 2024</div></div>`, enBody),
			"2024-08-25", "2025-06-24"},
		{"only an update printed (embarque, wcxb 0019)",
			datedPage("en", ``, "We’ve Compiled the Best Blockchain SEO Agencies",
				`<div class="flex-horizontal-5"><div class="text-16px">Last updated:</div><div class="text-16px">Dec 12, 2025</div></div>`, enBody),
			"2025-12-12", "2025-12-12"},
		{"hidden update only: no publication date (wcxb 4042)",
			datedPage("en", `<meta property="article:modified_time" content="2024-03-19T14:01:40+00:00">`, "Mobile App Development Trends", ``, enBody),
			"", "2024-03-19T14:01:40Z"},
		{"an address with a month name (theguardian)",
			datedPage("en", `<link rel="canonical" href="https://www.theguardian.com/commentisfree/2019/nov/18/the-guardian-view-on-hong-kong-a-city-on-the-brink">`,
				"The Guardian view on Hong Kong: a city on the brink", `<p class="byline">Editorial</p>`, enBody),
			"2019-11-18", ""},
		{"11.03.17 in an American page agreeing with JSON-LD (engadget)",
			datedPage("en-US", `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2017-11-03T03:01:00Z","dateModified":"2017-11-03T02:22:36Z"}</script>`,
				"Xbox One X review: A console that keeps up with gaming PCs", `<div class="th-meta">11.03.17 in Gaming</div>`, enBody),
			"2017-11-03T03:01:00Z", "2017-11-03T02:22:36Z"},
		{"originally published, far below the headline (realestate.com.au, wcxb 4565)",
			datedPage("en-AU", ``, "Pros and cons of living in a tiny home", `<div class="byline-date">30 Sep 2022</div>`,
				enBody+`<p class="PublishDateDisclaimer">This article was originally published on 26 Sep 2019 at 4:12pm but has been regularly updated.</p>`),
			"2019-09-26", ""},
		{"data's day never shown, an earlier dateline under the headline (hubermanlab, wcxb 0228)",
			datedPage("en", `<script type="application/ld+json">{"@type":"Article","datePublished":"2025-06-12","dateModified":"2025-06-10"}</script>`,
				"Foundational Fitness Protocol", `<div class="newsletter-details-wrapper"><p>November 2, 2022</p><p class="u-text-black-5">|</p></div>`, enBody),
			"2022-11-02", "2025-06-10"},
		{"data's day never shown, the dateline agreeing with <meta name=date> (pcworld, wcxb 0212)",
			datedPage("en", `<meta property="article:published_time" content="2024-08-29T10:00:00Z"><meta name="date" content="November 25, 2025">`,
				"The best streaming services",
				`<div class="entry-meta"><div class="meta-text-top"><span class="byline"> By <span class="author vcard"><a href="/author/jnewman">Jared Newman</a></span></span></div>
				<div class="meta-text-bottom"><span class="posted-on">Nov 25, 2025 5:00 am PST</span></div></div>`, enBody),
			"2025-11-25", ""},
		{"data's day in the address, a later dateline (karl-voit, wcxb 0482)",
			datedPage("en", `<link rel="canonical" href="https://karl-voit.at/2021/01/18/tool-choices"><meta property="article:published_time" content="2021-01-18T19:55+01:00">`,
				"How to Choose a Tool", `<div class="post-date">April 12, 2022</div>`, enBody),
			"2021-01-18T19:55:00+01:00", ""},
		{"a publication date under another meta name (thomsonreuters, wcxb 0237)",
			datedPage("en", `<meta name="w-published-date" content="2025-05-27T06:03:43.274Z"/>`,
				"Creating a cost-benefit analysis for moving legal work in-house", ``, enBody),
			"2025-05-27T06:03:43Z", ""},
		{"no date from a widget showing today's (empower, wcxb 0146)",
			[]byte(`<html lang="en"><head><title>Tax 101: Understanding the basics</title></head><body>` +
				`<div class="block-date"><div class="block-content"><p id="todays-date-custom"><strong>Friday</strong>, December 19, 2025</p></div></div>` +
				`<article><h1>Tax 101: Understanding the basics</h1><div class="block-field-article-2-duration"><div class="block-content"> 12.12.2025 </div></div>` +
				enBody + `</article></body></html>`),
			"2025-12-12", ""},
		{"no date from a sidebar list",
			datedPage("en", ``, "Chinese hunter catches bubonic plague after eating wild rabbit", `<div class="byline">By Natalie Musumeci</div>`, enBody),
			"", ""},
		{"labelled Published in the article's side column (wcxb-dev 0300)",
			datedPage("en", ``, "The Top 25 Data Management and Analytics Companies of 2025",
				`<div class="single-post-content"><div class="single-post-sidebar"><div class="single-post-meta"><h4>Published</h4>`+
					`<div class="single-post-date">July 8, 2025</div></div><div class="single-post-meta"><h4>Category</h4><a href="/c">Awards</a></div></div></div>`, enBody),
			"2025-07-08", ""},
		{"a labelled column date beats a nearer list of pages (wcxb-dev 4105)",
			datedPage("en", ``, "Small Business Guide: Cyber Security",
				`<ul class="collection"><li><a href="/step-1">Step 1 - Backing up your data</a> <span class="date">17 January 2019</span></li></ul>`+enBody+
					`<div class="c-layout-sidebar-bottom"><div class="text-fl-sm"><h4 class="h6">Published</h4><h3 class="sr-only">Publish date</h3> `+
					`<time datetime="2018-11-15T12:00:00Z">15 November 2018</time></div><div class="text-fl-sm"><h4 class="h6">Reviewed</h4> `+
					`<time datetime="2020-10-08T12:00:00Z">8 October 2020</time></div></div>`, ""),
			"2018-11-15T12:00:00Z", ""},
		{"a headline in an <h4> (bssnews, wcxb-dev 0395)",
			[]byte(`<html lang="en"><head><title>Homestead gardening makes rural communities more self-reliant in Rajshahi | District</title></head><body>` +
				`<div class="rpt_info_section"><div class="rpt_name">BSS</div><div class="entry_update mt-1 pt-1">&nbsp;&nbsp;20 Dec 2025, 11:59<br></div></div>` +
				`<div class="headline_section mb-2"><h4 class="font-weight-bold">Homestead gardening makes rural communities more self-reliant in Rajshahi</h4></div>` +
				enBody + `</body></html>`),
			"2025-12-20", ""},
		{"a headline whose ? the <title> drops, the date above it (ironhack, wcxb-dev 0352)",
			[]byte(`<html lang="en"><head><title>Cloud Computing Innovations: What&#x27;s Next in 2025 | Ironhack Blog</title></head><body>` +
				`<header><a href="/blog">Back to all articles</a><p class="chakra-text">February 4, 2025<!-- --> - 11 minutes</p>` +
				`<h1 class="chakra-text">Cloud Computing Innovations: What&#x27;s Next in 2025?</h1>` +
				`<p>What does 2025 have in store for cloud computing? </p><div><p>Juliette Carreiro</p><p>Tech Writer</p>` +
				`<a href="/us/blog/author/juliette">Articles by Juliette</a></div><a href="/us/blog/devops">DevOps &amp; Cloud</a></header><article>` +
				enBody + `</article></body></html>`),
			"2025-02-04", ""},
		{"a release date labelled by its wrapper's class beats older data (scripps, wcxb-dev 4125)",
			datedPage("en", `<meta property="article:published_time" content="2013-03-11T11:11:07-07:00" />`, "9 common food myths debunked",
				`<section class="byline"><span class="byline__release-date"><time datetime="2023-03-20T00:00:00-07:00">March 20, 2023</time></span>`+
					`<span class="byline__section">Health</span></section>`, enBody),
			"2023-03-20T00:00:00-07:00", ""},
		{"a headline set as a paragraph (Framer, getdianahr, wcxb-dev 4304)",
			[]byte(`<html lang="en"><head><title>Top 5 HR Management Software in 2026 | DianaHR</title></head><body>` +
				`<nav><a href="/services">Services</a> <a href="/about">About Us</a> <a href="/pricing">Pricing</a></nav><div class="framer-1">` +
				`<p class="framer-text">Top 5 HR Management Software in 2026</p><p class="framer-text">DianaHR Team</p><p class="framer-text">Feb 16, 2026</p></div>` +
				`<div class="framer-2">` + enBody + `</div></body></html>`),
			"2026-02-16", ""},
		{"the date after \"Written by\" in the author box after the article (shakuro, wcxb-dev 0233)",
			[]byte(`<html lang="en"><head><title>How Are Mobile Apps Created? | Shakuro</title></head><body>` +
				`<article><h1>How Are Mobile Apps Created?</h1>` + enBody + enBody + enBody + enBody + enBody + enBody + enBody +
				`<div class="tags"><a href="/tag/apps">apps</a> <a href="/tag/mobile">mobile-apps</a></div>` +
				`<div class="flex"><img src="/a.jpg" alt=""><div><p class="text-t600">Written by</p><p><a href="/blog/author/moses">Moses Kim and Kate Shokurova</a></p>` +
				`<p class="text-t600">April 8, 2024</p></div></div></article></body></html>`),
			"2024-04-08", ""},
		{"no unlabelled date from a side column",
			datedPage("en", ``, "Chinese hunter catches bubonic plague after eating wild rabbit",
				`<div class="single-post-sidebar"><span class="post-date">March 3, 2016</span></div>`, enBody),
			"", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := mustExtract(t, "page.html", c.page)
			if got := dateString(a.Published); got != c.published {
				t.Errorf("published = %q, want %q", got, c.published)
			}
			if got := dateString(a.Modified); got != c.modified {
				t.Errorf("modified = %q, want %q", got, c.modified)
			}
		})
	}
}

// dateString writes a day alone when it has no time, else the time with
// its offset.
func dateString(t time.Time) string {
	switch {
	case t.IsZero():
		return ""
	case t.Equal(dayOf(t)) && t.Location() == time.UTC:
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339)
}

// TestDatesNotAfterCapture: a date after the capture (a SingleFile save of
// 28 March 2019) is no date of the article.
func TestDatesNotAfterCapture(t *testing.T) {
	page := `<!--
 Page saved with SingleFile
 url: https://example.com/news/story
 saved date: Thu Mar 28 2019 10:15:00 GMT+0100 (Central European Standard Time)
-->` + string(datedPage("en", `<meta property="article:published_time" content="2030-01-01T10:00:00Z">`,
		"Chinese hunter catches bubonic plague after eating wild rabbit",
		`<div class="byline">By Natalie Musumeci <span class="date">March 27, 2019</span></div>`, enBody))
	a := mustExtract(t, "page.html", []byte(page))
	if got := dateString(a.Published); got != "2019-03-27" {
		t.Errorf("published = %q, want the printed 2019-03-27, not the future 2030", got)
	}
}

// TestDatesInManyLanguages reads datelines printed by headlines in the
// languages of the held-out pages.
func TestDatesInManyLanguages(t *testing.T) {
	cases := []struct{ lang, dateline, want string }{
		{"de", `<p class="meta">Stand: 03.03.2019, 14:20 Uhr</p>`, "2019-03-03"},
		{"de", `<div class="datum">Freitag, 5. November 2021</div>`, "2021-11-05"},
		{"fr", `<p class="date">Publié le 1er mars 2020 à 18h00</p>`, "2020-03-01"},
		{"es", `<span class="fecha">21 de enero de 2020</span>`, "2020-01-21"},
		{"pt-BR", `<div class="data">22 de novembro de 2020</div>`, "2020-11-22"},
		{"it", `<span class="data">lunedì 7 ottobre 2019</span>`, "2019-10-07"},
		{"nl", `<time>di 12 mrt 2019</time>`, "2019-03-12"},
		{"ja", `<div class="date">2019年11月18日 10:25</div>`, "2019-11-18"},
		{"en-GB", `<p class="byline">By Laura Mowat 13/01/2020</p>`, "2020-01-13"},
		{"ar", `<div class="date">الأربعاء 12 أبريل 2023</div>`, "2023-04-12"},
		{"ar", `<div class="date">12 آذار 2024</div>`, "2024-03-12"},
		{"he", `<div class="date">12 במרץ 2024</div>`, "2024-03-12"},
	}
	for _, c := range cases {
		a := mustExtract(t, "page.html", datedPage(c.lang, ``, "Chinese hunter catches bubonic plague", c.dateline, enBody))
		if got := dateString(a.Published); got != c.want {
			t.Errorf("%s %s: published = %q, want %q", c.lang, strings.TrimSpace(c.dateline), got, c.want)
		}
	}
}

// TestTextAndMarkdownDates: plain-text and Markdown saves get their dates
// too, in their own languages.
func TestTextAndMarkdownDates(t *testing.T) {
	cases := []struct{ name, data, published, modified string }{
		{"notiz.txt", "Die elektronische Patientenakte\n\nStand: 03.04.2020, 14:20 Uhr\n\n" + deText + "\n\n" + deText + "\n",
			"2020-04-03", ""},
		{"nota.txt", "A Fantástica Loja dos Materiais Educativos\n\nPublicado em 23 de agosto de 2018\n\n" + ptText + "\n\n" + ptText + "\n",
			"2018-08-23", ""},
		{"clip.md", "---\ntitle: Opening Bell\npublished: 2019-11-18T11:30:00Z\nupdated: Nov 19, 2019\n---\n\n" + deText + "\n",
			"2019-11-18T11:30:00Z", "2019-11-19"},
	}
	for _, c := range cases {
		a := mustExtract(t, c.name, []byte(c.data))
		if got := dateString(a.Published); got != c.published {
			t.Errorf("%s: published = %q, want %q", c.name, got, c.published)
		}
		if got := dateString(a.Modified); got != c.modified {
			t.Errorf("%s: modified = %q, want %q", c.name, got, c.modified)
		}
	}
}
