package importer

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// Words the page's layout keeps apart although its markup puts no white
// space between them must not be glued in the text ("Casey Affleck" and
// "Manchester by the Sea" in two spans that the style sheet sets one under
// the other). The markup tells it in three ways: an inline style or a
// display class that lays an element out as a block, two adjacent links to
// different addresses, and two adjacent elements of different classes
// (fields of a card that a style sheet lays out).

// styledBlock matches an inline style that lays an element out as a block.
var styledBlock = regexp.MustCompile(`(?i)(^|;)\s*display\s*:\s*(block|flex|grid|table|list-item)\b`)

// blockClass matches a class list holding a display utility that lays the
// element out as a block (Tailwind's "block", "flex", "grid", perhaps for
// a screen width: "md:block"); "inline-block" and "inline-flex" do not.
var blockClass = regexp.MustCompile(`(?:^|\s)(?:(?:sm|md|lg|xl|2xl):)?(?:block|flex|grid)(?:\s|$)`)

// isStyledBlock reports whether n's inline style or one of its display
// classes lays it out as a block.
func isStyledBlock(n *html.Node) bool {
	return styledBlock.MatchString(attrOf(n, "style")) || blockClass.MatchString(attrOf(n, "class"))
}

// minFieldRunes is the least text an element has to count as a field of
// its own: a single letter set apart is a drop capital ("<span>T</span>he").
const minFieldRunes = 2

// laidApart reports whether n and the element just before it, with no text
// between them, are separate fields whose words the reader sees apart:
// links to different addresses, or elements of different classes. Inside
// code, classes only colour the tokens.
func laidApart(n *html.Node) bool {
	prev := n.PrevSibling
	if prev == nil || prev.Type != html.ElementNode || inCode(n) {
		return false
	}
	sameLink := prev.Data == "a" && n.Data == "a" && attrOf(prev, "href") == attrOf(n, "href")
	links := prev.Data == "a" && n.Data == "a" && !sameLink
	fields := attrOf(prev, "class") != "" && attrOf(n, "class") != "" && attrOf(prev, "class") != attrOf(n, "class") && !sameLink
	if !links && !fields {
		return false
	}
	before, after := strings.TrimSpace(nodeText(prev)), strings.TrimSpace(nodeText(n))
	return utf8.RuneCountInString(before) >= minFieldRunes && utf8.RuneCountInString(after) >= minFieldRunes
}

// inCode reports whether n is inside code, whose spans colour tokens.
func inCode(n *html.Node) bool {
	for a := n; a != nil; a = a.Parent {
		if a.Type == html.ElementNode && (a.Data == "code" || a.Data == "pre" || a.Data == "kbd" || a.Data == "samp") {
			return true
		}
	}
	return false
}

// needsSpace reports whether a space must go between text ending with
// before and text starting with after: both are letters or digits of a
// script written with spaces.
func needsSpace(before, after rune) bool {
	return wordRune(before) && wordRune(after)
}

// wordRune reports whether r is a letter or digit of a script that puts
// spaces between words (not Chinese, Japanese, Thai, …).
func wordRune(r rune) bool {
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return false
	}
	return !unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao,
		unicode.Khmer, unicode.Myanmar, unicode.Tibetan)
}

// lastRune returns the last rune of s, or 0.
func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	if r == utf8.RuneError {
		return 0
	}
	return r
}

// firstRune returns the first rune of the text under n, or 0.
func firstRune(n *html.Node) rune {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(nodeText(n), " \t\r\n"))
	if r == utf8.RuneError {
		return 0
	}
	return r
}
