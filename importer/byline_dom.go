package importer

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/clippings/clippings/archive"
)

// bylineSelector finds the elements of a page that may show its byline.
const bylineSelector = `[rel~="author"], [itemprop~="author"], [itemprop~="creator"], [class*="byline"], [class*="Byline"], ` +
	`[id*="byline"], [class*="author"], [class*="Author"], [id*="author"], [class*="writer"], [class*="contributor"], ` +
	`[data-testid*="byline"], [data-component*="byline"], ` +
	authorLinkSelector

// notAuthorClass finds elements whose class or id holds "author" in
// another word ("authorization", "authority").
const notAuthorClass = `[id*="authori"]:not([itemprop~="author"]):not([rel~="author"]), ` +
	`[class*="authori"]:not([itemprop~="author"]):not([rel~="author"])`

// authorLinkSelector finds links to an author's page.
const authorLinkSelector = `a[href*="/author/"], a[href*="/authors/"], a[href*="/by/"], a[href*="/writers/"], ` +
	`a[href*="/contributors/"], a[href*="/autor/"], a[href*="/auteur/"], a[href*="/autore/"]`

// bylineOutside are the parts of a page whose bylines are not the
// article's: navigation, hidden text, and (by their class, bylineOutsideClass)
// comments and lists of other articles.
const bylineOutside = `head, nav, [role=navigation], [aria-hidden=true], script, style, noscript, template, ` +
	`select, button`

// bylineOutsideClass matches a class or id (one token) of comments and of
// lists of other articles: the word alone, or starting or ending the
// token ("comment-list", "post-comments"; not "nv-sidebar-right", which
// <body> carries).
var bylineOutsideClass = regexp.MustCompile(`(?i)^(?:[\w-]*[_-])?(?:comments?|related|recommend\w*|more-stories|` +
	`teasers?|promo|sidebar|widget)(?:[_-][\w-]*)?$`)

// outsideByline reports whether s stands where bylines are not the
// article's.
func outsideByline(s *goquery.Selection) bool {
	if s.Closest(bylineOutside).Length() > 0 {
		return true
	}
	for n := s.Get(0); n != nil && n.Data != "body"; n = n.Parent {
		if n.Type != html.ElementNode {
			continue
		}
		for _, a := range n.Attr {
			if a.Key != "class" && a.Key != "id" {
				continue
			}
			for _, tok := range strings.Fields(a.Val) {
				if bylineOutsideClass.MatchString(tok) && !strings.Contains(tok, "author") {
					return true
				}
			}
		}
	}
	return false
}

// Limits of a shown byline.
const (
	maxBylineElemWords  = 30 // an element with more text is an author's biography, not a byline
	maxBylineLeadBlocks = 8  // a "By …" line is looked for this many text blocks after the headline
)

// bylineStart matches a line that starts with a byline label.
var bylineStart = regexp.MustCompile(`(?i)^(?:(?:by|written by|posted by|published by|article by|words by|text by|story by|` +
	`von|par|por|di|door|av|af)(?:\s*:\s*|\s+)` +
	`\p{Lu}|(?:autor|author|auteur|autore)\s*:|文\s*[/／]|记者|記者)`)

