package importer

import (
	"regexp"
	"strings"
	"time"
	"unicode"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// printedDate is a date the page prints (or puts in an attribute of a
// printed element), with what is known of its place.
type printedDate struct {
	t                 time.Time
	alt               time.Time // the other reading of 03/04/2020, if any
	pos               int       // where in the page's visible text, in bytes
	dateish           bool      // in an element classed date, time, byline, meta, …
	machine           bool      // from a datetime or data-date attribute
	short             bool      // its text is little more than the date
	long              bool      // inside running text: a paragraph, not a dateline
	labelPub, labelUp bool      // labelled "Published …" / "Updated …"
	original          bool      // labelled "Originally published …"
}

var (
	updatedClass   = regexp.MustCompile(`(?i)updat|modif|revis`)
	publishedClass = regexp.MustCompile(`(?i)publish|pubdate|posted|release|created|dateline`)
	labelWords     = `(?:[^\p{L}\p{N}]+\p{L}{1,12}){0,2}[^\p{L}\p{N}]*$`
	// changedWords label the date of a change; updatedWords also that of
	// a review ("Reviewed: …"), which in a byline names a reviewer instead.
	changedWords = `(?:updated?|modified|revised|last edited|aktualisiert|geändert|` +
		`actualizado|actualización|atualizado|atualização|mis à jour|mise à jour|aggiornato|aggiornamento|` +
		`bijgewerkt|gewijzigd|uppdaterad|opdateret|oppdatert|päivitetty|zaktualizowano|aktualizováno|` +
		`frissítve|обновлено|更新|수정)`
	updatedWords  = `(?:` + changedWords + `|reviewed)`
	updatedLabel  = regexp.MustCompile(`(?i)` + updatedWords + labelWords)
	updatedWord   = regexp.MustCompile(`(?i)` + updatedWords)
	originalLabel = regexp.MustCompile(`(?i)(?:originally|first) (?:published|posted)` + labelWords)
	// writtenBy is a byline just before a date: "Written by Jane Doe ·
	// April 8, 2024" dates the writing.
	writtenBy      = regexp.MustCompile(`\b(?i:written|posted|published|authored) (?i:by)\s+\p{Lu}[^.!?:;|]{1,60}$`)
	publishedWords = `(?:published|posted|publié|publiée|publicado|pubblicato|veröffentlicht|` +
		`erschienen|erstellt|gepubliceerd|geplaatst|publicerad|publiceret|publisert|julkaistu|opublikowano|` +
		`publikováno|megjelent|publicat|опубликовано|发布|發布|公開|게시|입력)`
	publishedLabel = regexp.MustCompile(`(?i)` + publishedWords + labelWords + `|(?:date|datum|fecha|data)\s*:\s*$`)
)

// dateishWords mark the elements where pages print datelines, in their
// class, id or itemprop.
var dateishWords = []string{"date", "time", "publish", "posted", "byline", "datum", "fecha", "meta", "info",
	"stamp", "author"}

// excludedWords mark parts of a page whose dates are not the article's,
// in their class or id: comments, related and recommended lists,
// sidebars, a widget showing today's date. Each must stand as a word between spaces, "-" and "_".
var excludedWords = []string{"comment", "comments", "comment-list", "related", "sidebar", "recommend",
	"recommended", "recommendations", "popular", "trending", "most-read", "pagination", "post-navigation",
	"nav-links", "next-post", "prev-post", "previous-post", "more-stories", "read-next", "ticker",
	"today", "todays"}

// hasWord reports whether s (lower case) holds one of words: anywhere,
// or, when whole is set, standing alone between the start, the end,
// spaces, "-" and "_".
func hasWord(s string, words []string, whole bool) bool {
	sep := func(i int) bool { return i < 0 || i >= len(s) || s[i] == ' ' || s[i] == '-' || s[i] == '_' }
	for _, w := range words {
		for from := 0; from <= len(s)-len(w); {
			i := strings.Index(s[from:], w)
			if i < 0 {
				break
			}
			i += from
			if !whole || sep(i-1) && sep(i+len(w)) {
				return true
			}
			from = i + 1
		}
	}
	return false
}

// skippedTags hold no visible text.
var skippedTags = map[atom.Atom]bool{atom.Script: true, atom.Style: true, atom.Noscript: true,
	atom.Template: true, atom.Svg: true, atom.Select: true, atom.Head: true, atom.Iframe: true}

// dateAttrs are the attributes, besides datetime, that hold a printed
// element's date.
var dateAttrs = []string{"datetime", "data-date", "data-published", "data-pubdate", "data-publish-date",
	"data-timestamp", "data-time", "data-datetime"}

// dateWalk is the state of findVisibleDates as it walks the page.
type dateWalk struct {
	h      dateHint
	heads  []*html.Node // the headings datelines stand by (see headings)
	spans  []span       // where in the text each of heads stands
	pos    int
	recent string // the visible text just before, for labels
	found  []printedDate
	inHead bool
	column int // how deep inside a side column of the article's details (see detailsColumn)
}

// span is where an element's text starts and ends in the page's text.
type span struct{ start, end int }

// findVisibleDates returns the dates the page prints outside comments,
// sidebars, navigation and related lists, and where the headings they may
// stand by are in the page's text (see headings).
func findVisibleDates(p *htmlPage, h dateHint) ([]printedDate, []span) {
	w := &dateWalk{h: h, heads: headings(p)}
	w.spans = make([]span, len(w.heads))
	for i := range w.spans {
		w.spans[i] = span{-1, -1}
	}
	for _, b := range p.query.Find("body").Nodes {
		w.walk(b, false, 0)
	}
	return w.found, w.spans
}

// headings returns the elements a dateline stands by: the heading that
// matches the title best (the article's, not the site's name that the
// title also holds), else a paragraph that is the title, and the first
// <h1> when it is another one and not the site's name in the page's
// header; else the start of the page's <article> or <main>.
func headings(p *htmlPage) []*html.Node {
	var heads []*html.Node
	titles := metaTitles(p)
	best := 0.0
	for _, n := range p.query.Find("h1, h2, h3, h4, h5, h6, " + headlineSelector).Nodes {
		if m := titleMatch(nodeText(n), titles...); m > best && !within(n, atom.Head) {
			heads, best = []*html.Node{n}, m
		}
	}
	if len(heads) == 0 {
		// Page builders (Framer, Webflow) set the headline as a
		// paragraph: one that is the title, or nearly.
		for _, n := range p.query.Find("p").Nodes {
			if m := titleMatch(nodeText(n), titles...); m > max(best, 0.6) && !within(n, atom.Head) {
				heads, best = []*html.Node{n}, m
			}
		}
	}
	if h1 := firstNode(p.query.Find("h1")); h1 != nil && (len(heads) == 0 || heads[0] != h1) &&
		!(within(h1, atom.Header) && !within(h1, atom.Article)) {
		heads = append(heads, h1)
	}
	if len(heads) == 0 {
		if a := firstNode(p.query.Find("article, main")); a != nil {
			heads = append(heads, a)
		}
	}
	return heads
}

func firstNode(s *goquery.Selection) *html.Node {
	if s.Length() == 0 {
		return nil
	}
	return s.Get(0)
}

// within reports whether n is or is inside an element a.
func within(n *html.Node, a atom.Atom) bool {
	for ; n != nil; n = n.Parent {
		if n.DataAtom == a {
			return true
		}
	}
	return false
}

// titleMatch returns how well a heading matches the best of titles: 0
// when neither holds the other, else the share of the longer one's length
// the shorter one has. Both are compared as their words (letters and
// digits), so that a "?" the <title> drops or a curly apostrophe the
// headline has do not part them.
func titleMatch(heading string, titles ...string) float64 {
	hd := titleWords(heading)
	best := 0.0
	for _, t := range titles {
		t = titleWords(t)
		if len(hd) < 8 || len(t) < 8 || !strings.Contains(" "+t+" ", " "+hd+" ") && !strings.Contains(" "+hd+" ", " "+t+" ") {
			continue
		}
		best = max(best, float64(min(len(hd), len(t)))/float64(max(len(hd), len(t))))
	}
	return best
}

// titleWords returns s's runs of letters and digits, lower-cased and
// joined by single spaces.
func titleWords(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r) && !unicode.Is(unicode.Mn, r)
	}), " ")
}

