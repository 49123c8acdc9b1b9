package importer

import (
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
)

// pageMeta is what a page says about its article outside the body.
type pageMeta struct {
	Standfirst, Description string
	URL, Language           string
	Published, Modified     time.Time
	CaptureURL              string
	Captured                time.Time
	// What title, authors and site are chosen from (title.go,
	// authors.go, site.go).
	ld   *ldArticle // nil without JSON-LD
	tags metaTags
}

var (
	savedFrom       = regexp.MustCompile(`<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->`)
	singleFileURL   = regexp.MustCompile(`(?m)^\s*url:\s*(\S+)\s*$`)
	singleFileDate  = regexp.MustCompile(`(?m)^\s*saved date:\s*(.+?)\s*$`)
	singleFileBlock = regexp.MustCompile(`(?s)<!--\s*Page saved with SingleFile.*?-->`)
	jsDateZone      = regexp.MustCompile(`\s*\([^)]*\)\s*$`)
)

// findProvenance reads where and when the page was saved: from its
// container if it had one, else from the marks browsers and SingleFile
// leave at its start: "<!-- saved from url=(0085)… -->" and SingleFile's
// "url:" and "saved date:" comment.
func findProvenance(p *htmlPage) error {
	if isWebURL(p.src.URL) {
		p.meta.CaptureURL = p.src.URL
	}
	p.meta.Captured = p.src.Captured
	head := p.markup[:min(len(p.markup), prescanLen)]
	if m := savedFrom.FindStringSubmatch(head); m != nil && isWebURL(m[1]) {
		p.savedFrom = true
		p.meta.CaptureURL = first(p.meta.CaptureURL, m[1])
	}
	if block := singleFileBlock.FindString(head); block != "" {
		if m := singleFileURL.FindStringSubmatch(block); m != nil && isWebURL(m[1]) {
			p.meta.CaptureURL = first(p.meta.CaptureURL, m[1])
		}
		if m := singleFileDate.FindStringSubmatch(block); m != nil && p.meta.Captured.IsZero() {
			p.meta.Captured = parseJSDate(m[1])
		}
	}
	return nil
}

// parseJSDate parses a date as JavaScript's Date.toString writes it ("Thu
// Mar 28 2019 10:15:00 GMT+0100 (Central European Standard Time)").
func parseJSDate(s string) time.Time {
	s = jsDateZone.ReplaceAllString(s, "")
	if t, err := time.Parse("Mon Jan 02 2006 15:04:05 GMT-0700", s); err == nil {
		return t
	}
	return parseDate(s)
}

func isWebURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// findMetadata reads the article's metadata from JSON-LD, OpenGraph and
// other <meta> tags, <link rel=canonical>, <html lang> and <time>.
// JSON-LD is preferred, then OpenGraph, then the rest.
func findMetadata(p *htmlPage) error {
	d := p.query
	m, tags := &p.meta, readMetaTags(d)
	m.ld, m.tags = findJSONLD(d), tags
	ld := m.ld
	if ld == nil {
		ld = &ldArticle{}
	}
	m.Standfirst = ld.Alternative
	m.Description = first(ld.Description, tags.get("og:description", "description", "twitter:description"))
	m.URL = first(absURL(p.base, attr(d, `link[rel~="canonical"]`, "href")),
		absURL(p.base, tags.get("og:url")), absURL(p.base, ld.URL))
	m.Language = first(attr(d, "html", "lang"), attr(d, "html", "xml:lang"), ld.Language,
		tags.get("content-language", "dc.language", "og:locale"))
	m.Published, m.Modified = findDates(p, ld, tags)
	return nil
}

// metaTags maps the lower-cased property, name, itemprop or http-equiv
// of a page's <meta> tags to their content; the first tag wins.
type metaTags map[string]string

func readMetaTags(d *goquery.Document) metaTags {
	tags := metaTags{}
	d.Find("meta[content]").Each(func(_ int, s *goquery.Selection) {
		c := foldSpace(s.AttrOr("content", ""))
		if c == "" {
			return
		}
		for _, a := range []string{"property", "name", "itemprop", "http-equiv"} {
			for _, k := range strings.Fields(strings.ToLower(s.AttrOr(a, ""))) {
				if _, ok := tags[k]; !ok {
					tags[k] = c
				}
			}
		}
	})
	return tags
}

// get returns the content of the first of keys that the page has.
func (t metaTags) get(keys ...string) string {
	for _, k := range keys {
		if c := t[strings.ToLower(k)]; c != "" {
			return c
		}
	}
	return ""
}

// attr returns the trimmed attribute name of the first element matching
// selector.
func attr(d *goquery.Document, selector, name string) string {
	return strings.TrimSpace(d.Find(selector).First().AttrOr(name, ""))
}

// absURL resolves ref against base; it returns "" for an empty ref or one
// that is not a web address.
func absURL(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" || strings.HasPrefix(ref, "#") || strings.HasPrefix(strings.ToLower(ref), "javascript:") {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		if base == nil && u.Scheme == "" {
			return ref // relative, with nothing to resolve against
		}
		return ""
	}
	return u.String()
}

// first returns the first non-empty string.
func first(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}
