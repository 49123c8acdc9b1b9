package importer

import (
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
)

var (
	// chromeClass is the class or id of page furniture that may sit
	// inside the main content: sharing buttons, newsletter boxes, adverts,
	// breadcrumbs, cookie notices, what is shown only in print (a print
	// header with the logo and the page's address).
	chromeClass = regexp.MustCompile(`(?i)(^|[\s_-])(share|sharing|sharebar|social|newsletter|subscribe|subscription|` +
		`promo|advert|advertisement|ad|ads|adslot|ad-slot|sponsor|sponsored|breadcrumbs?|skip-link|cookie|cookies|consent|` +
		`signup|sign-up|paywall|toolbar|tags|tag-list|topics|print)([\s_-]|$)`)
	// overlayClass is the class or id of a dialog laid over the page
	// (a disclosure, a newsletter or cookie pop-up).
	overlayClass = regexp.MustCompile(`(?i)(^|[\s_-])(modal|popup|pop-up)([\s_-]|$)`)
	// commentsClass is the class or id of a comment section.
	commentsClass = regexp.MustCompile(`(?i)(^|[\s_-])(comments?|comment-list|disqus|discussion|replies)([\s_-]|$)`)
)

// Limits of the page-chrome clean-up.
const (
	maxChromeText   = 500 // furniture holds little text; more is content
	minNavItems     = 3   // a navigation list has at least this many items …
	maxNavItemWords = 5   // … of at most this many words …
	minNavLinkShare = 0.8 // … and is mostly links
	// A table of at least minNavTableLinks links, minNavRowLinks a row,
	// that make up minNavTableShare of its text is a navigation box
	// (Wikipedia's navboxes: rows of links under labels); a table of
	// data has a link or two a row (a name, a source).
	minNavTableLinks = 10
	minNavRowLinks   = 3
	minNavTableShare = 0.6
	// maxCommentsShare is the most of the content's text a comment
	// section holds: an element holding more is the article itself,
	// classed by the state of its comments ("has-comments").
	maxCommentsShare = 0.5
)

// stripChrome removes from the main content what is page furniture
// rather than article: navigation, footers, forms, comment sections,
// sharing and newsletter boxes, lists of short links (menus) and tables
// of links (navigation boxes). The content finder leaves these when it
// falls back to most of the page.
func stripChrome(p *htmlPage) error {
	c := selection(p.content)
	c.Find(`nav, footer, form, [role="navigation"], [role="contentinfo"], [role="banner"], [hidden], [aria-hidden="true"]`).
		Not("[" + figAttr + "]").Remove()
	total := len(foldSpace(c.Text()))
	c.Find("[class], [id]").Each(func(_ int, s *goquery.Selection) {
		if s.Closest("["+figAttr+"]").Length() > 0 {
			return
		}
		names := s.AttrOr("class", "") + " " + s.AttrOr("id", "")
		switch {
		case commentsClass.MatchString(names) && !s.Is("p, h1, h2, h3, h4, h5, h6") &&
			float64(len(foldSpace(s.Text()))) < maxCommentsShare*float64(total):
			s.Remove()
		case chromeClass.MatchString(names) && len(foldSpace(s.Text())) <= maxChromeText:
			s.Remove()
		}
	})
	c.Find("ul, ol").Each(func(_ int, s *goquery.Selection) {
		if p.isNavList(s) {
			s.Remove()
		}
	})
	c.Find("table").Each(func(_ int, s *goquery.Selection) {
		links := s.Find("a[href]").Length()
		rows := max(1, s.Find("tr").FilterFunction(func(_ int, r *goquery.Selection) bool {
			return r.Find("a[href]").Length() > 0
		}).Length())
		if links >= minNavTableLinks && links >= minNavRowLinks*rows && linkShare(s) >= minNavTableShare {
			s.Remove() // a navigation box: a table of links to related pages
		}
	})
	c.Find("header").Each(func(_ int, s *goquery.Selection) {
		if s.Find("p").Length() == 0 && linkShare(s) >= minNavLinkShare {
			s.Remove()
		}
	})
	c.Find(`h1 a[href^="#"], h2 a[href^="#"], h3 a[href^="#"], h4 a[href^="#"], h5 a[href^="#"], h6 a[href^="#"]`).Each(func(_ int, s *goquery.Selection) {
		if isPermalinkMark(s.Text()) {
			s.Remove()
		}
	})
	return nil
}

