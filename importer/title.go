package importer

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// The title is the article's headline. The page says it several times —
// JSON-LD's headline, og:title and twitter:title, the <title> (often with
// the site's name), and the headline shown above the article (an <h1>,
// or an element marked as the headline) — and these are compared rather
// than one trusted: a shown headline that the page's metadata repeats is
// taken as shown; the <title> loses the segments that name the site.

// headlineSelector finds the elements that may show the article's
// headline: <h1>s, and elements marked as the headline (schema.org, Dublin
// Core in RDFa, the classes of blog engines).
const headlineSelector = "h1, h2, " + markedSelector

// headlineOutside are the parts of a page whose headings are not the
// article's: navigation, the page's own header and footer, side columns.
const headlineOutside = `nav, footer, aside, [role=navigation], [role=banner], [role=contentinfo], [role=complementary], ` +
	`[aria-hidden=true], .sidebar, .widget, .menu, .related, .comments`

// Shown headlines are between these lengths.
const (
	maxHeadlineWords = 40
	minHeadlineRunes = 4
	// maxLeadParas is how many content blocks may come before the article's
	// <h1> inside the content (a kicker, a date) for it to count as the
	// headline; an <h1> deeper in the body is a heading of the text.
	maxLeadParas = 6
)

// shownHeadline is an element of the page that may show the headline.
type shownHeadline struct {
	node   *html.Node
	text   string   // its text; a line break (<br>) is a space
	lines  []string // its lines, when it has several ("Headline<br><small>Kicker</small>", "<div>Kicker</div>Headline")
	order  int      // its number among the page's text blocks (orderAttr); -1 when unnumbered
	marked bool     // marked as the headline (itemprop, class), not only an <h1>
	minor  bool     // an <h2>: the headline only where the metadata agrees
}

// markedSelector finds the elements marked as the headline.
const markedSelector = `[itemprop~="headline"], [property~="dc:title"], .entry-title, .post-title, .node-title, ` +
	`.article-title, .story-title, .article-headline, .headline`

// articleTitle returns the article's title: a shown headline the page's
// metadata agrees with; else the shown headline of the article; else the
// best metadata title without the site's name. A trailing segment naming
// the section ("… | Opinion") is dropped. It also returns the element
// showing the headline, nil when the title is not shown.
func articleTitle(p *htmlPage) (string, *html.Node) {
	t, n := chooseTitle(p)
	return fixMojibake(stripLead(stripSection(stripSiteTail(t, siteKeys(p))))), n
}

// chooseTitle returns the title and the element showing it (see
// articleTitle).
func chooseTitle(p *htmlPage) (string, *html.Node) {
	sites := siteKeys(p)
	raw := metaTitles(p)
	metas := make([]string, len(raw))
	for i, t := range raw {
		metas[i] = stripAuthor(stripSiteParts(t, sites), authorKeys(p))
	}
	shown := shownHeadlines(p, sites)
	if t, h, ok := agreedTitle(shown, append(metas, raw...)); ok {
		if c, ok := titleCopy(h, shown); ok {
			return c.text, c.node
		}
		if !plausibleHeadline(t) {
			// "Blogs | data.gov.uk" over <h1>Blogs</h1>: the section's
			// name; the post's headline is marked as one.
			if m, ok := markedHeadline(shown); ok {
				return m.text, m.node
			}
		}
		return declaredTypography(t, append(metas, raw...)), h.node
	}
	lo, hi := contentSpan(p)
	if h, ok := articleHeadline(shown, lo, hi, len(metas) == 0); ok {
		return h.text, h.node
	}
	if t := first(metas...); t != "" {
		return stripShortTail(t), nil
	}
	return foldSpace(p.read.Title()), nil
}

// metaTitles returns the titles the page's metadata gives, the most
// trusted first: JSON-LD's headline, og:title, twitter:title, Dublin
// Core's title, the <title>.
func metaTitles(p *htmlPage) []string {
	var out []string
	if p.meta.ld != nil {
		out = append(out, p.meta.ld.Headline)
	}
	tags := p.meta.tags
	out = append(out, tags.get("og:title"), tags.get("twitter:title"), tags.get("dc.title", "dcterms.title"),
		foldSpace(p.query.Find("title").First().Text()))
	kept := out[:0]
	for _, t := range out {
		if t = fixMojibake(foldSpace(unescapeTwice(t))); t != "" {
			kept = append(kept, t)
		}
	}
	return kept
}

