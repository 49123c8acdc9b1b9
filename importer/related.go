package importer

import (
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"github.com/clippings/clippings/archive"
)

var (
	// relatedLabel is the heading of a block of related links.
	relatedLabel = regexp.MustCompile(`(?i)^(related( posts| articles| stories| content| coverage| links| reading| topics)?|` +
		`more on (this (story|topic)|.{1,40})|read more|read next|more (stories|articles|news)|more from .{1,40}|` +
		`you (may|might) also (like|be interested in)|recommended( for you| stories| reading)?|further reading|` +
		`more like this|similar (articles|stories|posts|content)|see also|` +
		`don['’]?t miss|(also|must) read|read also)\s*[:.…]*$`)
	// relatedClass is the class or id of a block of related links.
	relatedClass = regexp.MustCompile(`(?i)(^|[\s_-])(related|more-on|read-?more|readnext|read-next|recommended|` +
		`further-reading|more-stories|more-articles)([\s_-]|$)`)
	// dateClass is the class of the date shown beside a link's title.
	dateClass = regexp.MustCompile(`(?i)(^|[\s_-])(date|time|timestamp|dateline|published)([\s_-]|$)`)
	// inlineRelated starts a paragraph that is only a pointer to another
	// article ("Read more: …").
	inlineRelated = regexp.MustCompile(`(?i)^(read more|read|related|see also|more|also read|read also|recommended|watch)\s*:`)
)

// minRelatedLinkShare is the least share of a block's text that must be
// link text for it to be taken as a related block.
const minRelatedLinkShare = 0.5

// findRelated finds blocks of related links ("Related", "More on this
// story", "Read more", elements classed "related" …), keeps their links
// and removes them from the page so that they stay out of the body.
func findRelated(p *htmlPage) error {
	seen := map[string]bool{}
	var blocks []*goquery.Selection
	p.query.Find("h2, h3, h4, h5, h6, p, strong, b, span, div, header").Each(func(_ int, s *goquery.Selection) {
		t, short := shortText(s.Get(0), maxLabelRunes)
		if !short || !relatedLabel.MatchString(foldSpace(t)) || s.Closest("a").Length() > 0 {
			return
		}
		if b := relatedBlock(s); b != nil {
			blocks = append(blocks, b)
		}
	})
	p.query.Find("[class], [id]").Each(func(_ int, s *goquery.Selection) {
		names := s.AttrOr("class", "") + " " + s.AttrOr("id", "")
		if mayHold(names, "related", "more", "read", "recommend", "further") && relatedClass.MatchString(names) && isLinkList(s) {
			blocks = append(blocks, s)
		}
	})
	p.query.Find("p").Each(func(_ int, s *goquery.Selection) {
		t := foldSpace(s.Text())
		switch {
		case (inlineRelated.MatchString(t) || isShoutedLink(s) || isBracketed(t)) && isLinkList(s):
			blocks = append(blocks, s)
		case isBracketed(t) && s.Find("a[href]").Length() > 0 && len(strings.Fields(t)) <= maxPromoWords:
			s.Remove() // a call to follow or sign up, set apart in brackets
		}
	})
	for _, b := range blocks {
		if b.Closest("html").Length() == 0 {
			continue // already removed with an enclosing block
		}
		links := blockLinks(p, b, seen)
		if isAdWidget(b) {
			links = ownSite(p, links)
		}
		p.related = append(p.related, links...)
		b.Remove()
	}
	return nil
}

// maxLabelRunes is the longest text taken as the label of a related
// block.
const maxLabelRunes = 60

// shortText returns the text under n when it is at most max runes long;
// ok is false (and the text cut) when it is longer. It stops reading as
// soon as it knows, so that asking it of every element stays cheap.
func shortText(n *html.Node, max int) (text string, ok bool) {
	var b strings.Builder
	runes := 0
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				b.WriteString(c.Data)
				if runes += utf8.RuneCountInString(c.Data); runes > max {
					return false
				}
			} else if !walk(c) {
				return false
			}
		}
		return true
	}
	ok = walk(n)
	return b.String(), ok
}

// mayHold reports whether s, lower-cased, holds one of words: a cheap
// test before a regular expression that matches only text holding one.
func mayHold(s string, words ...string) bool {
	s = strings.ToLower(s)
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// minShoutedWords is the least number of words of a paragraph in capitals
// taken as a link to another article.
const minShoutedWords = 3

// isBracketed reports whether a paragraph's text is set in square
// brackets, the way sites set a pointer to another article, or a sign-up
// call, apart from the story ("[Read: …]", "[Related: …]").
func isBracketed(t string) bool {
	return len(t) > 2 && strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]")
}

