package importer

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// Footnotes. A page marks a note in its text with a short link to a place
// in the same page ("[1]", "*", "†"), set as a superscript or named a note
// reference (role doc-noteref, classes such as footnote-ref or fnref); the
// element the link leads to, when it is a list item, paragraph or box of
// the content, is the note and becomes a Footnote block labelled with the
// link's mark. Wikipedia's references, Markdown processors' and Word's
// footnotes are built so.

// noteRefName is a class or rel naming a link to a note.
var noteRefName = regexp.MustCompile(`(?i)(^|[\s_-])(footnote|fnref|fn-ref|noteref|note-ref|endnote)([\s_-]|$)`)

// noteTags are the elements a note can be.
var noteTags = map[string]bool{"li": true, "p": true, "div": true, "aside": true, "dd": true}

// maxNoteMark is the longest mark of a note reference.
const maxNoteMark = 5

// footnoteTargets returns the ids of the content's footnotes, each with the
// label of the first reference to it.
func footnoteTargets(content *html.Node) map[string]string {
	if content == nil {
		return nil
	}
	ids := map[string]*html.Node{}
	var refs []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if id := attrOf(n, "id"); id != "" && ids[id] == nil {
				ids[id] = n
			}
			if n.Data == "a" && strings.HasPrefix(attrOf(n, "href"), "#") {
				refs = append(refs, n)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(content)
	notes := map[string]string{}
	for _, a := range refs {
		id := strings.TrimPrefix(attrOf(a, "href"), "#")
		target := ids[id]
		label := noteLabel(nodeText(a))
		if target == nil || label == "" || !noteTags[target.Data] || !isNoteRef(a) || contains(target, a) {
			continue
		}
		if _, ok := notes[id]; !ok {
			notes[id] = label
		}
	}
	return notes
}

// noteLabel returns the mark of a note reference's text: "1" of "[1]", or
// "" when the text is too long to be a mark.
func noteLabel(s string) string {
	s = strings.Trim(strings.TrimSpace(s), "[]()")
	if s == "" || utf8.RuneCountInString(s) > maxNoteMark || strings.ContainsAny(s, " \n\t") {
		return ""
	}
	return s
}

// isNoteRef reports whether the link a is set as a note reference: in a
// superscript, or named so by its role, class or rel (or its parent's).
func isNoteRef(a *html.Node) bool {
	if attrOf(a, "role") == "doc-noteref" || noteRefName.MatchString(attrOf(a, "class")+" "+attrOf(a, "rel")) {
		return true
	}
	for p := a.Parent; p != nil && p.Type == html.ElementNode; p = p.Parent {
		if p.Data == "sup" || noteRefName.MatchString(attrOf(p, "class")) {
			return true
		}
		if blockTags[p.Data] {
			break
		}
	}
	for c := a.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data == "sup" {
			return true
		}
	}
	return false
}

// contains reports whether n is d or one of its ancestors.
func contains(n, d *html.Node) bool {
	for ; d != nil; d = d.Parent {
		if d == n {
			return true
		}
	}
	return false
}
