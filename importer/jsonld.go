package importer

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// ldArticle is what the importer takes from a page's JSON-LD
// (schema.org) description of its article.
type ldArticle struct {
	Headline, Alternative, Description string
	Authors                            []ldAgent // author, else creator, in order
	Publisher                          string    // the publisher's name
	SiteName                           string    // the name of the WebSite the page is part of
	Language, URL                      string
	Published, Modified                string // as the page wrote them
}

// ldAgent is a person or organisation of the JSON-LD.
type ldAgent struct {
	Name, Role string // Role: the person's jobTitle
	Org        bool   // typed as an organisation
}

// articleTypes are the schema.org types taken as the page's article, in
// the order they are preferred.
var articleTypes = map[string]int{
	"newsarticle": 1, "reportagenewsarticle": 1, "analysisnewsarticle": 1, "opinionnewsarticle": 1,
	"reviewnewsarticle": 1, "backgroundnewsarticle": 1, "liveblogposting": 1, "article": 2,
	"blogposting": 2, "scholarlyarticle": 2, "techarticle": 2, "socialmediaposting": 2, "report": 2,
	"satiricalarticle": 2, "advertisercontentarticle": 2, "posting": 2, "review": 3, "recipe": 3,
	"howto": 3, "medicalwebpage": 3, "qapage": 4, "webpage": 4, "itempage": 4, "aboutpage": 4,
}

// orgTypes are the schema.org types of organisations.
var orgTypes = map[string]bool{
	"organization": true, "newsmediaorganization": true, "corporation": true, "educationalorganization": true,
	"governmentorganization": true, "ngo": true, "localbusiness": true, "onlinebusiness": true,
	"researchorganization": true, "medicalorganization": true, "brand": true, "collegeoruniversity": true,
}

// ldGraph is every object of a page's JSON-LD.
type ldGraph struct {
	main []map[string]any          // top-level objects, @graph members and main entities
	byID map[string]map[string]any // objects with an @id, at any depth
}

// maxLDDepth bounds the walk through nested JSON-LD.
const maxLDDepth = 8

// findJSONLD returns the article described by the page's JSON-LD scripts,
// or nil. Scripts that cannot be mended into JSON are skipped.
func findJSONLD(doc *goquery.Document) *ldArticle {
	g := ldGraph{byID: map[string]map[string]any{}}
	doc.Find(`script[type="application/ld+json" i]`).Each(func(_ int, s *goquery.Selection) {
		for _, v := range parseJSONLD(s.Text()) {
			g.add(v, 0, true)
		}
	})
	var best map[string]any
	bestRank := 99
	site := ""
	for _, obj := range g.main {
		if r := ldRank(obj); r < bestRank {
			best, bestRank = obj, r
		}
		if site == "" && hasLDType(obj, "website") {
			site = ldString(obj["name"])
		}
	}
	if best == nil {
		if site == "" {
			return nil
		}
		return &ldArticle{SiteName: site}
	}
	authors := g.agents(best["author"])
	if len(authors) == 0 {
		authors = g.agents(best["creator"])
	}
	var publisher string
	if ps := g.agents(best["publisher"]); len(ps) > 0 {
		publisher = ps[0].Name
	}
	return &ldArticle{
		Headline:    ldString(best["headline"], best["name"]),
		Alternative: ldString(best["alternativeHeadline"]),
		Description: ldString(best["description"]),
		Authors:     authors,
		Publisher:   publisher,
		SiteName:    first(site, g.siteOf(best)),
		Language:    ldString(best["inLanguage"]),
		URL:         ldString(best["url"], best["mainEntityOfPage"]),
		Published:   ldString(best["datePublished"], best["dateCreated"]),
		Modified:    ldString(best["dateModified"]),
	}
}

// add records v: its objects with an @id in the index, and when main,
// the objects that describe the page (top level, @graph, mainEntity).
func (g *ldGraph) add(v any, depth int, main bool) {
	if depth > maxLDDepth {
		return
	}
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			g.add(e, depth+1, main)
		}
	case map[string]any:
		if main {
			g.main = append(g.main, v)
		}
		if id, ok := v["@id"].(string); ok && len(v) > 1 {
			if _, seen := g.byID[id]; !seen {
				g.byID[id] = v
			}
		}
		for k, e := range v {
			g.add(e, depth+1, main && (k == "@graph" || k == "mainEntity"))
		}
	}
}

