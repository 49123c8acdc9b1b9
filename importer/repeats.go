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
// text of an earlier sibling, then looks inside the ones kept. Texts are
// compared only between siblings of the same length.
func dropRepeatedChildren(n *html.Node) {
	byLen := map[int][]*html.Node{}
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type != html.ElementNode {
			c = next
			continue
		}
		size := textSize(c)
		if earlier := byLen[size]; len(earlier) > 0 && isRepeat(c, earlier) {
			n.RemoveChild(c)
			c = next
			continue
		}
		byLen[size] = append(byLen[size], c)
		dropRepeatedChildren(c)
		c = next
	}
}

// isRepeat reports whether c is a layout (minRepeatBlocks text blocks,
// minRepeatWords words) whose text one of earlier holds word for word.
func isRepeat(c *html.Node, earlier []*html.Node) bool {
	key := foldSpace(nodeText(c))
	if strings.Count(key, " ")+1 < minRepeatWords || textBlocks(c) < minRepeatBlocks {
		return false
	}
	for _, e := range earlier {
		if foldSpace(nodeText(e)) == key {
			return true
		}
	}
	return false
}

// textSize returns the bytes of text under n.
func textSize(n *html.Node) int {
	size := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			size += len(c.Data)
		} else {
			size += textSize(c)
		}
	}
	return size
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
