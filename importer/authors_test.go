package importer

import (
	"strings"
	"testing"

	"github.com/clippings/clippings/archive"
)

// Pages shaped as real ones (the page each copies is named): where the
// authors come from and what they are.
func TestArticleAuthors(t *testing.T) {
	tests := []struct {
		name, head, top string
		want            []archive.Author
	}{
		{"JSONLDTrailingComma", // issue 13: invalid JSON-LD still read
			`<script type="application/ld+json">{"@type":"NewsArticle","headline":"The river floods the lower town",` +
				`"author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Roe"},],}</script>`,
			`<h1>The river floods the lower town</h1>`,
			[]archive.Author{{Name: "Jane Doe", Kind: archive.Person}, {Name: "John Roe", Kind: archive.Person}}},
		{"AgencyInJSONLD",
			`<script type="application/ld+json">{"@type":"NewsArticle","headline":"The river floods the lower town",` +
				`"author":{"@type":"Organization","name":"Associated Press"}}</script>`,
			`<h1>The river floods the lower town</h1>`,
			[]archive.Author{{Name: "Associated Press", Kind: archive.Organization}}},
		{"CapsBylineWithJob", ``, // issue 13: one person, the job as role
			`<h1>The river floods the lower town</h1><p class="byline">By ROBERT BURNS, AP National Security Writer</p>`,
			[]archive.Author{{Name: "Robert Burns", Kind: archive.Person, Role: "AP National Security Writer"}}},
		{"PersonOverSiteAsAuthor", // wcxb-dev 0345: the site's name in meta author, a person shown
			`<meta name="author" content="Clemson News"><meta property="og:site_name" content="Clemson News">`,
			`<h1>The river floods the lower town</h1><div class="post-author">By <a href="/author/shelia">Shelia R. Cotten</a></div>`,
			[]archive.Author{{Name: "Shelia R. Cotten", Kind: archive.Person}}},
		{"NameOverUserName", // wcxb-dev 0195: the CMS's user name in meta author
			`<meta name="author" content="andrew.keaveney">`,
			`<h1>The river floods the lower town</h1><span class="author-name">Denise Everheart</span>`,
			[]archive.Author{{Name: "Denise Everheart", Kind: archive.Person}}},
		{"BoxWithSection", // mozilla cnet: the section's link in the author box
			``,
			`<h1>The river floods the lower town</h1><div class="authorInfo"><h6><a href="/topics/tech-industry/">Tech Industry</a></h6>` +
				`<ul><li itemprop="author"><span class="byText">by </span><a rel="author" href="/profiles/stevenmusil/">` +
				`<span itemprop="name">Steven Musil</span></a> <time>January 18, 2017 11:00 PM PST</time></li></ul></div>`,
			[]archive.Author{{Name: "Steven Musil", Kind: archive.Person}}},
		{"Reviewer", // wcxb-dev 4594
			``,
			`<h1>The river floods the lower town</h1><div class="author_content">By <a href="/author/dr-shelby-loos">Shelby Loos, DVM</a>. ` +
				`Reviewed by <a href="/author/dr-molly-price">Molly Price, DVM</a></div>`,
			[]archive.Author{{Name: "Shelby Loos, DVM", Kind: archive.Person}}},
		{"LabelThenName", // wcxb-dev 0058
			``,
			`<h1>The river floods the lower town</h1><div><div><p>Last updated</p><time>Aug 04, 2025</time></div>` +
				`<div><p>Written by</p><p>Edzel Tabing</p></div></div>`,
			[]archive.Author{{Name: "Edzel Tabing", Kind: archive.Person}}},
		{"DateLine", // wcxb-dev 0447
			``,
			`<h1>The river floods the lower town</h1><div><span>2025-12-17</span><span>·</span><a title="Trond Teigen">` +
				`<img alt="Trond Teigen" src="/a.png"><div>Trond Teigen</div></a></div>`,
			[]archive.Author{{Name: "Trond Teigen", Kind: archive.Person}}},
		{"SectionLineIsNoByline", // mozilla bbc-1
			`<meta property="article:author" content="BBC News">`,
			`<h1>The river floods the lower town</h1><div class="mini-info"><div class="date">24 July 2015</div>` +
				`<span>From the section <a href="/news/us">US &amp; Canada</a></span><a href="#comments">941 comments</a></div>`,
			[]archive.Author{{Name: "BBC News", Kind: archive.Organization}}},
		{"Photographer", // mozilla guardian-1
			``,
			`<h1>The river floods the lower town</h1><p>by <span itemprop="author"><a rel="author" href="/profile/eleanor-ainge-roy">` +
				`<span itemprop="name">Eleanor Ainge Roy</span></a></span> (reporting) and Adrian Malloch (photography)</p>`,
			[]archive.Author{{Name: "Eleanor Ainge Roy", Kind: archive.Person}}},
		{"WrittenByMetaPair", // wcxb-dev 4414: WordPress's twitter:label1/twitter:data1
			`<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Nawaz Dhandala">` +
				`<meta name="twitter:label2" content="Est. reading time"><meta name="twitter:data2" content="8 minutes">`,
			`<h1>The river floods the lower town</h1>`,
			[]archive.Author{{Name: "Nawaz Dhandala", Kind: archive.Person}}},
		{"DescriptionLead", // wcxb-dev 4574
			`<meta name="description" content="This post was written by Vanessa Mendez, MD, gastroenterologist, Parkview Health. Diet is one of the most important pillars">`,
			`<h1>The river floods the lower town</h1>`,
			[]archive.Author{{Name: "Vanessa Mendez, MD", Kind: archive.Person}}},
		{"AvatarInitials", // wcxb-dev 0427
			``,
			`<h1>The river floods the lower town</h1><div class="author-info"><span class="avatar">CM</span> <span>Craig McCarthy</span></div>`,
			[]archive.Author{{Name: "Craig McCarthy", Kind: archive.Person}}},
		{"ContributorsLabel", // wcxb-dev 4701
			``,
			`<h1>The river floods the lower town</h1><div class="tags"><div><strong>Contributors:</strong> Janet Loughrey</div></div>`,
			[]archive.Author{{Name: "Janet Loughrey", Kind: archive.Person}}},
		{"WrittenByAtTheEnd", // wcxb-dev 4416: far from the headline, but labelled
			``,
			`<h1>The river floods the lower town</h1>` + strings.Repeat("<p>More text about the flood and the town.</p>", 60) +
				`<p>Written by <a href="https://example.org/paulogio">Paulinho Giovannini</a></p>`,
			[]archive.Author{{Name: "Paulinho Giovannini", Kind: archive.Person}}},
		{"CitedPersonIsNoAuthor", // mozilla wikipedia-2: a link to a biography among the references
			`<link rel="canonical" href="https://en.wikipedia.org/wiki/Savage">`,
			`<h1>The river floods the lower town</h1><ol class="references"><li><a rel="nofollow" class="external text" ` +
				`href="http://www.nzhistory.net.nz/people/michael-joseph-savage-biography">"Michael Joseph Savage"</a></li></ol>`,
			nil},
		{"HiddenUntilScript", // wcxb-dev 4416: Next.js streams the article into <div hidden>
			``,
			`<div hidden id="S:0"><h1>The river floods the lower town</h1><p>Written by <a href="https://example.org/p">Paulinho Giovannini</a></p></div>`,
			[]archive.Author{{Name: "Paulinho Giovannini", Kind: archive.Person}}},
		{"SiteNameNotCutAsJob", // wcxb-dev 0335: the site's name, whose last word is a job
			`<meta property="og:site_name" content="Your Native Teacher"><meta name="author" content="Your Native Teacher">`,
			`<h1>The river floods the lower town</h1><div class="post-author">By <a href="/author/t">Your Native Teacher</a></div>`,
			[]archive.Author{{Name: "Your Native Teacher", Kind: archive.Organization}}},
		{"SiteNameNotCutAsLabel", // wcxb-dev 4427: "… On" is no dangling "on" before a date
			`<meta property="og:site_name" content="Audiophile ON"><meta itemprop="author" content="Audiophile On">`,
			`<h1>The river floods the lower town</h1><div class="blog-meta-item--author">Written By <a href="/?author=6" class="blog-author-name">Audiophile On</a></div>`,
			[]archive.Author{{Name: "Audiophile ON", Kind: archive.Organization}}},
		{"SiteNameNotCutAtIn", // wcxb-dev 2722: the blog "Human in the Loop", not "Human" in "the Loop"
			`<meta name="author" content="Human in the Loop" /><meta property="og:site_name" content="Human in the Loop" />`,
			`<h1>The river floods the lower town</h1>`,
			[]archive.Author{{Name: "Human in the Loop", Kind: archive.Organization}}},
		{"SiteNameWithNickname", // wcxb-dev 0487: the person shown is no site name cut short
			`<meta property="og:site_name" content="Franck Nijhof (Frenck)">`,
			`<h1>The river floods the lower town</h1><div class="post-author">By <a href="/about">Franck Nijhof</a></div>`,
			[]archive.Author{{Name: "Franck Nijhof", Kind: archive.Person}}},
		{"OwnerByCopyrightAndHost", // wcxb-dev 0419: a personal site, no byline
			`<link rel="canonical" href="https://tobyhede.com/blog/the-7-habits"><link rel="alternate" type="application/rss+xml" title="toby/hede" href="/rss.xml">`,
			`<h1>The river floods the lower town</h1><footer><p>&copy; 2025 Toby Hede. All rights reserved.</p></footer>`,
			[]archive.Author{{Name: "Toby Hede", Kind: archive.Person}}},
		{"OwnerByFeedAndTitle", // wcxb-dev 0493
			`<title>Turning a tinybox Green v2 into a Private AI Home Server | Owain Brennan</title>` +
				`<link rel="alternate" type="application/atom+xml" href="/feed/" title="Owain Brennan">`,
			`<h1>The river floods the lower town</h1>`,
			[]archive.Author{{Name: "Owain Brennan", Kind: archive.Person}}},
		{"FirmIsNoOwner", // wcxb-dev 4002: a firm named like a person, on its own host
			`<link rel="canonical" href="https://eardopes.com/blogs/earbuds/best"><meta property="og:site_name" content="Eardopes Int.">`,
			`<h1>The river floods the lower town</h1><footer><p>© Eardopes Int.</p></footer>`,
			nil},
		{"BlogNameIsNoOwner", // wcxb-dev 4815
			`<meta property="og:site_name" content="The Coffee Chronicler">` +
				`<link rel="alternate" type="application/rss+xml" title="The Coffee Chronicler &raquo; Feed" href="/feed/">`,
			`<h1>The river floods the lower town</h1>`,
			nil},
		{"CommentAuthorsIgnored", ``,
			`<h1>The river floods the lower town</h1><div class="comments"><span class="comment-author">Troll Person</span></div>`,
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustExtract(t, "page.html", page(tt.head, tt.top))
			if len(a.Authors) != len(tt.want) {
				t.Fatalf("authors = %+v, want %+v", a.Authors, tt.want)
			}
			for i, w := range tt.want {
				if g := a.Authors[i]; g.Name != w.Name || g.Kind != w.Kind || w.Role != "" && g.Role != w.Role {
					t.Errorf("author %d = %+v, want %+v", i, g, w)
				}
			}
			if got, want := a.Byline, bylineOf(tt.want); got != want {
				t.Errorf("byline = %q, want %q", got, want)
			}
		})
	}
}

// The byline and the author box's name left in the body are dropped once
// the authors are known (wcxb-dev 0353, 4594).
func TestBylineNotRepeated(t *testing.T) {
	top := `<h1>The river floods the lower town</h1><div class="author-name">Liz Kenny</div>`
	data := []byte("<html><head></head><body><article>" + top + `<p>Liz Kenny</p>` + articleFiller +
		`<p>Shopkeepers said the insurance would not pay for the second flood in ten years, and asked for help.</p>` +
		`<p>The council will meet on Friday to decide how to pay for the repairs to the river wall.</p>` +
		`<p>By Liz Kenny</p></article></body></html>`)
	a := mustExtract(t, "page.html", data)
	if a.Byline != "Liz Kenny" {
		t.Fatalf("byline = %q, want Liz Kenny", a.Byline)
	}
	for _, bl := range a.Blocks {
		if strings.Contains(bl.Text, "Liz Kenny") {
			t.Errorf("body holds the byline: %q", bl.Text)
		}
	}
}