// isPermalinkMark reports whether text is what a heading's link to
// itself shows ("#", "¶", "§", "🔗", or nothing): a symbol or two, no
// letter or digit.
func isPermalinkMark(text string) bool {
	text = strings.TrimSpace(text)
	if utf8.RuneCountInString(text) > 2 {
		return false
	}
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// maxOverlayShare is the most of the page's text a dialog laid over it
// holds; an element holding more, or holding an article's worth of words
// (minArticleWords), is the page itself or an article opened over a front
// page.
const maxOverlayShare = 0.3

// dropOverlays removes the dialogs laid over the page (<dialog>,
// role=dialog, aria-modal, elements classed modal or popup) before the content finder
// looks for the article: a dialog's text (a disclosure, a sign-up form)
// can outscore an article split in many small blocks.
func dropOverlays(p *htmlPage) error {
	body := p.query.Find("body")
	total := len(foldSpace(body.Text()))
	body.Find(`dialog, [role="dialog"], [role="alertdialog"], [aria-modal="true"], [class], [id]`).Each(func(_ int, s *goquery.Selection) {
		if isOverlay(s) {
			text := foldSpace(s.Text())
			if len(strings.Fields(text)) < minArticleWords && float64(len(text)) < maxOverlayShare*float64(total) {
				s.Remove()
			}
		}
	})
	return nil
}

// isOverlay reports whether s is a dialog: a <dialog>, an element with a
// dialog's role, or a block classed as one. An inline element classed
// popup is a link that opens a note, not a dialog.
func isOverlay(s *goquery.Selection) bool {
	n := s.Get(0)
	if s.Is(`dialog, [role="dialog"], [role="alertdialog"], [aria-modal="true"]`) {
		return !s.Is("body, html, main, article")
	}
	return blockTags[n.Data] && !s.Is("body, html, main, article") && s.Closest("["+figAttr+"]").Length() == 0 &&
		overlayClass.MatchString(s.AttrOr("class", "")+" "+s.AttrOr("id", ""))
}

// isNavList reports whether a list is a menu: several short items, all
// or nearly all link text, linking within the site.
func (p *htmlPage) isNavList(s *goquery.Selection) bool {
	items := s.ChildrenFiltered("li")
	if items.Length() < minNavItems {
		return false
	}
	short := true
	items.EachWithBreak(func(_ int, li *goquery.Selection) bool {
		short = len(strings.Fields(li.Text())) <= maxNavItemWords
		return short
	})
	return short && linkShare(s) >= minNavLinkShare && p.sameSiteShare(s) >= minNavLinkShare
}

// sameSiteShare returns the share of the links in s that stay on the
// page's site (relative, or to the same host).
func (p *htmlPage) sameSiteShare(s *goquery.Selection) float64 {
	links := s.Find("a[href]")
	if links.Length() == 0 {
		return 0
	}
	same := 0
	links.Each(func(_ int, a *goquery.Selection) {
		u, err := url.Parse(strings.TrimSpace(a.AttrOr("href", "")))
		if err == nil && (u.Host == "" || p.base != nil && hostKey(u) == hostKey(p.base)) {
			same++
		}
	})
	return float64(same) / float64(links.Length())
}

// linkShare returns the share of the text of s that is link text.
func linkShare(s *goquery.Selection) float64 {
	all := len(foldSpace(s.Text()))
	if all == 0 {
		return 0
	}
	linked := 0
	s.Find("a").Each(func(_ int, a *goquery.Selection) { linked += len(foldSpace(a.Text())) })
	return float64(linked) / float64(all)
}
