package importer

import (
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

func TestRelatedLinkKinds(t *testing.T) {
	for _, tc := range []struct {
		url       string
		ad, other bool
	}{
		{"https://www.theguardian.com/environment/2018/nov/28/whales", false, false},
		{"http://trkwl.me/base.php?c=167&key=87b8", true, false}, // a click tracker by its name
		{"http://trknx.com/path/lp.php?trvid=10076", true, false},
		{"http://track.mysnoring-solution.com/f7a9/ROW?utm_source=x", true, false},
		{"http://clk.tradedoubler.com/click?p=261853", true, false},
		{"http://www.save70.com/hotels/?utm_source=taboola_whitelist_hotels_2", true, false},
		{"http://www.lifedaily.com/story/missing-child/source/taboola_lifedaily", true, false},
		{"https://paid.outbrain.com/network/redir?p=1", true, false},
		{"https://en.wikipedia.org/w/index.php?title=Mozilla&action=edit&section=34", false, true},
		{"https://www.aclu.org/search/%20?f%5B0%5D=field_issues%3A99", false, true},
		{"https://www.citylab.com/authors/mark-byrnes/", false, true},
		{"https://www.citylab.com/life/2017/08/art-of-making-a-neon-sign/537618/", false, false},
		{"https://example.com/2024/05/people-who-search-at-night", false, false},
	} {
		if got := isAdLink(tc.url); got != tc.ad {
			t.Errorf("isAdLink(%q) = %v, want %v", tc.url, got, tc.ad)
		}
		if got := isNotArticleLink(tc.url); got != tc.other {
			t.Errorf("isNotArticleLink(%q) = %v, want %v", tc.url, got, tc.other)
		}
	}
}

func TestAdWidgetNames(t *testing.T) {
	for names, want := range map[string]bool{
		" trc_related_container trc_spotlight_widget": true,
		"tbla loaded":              true,
		"OUTBRAIN":                 true,
		"ob-widget ob-grid-layout": true,
		"related more-on-this-story js-outbrain-anchor": false, // where the box goes, not the box
		"related-posts": false,
		"":              false,
	} {
		if got := adWidget(names); got != want {
			t.Errorf("adWidget(%q) = %v, want %v", names, got, want)
		}
	}
}

// An advertising network's box keeps only the links to the page's own
// site (what the network recommends from it); a related block of the
// page keeps links elsewhere too.
func TestRelatedAdWidget(t *testing.T) {
	page := `<html><head><title>Talks resume</title>
<link rel="canonical" href="https://news.example.com/2024/talks-resume"></head><body>
<article><h1>Talks resume</h1>` + strings.Repeat(`<p>The negotiators met again on Monday in Geneva, where the talks had stalled in the spring over the terms of the ceasefire and the exchange of prisoners.</p>`, 6) + `
<aside class="related-stories"><h2>Related</h2><ul>
<li><a href="https://news.example.com/2024/talks-stall">Talks stall over prisoners</a></li>
<li><a href="https://other.example.org/analysis/ceasefire-terms">What the ceasefire terms mean</a></li></ul></aside>
</article>
<div class="trc_rbox_container"><div class="trc_related_container">
<a href="https://news.example.com/2024/weather-week">The weather this week in the capital</a>
<a href="https://cheap-flights.example.net/deals?utm_medium=referral">Finding cheap flights is now easy</a>
<a href="https://gadgets.example.net/flashlight">This flashlight is selling like hotcakes</a>
</div></div></body></html>`
	c, err := Extract("talks.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range c.Articles[0].Related {
		got = append(got, l.Title)
	}
	want := "Talks stall over prisoners|What the ceasefire terms mean|The weather this week in the capital"
	if strings.Join(got, "|") != want {
		t.Errorf("related %q\nwant %q", strings.Join(got, "|"), want)
	}
}

// TestSameSiteShare checks that links count as the page's own site
// whatever the case of their host, its "www." or its port.
func TestSameSiteShare(t *testing.T) {
	base, err := url.Parse("https://example.com/news/a.html")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(`<nav>
<a href="/world">World</a> <a href="https://WWW.Example.COM/sport">Sport</a>
<a href="https://example.com:443/arts">Arts</a> <a href="https://other.org/x">Elsewhere</a></nav>`))
	if err != nil {
		t.Fatal(err)
	}
	p := &htmlPage{base: base}
	if got := p.sameSiteShare(doc.Find("nav")); got != 0.75 {
		t.Errorf("same-site share %v, want 0.75 (three of four links)", got)
	}
}

func TestRelatedLabels(t *testing.T) {
	for _, label := range []string{"DON’T MISS", "Don't miss:", "Related Articles", "More on this story", "Read next"} {
		if !relatedLabel.MatchString(label) {
			t.Errorf("%q is not taken for the label of related links", label)
		}
	}
	if relatedLabel.MatchString("Don’t miss the deadline for applications") {
		t.Error("a sentence taken for a label")
	}
}
