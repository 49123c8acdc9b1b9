package importer

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// The segments of a page's title that name the site ("… | Tarkett",
// "Mozilla - Wikipedia"), its author ("… | Eleanor Ainge Roy") or a
// section ("… | Opinion"), and how they are cut off.

// shortTail finds a last segment after a strong separator (a bar, a dash
// between spaces) that is short.
var shortTail = regexp.MustCompile(`\s+(?:[|–—·•»]|-{1,2})\s+(\S+(?:\s+\S+){0,2})$`)

// stripShortTail removes from a metadata title a last segment of at most
// three words after a bar or dash ("… – My website", "… - Entermedia"),
// when what stays is a headline of four words or more: where nothing else
// names the site, that segment most often does.
func stripShortTail(t string) string {
	m := shortTail.FindStringSubmatchIndex(t)
	if m == nil {
		return t
	}
	rest := strings.TrimSpace(t[:m[0]])
	if len(strings.Fields(rest)) < 2*minHeadlineWords-2 && isAlphabetic(rest) || !plausibleHeadline(rest) {
		return t
	}
	return rest
}

// stripSiteTail removes the trailing segments of a title that name the
// site ("… – Artlyst", which some pages show in the headline too).
func stripSiteTail(title string, sites []string) string {
	t := title
	for range 3 {
		locs := titleSeparator.FindAllStringIndex(t, -1)
		if len(locs) == 0 {
			break
		}
		last := locs[len(locs)-1]
		rest := strings.TrimSpace(t[:last[0]])
		if !siteSegment(t[last[1]:], sites) || !plausibleHeadline(rest) {
			break
		}
		t = rest
	}
	return t
}

// titleSeparator splits a page title into segments: the headline, the
// section, the site ("Headline | Site", "Site » Headline",
// "标题_科技_腾讯网").
var titleSeparator = regexp.MustCompile(`\s+[|–—·•»:/\\~-]\s+|\s*[|•»_｜]\s*|\s+::\s+|\s*::\s*$|^\s*::\s*`)

// stripSiteParts removes from a metadata title the segments that name the
// site (its name, its host, a generic name such as "Wikipedia, the free
// encyclopedia") at its end or start.
func stripSiteParts(title string, sites []string) string {
	t := foldSpace(title)
	for range 4 {
		cut := false
		locs := titleSeparator.FindAllStringIndex(t, -1)
		if len(locs) == 0 {
			break
		}
		last := locs[len(locs)-1]
		if tail := t[last[1]:]; last[0] > 0 && (tail == "" || siteSegment(tail, sites)) {
			t, cut = strings.TrimSpace(t[:last[0]]), true
		} else if head := t[:locs[0][0]]; locs[0][1] < len(t) && (head == "" || siteSegment(head, sites)) {
			t, cut = strings.TrimSpace(t[locs[0][1]:]), true
		}
		if !cut {
			break
		}
	}
	if head, rest, ok := strings.Cut(t, ": "); ok && siteSegment(head, sites) && plausibleHeadline(rest) {
		t = strings.TrimSpace(rest) // "Engora Data Blog: Small adventures with …"
	}
	if utf8.RuneCountInString(t) < minHeadlineRunes || matchesSite(t, sites) {
		return foldSpace(title)
	}
	return t
}

// sectionName matches the names of sections that pages add after a
// headline ("… | Opinion").
var sectionName = regexp.MustCompile(`(?i)^(?:opinion|analysis|commentary|editorial|column|reviews?|news|blog|podcast|` +
	`video|interview|live|explainer|features?|letters|obituary|obituaries|guest column|op-ed)$`)

// trailingSeparator finds the separators after which a section's name may
// follow.
var trailingSeparator = regexp.MustCompile(`\s+[|–—·•-]\s+|\s*\|\s*`)

// stripSection removes a trailing segment of t that names a section.
func stripSection(t string) string {
	locs := trailingSeparator.FindAllStringIndex(t, -1)
	if len(locs) == 0 {
		return t
	}
	last := locs[len(locs)-1]
	if rest := strings.TrimSpace(t[:last[0]]); sectionName.MatchString(strings.TrimSpace(t[last[1]:])) && plausibleHeadline(rest) {
		return rest
	}
	return t
}

