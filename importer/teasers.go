package importer

import (
	"golang.org/x/net/html"

	"github.com/clippings/clippings/archive"
)

// minTeasers is the least number of teasers side by side that make a list
// of other stories ("Also in the news", "More stories").
const minTeasers = 2

// dropTeaserLists removes from the content the lists of teasers of other
// articles that it holds beside the article: runs of at least minTeasers
// sibling elements that are each a teaser (isTeaser: a linked heading and
// little text), or short <article>s beside a long one that is the story
// (not around them: a live blog's short entries are its story). Their
// links become the article's related links.
func dropTeaserLists(p *htmlPage) error {
	var long []*html.Node
	walkElements(p.content, func(n *html.Node) {
		if n.Data == "article" && visibleWordsUpTo(n, maxTeaserWords+1) > maxTeaserWords {
			long = append(long, n)
		}
	})
	var lists [][]*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		var run []*html.Node
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if isTeaser(c) || isShortArticle(c) && besideStory(n, long) {
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
	walk(p.content)
	seen := map[string]bool{}
	for _, l := range p.related {
		seen[l.URL] = true
	}
	for _, run := range lists {
		for _, card := range run {
			p.related = append(p.related, cardLinks(p, card, seen)...)
			if card.Parent != nil {
				card.Parent.RemoveChild(card)
			}
		}
	}
	return nil
}

// isShortArticle reports whether n is an <article> of at most
// maxTeaserWords words.
func isShortArticle(n *html.Node) bool {
	return n.Data == "article" && visibleWordsUpTo(n, maxTeaserWords+1) <= maxTeaserWords
}

// besideStory reports whether one of the long articles is not around
// parent: the short articles under parent are then beside the story.
func besideStory(parent *html.Node, long []*html.Node) bool {
	for _, a := range long {
		if !contains(a, parent) {
			return true
		}
	}
	return false
}

// cardLinks returns the first link of a teaser, as a related link.
func cardLinks(p *htmlPage, card *html.Node, seen map[string]bool) []archive.Link {
	links := blockLinks(p, selection(card), seen)
	if len(links) > 1 {
		links = links[:1] // the headline; the others are the picture's, the section's
	}
	return links
}