// shownAuthors returns the authors of the byline the page shows nearest
// after the headline (or, without one, first in the page). An element
// holding other byline elements (a box with the section's name, the
// author's link and the date) names the authors its innermost ones name.
func shownAuthors(p *htmlPage, headline *html.Node) []archive.Author {
	pos := elementPositions(p.doc)
	head := -1
	if headline != nil {
		head = pos[headline]
	}
	var cands, boxes []*html.Node
	p.query.Find(bylineSelector).Each(func(_ int, s *goquery.Selection) {
		if outsideByline(s) || s.Is(authorLinkSelector) && !sameSiteLink(p, s.AttrOr("href", "")) || s.Is(notAuthorClass) {
			return
		}
		if len(strings.Fields(s.Text())) <= maxBylineElemWords {
			cands = append(cands, s.Get(0))
		} else if s.Is("[class*=author], [class*=Author]") {
			boxes = append(boxes, s.Get(0))
		}
	})
	lines, datelines := leadBylines(p, head, pos)
	cands = append(cands, lines...)
	cands = append(cands, datelines...)
	weak := map[*html.Node]bool{}
	for _, n := range datelines {
		weak[n] = true
	}
	isCand := map[*html.Node]bool{}
	for _, n := range cands {
		isCand[n] = true
	}
	var best []archive.Author
	bestScore := -1
	for _, n := range cands {
		names := bylineNames(n, isCand)
		if len(names) == 0 || weak[n] && !fullNames(names) {
			continue
		}
		score := pos[n]
		if head >= 0 {
			score = bylineDistance(pos[n], head)
		}
		if bestScore < 0 || score < bestScore {
			best, bestScore = names, score
		}
	}
	if best == nil {
		best = authorBoxName(boxes)
	}
	return best
}

// authorBoxName returns the author a box about the author names on its
// first line ("Jane Doe" above her biography), for the first box that has
// one.
func authorBoxName(boxes []*html.Node) []archive.Author {
	for _, n := range boxes {
		for _, line := range strings.SplitN(boundedText(n), "\n", 3)[:1] {
			if names := parseByline(line, false); len(names) == 1 && len(strings.Fields(names[0].Name)) <= 4 {
				return names
			}
		}
	}
	return nil
}

// fullNames reports whether every name has two to four words, as a
// person's name shown without a label does ("2025-12-17 · Trond Teigen").
func fullNames(as []archive.Author) bool {
	for _, a := range as {
		if n := len(strings.Fields(a.Name)); n < 2 || n > 4 || strings.Contains(a.Name, ",") {
			return false
		}
	}
	return true
}

// bylineNames returns the authors a byline element names: those its
// innermost byline elements name when it holds any, else its own.
func bylineNames(n *html.Node, isCand map[*html.Node]bool) []archive.Author {
	var leaves []*html.Node
	var walk func(*html.Node) bool // reports whether the subtree holds a candidate
	walk = func(m *html.Node) bool {
		held := false
		for c := m.FirstChild; c != nil; c = c.NextSibling {
			held = walk(c) || held
		}
		if m != n && isCand[m] {
			if !held {
				leaves = append(leaves, m)
			}
			return true
		}
		return held
	}
	walk(n)
	own := parseByline(boundedText(n), false)
	var inner []archive.Author
	for _, l := range leaves {
		inner = append(inner, parseByline(boundedText(l), false)...)
	}
	if len(inner) == 0 {
		return own
	}
	// The element's own text says who the names are ("Reviewed by"), its
	// inner elements which words are names.
	innerKeys := map[string]bool{}
	for _, a := range inner {
		innerKeys[titleKey(a.Name)] = true
	}
	var both []archive.Author
	for _, a := range own {
		if innerKeys[titleKey(a.Name)] {
			both = append(both, a)
		}
	}
	if len(both) > 0 {
		return both
	}
	return dedupeAuthors(inner)
}

// sameSiteLink reports whether href leads to the page's own site (a link
// to an author's page, not to a source the article cites).
func sameSiteLink(p *htmlPage, href string) bool {
	u, err := url.Parse(strings.TrimSpace(href))
	if err != nil {
		return false
	}
	if u.Host == "" {
		return true
	}
	base := pageURL(p)
	return base != nil && hostKey(u) == hostKey(base)
}

// bylineDistance ranks a byline at position at against a headline at
// head: after the headline is nearer than the same distance before it.
func bylineDistance(at, head int) int {
	if at >= head {
		return at - head
	}
	return 3 * (head - at)
}

