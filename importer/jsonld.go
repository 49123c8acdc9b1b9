package importer

import (
	"encoding/json"
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// ldArticle is what the importer takes from a page's JSON-LD
// (schema.org) description of its article.
type ldArticle struct {
	Headline, Alternative, Description string
	Author, Publisher, Language, URL   string
	Published, Modified                string
}

// articleTypes are the schema.org types taken as the page's article, in
// the order they are preferred.
var articleTypes = map[string]int{
	"newsarticle": 1, "reportagenewsarticle": 1, "analysisnewsarticle": 1, "opinionnewsarticle": 1,
	"reviewnewsarticle": 1, "backgroundnewsarticle": 1, "liveblogposting": 1, "article": 2,
	"blogposting": 2, "scholarlyarticle": 2, "techarticle": 2, "socialmediaposting": 2, "report": 2,
	"satiricalarticle": 2, "advertisercontentarticle": 2, "medicalwebpage": 3, "webpage": 4,
}

// findJSONLD returns the article described by the page's JSON-LD scripts,
// or nil. Scripts that are not valid JSON are skipped.
func findJSONLD(doc *goquery.Document) *ldArticle {
	var best map[string]any
	bestRank := 99
	doc.Find(`script[type="application/ld+json"]`).Each(func(_ int, s *goquery.Selection) {
		var v any
		if json.Unmarshal([]byte(cleanJSONLD(s.Text())), &v) != nil {
			return
		}
		for _, obj := range ldObjects(v, 0) {
			if r := ldRank(obj); r < bestRank {
				best, bestRank = obj, r
			}
		}
	})
	if best == nil {
		return nil
	}
	return &ldArticle{
		Headline:    ldString(best["headline"], best["name"]),
		Alternative: ldString(best["alternativeHeadline"]),
		Description: ldString(best["description"]),
		Author:      ldNames(best["author"], best["creator"]),
		Publisher:   ldNames(best["publisher"]),
		Language:    ldString(best["inLanguage"]),
		URL:         ldString(best["url"], best["mainEntityOfPage"]),
		Published:   ldString(best["datePublished"], best["dateCreated"]),
		Modified:    ldString(best["dateModified"]),
	}
}

// cleanJSONLD strips the comment and CDATA wrappers some pages put around
// their JSON-LD.
func cleanJSONLD(s string) string {
	s = strings.TrimSpace(s)
	for _, w := range []string{"<!--", "-->", "/*<![CDATA[*/", "/*]]>*/", "<![CDATA[", "]]>"} {
		s = strings.ReplaceAll(s, w, "")
	}
	return strings.TrimSpace(s)
}

// ldObjects flattens arrays and @graph lists into the objects they hold.
func ldObjects(v any, depth int) []map[string]any {
	if depth > 4 {
		return nil
	}
	switch v := v.(type) {
	case []any:
		var out []map[string]any
		for _, e := range v {
			out = append(out, ldObjects(e, depth+1)...)
		}
		return out
	case map[string]any:
		out := []map[string]any{v}
		if g, ok := v["@graph"]; ok {
			out = append(out, ldObjects(g, depth+1)...)
		}
		return out
	}
	return nil
}

// ldRank returns how much obj looks like the page's article: lower is
// better, 99 when it is no article at all.
func ldRank(obj map[string]any) int {
	rank := 99
	var types []any
	switch t := obj["@type"].(type) {
	case string:
		types = []any{t}
	case []any:
		types = t
	}
	for _, t := range types {
		if s, ok := t.(string); ok {
			if r, ok := articleTypes[strings.ToLower(s)]; ok && r < rank {
				rank = r
			}
		}
	}
	return rank
}

// ldString returns the first of vs that is a non-empty string, or an
// object's "@id", "name" or "url".
func ldString(vs ...any) string {
	for _, v := range vs {
		switch v := v.(type) {
		case string:
			if s := foldSpace(v); s != "" {
				return s
			}
		case map[string]any:
			if s := ldString(v["@id"], v["name"], v["url"]); s != "" {
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

// ldNames returns the names of the people or organisations in the first
// of vs that has any, joined by ", ".
func ldNames(vs ...any) string {
	for _, v := range vs {
		var names []string
		var add func(v any)
		add = func(v any) {
			switch v := v.(type) {
			case string:
				if s := foldSpace(v); s != "" && !strings.HasPrefix(s, "http") {
					names = append(names, s)
				}
			case map[string]any:
				add(v["name"])
			case []any:
				for _, e := range v {
					add(e)
				}
			}
		}
		add(v)
		if len(names) > 0 {
			return strings.Join(names, ", ")
		}
	}
	return ""
}
