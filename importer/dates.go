package importer

import (
	"net/url"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
)

// How the article's dates are found (findDates): every source the page
// offers gives candidates, which are then weighed against each other.
//
//   - structured: JSON-LD of the article, <meta> tags under the many names
//     CMSs use, itemprop=datePublished, hAtom (abbr.published), RDFa;
//   - the page's address (/2019/01/03/, /20190103/);
//   - the dateline the page prints near its headline (findVisibleDates);
//   - weaker: JSON-LD of other types (a Question, a VideoObject) or that is
//     not valid JSON, generic <meta name=date>.
//
// Published is the structured date, else the address's, else the
// printed one, else a weaker one; but the printed day wins when it is the
// structured one's in the page's own time zone (a UTC "…Z" time shown as
// the evening before), a printed or address date earlier than the
// structured one wins over it (a template that stamps each re-publication),
// and so does the dateline by the headline when the page never shows the
// structured day: the reader sees, and cites, the date the page shows (a
// guide re-dated at each revision whose data keeps the day its address
// was made; a post moved to a new system that stamped the day of the move).
// Modified is kept apart and never stands for Published while the page
// gives a publication date. No date after the capture is taken.

// publishedNames are <meta> names that give the publication date.
var publishedNames = []string{
	"article:published_time", "og:published_time", "og:article:published_time", "article:published",
	"datepublished", "article.published", "published_time", "published-date", "publish-date",
	"publish_date", "publishdate", "published_date", "publication_date", "publication-date", "pubdate",
	"pub_date", "sailthru.date", "parsely-pub-date", "sw-pubdate", "citation_publication_date",
	"citation_date", "citation_online_date", "dc.date.issued", "dcterms.issued", "dc.date.created",
	"dcterms.created", "dc.created", "date_published", "datecreated", "article_date_original",
	"originalpublicationdate", "og:pubdate", "rnews:datepublished", "displaydate", "bt:pubdate",
	"cxenseparse:recs:publishtime", "shareaholic:article_published_time", "twt-published-at",
	"video:release_date", "weibo:article:create_at", "published", "article:post_date", "pdate", "ptime",
}

// genericDateNames are <meta> names that give a date without saying which.
var genericDateNames = []string{"date", "dc.date", "dcterms.date", "dc:date", "timestamp", "created", "release_date"}

// modifiedNames are <meta> names that give the date of the last change.
var modifiedNames = []string{
	"article:modified_time", "og:updated_time", "og:article:modified_time", "datemodified",
	"article:modified", "modified_time", "dc.date.modified", "dcterms.modified", "dc.modified",
	"last-modified", "lastmodified", "revision_date", "updated_time", "article.updated",
	"sailthru.lastmodified", "parsely-updated-date", "date_modified", "modified",
}

// dateCand is a candidate date and where it came from.
type dateCand struct {
	t        time.Time
	alt      time.Time // for printed dates: the other reading of 03/04/2020, if any
	src      string
	score    int  // for printed dates: how much it looks like the dateline
	labelled bool // for printed dates: labelled as the publication date
	distance int  // for printed dates: from the headline (see printedDate.distance)
}

func (c dateCand) ok() bool { return !c.t.IsZero() }

// pageDates are the candidates a page offers, by kind of source.
type pageDates struct {
	published, modified         dateCand   // structured
	address                     dateCand   // the page's address
	printed, printedMod         dateCand   // the dateline near the headline
	datelines                   []dateCand // every printed date that may be the dateline
	shown                       []dateCand // every printed date that may be the article's (see shownDates)
	weakPublished, weakModified dateCand   // other structured data
	generic                     dateCand   // a <meta> date that does not say which
}

// findDates returns when the article was published and last modified
// (zero when the page does not say). ld is the page's JSON-LD article
// (nil when it has none), tags its <meta> tags; p.meta's language, title
// and addresses must be known.
func findDates(p *htmlPage, ld *ldArticle, tags metaTags) (published, modified time.Time) {
	h := hintFor(p.meta.Language, pageHost(p))
	limit := p.meta.Captured
	if limit.IsZero() {
		limit = time.Now()
	}
	var c pageDates
	c.structured(p.query, ld, tags, h)
	c.address = dateFromURL(p.meta.URL, p.meta.CaptureURL, p.src.URL)
	found, heads := findVisibleDates(p, h)
	c.printed, c.printedMod, c.datelines = bestPrinted(found, heads)
	c.shown = shownDates(found, heads)
	c.weak(p.query, tags, h)
	return c.pick(limit)
}

// structured reads the dates of the article's JSON-LD, its <meta> tags,
// itemprop, hAtom and RDFa markup.
func (c *pageDates) structured(d *goquery.Document, ld *ldArticle, tags metaTags, h dateHint) {
	if ld != nil {
		c.published = dateCand{t: parseDateValue(ld.Published, h), src: "json-ld"}.orElse(c.published)
		c.modified = dateCand{t: parseDateValue(ld.Modified, h), src: "json-ld"}.orElse(c.modified)
	}
	c.published = c.published.orElse(firstTag(tags, publishedNames, h)).orElse(tagLike(tags, publishedName, h))
	c.modified = c.modified.orElse(firstTag(tags, modifiedNames, h)).orElse(tagLike(tags, modifiedName, h))
	c.published = c.published.orElse(markupDate(d, publishedMarkup, h))
	c.modified = c.modified.orElse(markupDate(d, modifiedMarkup, h))
}