// isShoutedLink reports whether s is a paragraph that is only a link, in
// capitals: the way some sites point to another of their articles in the
// middle of one ("CO-FOUNDER 'PROUD' OF …").
func isShoutedLink(s *goquery.Selection) bool {
	t := foldSpace(s.Text())
	if len(strings.Fields(t)) < minShoutedWords || t != strings.ToUpper(t) || t == strings.ToLower(t) {
		return false
	}
	linked := ""
	s.Find("a[href]").Each(func(_ int, a *goquery.Selection) { linked += a.Text() })
	return foldSpace(linked) == t
}

// relatedBlock returns the block a "Related" label heads: its parent when
// the parent holds little besides the label and links, else the label and
// the run of link lists that follows it. It returns nil when no links
// follow.
func relatedBlock(label *goquery.Selection) *goquery.Selection {
	for up := label; up.Length() > 0 && !up.Is("body, article, main"); up = up.Parent() {
		if up.Find("a[href]").Length() > 0 {
			if isLinkList(up) && !up.Is("p") {
				return up
			}
			return nil
		}
		if next := up.Next(); next.Length() > 0 && isLinkList(next) {
			block := up.AddSelection(next)
			for next = next.Next(); next.Length() > 0 && isLinkList(next); next = next.Next() {
				block = block.AddSelection(next) // one link a paragraph
			}
			return block
		}
	}
	return nil
}

// maxRelatedText is the most text a related block may hold; more is
// content.
const maxRelatedText = 3000

// isLinkList reports whether s is mostly link text and has at least one
// link.
func isLinkList(s *goquery.Selection) bool {
	links := s.Find("a[href]").AddBackFiltered("a[href]")
	if links.Length() == 0 {
		return false
	}
	all := len(foldSpace(s.Text()))
	if all == 0 || all > maxRelatedText {
		return false
	}
	linked := 0
	links.Each(func(_ int, a *goquery.Selection) { linked += len(foldSpace(a.Text())) })
	return float64(linked)/float64(all) >= minRelatedLinkShare
}

// blockLinks returns the links of a related block, resolved, without
// duplicates, empty titles, links within the page, advertising networks'
// redirects or topic pages.
func blockLinks(p *htmlPage, b *goquery.Selection, seen map[string]bool) []archive.Link {
	var links []archive.Link
	b.Find("a[href]").AddBackFiltered("a[href]").Each(func(_ int, a *goquery.Selection) {
		u := absURL(p.base, a.AttrOr("href", ""))
		title := cleanLinkTitle(linkTitle(a))
		if u == "" || title == "" || seen[u] || isAdLink(u) || isTopicLink(u, title) || isNotArticleLink(u) ||
			isNoise(title) || sponsored.MatchString(title) || accountLink.MatchString(title) || relatedLabel.MatchString(title) {
			return
		}
		seen[u] = true
		links = append(links, archive.Link{Title: title, URL: u})
	})
	return links
}

var (
	// readNow is a call to read at the end of a link's title.
	readNow = regexp.MustCompile(`(?i)\s*[-–—|:]?\s*(read now|read more|continue reading|watch now)\s*[.…»›>]*$`)
	// sponsored marks the title of a paid link.
	sponsored = regexp.MustCompile(`(?i)^(sponsored|promoted|advertisement)\b|(sponsored|promoted) by\b|\bpaid (post|content)\b`)
	// accountLink is the title of a link to the reader's account.
	accountLink = regexp.MustCompile(`(?i)^(forgot (your )?(password|username)|sign (in|up|out)|log ?(in|out)|register|create (an |your )?account|my account)\b`)
	// titleDate is a date at the end of a link's title ("… NOV. 7, 2010").
	titleDate = regexp.MustCompile(`(?i)\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}, \d{4}$`)
)

// cleanLinkTitle drops from a link's title the brackets around it, a
// label ("Related: …"), a call to read ("… Read now"), a date and markup
// shown as text.
func cleanLinkTitle(s string) string {
	s = strings.Trim(foldSpace(tagPattern.ReplaceAllString(s, "")), "[] ")
	s = readNow.ReplaceAllString(inlineRelated.ReplaceAllString(s, ""), "")
	return foldSpace(titleDate.ReplaceAllString(s, ""))
}

// adHosts are the advertising networks whose "recommended" boxes look
// like related links, and the click trackers their links go through.
var adHosts = regexp.MustCompile(`(?i)(^|\.)(outbrain|taboola|doubleclick|googleadservices|zergnet|revcontent|adclick|mgid|nativo|tradedoubler)\.|` +
	`^(track|tracking|trk|clk)[a-z0-9-]*\.`)

// adMark is an advertising network's name anywhere in a link ("…
// utm_source=taboola", "/source/taboola_…"): the way their boxes tag the
// advertisers' pages they lead to.
var adMark = regexp.MustCompile(`(?i)taboola|outbrain|revcontent|zergnet`)

// isAdLink reports whether u leads to an advertising network, goes
// through a click tracker or was placed by one.
func isAdLink(u string) bool {
	pu, err := url.Parse(u)
	return err == nil && (adHosts.MatchString(pu.Hostname()) || adMark.MatchString(pu.RawQuery) || adMark.MatchString(pu.Path))
}

