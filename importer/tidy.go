package importer

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"

	"github.com/clippings/clippings/archive"
)

// dekClass is the class of an element holding a standfirst.
var dekClass = regexp.MustCompile(`(?i)(^|[\s_-])(standfirst|dek|sub-?title|sub-?headline|strapline|article-?summary|` +
	`article__summary|article-dek|headline-dek)([\s_-]|$)`)

// Standfirsts are between these lengths, in runes.
const (
	minDekRunes = 20
	maxDekRunes = 400
)

// findDek returns the page's standfirst: an element classed as one, or
// marked as the alternative headline.
func findDek(p *htmlPage) string {
	dek := ""
	p.query.Find("[class], [itemprop=alternativeHeadline]").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if !s.Is("[itemprop=alternativeHeadline]") && !dekClass.MatchString(s.AttrOr("class", "")) {
			return true
		}
		t := foldSpace(s.Text())
		if para := s.Find("p").First(); para.Length() > 0 {
			t = foldSpace(para.Text())
		}
		if n := utf8.RuneCountInString(t); n >= minDekRunes && n <= maxDekRunes {
			dek = t
			return false
		}
		return true
	})
	return dek
}

// standfirstFromDescription returns the page's description as a
// standfirst unless it only repeats (or cuts short) the start of the
// body, or is too long to be one.
func standfirstFromDescription(a *archive.Article, desc string) string {
	desc = foldSpace(desc)
	if utf8.RuneCountInString(desc) > maxDekRunes || utf8.RuneCountInString(desc) < minDekRunes {
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

// tidyArticle drops the title where the body repeats it as its first
// heading or paragraph. (A standfirst the body starts with stays: it is
// part of the text as the page shows it.)
func tidyArticle(p *htmlPage) error {
	a := p.art
	for i, bl := range a.Blocks {
		if bl.Kind == archive.FigureRef {
			continue
		}
		if (bl.Kind == archive.Heading || bl.Kind == archive.Paragraph) && fold(bl.Text) == fold(a.Title) {
			a.Blocks = append(a.Blocks[:i], a.Blocks[i+1:]...)
		}
		break
	}
	if a.Text() == "" {
		return ErrNotArticle
	}
	return nil
}

// fold returns s lower-cased with its white space folded, for comparing.
func fold(s string) string {
	return strings.ToLower(foldSpace(s))
}
