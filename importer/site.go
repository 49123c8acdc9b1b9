package importer

import (
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/net/publicsuffix"
)

// The site is the name the page gives its site (og:site_name, JSON-LD's
// publisher or WebSite, application-name), cleaned, else the page's host
// name without "www.". A name that is an address gives its host; a handle
// ("@politifact") or a word that names no site ("Hosted") is no name.

// notSiteName matches names pages give their site that name none: the
// software, the kind of page, a placeholder.
var notSiteName = regexp.MustCompile(`(?i)^(hosted|home|homepage|home page|blog|website|web site|site|wordpress|` +
	`blogger|wix|squarespace|ghost|medium\.com|substack|untitled|null|undefined|none|n/a|default|index|news|article)$`)

// maxSiteWords is the longest site name kept whole: a longer one is the
// site's name followed by a slogan for search engines ("Urge Fitness |
// Affordable 24/7 Gyms Near Me in PA and NJ"), cut to its first segment.
const maxSiteWords = 8

// articleSite returns the site's name.
func articleSite(p *htmlPage) string {
	for _, s := range siteCandidates(p) {
		if name := cleanSiteName(s); name != "" {
			return name
		}
	}
	return pageHost(p)
}

// siteCandidates returns the names the page gives its site, the most
// trusted first. Some pages put the article's title in og:site_name or
// application-name: a name that is the article's title (og:title,
// twitter:title, JSON-LD's headline) is left out.
func siteCandidates(p *htmlPage) []string {
	tags := p.meta.tags
	out := []string{p.read.SiteName(), tags.get("og:site_name")}
	titles := map[string]bool{titleKey(tags.get("og:title")): true, titleKey(tags.get("twitter:title")): true}
	if ld := p.meta.ld; ld != nil {
		out = append(out, ld.Publisher, ld.SiteName)
		titles[titleKey(ld.Headline)] = true
	}
	out = append(out, tags.get("application-name"), tags.get("al:android:app_name", "al:ios:app_name", "al:iphone:app_name"))
	kept := out[:0]
	for _, s := range out {
		if k := titleKey(s); k != "" && !titles[k] {
			kept = append(kept, s)
		}
	}
	return kept
}

// cleanSiteName returns the name a page gave its site, cleaned, or "" when
// it names none. An address gives its host name.
func cleanSiteName(s string) string {
	s = foldSpace(unescapeTwice(s))
	if looksLikeURL(s) {
		if !strings.Contains(s, "://") {
			s = "https://" + strings.TrimPrefix(s, "//")
		}
		u, err := url.Parse(s)
		if err != nil || u.Hostname() == "" {
			return ""
		}
		return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	}
	if strings.HasPrefix(s, "@") || notSiteName.MatchString(s) || titleKey(s) == "" {
		return ""
	}
	if len(strings.Fields(s)) > maxSiteWords {
		if loc := titleSeparator.FindStringIndex(s); loc != nil && loc[0] > 0 {
			s = strings.TrimSpace(s[:loc[0]])
		}
	}
	return s
}

// pageURL returns the page's address: canonical, else captured, else the
// base address; nil when unknown.
func pageURL(p *htmlPage) *url.URL {
	for _, s := range []string{p.meta.URL, p.meta.CaptureURL} {
		if u, err := url.Parse(s); err == nil && u.Hostname() != "" {
			return u
		}
	}
	return p.base
}

// pageHost returns the page's host name without "www.", lower case, or "".
func pageHost(p *htmlPage) string {
	u := pageURL(p)
	if u == nil || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	return hostKey(u)
}

// siteKeys returns the keys (titleKey) of every name the page gives its
// site, of its host name and of the host's registered name ("tarkett" for
// www.tarkett.com).
func siteKeys(p *htmlPage) []string {
	names := append(siteCandidates(p), p.meta.tags.get("twitter:site"), p.meta.tags.get("dc.publisher"))
	for _, s := range siteCandidates(p) {
		names = append(names, cleanSiteName(s)) // "Urge Fitness" of "Urge Fitness | Affordable 24/7 Gyms …"
	}
	if host := pageHost(p); host != "" {
		names = append(names, host)
		if site, err := publicsuffix.EffectiveTLDPlusOne(host); err == nil {
			names = append(names, strings.SplitN(site, ".", 2)[0])
		}
	}
	return nameKeys(names)
}

// authorKeys returns the keys of the names the metadata gives the
// authors: titles end with the author's name too ("… | Eleanor Ainge
// Roy").
func authorKeys(p *htmlPage) []string {
	return nameKeys(metaAuthorNames(p))
}

// nameKeys returns the keys of names, once each.
func nameKeys(names []string) []string {
	var keys []string
	seen := map[string]bool{}
	for _, n := range names {
		if k := titleKey(strings.TrimPrefix(foldSpace(n), "@")); k != "" && !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	return keys
}