// walk visits n's subtree in document order. dateish counts down the
// levels of ancestors still close enough to lend their date-ish class.
func (w *dateWalk) walk(n *html.Node, inArticle bool, dateish int) {
	switch n.Type {
	case html.TextNode:
		w.text(foldSpace(n.Data), dateish > 0)
		return
	case html.ElementNode:
	default:
		return
	}
	if skippedTags[n.DataAtom] {
		return
	}
	if w.excluded(n, inArticle) {
		if !detailsColumn(n) {
			return
		}
		// The column's text does not move the place of what follows.
		pos, recent := w.pos, w.recent
		w.column++
		defer func() { w.column, w.pos, w.recent = w.column-1, pos, recent }()
	}
	inArticle = inArticle || n.DataAtom == atom.Article || n.DataAtom == atom.Main
	dateish--
	cls := strings.ToLower(attrOf(n, "class") + " " + attrOf(n, "id") + " " + attrOf(n, "itemprop"))
	if hasWord(cls, dateishWords, false) || n.DataAtom == atom.Time {
		dateish = 3
	}
	for i, hd := range w.heads {
		if n != hd {
			continue
		}
		w.spans[i] = span{w.pos, w.pos}
		if hd.DataAtom == atom.Article || hd.DataAtom == atom.Main {
			continue // where the article starts, not a heading
		}
		w.inHead = true
		defer func() { w.spans[i].end, w.inHead = w.pos, false }()
	}
	w.attrDate(n, cls)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, inArticle, dateish)
	}
}

// excluded reports whether n is a part of the page whose dates are not the
// article's; never one that holds a heading datelines stand by.
func (w *dateWalk) excluded(n *html.Node, inArticle bool) bool {
	switch {
	case n.DataAtom == atom.Nav, (n.DataAtom == atom.Aside || n.DataAtom == atom.Footer) && !inArticle,
		attrOf(n, "role") == "navigation" || attrOf(n, "role") == "complementary",
		hasWord(strings.ToLower(attrOf(n, "class")+" "+attrOf(n, "id")), excludedWords, true):
		for _, hd := range w.heads {
			if holds(n, hd) {
				return false
			}
		}
		return true
	}
	return false
}