// agreedTitle returns the title a shown headline and a metadata title
// agree on: first where they say the same, then where one adds to the
// other (agreeTitles). A minor candidate (an <h2>) agrees only by saying
// the same: one that is the first segment of the metadata's title is a
// section of the text ("What is social commerce?" of "What is Social
// Commerce - A guided introduction").
func agreedTitle(shown []shownHeadline, metas []string) (string, shownHeadline, bool) {
	for _, exact := range []bool{true, false} {
		for _, h := range shown {
			if !exact && h.minor {
				continue
			}
			for _, text := range append([]string{h.text}, h.lines...) { // the whole headline before one of its lines
				for _, m := range metas {
					if text == "" || exact && titleKey(text) != titleKey(m) {
						continue
					}
					if t, ok := agreeTitles(text, m); ok {
						return t, h, true
					}
				}
			}
		}
	}
	return "", shownHeadline{}, false
}

// unescapeTwice decodes the HTML entities left in a value the page escaped
// twice ("&#163;71.6m" in og:title).
func unescapeTwice(s string) string {
	if strings.Contains(s, "&") {
		return html.UnescapeString(s)
	}
	return s
}

// shownHeadlines returns the page's visible candidates for the headline,
// in page order, leaving out those in navigation, footers and side
// columns, those that only name the site, and those too long to be a
// headline.
func shownHeadlines(p *htmlPage, sites []string) []shownHeadline {
	var out []shownHeadline
	p.query.Find(headlineSelector).Each(func(_ int, s *goquery.Selection) {
		if s.Is("meta, head *, title") || s.Closest(headlineOutside).Length() > 0 || s.Find(headlineSelector).Length() > 0 {
			return // a box holding the headline with its date or kicker: the headline itself is a candidate
		}
		lines := headlineLines(s.Get(0))
		for i, l := range lines {
			lines[i] = strings.TrimRight(fixMojibake(foldSpace(unescapeShown(l))), " :")
		}
		t := strings.Join(lines, " ") // "WEEKEND<br>CODING<br>AGENT": one phrase broken for show
		if t == "" || len(strings.Fields(t)) > maxHeadlineWords || isSiteName(t, sites) {
			return
		}
		h := shownHeadline{node: s.Get(0), text: t, order: -1, marked: s.Is(markedSelector), minor: s.Is("h2") && !s.Is(markedSelector)}
		if len(lines) > 1 {
			h.lines = lines
		}
		if n, err := strconv.Atoi(s.AttrOr(orderAttr, "")); err == nil {
			h.order = n
		}
		out = append(out, h)
	})
	return out
}

// markedHeadline returns the first candidate marked as the headline
// (itemprop, class) that has at least minMarkedWords words.
func markedHeadline(shown []shownHeadline) (shownHeadline, bool) {
	for _, h := range shown {
		if h.marked && len(strings.Fields(h.text)) >= minHeadlineWords {
			return h, true
		}
	}
	return shownHeadline{}, false
}

// minHeadlineWords is the fewest words of a shown headline preferred to
// the metadata's title.
const minHeadlineWords = 3

// headlineLines returns the text of a headline element cut at its line
// breaks: <br>, elements that are blocks by their tag or laid out as
// blocks (isStyledBlock: "Headline<span class="block">Subtitle</span>").
func headlineLines(n *html.Node) []string {
	var lines []string
	var b strings.Builder
	flush := func() {
		if strings.TrimSpace(b.String()) != "" {
			lines = append(lines, b.String())
		}
		b.Reset()
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && (n.Data == "br" || isBlockTag(n.Data) || isStyledBlock(n)):
			flush()
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
			flush() // a kicker in a <div> before the headline ends its line
		case n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style" || n.Data == "noscript"):
		default:
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
	}
	walk(n)
	flush()
	return lines
}

// plausibleHeadline reports whether t could be a headline by its length.
func plausibleHeadline(t string) bool {
	n := len(strings.Fields(t))
	return utf8.RuneCountInString(t) >= minHeadlineRunes && n <= maxHeadlineWords &&
		(n >= 2 || !isAlphabetic(t)) // one word is a section's name, unless the script has no spaces
}

// isAlphabetic reports whether s is written with spaces between words:
// not in Chinese, Japanese or Thai script.
func isAlphabetic(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai) {
			return false
		}
	}
	return true
}

// contentSpan returns the numbers (orderAttr) of the first and last text
// blocks of the main content, or -1, -1.
func contentSpan(p *htmlPage) (int, int) {
	if p.content == nil {
		return -1, -1
	}
	_, positions := numbered(p.content)
	if len(positions) == 0 {
		return -1, -1
	}
	return minMax(positions)
}

