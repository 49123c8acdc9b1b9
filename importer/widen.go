package importer

import (
	"strconv"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// keptOriginals returns the elements of the page whose copies the content
// holds.
func (p *htmlPage) keptOriginals() []*html.Node {
	_, positions := numbered(p.content)
	byPos := map[int]*html.Node{}
	p.query.Find("[" + orderAttr + "]").Each(func(_ int, s *goquery.Selection) {
		if i, err := strconv.Atoi(s.AttrOr(orderAttr, "")); err == nil {
			byPos[i] = s.Get(0)
		}
	})
	var out []*html.Node
	for _, pos := range positions {
		if n := byPos[pos]; n != nil {
			out = append(out, n)
		}
	}
	return out
}

// commonAncestor returns the deepest element holding all of nodes.
func commonAncestor(nodes []*html.Node) *html.Node {
	if len(nodes) == 0 {
		return nil
	}
	depth := map[*html.Node]int{}
	for a, d := nodes[0], 0; a != nil; a = a.Parent {
		depth[a] = d
		d++
	}
	best := nodes[0]
	bestDepth := 0
	for _, n := range nodes[1:] {
		for a := n; a != nil; a = a.Parent {
			if d, ok := depth[a]; ok {
				if d > bestDepth {
					best, bestDepth = a, d
				}
				break
			}
		}
	}
	return best
}

// Limits of widening the content.
const (
	minWidenGain    = 2.0 // the wider block holds at least this many times the prose kept …
	minProseDensity = 0.6 // … and prose makes up this share of its words
	maxWidenSteps   = 12  // levels climbed from the kept elements at most
)

// widenContent takes a wider block of the page as the content when the
// content finder kept only part of the article: pages built of sections
// (page builders, product cards) split an article in sibling blocks, of
// which it keeps one. From the block holding all it kept, the content
// climbs to the highest block whose words are mostly prose, and takes it
// when its prose is at least twice all the text kept.
func widenContent(p *htmlPage) error {
	own := commonAncestor(p.keptOriginals())
	if own == nil {
		return nil
	}
	if proseTags[own.Data] || own.Type != html.ElementNode {
		own = own.Parent
	}
	keptWords := visibleWords(p.content)
	if keptWords == 0 {
		return nil
	}
	if best := proseBlock(own); best != nil && float64(proseWords(best, own)) >= minWidenGain*float64(keptWords) {
		p.content = p.wideCopy(best)
	}
	return nil
}

// proseBlock returns the highest ancestor of own (own included, body not)
// each of whose levels adds mostly prose, or nil.
func proseBlock(own *html.Node) *html.Node {
	var best *html.Node
	lastProse, lastWords := 0, 0
	for a, i := own, 0; a != nil && a.Type == html.ElementNode && a.Data != "body" && a.Data != "html" && i < maxWidenSteps; a, i = a.Parent, i+1 {
		pw, vw := proseWords(a, own), visibleWords(a)
		// What this level adds must be mostly prose too (unless it adds
		// a label or two): a level that adds a menu, a ticker or a
		// sidebar ends the climb.
		added := vw - lastWords
		if vw == 0 || added > minParaWords && float64(pw-lastProse) < minProseDensity*float64(added) {
			break
		}
		best, lastProse, lastWords = a, pw, vw
	}
	return best
}

// wideCopy returns a copy of block to be the content, without the
// elements an inline style hides and the articles (other posts) that hold
// nothing the content finder kept.
func (p *htmlPage) wideCopy(block *html.Node) *html.Node {
	_, positions := numbered(p.content)
	kept := map[string]bool{}
	for _, pos := range positions {
		kept[strconv.Itoa(pos)] = true
	}
	wide := selection(block).Clone()
	wide.Find("[style]").FilterFunction(func(_ int, s *goquery.Selection) bool {
		return styledHidden.MatchString(s.AttrOr("style", ""))
	}).Remove()
	wide.Find("article").Each(func(_ int, s *goquery.Selection) {
		holds := false
		s.Find("[" + orderAttr + "]").EachWithBreak(func(_ int, e *goquery.Selection) bool {
			holds = kept[e.AttrOr(orderAttr, "")]
			return !holds
		})
		if !holds {
			s.Remove()
		}
	})
	return wide.Get(0)
}