// weak reads the dates of JSON-LD that is not an article or not valid
// JSON, and of generic <meta> date names.
func (c *pageDates) weak(d *goquery.Document, tags metaTags, h dateHint) {
	d.Find(`script[type="application/ld+json"]`).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		text := s.Text()
		for _, m := range ldDateKey.FindAllStringSubmatch(text, -1) {
			t := parseDateValue(m[2], h)
			if m[1] == "dateModified" {
				c.weakModified = c.weakModified.orElse(dateCand{t: t, src: "json-ld " + m[1]})
			} else {
				c.weakPublished = c.weakPublished.orElse(dateCand{t: t, src: "json-ld " + m[1]})
			}
		}
		return !c.weakPublished.ok()
	})
	c.generic = firstTag(tags, genericDateNames, h)
	c.weakPublished = c.weakPublished.orElse(c.generic)
}

var ldDateKey = regexp.MustCompile(`"(datePublished|dateCreated|uploadDate|dateModified)"\s*:\s*"([^"]{6,40})"`)

func (c dateCand) orElse(other dateCand) dateCand {
	if c.ok() {
		return c
	}
	return other
}

// publishedName and modifiedName match the <meta> names of the lists
// above spelt another way ("w-published-date", "og:publish_date",
// "article:first_published_time", "published_at").
var (
	publishedName = regexp.MustCompile(`(?i)(?:^|[:._-])(?:first_?)?publish(?:ed)?(?:[:._-]?(?:date|time|at|on))$`)
	modifiedName  = regexp.MustCompile(`(?i)(?:^|[:._-])(?:last_?)?(?:modified|updated)(?:[:._-]?(?:date|time|at|on))$`)
)

// tagLike returns the first date, by name, of the <meta> tags whose name
// matches re.
func tagLike(tags metaTags, re *regexp.Regexp, h dateHint) dateCand {
	var names []string
	for n := range tags {
		if re.MatchString(n) {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return firstTag(tags, names, h)
}

func firstTag(tags metaTags, names []string, h dateHint) dateCand {
	for _, n := range names {
		if v, ok := tags[n]; ok {
			if t := parseDateValue(v, h); !t.IsZero() {
				return dateCand{t: t, src: "meta " + n}
			}
		}
	}
	return dateCand{}
}

// publishedMarkup and modifiedMarkup are the elements and attributes of
// microdata, microformats (hAtom, h-entry) and RDFa that hold a date.
var (
	publishedMarkup = []struct{ sel, attr string }{
		{`[itemprop~="datePublished"]`, "content datetime title"},
		{`abbr.published, .published[title]`, "title"},
		{`time.published, time.dt-published, .dt-published, time[pubdate], time.entry-date`, "datetime"},
		{`[property~="dc:date"], [property~="dcterms:created"], [property~="dc:created"], ` +
			`[property~="dcterms:issued"], [property~="schema:datePublished"]`, "content"},
	}
	modifiedMarkup = []struct{ sel, attr string }{
		{`[itemprop~="dateModified"]`, "content datetime title"},
		{`abbr.updated, .updated[title]`, "title"},
		{`time.updated, time.dt-updated, .dt-updated`, "datetime"},
		{`[property~="dcterms:modified"], [property~="schema:dateModified"]`, "content"},
	}
)

func markupDate(d *goquery.Document, markup []struct{ sel, attr string }, h dateHint) dateCand {
	sels := make([]string, len(markup))
	for i, m := range markup {
		sels[i] = m.sel
	}
	all := d.Find(strings.Join(sels, ", ")) // one pass over the page, then by preference
	if all.Length() == 0 {
		return dateCand{}
	}
	for _, m := range markup {
		var found dateCand
		all.Filter(m.sel).EachWithBreak(func(_ int, s *goquery.Selection) bool {
			for _, a := range strings.Fields(m.attr) {
				if v, ok := s.Attr(a); ok {
					if t := parseDateValue(v, h); !t.IsZero() {
						found = dateCand{t: t, src: m.sel}
						return false
					}
				}
			}
			if t := parseDateValue(foldSpace(s.Text()), h); !t.IsZero() && s.Is("time, [itemprop]") {
				found = dateCand{t: t, src: m.sel + " text"}
				return false
			}
			return true
		})
		if found.ok() {
			return found
		}
	}
	return dateCand{}
}

// urlDate finds /2019/01/03/, /2019-01-03/ and /20190103/ in a path.
var urlDate = regexp.MustCompile(`[/_-]((?:19|20)\d\d)([/_-]?)(0[1-9]|1[0-2]|[1-9])([/_-]?)(0[1-9]|[12]\d|3[01]|[1-9])(?:[/_.+-]|$)`)

// urlDateWord finds /2019/nov/18/ and /2023/october/03/.
var urlDateWord = regexp.MustCompile(`/((?:19|20)\d\d)/(\p{L}{3,9})/(0[1-9]|[12]\d|3[01]|[1-9])(?:[/_.+-]|$)`)

// dateFromURL returns the day written in the first of addrs that holds a
// complete one.
func dateFromURL(addrs ...string) dateCand {
	for _, a := range addrs {
		u, err := url.Parse(a)
		if err != nil || a == "" {
			continue
		}
		for _, m := range urlDate.FindAllStringSubmatch(u.Path, -1) {
			if m[2] != m[4] || m[2] == "" && (len(m[3]) != 2 || len(m[5]) != 2) {
				continue // 2019/0103 or 2019-1-3 run together: not a date
			}
			if t := makeDay(atoi(m[1]), atoi(m[3]), atoi(m[5])); !t.IsZero() {
				return dateCand{t: t, src: "address"}
			}
		}
		if m := urlDateWord.FindStringSubmatch(u.Path); m != nil {
			if t := makeDay(atoi(m[1]), monthNumber(m[2], ""), atoi(m[3])); !t.IsZero() {
				return dateCand{t: t, src: "address"}
			}
		}
	}
	return dateCand{}
}
