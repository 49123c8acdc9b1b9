package importer

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
)

// proseTags are the elements whose text is counted as prose: the text
// blocks of an article, its headings and table cells included.
var proseTags = map[string]bool{"p": true, "li": true, "pre": true, "blockquote": true, "dd": true, "td": true, "th": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true}

// furnitureTags hold no prose of the article.
var furnitureTags = map[string]bool{"nav": true, "header": true, "footer": true, "aside": true, "form": true,
	"script": true, "style": true, "noscript": true, "template": true, "select": true, "button": true}

// styledHidden matches an inline style that hides an element.
var styledHidden = regexp.MustCompile(`(?i)(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)`)

// maxProseLinkShare is the most link text a prose element may hold.
const maxProseLinkShare = 0.5

// proseWords counts the words of the prose under n: paragraphs, list items,
// quotations and code that are not mostly links, outside navigation,
// headers, footers, asides, forms, comment sections and hidden elements.
// Articles under n beside own (neither holding it nor inside it; own nil:
// none) are other posts (teasers of a list), not counted either.
func proseWords(n, own *html.Node) int {
	return proseWordsSkipping(n, own, nil)
}

// proseWordsSkipping is proseWords leaving out the elements in skip too.
func proseWordsSkipping(n, own *html.Node, skip map[*html.Node]bool) int {
	total := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		total += proseIn(c, own, skip)
	}
	return total
}

// proseIn counts the words of the prose that n is or holds (see
// proseWords).
func proseIn(n, own *html.Node, skip map[*html.Node]bool) int {
	if n.Type != html.ElementNode || skip[n] || isFurniture(n) ||
		n.Data == "article" && own != nil && !holds(n, own) && !holds(own, n) {
		return 0
	}
	if proseTags[n.Data] && !hasProseChild(n) {
		text, linked := linkedText(n)
		if float64(len(linked)) <= maxProseLinkShare*float64(len(text)) {
			return len(strings.Fields(text))
		}
		return 0
	}
	return proseWordsSkipping(n, own, skip)
}

// visibleWords counts the words under n outside furniture (isFurniture).
func visibleWords(n *html.Node) int {
	total := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				total += len(strings.Fields(c.Data))
			case c.Type == html.ElementNode && !skipTags[c.Data] && !isFurniture(c):
				walk(c)
			}
		}
	}
	walk(n)
	return total
}

// isFurniture reports whether an element holds no prose of the article:
// navigation, headers, footers, asides, forms, comment sections, hidden
// elements.
func isFurniture(n *html.Node) bool {
	if furnitureTags[n.Data] || hasAttr(n, "hidden") || attrOf(n, "aria-hidden") == "true" || styledHidden.MatchString(attrOf(n, "style")) {
		return true
	}
	switch attrOf(n, "role") {
	case "navigation", "complementary", "contentinfo", "banner", "dialog":
		return true
	}
	names := attrOf(n, "class") + " " + attrOf(n, "id")
	return commentsClass.MatchString(names) || galleryClass.MatchString(names) || isTeaser(n)
}

// galleryClass is the class or id of a slide show, whose slides' captions
// are not the article's running text.
var galleryClass = regexp.MustCompile(`(?i)(^|[\s_-])(gallery|slideshow|carousel|slider)([\s_-]|$)`)

// maxTeaserWords is the most words of a teaser: a linked headline and a
// short excerpt of another article.
const maxTeaserWords = 100

// isTeaser reports whether n is the teaser of another article: a heading
// that is a link (or inside one), near the top of n, and little text
// besides.
func isTeaser(n *html.Node) bool {
	return hasLinkedHeading(n, false, 0) && visibleWordsUpTo(n, maxTeaserWords+1) <= maxTeaserWords
}

// maxTeaserDepth is how deep under a teaser its linked heading may sit.
const maxTeaserDepth = 3

// hasLinkedHeading reports whether a heading that is a link, or inside one
// (inLink), is under n at most maxTeaserDepth levels down.
func hasLinkedHeading(n *html.Node, inLink bool, depth int) bool {
	if depth >= maxTeaserDepth {
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if len(c.Data) == 2 && c.Data[0] == 'h' && c.Data[1] >= '2' && c.Data[1] <= '6' {
			text, linked := linkedText(c)
			if text != "" && (inLink || float64(len(linked)) >= minNavLinkShare*float64(len(text)) && !isAnchorLink(c)) {
				return true
			}
			continue
		}
		if hasLinkedHeading(c, inLink || c.Data == "a" && hasAttr(c, "href") && !isAnchorLink(c), depth+1) {
			return true
		}
	}
	return false
}

// isAnchorLink reports whether n is, or holds, a link within the page
// ("#section"), as headings link to themselves.
func isAnchorLink(n *html.Node) bool {
	if n.Data == "a" {
		return strings.HasPrefix(attrOf(n, "href"), "#")
	}
	found := false
	walkElements(n, func(c *html.Node) { found = found || c.Data == "a" && strings.HasPrefix(attrOf(c, "href"), "#") })
	return found
}

// visibleWordsUpTo counts the words under n, stopping past limit.
func visibleWordsUpTo(n *html.Node, limit int) int {
	total := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && total < limit; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				total += len(strings.Fields(c.Data))
			case c.Type == html.ElementNode && !skipTags[c.Data]:
				walk(c)
			}
		}
	}
	walk(n)
	return total
}

// hasProseChild reports whether a prose element holds others (a list item
// holding paragraphs), which are then counted instead.
func hasProseChild(n *html.Node) bool {
	found := false
	walkElements(n, func(c *html.Node) { found = found || proseTags[c.Data] })
	return found
}

// linkedText returns the folded text under n and the text of its links.
func linkedText(n *html.Node) (text, linked string) {
	var all, links strings.Builder
	var walk func(*html.Node, bool)
	walk = func(n *html.Node, inLink bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				all.WriteString(c.Data)
				if inLink {
					links.WriteString(c.Data)
				}
			case c.Type == html.ElementNode && !skipTags[c.Data]:
				walk(c, inLink || c.Data == "a")
			}
		}
	}
	walk(n, false)
	return foldSpace(all.String()), foldSpace(links.String())
}
