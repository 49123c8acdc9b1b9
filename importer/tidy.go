package importer

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"

	"github.com/clippings/clippings/archive"
)

// standfirstClass is the class of an element holding a standfirst.
var standfirstClass = regexp.MustCompile(`(?i)(^|[\s_-])(standfirst|dek|sub-?title|sub-?headline|strapline|article-?summary|` +
	`article__summary|article-dek|headline-dek)([\s_-]|$)`)

// Standfirsts are between these lengths, in runes.
const (
	minStandfirstRunes = 20
	maxStandfirstRunes = 400
)

// findStandfirst returns the page's standfirst: an element classed as one, or
// marked as the alternative headline.
func findStandfirst(p *htmlPage) string {
	found := ""
	p.query.Find("[class], [itemprop=alternativeHeadline]").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		class := s.AttrOr("class", "")
		isStandfirst := mayHold(class, "standfirst", "dek", "sub", "strapline", "summary") && standfirstClass.MatchString(class)
		if !isStandfirst && !s.Is("[itemprop=alternativeHeadline]") {
			return true
		}
		t := foldSpace(s.Text())
		if para := s.Find("p").First(); para.Length() > 0 {
			t = foldSpace(para.Text())
		}
		if n := utf8.RuneCountInString(t); n >= minStandfirstRunes && n <= maxStandfirstRunes {
			found = t
			return false
		}
		return true
	})
	return found
}

// standfirstFromDescription returns the page's description as a
// standfirst unless it only repeats (or cuts short) the start of the
// body, or is too long to be one.
func standfirstFromDescription(a *archive.Article, desc string) string {
	desc = foldSpace(desc)
	if utf8.RuneCountInString(desc) > maxStandfirstRunes || utf8.RuneCountInString(desc) < minStandfirstRunes {
		return ""
	}
	key := fold(strings.TrimRight(desc, ".…"))
	key = key[:min(len(key), 60)]
	for _, bl := range a.Blocks[:min(len(a.Blocks), 3)] {
		if strings.HasPrefix(fold(bl.Text), key) {
			return ""
		}
	}
	return desc
}

// maxDekWords is the longest standfirst taken out of the body when the
// body repeats it: a longer one is the article's first paragraph (a lede
// set in bold, as some sites do), which stays in the body and is then no
// standfirst.
const maxDekWords = 25

// tidyArticle drops the title where the body repeats it as its first
// heading or paragraph, and makes sure the standfirst is not shown twice:
// a short one the body repeats as its first paragraph (or heading: some
// pages set it as an <h2>) is dropped from the body, a long one is the
// lede and stays only in the body. A body is never emptied this way.
func tidyArticle(p *htmlPage) error {
	a := p.art
	if i := firstTextIs(a, a.Title); i >= 0 {
		a.Blocks = append(a.Blocks[:i], a.Blocks[i+1:]...)
	}
	if i := firstTextIs(a, a.Standfirst); i >= 0 {
		if len(strings.Fields(a.Standfirst)) > maxDekWords {
			a.Standfirst = ""
		} else {
			a.Blocks = append(a.Blocks[:i], a.Blocks[i+1:]...)
		}
	}
	if a.Text() == "" {
		return ErrNotArticle
	}
	return nil
}

// firstTextIs returns the index of the first text block of the body (past
// figures) when it is a paragraph or heading that repeats s and other
// text follows it; else -1.
func firstTextIs(a *archive.Article, s string) int {
	key := strings.TrimRight(fold(s), ".…")
	if key == "" {
		return -1
	}
	for i, bl := range a.Blocks {
		if bl.Kind == archive.FigureRef {
			continue
		}
		if (bl.Kind == archive.Heading || bl.Kind == archive.Paragraph) && strings.TrimRight(fold(bl.Text), ".…") == key && hasTextAfter(a.Blocks, i) {
			return i
		}
		return -1
	}
	return -1
}

// hasTextAfter reports whether a block after blocks[i] holds text.
func hasTextAfter(blocks []archive.Block, i int) bool {
	for _, bl := range blocks[i+1:] {
		if bl.Kind != archive.FigureRef && strings.TrimSpace(bl.Text) != "" {
			return true
		}
	}
	return false
}

// fold returns s lower-cased with its white space folded, for comparing.
func fold(s string) string {
	return strings.ToLower(foldSpace(s))
}
