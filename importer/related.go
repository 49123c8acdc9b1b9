package importer

import (
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
		`more on this (story|topic)|read more|read next|more (stories|articles|news)|more from .{1,40}|` +
		`you (may|might) also (like|be interested in)|recommended( for you| stories| reading)?|further reading|` +
		`don'?t miss|(also|must) read|read also)\s*[:.…]*$`)
	// relatedClass is the class or id of a block of related links.
	relatedClass = regexp.MustCompile(`(?i)(^|[\s_-])(related|more-on|read-?more|readnext|read-next|recommended|` +
		`further-reading|more-stories|more-articles)([\s_-]|$)`)
	// dateClass is the class of the date shown beside a link's title.
	dateClass = regexp.MustCompile(`(?i)(^|[\s_-])(date|time|timestamp|dateline|published)([\s_-]|$)`)
	// inlineRelated starts a paragraph that is only a pointer to another
	// article ("Read more: …").
	inlineRelated = regexp.MustCompile(`(?i)^(read more|related|see also|more|also read|read also|recommended|watch)\s*:`)
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
		if utf8.RuneCountInString(s.Text()) > 60 || s.Closest("a").Length() > 0 ||
			!relatedLabel.MatchString(foldSpace(s.Text())) {
			return
		}
		if b := relatedBlock(s); b != nil {
			blocks = append(blocks, b)
		}
	})
	p.query.Find("[class], [id]").Each(func(_ int, s *goquery.Selection) {
		if relatedClass.MatchString(s.AttrOr("class", "")+" "+s.AttrOr("id", "")) && isLinkList(s) {
			blocks = append(blocks, s)
		}
	})
	p.query.Find("p").Each(func(_ int, s *goquery.Selection) {
		if (inlineRelated.MatchString(foldSpace(s.Text())) || isShoutedLink(s)) && isLinkList(s) {
			blocks = append(blocks, s)
		}
	})
	for _, b := range blocks {
		if b.Closest("html").Length() == 0 {
			continue // already removed with an enclosing block
		}
		p.related = append(p.related, blockLinks(p, b, seen)...)
		b.Remove()
	}
	return nil
}

// minShoutedWords is the least number of words of a paragraph in capitals
// taken as a link to another article.
const minShoutedWords = 3

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
// duplicates, empty titles or links within the page.
func blockLinks(p *htmlPage, b *goquery.Selection, seen map[string]bool) []archive.Link {
	var links []archive.Link
	b.Find("a[href]").AddBackFiltered("a[href]").Each(func(_ int, a *goquery.Selection) {
		u := absURL(p.base, a.AttrOr("href", ""))
		title := linkTitle(a)
		if u == "" || title == "" || seen[u] {
			return
		}
		seen[u] = true
		links = append(links, archive.Link{Title: title, URL: u})
	})
	return links
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
	if t := foldSpace(textWithout(c.Get(0), "script", "style")); t != "" {
		return t
	}
	return foldSpace(a.AttrOr("title", ""))
}

// textWithout returns the text under n, leaving out the elements named.
func textWithout(n *html.Node, skip ...string) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				b.WriteString(c.Data)
			case c.Type == html.ElementNode && !containsString(skip, c.Data):
				walk(c)
				if isBlockTag(c.Data) {
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
