package importer

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"github.com/clippings/clippings/archive"
)

// The authors come from several places, tried in this order: JSON-LD's
// author (typed Person or Organization), the byline the page shows near
// the headline (elements marked rel=author, itemprop=author, classed
// byline, author, …, or a "By …" line), the <meta> tags (author,
// article:author, parsely-author, citation_author, …), the content
// finder's byline, and a "By …" line the body started with. The first
// place that names a person wins; without one, the first that names
// anybody (an organisation: "BBC News", "Associated Press").

// articleAuthors returns the article's authors. before is the byline the
// body's clean-up found ("By …" lines), if any.
func articleAuthors(p *htmlPage, headline *html.Node, before string) []archive.Author {
	sources := [][]archive.Author{
		ldAuthors(p),
		parseByline(p.read.Byline(), false),
		shownAuthors(p, headline),
		metaAuthors(p),
		labelledAuthors(p),
		parseByline(before, false),
		describedAuthors(p),
	}
	declared := []bool{true, false, false, true, true, false, false}
	sites := siteNameKeys(p)
	names := siteCandidates(p)
	for _, src := range sources {
		for i := range src {
			src[i] = wholeSiteName(src[i], names)
			if src[i].Kind == "" {
				src[i].Kind = authorKind(src[i].Name, sites)
			}
		}
	}
	if authors := chooseAuthors(sources, declared, sites); authors != nil {
		return authors
	}
	return ownerAuthors(p)
}

// chooseAuthors returns the first source that names a person by a full
// name; else the first declared source (JSON-LD, <meta>) that names an
// organisation other than the site itself; else the first that names a
// person (a user name such as "andrew.keaveney"); else the first that
// names anybody.
func chooseAuthors(sources [][]archive.Author, declared []bool, sites []string) []archive.Author {
	tiers := []func(a archive.Author, declared bool) bool{
		func(a archive.Author, _ bool) bool { return isFullPerson(a) },
		func(a archive.Author, declared bool) bool {
			return declared && a.Kind == archive.Organization && !containsKey(sites, titleKey(a.Name))
		},
		func(a archive.Author, _ bool) bool { return isPerson(a) },
		func(archive.Author, bool) bool { return true },
	}
	for _, want := range tiers {
		for i, src := range sources {
			for _, a := range src {
				if want(a, declared[i]) {
					return src
				}
			}
		}
	}
	return nil
}

func isPerson(a archive.Author) bool { return a.Kind == archive.Person }

// isFullPerson reports whether a is a person named by a name rather than a
// user name ("jsmith", "andrew.keaveney", "KatieS").
func isFullPerson(a archive.Author) bool {
	name, _, _ := strings.Cut(a.Name, ",") // "Holly Wilgus, E-RYT 200"
	return isPerson(a) && (strings.Contains(name, " ") || !isAlphabetic(name)) && !strings.ContainsAny(name, "_0123456789")
}

// bylineOf returns the byline shown for authors: their names joined.
func bylineOf(authors []archive.Author) string {
	names := make([]string, len(authors))
	for i, a := range authors {
		names[i] = a.Name
	}
	return strings.Join(names, ", ")
}

// ldAuthors returns the JSON-LD's authors, each name cleaned (a JSON-LD
// name may still be "By Jane Doe, Staff Writer" or "A and B").
func ldAuthors(p *htmlPage) []archive.Author {
	if p.meta.ld == nil {
		return nil
	}
	var out []archive.Author
	for _, ag := range p.meta.ld.Authors {
		if ag.Org {
			out = append(out, archive.Author{Name: stripBylineLabel(ag.Name), Kind: archive.Organization})
			continue
		}
		names := parseByline(ag.Name, true)
		for i := range names {
			if ag.Org {
				names[i].Kind = archive.Organization
			}
			if names[i].Role == "" {
				names[i].Role = ag.Role
			}
		}
		out = append(out, names...)
	}
	return dedupeAuthors(out)
}

// authorMetaKinds are the <meta> tags that name the authors, the most
// trusted first; some (citation_author, article:author) come once per
// author.
var authorMetaKinds = []string{
	`meta[property~="dc:creator"][content], meta[property~="dcterm:creator"][content], meta[property~="dcterms:creator"][content]`,
	`meta[name="dc:creator" i][content], meta[name="dc.creator" i][content], meta[name="dcterms.creator" i][content]`,
	`meta[name="author" i][content], meta[property="author"][content], meta[itemprop="author"][content]`,
	`meta[name="citation_author"][content]`,
	`meta[property="article:author"][content], meta[name="article:author"][content], meta[property="og:article:author"][content]`,
	`meta[name="parsely-author"][content], meta[name="sailthru.author"][content], meta[name="byl"][content]`,
}