// genericSite matches title segments that name a kind of site or page
// rather than the article.
var genericSite = regexp.MustCompile(`(?i)^(wikipedia, the free encyclopedia|wikipedia|home ?page|home|blog|official (web)?site)$`)

// stripAuthor removes a last segment of a title that names an author
// ("… | Eleanor Ainge Roy").
func stripAuthor(title string, authors []string) string {
	locs := titleSeparator.FindAllStringIndex(title, -1)
	if len(locs) == 0 || len(authors) == 0 {
		return title
	}
	last := locs[len(locs)-1]
	if rest := strings.TrimSpace(title[:last[0]]); containsKey(authors, titleKey(title[last[1]:])) && plausibleHeadline(rest) {
		return rest
	}
	return title
}

// isSiteName reports whether a shown headline only names the site: it is
// one of the site's names, a part of one, or made of its words ("Minecraft
// News" of "Minecraft Update News").
func isSiteName(s string, sites []string) bool {
	k := titleKey(s)
	for _, site := range sites {
		switch {
		case k == site, len(k) >= 4 && strings.Contains(site, k):
			return true
		case len(site) >= 4 && strings.Contains(k, site) && utf8.RuneCountInString(k)-utf8.RuneCountInString(site) <= 3:
			return true // "痞客邦 PIXNET" on pixnet.net
		}
	}
	return k != "" && wordsOfSite(s, sites)
}

// siteSegment reports whether a segment of a title names the site: it is
// one of the page's names for itself, a host name, or a generic name.
func siteSegment(seg string, sites []string) bool {
	seg = strings.TrimSpace(seg)
	return matchesSite(seg, sites) || genericSite.MatchString(seg) || hostLike.MatchString(seg)
}

// hostLike matches a segment that is a host name ("Newegg.com").
var hostLike = regexp.MustCompile(`(?i)^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.(com|org|net|edu|gov|io|co|info|news|ai|dev|app|[a-z]{2})$`)

// matchesSite reports whether s names the site: its key equals one of
// sites (keys of the site's names and hosts), or one holds the other when
// both are long enough not to match by chance.
func matchesSite(s string, sites []string) bool {
	k := titleKey(s)
	if k == "" {
		return false
	}
	for _, site := range sites {
		switch {
		case k == site:
			return true
		case len(site) >= 4 && len(k) <= 3*len(site) && strings.Contains(k, site):
			return true
		case len(k) >= 4 && len(site) <= 3*len(k) && strings.Contains(site, k):
			return true
		}
	}
	return false
}

// wordsOfSite reports whether every word of s, of two or more, is a word of
// one of the site's names ("Minecraft News" of "Minecraft Update News").
func wordsOfSite(s string, sites []string) bool {
	words := strings.Fields(s)
	if len(words) < 2 {
		return false
	}
	for _, site := range sites {
		all := true
		for _, w := range words {
			if k := titleKey(w); len(k) < 3 || !strings.Contains(site, k) {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// leadLabel is what some pages put before the headline: a label
// ("Title:", "Blog:"), the date, the host's name ("davidbau.com Vibe
// Coding").
var leadLabel = regexp.MustCompile(`(?i)^(?:(?:title|blog|news|article|post)\s*:\s*|` +
	`(?:www\.)?[a-z0-9-]+\.(?:com|org|net|io|dev|blog)\s+)`)

// stripLead removes a label, a date or the host's name before the
// headline.
func stripLead(t string) string {
	rest := t
	if loc := leadLabel.FindStringIndex(rest); loc != nil {
		rest = rest[loc[1]:]
	}
	if loc := fullDate.FindStringIndex(rest); loc != nil && loc[0] == 0 {
		for loc := dateInByline.FindStringIndex(rest); loc != nil && loc[0] == 0; loc = dateInByline.FindStringIndex(rest) {
			rest = strings.TrimLeft(rest[loc[1]:], " ,·|-–—:")
		}
	}
	if rest = strings.TrimSpace(rest); rest != t && plausibleHeadline(rest) {
		return rest
	}
	return t
}
