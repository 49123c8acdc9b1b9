package importer

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"

	"github.com/clippings/clippings/archive"
)

// A personal site names its owner in the places a company site names the
// firm: the copyright line, the feeds' titles, og:site_name, the end of
// the <title>, the link home. Where no byline names anybody, a person's
// name that two of those places give, or one place and the host name
// ("Toby Hede" on tobyhede.com), is the author.

// copyrightHolder is the holder named on a copyright line ("© 2025 Toby
// Hede. All rights reserved.").
var copyrightHolder = regexp.MustCompile(`(?i)(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*` +
	`([^.,|©\d]+?)\s*(?:[.,|]|all rights|$)`)

// feedTitleTail is what a feed's title adds after the site's name
// ("Kiersten Hickman » Feed").
var feedTitleTail = regexp.MustCompile(`\s*(?:»|&raquo;|-|–|\|)\s*(?:comments\s+)?feed$`)

// ownerAuthors returns the site's owner as the author when the page's
// own places agree on a person's name; else nil.
func ownerAuthors(p *htmlPage) []archive.Author {
	host := pageHost(p)
	seen := map[string]int{} // a name's key → how many places give it
	var names []string       // in the order found
	for _, place := range ownerPlaces(p) {
		got := map[string]bool{}
		for _, s := range place {
			s = foldSpace(s)
			if k := titleKey(s); k != "" && !got[k] && looksLikeOwner(s) {
				got[k] = true
				if seen[k]++; seen[k] == 1 {
					names = append(names, s)
				}
			}
		}
	}
	for _, name := range names {
		if seen[titleKey(name)] >= 2 || hostNames(host, name) {
			return []archive.Author{{Name: name, Kind: archive.Person}}
		}
	}
	return nil
}

// ownerPlaces returns, place by place, the names the page gives its owner.
func ownerPlaces(p *htmlPage) [][]string {
	var feeds, home, copyright []string
	p.query.Find(`link[rel~="alternate"][title]`).Each(func(_ int, s *goquery.Selection) {
		if t := strings.ToLower(s.AttrOr("type", "")); strings.Contains(t, "rss") || strings.Contains(t, "atom") {
			feeds = append(feeds, feedTitleTail.ReplaceAllString(s.AttrOr("title", ""), ""))
		}
	})
	p.query.Find(`a[href="/"]`).Each(func(_ int, s *goquery.Selection) {
		home = append(home, s.Text())
	})
	p.query.Find("footer, [class*=footer], [id*=footer], [class*=copyright]").Each(func(_ int, s *goquery.Selection) {
		for _, m := range copyrightHolder.FindAllStringSubmatch(s.Text(), 3) {
			copyright = append(copyright, m[1])
		}
	})
	var tail []string
	if segs := titleSeparator.Split(p.query.Find("title").First().Text(), -1); len(segs) > 1 {
		tail = append(tail, segs[len(segs)-1])
	}
	return [][]string{feeds, home, copyright, tail, {p.meta.tags.get("og:site_name")}}
}

// looksLikeOwner reports whether s is a person's name as a site shows its
// owner's: two or three capitalised words of letters, no organisation or
// job ("The Coffee Chronicler", "Luxury Travel Expert", "Body by Bikini").
func looksLikeOwner(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 3 || strings.EqualFold(words[0], "the") || isOrgName(s) || isRolePiece(s) {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || strings.ToUpper(w) == w || strings.ContainsFunc(w, notNameRune) {
			return false
		}
	}
	return true
}

// notNameRune reports whether r is neither a letter nor a hyphen or an
// apostrophe, which names are written with.
func notNameRune(r rune) bool {
	return !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’'
}

// hostNames reports whether the host's first label names the person: the
// whole name, the first name or the family name ("tobyhede.com",
// "pierce.dev", "artmann.co").
func hostNames(host, name string) bool {
	label, _, _ := strings.Cut(strings.TrimPrefix(host, "www."), ".")
	words := strings.Fields(name)
	if label == "" || len(words) < 2 {
		return false
	}
	first, last := titleKey(words[0]), titleKey(words[len(words)-1])
	return label == titleKey(name) || label == first && len(first) >= 4 || label == last && len(last) >= 4
}
