package importer

import (
	"regexp"
	"strconv"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// orderAttr numbers the text elements and figures of the page in document
// order, so that a figure the content finder dropped can be put back
// where it stood among the paragraphs it kept.
const orderAttr = "data-clip-i"

// orderSelector is what numberElements numbers: text blocks and figures.
// Embedded posts are blockquotes.
const orderSelector = "p, li, h1, h2, h3, h4, h5, h6, blockquote, pre, [" + figAttr + "]"

// maxLeadGap is how many paragraphs (a byline, a standfirst) may stand
// between a dropped figure and the first paragraph of the content for the
// figure to count as the article's lead image.
const maxLeadGap = 3

// numberElements sets orderAttr on the page's text blocks and figure
// containers.
func numberElements(p *htmlPage) error {
	i := 0
	p.query.Find(orderSelector).Each(func(_ int, s *goquery.Selection) {
		if s.Is("["+figAttr+"]") && s.ParentsFiltered("["+figAttr+"]").Length() > 0 {
			return // an image or caption inside a figure
		}
		s.SetAttr(orderAttr, strconv.Itoa(i))
		i++
	})
	return nil
}

// restoreFigures puts back into the content the captioned (or credited)
// figures the
// content finder dropped from among the paragraphs it kept, or from just
// before them (the lead image), each before the first element that
// followed it in the page.
func restoreFigures(p *htmlPage) error {
	c := selection(p.content)
	kept := map[int]bool{}
	c.Find("[" + figAttr + "]").Each(func(_ int, s *goquery.Selection) {
		if i, err := strconv.Atoi(s.AttrOr(figAttr, "")); err == nil {
			kept[i] = true
		}
	})
	order, positions := numbered(p.content) // content elements, their numbers in the page
	if len(order) == 0 {
		return nil
	}
	lo, hi := minMax(positions)
	p.query.Find("[" + figAttr + "][" + orderAttr + "]").Each(func(_ int, s *goquery.Selection) {
		fig, err1 := strconv.Atoi(s.AttrOr(figAttr, ""))
		at, err2 := strconv.Atoi(s.AttrOr(orderAttr, ""))
		if err1 != nil || err2 != nil || kept[fig] || p.figures[fig].Caption+p.figures[fig].Credit == "" || at > hi || lo-at-1 > maxLeadGap {
			return
		}
		if next := firstAfter(order, positions, at); next != nil && next.Parent != nil {
			placeholder := &html.Node{Type: html.ElementNode, Data: "figure",
				Attr: []html.Attribute{{Key: figAttr, Val: strconv.Itoa(fig)}}}
			next.Parent.InsertBefore(placeholder, next)
			kept[fig] = true
		}
	})
	return nil
}

// embedClass is the class of a post embedded from a social network: the
// blockquote that the network's script would turn into a card.
var embedClass = regexp.MustCompile(`(?i)twitter-tweet|instagram-media|tiktok-embed|bluesky-embed|mastodon-embed|reddit-embed`)

// restoreEmbeds puts back the embedded posts (tweets, …) the content
// finder dropped from among the paragraphs it kept: they are quotations
// the article relies on.
func restoreEmbeds(p *htmlPage) error {
	nodes, positions := numbered(p.content)
	if len(nodes) == 0 {
		return nil
	}
	kept := map[int]bool{}
	for _, pos := range positions {
		kept[pos] = true
	}
	lo, hi := minMax(positions)
	p.query.Find("blockquote[" + orderAttr + "]").Each(func(_ int, s *goquery.Selection) {
		at, err := strconv.Atoi(s.AttrOr(orderAttr, ""))
		if err != nil || kept[at] || at <= lo || at >= hi || !embedClass.MatchString(s.AttrOr("class", "")) {
			return
		}
		if next := firstAfter(nodes, positions, at); next != nil && next.Parent != nil {
			next.Parent.InsertBefore(s.Clone().Get(0), next)
		}
	})
	return nil
}

// numbered returns the elements under n that numberElements numbered,
// with their numbers.
func numbered(n *html.Node) ([]*html.Node, []int) {
	var nodes []*html.Node
	var positions []int
	selection(n).Find("[" + orderAttr + "]").Each(func(_ int, s *goquery.Selection) {
		if i, err := strconv.Atoi(s.AttrOr(orderAttr, "")); err == nil {
			nodes = append(nodes, s.Get(0))
			positions = append(positions, i)
		}
	})
	return nodes, positions
}

// firstAfter returns the node whose position is the smallest above at.
func firstAfter(nodes []*html.Node, positions []int, at int) *html.Node {
	var best *html.Node
	bestPos := -1
	for i, pos := range positions {
		if pos > at && (best == nil || pos < bestPos) {
			best, bestPos = nodes[i], pos
		}
	}
	return best
}

func minMax(xs []int) (int, int) {
	lo, hi := xs[0], xs[0]
	for _, x := range xs[1:] {
		lo, hi = min(lo, x), max(hi, x)
	}
	return lo, hi
}