// articleHeadline returns the shown headline of the article when the
// metadata agreed with none: the last candidate before the content starts
// (at most maxHeadGap blocks before it) or among its first blocks; without
// a content span, the first. When the page has a metadata title, a shown
// headline must look like one: three words or more ("Web Designs", "Index
// funds" name sections), not in capitals (the metadata writes it better),
// not a standfirst (isStandfirst).
func articleHeadline(shown []shownHeadline, lo, hi int, only bool) (shownHeadline, bool) {
	var best shownHeadline
	for _, h := range shown {
		switch {
		case h.minor:
		case !only && !headlineShaped(h.text):
		case lo < 0 || h.order < 0:
			if best.node == nil {
				best = h
			}
		case h.order <= lo+maxLeadParas && h.order <= hi && lo-h.order <= maxHeadGap:
			best = h
		}
	}
	return best, best.node != nil
}

// maxHeadGap is how many text blocks (a menu, a sidebar) may stand between
// the article's shown headline and its content.
const maxHeadGap = 50

// headlineShaped reports whether a shown headline may stand for the
// article's title against the metadata's: of minHeadlineWords words or
// more (or in a script without spaces) and not in capitals.
func headlineShaped(t string) bool {
	return plausibleHeadline(t) && (len(strings.Fields(t)) >= minHeadlineWords || !isAlphabetic(t)) &&
		(strings.ToUpper(t) != t || strings.ToLower(t) == t) && !isStandfirst(t)
}

// isStandfirst reports whether a shown candidate is a sentence of
// standfirstWords or more ending with a full stop: the summary set under
// the headline ("A step-by-step wedding planning timeline of all the main
// things you need to do …"), not a headline.
func isStandfirst(t string) bool {
	return len(strings.Fields(t)) >= standfirstWords && strings.HasSuffix(t, ".") && !strings.HasSuffix(t, "..")
}

// standfirstWords is the fewest words of a standfirst told by its full stop.
const standfirstWords = 12

// agreeTitles reports whether a shown headline and a metadata title name
// the same article, and returns the title to keep: the shown headline when
// both say the same (its capitals and punctuation are the page's own) or
// when the metadata adds a segment after it ("Headline | Section"), the
// metadata title when the shown headline adds to it ("Headline (site.com)
// 87").
func agreeTitles(shown, meta string) (string, bool) {
	s, m := titleKey(shown), titleKey(meta)
	switch {
	case s == "" || m == "":
		return "", false
	case lostCharacters(shown, meta):
		return meta, true
	case s == m:
		return shown, true
	case strings.HasPrefix(m, s) && len(s) >= len(m)/3 && startsSegment(meta, shown):
		return shown, true
	case strings.HasSuffix(m, s) && len(s) >= len(m)/3 && endsSegment(meta, shown):
		return shown, true // "Garnix Blog: Hardware-Attested Nix Builds"
	case strings.HasPrefix(s, m) && len(m) >= len(s)/2:
		if addsWords(shown, meta) {
			return shown, true // the metadata's title was cut short
		}
		return meta, true
	}
	return "", false
}

// addsWords reports whether a shown headline goes on from the metadata's
// title with words ("… & Hourly Rate Comparison", "…: Why Live in a Tiny
// House?"), not with a parenthesis, a number or a separator ("… Jobs
// (latimes.com) 87", "… | Top 19 Companies").
func addsWords(shown, meta string) bool {
	want := len(titleKey(meta)) // where meta's letters end in shown
	seen := 0
	for i, r := range shown {
		if seen == want {
			rest := strings.TrimSpace(shown[i:])
			r0, _ := utf8.DecodeRuneInString(rest)
			return rest != "" && !unicode.IsDigit(r0) && !strings.ContainsRune("([{|–—-·•/\\", r0)
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			seen += len(string(unicode.ToLower(r)))
		}
	}
	return false
}

// endsSegment reports whether title ends with tail after a separator or
// a colon, as "Site: Headline" does.
func endsSegment(title, tail string) bool {
	for _, m := range titleSeparator.FindAllStringIndex(title, -1) {
		if titleKey(title[m[1]:]) == titleKey(tail) {
			return true
		}
	}
	_, rest, ok := strings.Cut(title, ": ")
	return ok && titleKey(rest) == titleKey(tail)
}

// startsSegment reports whether title starts with head followed by a
// separator, as "Head | Site" or "Head - Part two" do.
func startsSegment(title, head string) bool {
	for _, m := range titleSeparator.FindAllStringIndex(title, -1) {
		if titleKey(title[:m[0]]) == titleKey(head) {
			return true
		}
	}
	return false
}

// titleKey folds a title for comparison: lower case, letters and digits
// only.
func titleKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
