package importer

import (
	"strings"

	"golang.org/x/net/html"

	"github.com/clippings/clippings/archive"
)

// minTeasers is the least number of teasers side by side that make a list
// of other stories ("Also in the news", "More stories").
const minTeasers = 2

// dropTeaserLists removes from the content the lists of teasers of other
// articles it holds beside the story: runs of at least minTeasers sibling
// teasers (isTeaser: a linked heading and little text) or short
// <article>s. A run stays when the content has no story of its own (under
// minArticleWords of prose besides the runs: the page is the list, of
// events or products), when it stands inside the block holding most of the
// story's prose (a listicle's items), when its links lead to other sites
// (brands, events), or when its short articles are inside the story's
// article (a live blog's entries). The links of the runs removed become
// the article's related links.
func dropTeaserLists(p *htmlPage) error {
	lists := teaserRuns(p.content)
	if len(lists) == 0 {
		return nil
	}
	cards := map[*html.Node]bool{}
	for _, run := range lists {
		for _, c := range run {
			cards[c] = true
		}
	}
	story := proseWordsSkipping(p.content, nil, cards)
	if story < minArticleWords {
		return nil
	}
	block := storyBlock(p.content, cards, story)
	seen := map[string]bool{}
	for _, l := range p.related {
		seen[l.URL] = true
	}
	own := enclosing(block, "article")
	for _, run := range lists {
		if holds(block, run[0]) || p.linksOut(run) || own != nil && holds(own, run[0]) && !isTeaser(run[0]) {
			// a list in the story, of things elsewhere (a listicle's
			// items), or the short entries of the article (a live blog)
			continue
		}
		for _, card := range run {
			p.related = append(p.related, cardLinks(p, card, seen)...)
			if card.Parent != nil {
				card.Parent.RemoveChild(card)
			}
		}
	}
	return nil
}

// teaserRuns returns the runs of at least minTeasers sibling teasers or
// short articles under n.
func teaserRuns(n *html.Node) [][]*html.Node {
	var lists [][]*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		var run []*html.Node
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if isTeaser(c) || isShortArticle(c) {
				run = append(run, c)
				continue
			}
			walk(c)
		}
		if len(run) >= minTeasers {
			lists = append(lists, run)
			return
		}
		for _, c := range run { // alone it may hold a list
			walk(c)
		}
	}
	walk(n)
	return lists
}

// storyBlock returns the deepest element under n holding at least half of
// the story's prose (story words, the cards left out).
func storyBlock(n *html.Node, cards map[*html.Node]bool, story int) *html.Node {
	for {
		var next *html.Node
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && !cards[c] && 2*proseIn(c, nil, cards) >= story {
				next = c
				break
			}
		}
		if next == nil {
			return n
		}
		n = next
	}
}

// linksOut reports whether most teasers of a run lead to other sites.
func (p *htmlPage) linksOut(run []*html.Node) bool {
	out := 0
	for _, card := range run {
		if href := firstHref(card); href != "" && p.base != nil {
			if u, err := p.base.Parse(href); err == nil && hostKey(u) != hostKey(p.base) {
				out++
			}
		}
	}
	return 2*out > len(run)
}

// firstHref returns the address of the first link under n, or "".
func firstHref(n *html.Node) string {
	href := ""
	walkElements(n, func(c *html.Node) {
		if href == "" && c.Data == "a" && !isAnchorLink(c) {
			href = strings.TrimSpace(attrOf(c, "href"))
		}
	})
	return href
}

// isShortArticle reports whether n is an <article> of at most
// maxTeaserWords words.
func isShortArticle(n *html.Node) bool {
	return n.Data == "article" && visibleWordsUpTo(n, maxTeaserWords+1) <= maxTeaserWords
}

// cardLinks returns the first link of a teaser, as a related link.
func cardLinks(p *htmlPage, card *html.Node, seen map[string]bool) []archive.Link {
	links := blockLinks(p, selection(card), seen)
	if len(links) > 1 {
		links = links[:1] // the headline; the others are the picture's, the section's
	}
	return links
}

// enclosing returns the nearest element named tag around n (n included),
// or nil.
func enclosing(n *html.Node, tag string) *html.Node {
	for ; n != nil; n = n.Parent {
		if n.Type == html.ElementNode && n.Data == tag {
			return n
		}
	}
	return nil
}
