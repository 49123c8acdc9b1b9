package importer

import (
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// The JSON-LD below breaks JSON the ways pages break it; each must still
// give its article.
func TestParseJSONLDBreakages(t *testing.T) {
	tests := []struct{ name, script string }{
		{"TrailingComma", `{"@type": "NewsArticle", "headline": "Storm hits coast", "datePublished": "2019-01-03",}`},
		{"TrailingCommaInArray", `{"@type": ["NewsArticle",], "headline": "Storm hits coast"}`},
		{"NewlineInString", "{\"@type\": \"NewsArticle\", \"headline\": \"Storm\nhits coast\"}"},
		{"ControlCharacter", "{\"@type\": \"NewsArticle\", \"headline\": \"Storm hits\x0b coast\"}"},
		{"BadEscape", `{"@type": "NewsArticle", "headline": "Storm hits coast\'s"}`},
		{"Comments", "{\n// generated\n\"@type\": \"NewsArticle\", /* the title */ \"headline\": \"Storm hits coast\"}"},
		{"CDATA", `/*<![CDATA[*/{"@type": "NewsArticle", "headline": "Storm hits coast"}/*]]>*/`},
		{"HTMLComment", `<!-- {"@type": "NewsArticle", "headline": "Storm hits coast"} -->`},
		{"Entities", `{&quot;@type&quot;: &quot;NewsArticle&quot;, &quot;headline&quot;: &quot;Storm hits coast&quot;}`},
		{"TwoValues", `{"@type": "WebSite", "name": "Example"} {"@type": "NewsArticle", "headline": "Storm hits coast"}`},
		{"Semicolon", `{"@type": "NewsArticle", "headline": "Storm hits coast"};`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ld := findJSONLD(ldPage(t, tt.script))
			if ld == nil || !strings.HasPrefix(ld.Headline, "Storm") || !strings.HasSuffix(ld.Headline, "coast") &&
				!strings.HasSuffix(ld.Headline, "coast's") {
				t.Fatalf("findJSONLD = %+v, want the NewsArticle", ld)
			}
		})
	}
	if ld := findJSONLD(ldPage(t, `{"@type": "NewsArticle", "headline": `)); ld != nil {
		t.Errorf("findJSONLD of a cut script = %+v, want nil", ld)
	}
}

// ldPage returns a page holding the JSON-LD scripts.
func ldPage(t *testing.T, scripts ...string) *goquery.Document {
	t.Helper()
	var b strings.Builder
	b.WriteString("<html><head>")
	for _, s := range scripts {
		b.WriteString(`<script type="application/ld+json">` + s + "</script>")
	}
	b.WriteString("</head><body></body></html>")
	d, err := goquery.NewDocumentFromReader(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// A Yoast-style @graph: the article refers to its author and publisher by
// @id; a second script holds a BreadcrumbList. (Shape of the JSON-LD of
// classcentral.com in wcxb-dev, page 0215.)
func TestFindJSONLDGraph(t *testing.T) {
	graph := `{"@context":"https://schema.org","@graph":[
 {"@type":"WebPage","@id":"https://example.com/report/#webpage","name":"Free Certificates | Class Central","isPartOf":{"@id":"https://example.com/#website"}},
 {"@type":["Article","NewsArticle"],"@id":"https://example.com/report/#article","headline":"Massive List of Free Certificates",
  "author":[{"@id":"https://example.com/#/schema/person/1"},{"@id":"https://example.com/#/schema/person/2"}],
  "publisher":{"@id":"https://example.com/#organization"},"isPartOf":{"@id":"https://example.com/report/#webpage"},
  "datePublished":"2021-12-12T04:19:43+00:00","dateModified":"2025-12-12T04:19:43+00:00"},
 {"@type":"WebSite","@id":"https://example.com/#website","name":"Class Central"},
 {"@type":"Organization","@id":"https://example.com/#organization","name":"Class Central Inc."},
 {"@type":"Person","@id":"https://example.com/#/schema/person/1","name":"Rui Ma","jobTitle":"Editor"},
 {"@type":"Person","@id":"https://example.com/#/schema/person/2","givenName":"Heba","familyName":"Ledwon"}
]}`
	crumbs := `{"@context":"https://schema.org","@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","position":1,"name":"Home"}]}`
	ld := findJSONLD(ldPage(t, crumbs, graph))
	if ld == nil {
		t.Fatal("findJSONLD = nil")
	}
	if ld.Headline != "Massive List of Free Certificates" || ld.Publisher != "Class Central Inc." || ld.SiteName != "Class Central" {
		t.Errorf("headline %q, publisher %q, site %q", ld.Headline, ld.Publisher, ld.SiteName)
	}
	if ld.Published != "2021-12-12T04:19:43+00:00" || ld.Modified != "2025-12-12T04:19:43+00:00" {
		t.Errorf("published %q, modified %q", ld.Published, ld.Modified)
	}
	if len(ld.Authors) != 2 || ld.Authors[0].Name != "Rui Ma" || ld.Authors[0].Role != "Editor" || ld.Authors[1].Name != "Heba Ledwon" {
		t.Errorf("authors = %+v, want Rui Ma (Editor) and Heba Ledwon", ld.Authors)
	}
}

// Wikipedia's JSON-LD (mozilla corpus, wikipedia-3): CDATA, an organisation
// as author.
func TestFindJSONLDOrganizationAuthor(t *testing.T) {
	script := `<![CDATA[
{"@context":"https:\/\/schema.org","@type":"Article","name":"Hermitian matrix","author":{"@type":"Organization","name":"Contributors to Wikimedia projects"},"publisher":{"@type":"Organization","name":"Wikimedia Foundation, Inc."},"datePublished":"2003-02-28T21:51:08Z"}
]]>`
	ld := findJSONLD(ldPage(t, script))
	if ld == nil || len(ld.Authors) != 1 || !ld.Authors[0].Org || ld.Authors[0].Name != "Contributors to Wikimedia projects" {
		t.Fatalf("findJSONLD = %+v, want the organisation as author", ld)
	}
	if ld.Headline != "Hermitian matrix" || ld.Publisher != "Wikimedia Foundation, Inc." {
		t.Errorf("headline %q, publisher %q", ld.Headline, ld.Publisher)
	}
}

func TestFindJSONLDNameList(t *testing.T) {
	ld := findJSONLD(ldPage(t, `{"@type":"BlogPosting","headline":"Flood","author":{"@type":"Person","name":["Jane Doe","John Roe"]}}`))
	if ld == nil || len(ld.Authors) != 2 || ld.Authors[1].Name != "John Roe" {
		t.Fatalf("findJSONLD = %+v, want two authors", ld)
	}
}

func TestRepairJSON(t *testing.T) {
	for in, want := range map[string]string{
		`{"a": [1, 2,], }`:            `{"a": [1, 2] }`,
		`{"a": "x, }"}`:               `{"a": "x, }"}`,
		"{\"a\": \"l1\nl2\"}":         `{"a": "l1 l2"}`,
		`{"a": "it\'s"}`:              `{"a": "it's"}`,
		"{\"a\": 1 /* c */, \"b\":2}": `{"a": 1 , "b":2}`,
	} {
		if got := repairJSON(in); got != want {
			t.Errorf("repairJSON(%q) = %q, want %q", in, got, want)
		}
	}
}