// resolve returns the object an {"@id": …} reference points to, or obj.
func (g *ldGraph) resolve(obj map[string]any) map[string]any {
	if id, ok := obj["@id"].(string); ok && obj["name"] == nil {
		if full, ok := g.byID[id]; ok {
			return full
		}
	}
	return obj
}

// agents returns the people or organisations v names: strings (not
// addresses), objects (references resolved) and arrays of them.
func (g *ldGraph) agents(v any) []ldAgent {
	var out []ldAgent
	var add func(v any, depth int)
	add = func(v any, depth int) {
		if depth > 3 {
			return
		}
		switch v := v.(type) {
		case string:
			if s := foldSpace(v); s != "" && !looksLikeURL(s) {
				out = append(out, ldAgent{Name: s})
			}
		case map[string]any:
			obj := g.resolve(v)
			if names, ok := obj["name"].([]any); ok && len(names) > 1 { // {"@type":"Person","name":["A","B"]}
				for _, n := range names {
					add(map[string]any{"@type": obj["@type"], "name": n}, depth+1)
				}
				return
			}
			name := ldString(obj["name"])
			if name == "" {
				name = foldSpace(ldString(obj["givenName"]) + " " + ldString(obj["familyName"]))
			}
			if name != "" && !looksLikeURL(name) {
				out = append(out, ldAgent{Name: name, Role: ldString(obj["jobTitle"]), Org: isLDOrg(obj)})
			}
		case []any:
			for _, e := range v {
				add(e, depth+1)
			}
		}
	}
	add(v, 0)
	return out
}

// siteOf returns the name of the WebSite an article object is part of.
func (g *ldGraph) siteOf(obj map[string]any) string {
	for _, k := range []string{"isPartOf", "mainEntityOfPage"} {
		if m, ok := obj[k].(map[string]any); ok {
			m = g.resolve(m)
			if hasLDType(m, "website") {
				return ldString(m["name"])
			}
			if m2, ok := m["isPartOf"].(map[string]any); ok && hasLDType(g.resolve(m2), "website") {
				return ldString(g.resolve(m2)["name"])
			}
		}
	}
	return ""
}

// ldTypes returns the lower-cased @type values of obj.
func ldTypes(obj map[string]any) []string {
	var out []string
	switch t := obj["@type"].(type) {
	case string:
		out = append(out, strings.ToLower(t))
	case []any:
		for _, e := range t {
			if s, ok := e.(string); ok {
				out = append(out, strings.ToLower(s))
			}
		}
	}
	for i, t := range out { // "http://schema.org/NewsArticle"
		out[i] = t[strings.LastIndexAny(t, "/#:")+1:]
	}
	return out
}

func hasLDType(obj map[string]any, want string) bool {
	for _, t := range ldTypes(obj) {
		if t == want {
			return true
		}
	}
	return false
}

func isLDOrg(obj map[string]any) bool {
	for _, t := range ldTypes(obj) {
		if orgTypes[t] {
			return true
		}
	}
	return false
}

// ldRank returns how much obj looks like the page's article: lower is
// better, 99 when it is no article at all.
func ldRank(obj map[string]any) int {
	rank := 99
	for _, t := range ldTypes(obj) {
		if r, ok := articleTypes[t]; ok && r < rank {
			rank = r
		}
	}
	return rank
}

// ldString returns the first of vs that is a non-empty string, or an
// object's "@id", "name" or "url", or an array's first such value.
func ldString(vs ...any) string {
	for _, v := range vs {
		switch v := v.(type) {
		case string:
			if s := foldSpace(v); s != "" {
				return s
			}
		case map[string]any:
			if s := ldString(v["@id"], v["name"], v["url"], v["@value"]); s != "" {
				return s
			}
		case []any:
			if len(v) > 0 {
				if s := ldString(v[0]); s != "" {
					return s
				}
			}
		}
	}
	return ""
}

// looksLikeURL reports whether s is a web address rather than a name.
func looksLikeURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "www.") ||
		strings.HasPrefix(l, "//")
}
