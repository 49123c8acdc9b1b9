package importer

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
)

// streamedID is the id of a segment a server streamed after the page's
// shell (React's streaming rendering, as Next.js sites use it): the segment
// arrives in <div hidden id="S:n"> and a script moves it into the shell,
// in place of <template id="B:n"> (n in base 32) (a suspense boundary, whose loading
// placeholder it replaces) or <template id="P:n"> (a postponed part).
var streamedID = regexp.MustCompile(`^S:([0-9a-z]+)$`)

// revealStreamed does what the page's scripts would have done with the
// streamed segments: each hidden segment's content is moved to the
// template that waits for it, so that the content finder sees the article
// where the reader saw it rather than a hidden block (which it skips) and
// a loading spinner. Segments nested in one another are moved once their
// container is in place; a segment with no template stays hidden.
func revealStreamed(p *htmlPage) error {
	templates := map[string]*html.Node{}
	var segments []*html.Node
	walkElements(p.doc, func(n *html.Node) {
		id := attrOf(n, "id")
		switch {
		case n.Data == "template" && (strings.HasPrefix(id, "B:") || strings.HasPrefix(id, "P:")):
			templates[id] = n
		case n.Data == "div" && hasAttr(n, "hidden") && streamedID.MatchString(id):
			segments = append(segments, n)
		}
	})
	for moved := true; moved && len(segments) > 0; {
		moved = false
		left := segments[:0]
		for _, seg := range segments {
			if revealSegment(seg, templates) {
				moved = true
			} else {
				left = append(left, seg)
			}
		}
		segments = left
	}
	return nil
}

// revealSegment moves the content of one streamed segment to its template
// and reports whether it did: not when the template is missing or still
// inside a hidden segment.
func revealSegment(seg *html.Node, templates map[string]*html.Node) bool {
	n := streamedID.FindStringSubmatch(attrOf(seg, "id"))[1]
	t, boundary := templates["B:"+n], true
	if t == nil {
		t, boundary = templates["P:"+n], false
	}
	if t == nil || t.Parent == nil || insideSegment(t) {
		return false
	}
	if boundary {
		dropFallback(t)
	}
	for c := seg.FirstChild; c != nil; {
		next := c.NextSibling
		seg.RemoveChild(c)
		t.Parent.InsertBefore(c, t)
		c = next
	}
	t.Parent.RemoveChild(t)
	if seg.Parent != nil {
		seg.Parent.RemoveChild(seg)
	}
	return true
}

// maxFallbackWords is the most words a loading placeholder ("Loading…")
// has when no comments mark where it ends.
const maxFallbackWords = 5

// dropFallback removes the loading placeholder that a suspense boundary
// shows until its segment arrives: what follows the template up to the
// comment that closes the boundary (<!--$?--> … <!--/$-->, boundaries
// nested in it counted), or, when the page has no such comments, the one
// short element right after the template.
func dropFallback(t *html.Node) {
	parent := t.Parent
	if open := t.PrevSibling; open != nil && open.Type == html.CommentNode && open.Data == "$?" {
		depth := 0
		for s := t.NextSibling; s != nil; {
			if s.Type == html.CommentNode {
				if s.Data == "/$" {
					if depth == 0 {
						return
					}
					depth--
				} else if s.Data == "$" || s.Data == "$?" || s.Data == "$!" {
					depth++
				}
			}
			next := s.NextSibling
			parent.RemoveChild(s)
			s = next
		}
		return
	}
	s := t.NextSibling
	for s != nil && s.Type == html.TextNode && strings.TrimSpace(s.Data) == "" {
		s = s.NextSibling
	}
	if s != nil && s.Type == html.ElementNode && s.Data != "template" &&
		len(strings.Fields(nodeText(s))) <= maxFallbackWords && !hasTemplate(s) {
		parent.RemoveChild(s)
	}
}

// hasTemplate reports whether a template element is under n.
func hasTemplate(n *html.Node) bool {
	found := false
	walkElements(n, func(c *html.Node) { found = found || c.Data == "template" })
	return found
}

// insideSegment reports whether n is inside a hidden streamed segment.
func insideSegment(n *html.Node) bool {
	for a := n.Parent; a != nil; a = a.Parent {
		if a.Type == html.ElementNode && a.Data == "div" && hasAttr(a, "hidden") && streamedID.MatchString(attrOf(a, "id")) {
			return true
		}
	}
	return false
}

// walkElements calls fn on every element under n, in document order.
func walkElements(n *html.Node, fn func(*html.Node)) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			fn(c)
		}
		walkElements(c, fn)
	}
}

// revealPanels shows the collapsed panels of accordions and tabs, whose
// text the reader opens with a click: an element hidden (by the hidden
// attribute, aria-hidden or an inline style) whose role is region or
// tabpanel, or that a control names in aria-controls. A panel that is
// mostly links (a menu a button opens) stays hidden.
func revealPanels(p *htmlPage) error {
	controlled := map[string]bool{}
	walkElements(p.doc, func(n *html.Node) {
		for _, id := range strings.Fields(attrOf(n, "aria-controls")) {
			controlled[id] = true
		}
	})
	walkElements(p.doc, func(n *html.Node) {
		role := attrOf(n, "role")
		if !isHiddenElement(n) || !(role == "region" || role == "tabpanel" || controlled[attrOf(n, "id")] && attrOf(n, "id") != "") {
			return
		}
		if text, linked := linkedText(n); text == "" || float64(len(linked)) > maxProseLinkShare*float64(len(text)) {
			return
		}
		unhide(n)
	})
	return nil
}

// isHiddenElement reports whether n is hidden by its own attributes.
func isHiddenElement(n *html.Node) bool {
	return hasAttr(n, "hidden") || attrOf(n, "aria-hidden") == "true" || styledHidden.MatchString(attrOf(n, "style"))
}

// unhide removes what hides n.
func unhide(n *html.Node) {
	attrs := n.Attr[:0]
	for _, a := range n.Attr {
		switch {
		case a.Key == "hidden", a.Key == "aria-hidden":
			continue
		case a.Key == "style":
			a.Val = styledHidden.ReplaceAllString(a.Val, "$1")
		}
		attrs = append(attrs, a)
	}
	n.Attr = attrs
}