// adWidget reports whether a class or id names an advertising network's
// box of "recommended" links: Taboola's trc_… and tbla classes, Outbrain's
// OUTBRAIN and ob-widget (not a page's "js-outbrain-anchor", which only
// marks where such a box goes).
func adWidget(names string) bool {
	for _, n := range strings.Fields(strings.ToLower(names)) {
		switch {
		case strings.HasPrefix(n, "trc_"), strings.HasPrefix(n, "ob-widget"), strings.HasPrefix(n, "taboola"),
			n == "tbla", n == "outbrain", n == "zergnet", n == "revcontent", n == "mgid":
			return true
		}
	}
	return false
}

// maxWidgetDepth is how far up from a related block an advertising
// network's wrapper is looked for.
const maxWidgetDepth = 4

// isAdWidget reports whether block, or one of its nearest ancestors, is
// an advertising network's box.
func isAdWidget(block *goquery.Selection) bool {
	s := block.First()
	for i := 0; i <= maxWidgetDepth && s.Length() > 0; i++ {
		if adWidget(s.AttrOr("class", "") + " " + s.AttrOr("id", "")) {
			return true
		}
		s = s.Parent()
	}
	return false
}

// ownSite keeps the links to the page's own site: in an advertising
// network's box those are the site's articles it recommends, the others
// are paid for. The page's site is the host of any address it gives for
// itself (where it was saved from, <base>, canonical, og:url: a
// syndicated story's canonical address is its publisher's).
func ownSite(p *htmlPage, links []archive.Link) []archive.Link {
	var homes []string
	for _, ref := range append([]string{p.meta.CaptureURL}, p.ownAddresses()...) {
		if h := siteHost(ref); h != "" {
			homes = append(homes, h)
		}
	}
	var out []archive.Link
	for _, l := range links {
		h := siteHost(l.URL)
		for _, home := range homes {
			if h != "" && (h == home || strings.HasSuffix(h, "."+home) || strings.HasSuffix(home, "."+h)) {
				out = append(out, l)
				break
			}
		}
	}
	return out
}

// siteHost returns the host of an absolute address, lower-case, without
// "www."; "" when there is none.
func siteHost(ref string) string {
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	return hostKey(u)
}

// hostKey is the host of u as sites are compared: lower case, without
// port or "www.".
func hostKey(u *url.URL) string {
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// notArticle matches the address of a link that is not to an article:
// editing, searching, an author's page.
var notArticle = regexp.MustCompile(`(?i)[?&]action=edit\b|^/search(/|$)|/(authors?|contributors?|people|profiles?)/[^/]*/?$`)

// isNotArticleLink reports whether u leads to a page that is not an
// article (an edit form, a search, an author's page).
func isNotArticleLink(u string) bool {
	pu, err := url.Parse(u)
	if err != nil {
		return true
	}
	q := ""
	if pu.RawQuery != "" {
		q = "?" + pu.RawQuery
	}
	return notArticle.MatchString(pu.Path) || notArticle.MatchString(q)
}

// isTopicLink reports whether a link is to a topic or section page ("Zimbabwe" →
// /zimbabwe/) rather than to an article: a title of one or two words
// and an address one folder deep.
func isTopicLink(u, title string) bool {
	pu, err := url.Parse(u)
	if err != nil || len(strings.Fields(title)) > 2 {
		return false
	}
	return len(strings.FieldsFunc(pu.Path, func(r rune) bool { return r == '/' })) <= 1
}

// linkTitle returns the title of a link: its heading if it holds one,
// else its text, else its title attribute.
func linkTitle(a *goquery.Selection) string {
	if h := a.Find("h1, h2, h3, h4, h5, h6").First(); h.Length() > 0 {
		return foldSpace(h.Text())
	}
	c := a.Clone()
	c.Find("time, [class]").FilterFunction(func(_ int, d *goquery.Selection) bool {
		return d.Is("time") || dateClass.MatchString(d.AttrOr("class", ""))
	}).Remove()
	if t := foldSpace(textWithout(c.Get(0), "script", "style", "noscript", "template")); t != "" {
		return t
	}
	return foldSpace(a.AttrOr("title", ""))
}

// textWithout returns the text under n, leaving out the elements named,
// with a space where the layout sets words apart: around blocks and line
// breaks, between fields (laidApart).
func textWithout(n *html.Node, skip ...string) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				b.WriteString(c.Data)
			case c.Type == html.ElementNode && !containsString(skip, c.Data):
				apart := c.Data == "br" || isBlockTag(c.Data) || isStyledBlock(c) || laidApart(c)
				if apart {
					b.WriteString(" ")
				}
				walk(c)
				if apart {
					b.WriteString(" ")
				}
			}
		}
	}
	walk(n)
	return b.String()
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