// holds reports whether d is n or inside it.
func holds(n, d *html.Node) bool {
	for ; d != nil; d = d.Parent {
		if d == n {
			return true
		}
	}
	return false
}

// attrDate records the date of a <time datetime> or data-date attribute.
// A <time> whose text gives a day one off its UTC datetime shows the
// page's local day: the text is read then, not the attribute.
func (w *dateWalk) attrDate(n *html.Node, cls string) {
	if w.inHead && n.DataAtom != atom.Time {
		return // a headline's <time> is its dateline, its words are not
	}
	for _, a := range dateAttrs {
		v := attrOf(n, a)
		if v == "" {
			continue
		}
		t := parseDateValue(v, w.h)
		if t.IsZero() {
			continue
		}
		if ds := findTextDates(foldSpace(nodeText(n)), w.h); len(ds) > 0 && daysApart(ds[0].t, t) == 1 && !w.inHead {
			return // the text is read as printed
		}
		// The label may stand before the element or in its own text
		// ("<time class=published>Last updated: …</time>"); a word
		// outranks a class, which may be its wrapper's
		// ("<span class=byline__release-date><time …>").
		if p := n.Parent; p != nil && p.Type == html.ElementNode {
			cls += " " + strings.ToLower(attrOf(p, "class")+" "+attrOf(p, "id"))
		}
		pub, up, _ := w.labels("")
		own := updatedWord.MatchString(nodeText(n))
		w.add(printedDate{t: t, pos: w.pos, dateish: true, machine: true,
			labelPub: !own && (pub || publishedClass.MatchString(cls) && !updatedClass.MatchString(cls)),
			labelUp:  own || up || updatedClass.MatchString(cls)}, pub && !own)
		return
	}
}

// add records a printed date. In a side column only a date the page's
// words label as the publication's is kept (worded: not a class).
func (w *dateWalk) add(d printedDate, worded bool) {
	if w.column == 0 || worded {
		w.found = append(w.found, d)
	}
}

// detailsColumn reports whether n, a part of the page excluded by its
// class, is a side column that may hold the article's details ("Published
// 15 November 2018", "Reviewed …" beside the text): an element classed
// sidebar and nothing else that excludes it. Only dates labelled
// "Published" in words are read there: lists of other stories and today's
// date are not labelled so.
func detailsColumn(n *html.Node) bool {
	if n.DataAtom == atom.Nav || n.DataAtom == atom.Aside || n.DataAtom == atom.Footer || attrOf(n, "role") != "" {
		return false
	}
	cls := strings.ToLower(attrOf(n, "class") + " " + attrOf(n, "id"))
	return hasWord(cls, []string{"sidebar"}, true) && !hasWord(cls, columnExcluded, true)
}

// columnExcluded are the excludedWords other than sidebar.
var columnExcluded = func() []string {
	var out []string
	for _, w := range excludedWords {
		if w != "sidebar" {
			out = append(out, w)
		}
	}
	return out
}()

// maxDatelineText is the longest text node read for dates; longer ones
// are running text.
const maxDatelineText = 400

// text reads the dates of a text node and moves the position on.
func (w *dateWalk) text(s string, dateish bool) {
	if s == "" {
		return
	}
	if !w.inHead && len(s) <= maxDatelineText {
		for _, d := range findTextDates(s, w.h) {
			pub, up, orig := w.labels(s[:d.start])
			short := len(s) <= d.end-d.start+40
			w.add(printedDate{t: d.t, alt: d.alt, pos: w.pos + d.start, dateish: dateish,
				short: short, long: len(s) > 200, labelPub: pub, labelUp: up, original: orig}, pub && short)
		}
	}
	w.pos += len(s) + 1
	w.recent += " " + s
	if len(w.recent) > 120 {
		w.recent = w.recent[len(w.recent)-80:]
	}
}

// labels reports whether the text just before a date (the last visible
// text and before, in its own text node) calls it the publication or the
// update date, or the original publication date ("This article was
// originally published on …", whatever was updated since).
func (w *dateWalk) labels(before string) (pub, up, original bool) {
	ctx := w.recent + " " + before
	if len(ctx) > 80 {
		ctx = ctx[len(ctx)-80:]
	}
	up = updatedLabel.MatchString(ctx)
	original = originalLabel.MatchString(ctx)
	pub = !up && (publishedLabel.MatchString(ctx) || writtenBy.MatchString(strings.TrimRight(ctx, " ·•|-–—,")))
	return pub || original, up && !original, original
}

// daysApart returns how many calendar days lie between the days of a and
// b, each read in its own time zone.
func daysApart(a, b time.Time) int {
	d := int(dayOf(a).Sub(dayOf(b)).Hours() / 24)
	if d < 0 {
		return -d
	}
	return d
}

// dayOf returns midnight UTC of t's day in t's own zone.
func dayOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