// metaAuthorNames returns the author names of the <meta> tags and the
// JSON-LD, uncleaned.
func metaAuthorNames(p *htmlPage) []string {
	var out []string
	if p.meta.ld != nil {
		for _, a := range p.meta.ld.Authors {
			out = append(out, a.Name)
		}
	}
	for _, sel := range authorMetaKinds {
		p.query.Find(sel).Each(func(_ int, s *goquery.Selection) {
			if c := foldSpace(s.AttrOr("content", "")); c != "" && !looksLikeURL(c) {
				out = append(out, c)
			}
		})
	}
	return out
}

// metaAuthors returns the authors the <meta> tags name, from the first
// kind of tag that names any.
func metaAuthors(p *htmlPage) []archive.Author {
	for _, sel := range authorMetaKinds {
		var out []archive.Author
		p.query.Find(sel).Each(func(_ int, s *goquery.Selection) {
			if c := foldSpace(s.AttrOr("content", "")); c != "" && !looksLikeURL(c) {
				out = append(out, parseByline(c, true)...)
			}
		})
		if len(out) > 0 {
			return dedupeAuthors(out)
		}
	}
	return nil
}

// writtenByLabel matches the label of a "Written by" pair of <meta> tags
// (twitter:label1 and twitter:data1, as WordPress writes them).
var writtenByLabel = regexp.MustCompile(`(?i)^(?:written by|author|authors|autor|autorin|auteur|autore|geschrieben von|` +
	`escrito por|écrit par|scritto da|napisane przez|skrevet af|skrevet av|skrivet av|geschreven door|door|作者|著者)$`)

// labelledAuthors returns the authors a "Written by" pair of <meta> tags
// names.
func labelledAuthors(p *htmlPage) []archive.Author {
	for i := 1; i <= 4; i++ {
		n := strconv.Itoa(i)
		if writtenByLabel.MatchString(p.meta.tags.get("twitter:label" + n)) {
			return parseByline(p.meta.tags.get("twitter:data"+n), true)
		}
	}
	return nil
}

// writtenByLead matches a description that starts by naming the author
// ("This post was written by Vanessa Mendez, MD, gastroenterologist.").
var writtenByLead = regexp.MustCompile(`(?i)^(?:this (?:post|article|story|piece) (?:was|is) )?(?:written|authored) by ` +
	`([^.!?]+(?:\b\p{Lu}\.[^.!?]*)*)[.!?]`)

// describedAuthors returns the authors the page's description names at
// its start.
func describedAuthors(p *htmlPage) []archive.Author {
	if m := writtenByLead.FindStringSubmatch(p.meta.Description); m != nil {
		return parseByline(m[1], false)
	}
	return nil
}

// authorKind tells an organisation from a person: by its name (a wire
// agency, a word such as News, Press, Staff, Team), or because it is the
// site's own name.
func authorKind(name string, sites []string) archive.AuthorKind {
	if isOrgName(name) || titleKey(name) != "" && containsKey(sites, titleKey(name)) {
		return archive.Organization
	}
	return archive.Person
}

func containsKey(keys []string, k string) bool {
	for _, x := range keys {
		if x == k {
			return true
		}
	}
	return false
}

// wholeSiteName returns a as the site's name when a is that name cut
// short the way the byline parser cuts it: "Your Native Teacher" and
// "Audiophile ON" name the site, not a person "Your Native" who teaches
// or an "Audiophile" dated "on" some day. The site's name, parsed as a
// byline, must give a's name back (the same words taken for a job or a
// label), and what was cut must be a word or two, so a person who merely
// shares the first words, or a site name with a tagline, stays.
func wholeSiteName(a archive.Author, sites []string) archive.Author {
	for _, s := range sites {
		s = foldSpace(s)
		if len(s) <= len(a.Name) || !strings.EqualFold(s[:len(a.Name)+1], a.Name+" ") {
			continue
		}
		if a.Role != "" && strings.EqualFold(a.Name+" "+a.Role, s) {
			return archive.Author{Name: s, Kind: archive.Organization} // "Human" in "the Loop": the blog "Human in the Loop"
		}
		if rest := strings.Fields(s[len(a.Name):]); len(rest) > 2 || strings.ContainsFunc(strings.Join(rest, ""), notNameRune) {
			continue // "Franck Nijhof (Frenck)", "Top Growth Marketing - eCommerce Ad …": more than a cut word
		}
		if got := parseByline(s, false); len(got) == 1 && got[0].Name == a.Name {
			return archive.Author{Name: s, Kind: archive.Organization}
		}
	}
	return a
}

// siteNameKeys returns the keys of the names the page gives its site.
func siteNameKeys(p *htmlPage) []string {
	var keys []string
	for _, s := range siteCandidates(p) {
		if k := titleKey(s); k != "" {
			keys = append(keys, k)
		}
	}
	return keys
}