// leadBylines returns the short text blocks near the headline at
// position head (-1: from the start of the page), among the blocks just
// before it and the first after it, that show a byline without marking
// it: a line starting with a label ("By …", "Von …"), a label element
// followed by the name ("Written by" "Jane Doe"), or the line of the
// date just after the headline ("Dec 17, 2025 · Jane Doe").
func leadBylines(p *htmlPage, head int, pos map[*html.Node]int) (out, datelines []*html.Node) {
	seen := 0
	p.query.Find("p, div, span, li, h2, h3, h4, h5, h6, em, strong, small, dt, dd, b").Each(func(_ int, s *goquery.Selection) {
		n := s.Get(0)
		raw, ok := shortText(n, maxBylineLineRunes)
		if !ok || strings.TrimSpace(raw) == "" {
			return
		}
		near := pos[n] >= head-maxBylineLeadBlocks*4 && seen < 4*maxBylineLeadBlocks
		if pos[n] > head {
			seen++
		}
		t := foldSpace(boundedText(n))
		switch words := len(strings.Fields(t)); {
		case words <= 3 && bylineAlone.MatchString(t) && (near || !strings.EqualFold(strings.Trim(t, " :"), "by")):
			if next := nextElement(n); next != nil && len(strings.Fields(nodeText(next))) <= 6 && !outsideByline(s) {
				out = append(out, next)
			}
		case outsideByline(s):
		case words <= 15 && bylineLabelled.MatchString(t): // "Written by …" anywhere
			out = append(out, n)
		case !near:
		case words <= 15 && bylineStart.MatchString(t):
			out = append(out, n)
		case head >= 0 && pos[n] > head && seen <= 3 && isDateline(t):
			datelines = append(datelines, n)
		}
	})
	return out, datelines
}

// maxBylineLineRunes is the longest text of an element taken for a byline
// line.
const maxBylineLineRunes = 200

// bylineLabelled matches a line that says outright that a name follows.
var bylineLabelled = regexp.MustCompile(`(?i)^(?:written by|posted by|article by|authored by|contributed by|` +
	`contributors?:|author:|geschrieben von|escrito por|écrit par|scritto da)\s*\p{Lu}`)

// fullDate is a date with its day and month (not a bare year or time).
var fullDate = regexp.MustCompile(`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b|` +
	`\b\d{1,2}\.?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\d{4}-\d{2}-\d{2}|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b`)

// isDateline reports whether t is a short line of a date and a few words
// ("2025-12-17 · Trond Teigen", "Dec 26, 2025 • Mahua Das in Project
// Management"), as pages show under the headline.
func isDateline(t string) bool {
	loc := fullDate.FindStringIndex(t)
	if loc == nil {
		return false
	}
	rest := strings.Fields(dateInByline.ReplaceAllString(t, " "))
	return len(rest) > 0 && len(rest) <= 6
}

// bylineAlone matches a label shown apart from the name it introduces.
var bylineAlone = regexp.MustCompile(`(?i)^(?:(?:written|posted|published|article|story|text|words|reported) by|by|authors?|` +
	`autor(?:in)?|auteur|autore|作者|著者)\s*:?$`)

// nextElement returns the element after n among its siblings, or nil.
func nextElement(n *html.Node) *html.Node {
	for c := n.NextSibling; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			return c
		}
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			return nil
		}
	}
	return nil
}

// elementPositions numbers the elements of the document in order.
func elementPositions(doc *html.Node) map[*html.Node]int {
	pos := map[*html.Node]int{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			pos[n] = len(pos)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return pos
}

// boundedText returns the text under n with a newline where one element's
// text ends and another's begins without white space between them
// ("<span>Jane Doe</span><span>Staff Writer</span>"), so that a byline's
// parts are not run together.
func boundedText(n *html.Node) string {
	var b strings.Builder
	var last byte = '\n'
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			if n.Data != "" {
				b.WriteString(n.Data)
				last = n.Data[len(n.Data)-1]
			}
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Button, atom.Select, atom.Svg:
				return
			}
		}
		boundary := func() {
			if last != ' ' && last != '\n' && last != '\t' && last != '\r' {
				b.WriteByte('\n')
				last = '\n'
			}
		}
		boundary()
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		boundary()
	}
	walk(n)
	return strings.TrimSpace(b.String())
}
