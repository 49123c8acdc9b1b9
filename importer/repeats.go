package importer

import (
	"strings"

	"golang.org/x/net/html"
)

// A repeated layout holds at least minRepeatBlocks text blocks and
// minRepeatWords words: a paragraph said twice is the author's choice.
const (
	minRepeatWords  = 20
	minRepeatBlocks = 3
)

// dropRepeats removes from the content the layouts (blocks of several
// paragraphs or headings) that repeat, word for word, a layout beside them
// (an earlier sibling): pages built for several
// screen sizes hold one copy of the article per size and let the style
// sheet show one ("ssr-variant" blocks of Framer sites); the reader sees
// it once.
func dropRepeats(p *htmlPage) error {
	dropRepeatedChildren(p.content)
	return nil
}

// dropRepeatedChildren removes, under n, each element that repeats the
// text of an earlier sibling, then looks inside the ones kept.
func dropRepeatedChildren(n *html.Node) {
	seen := map[string]bool{}
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			key := strings.Join(strings.Fields(nodeText(c)), " ")
			if seen[key] && strings.Count(key, " ")+1 >= minRepeatWords && textBlocks(c) >= minRepeatBlocks {
				n.RemoveChild(c)
				c = next
				continue
			}
			seen[key] = true
			dropRepeatedChildren(c)
		}
		c = next
	}
}

// textBlocks counts the paragraphs, headings, list items, quotations and
// code blocks under n.
func textBlocks(n *html.Node) int {
	count := 0
	walkElements(n, func(c *html.Node) {
		if proseTags[c.Data] || len(c.Data) == 2 && c.Data[0] == 'h' && c.Data[1] >= '1' && c.Data[1] <= '6' {
			count++
		}
	})
	return count
}
