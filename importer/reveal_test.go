package importer

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// runOnBody parses fragment as a page's body and runs step on it.
func runOnBody(t *testing.T, fragment string, step func(*htmlPage) error) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader("<html><body>" + fragment + "</body></html>"))
	if err != nil {
		t.Fatal(err)
	}
	if err := step(&htmlPage{doc: doc}); err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestRevealStreamed(t *testing.T) {
	tests := []struct{ name, page, want string }{
		{ // lesswrong.com (wcxb-dev 0384): a boundary's spinner, then the segment, nested in another
			"Boundary",
			`<div class="RouteRootClient-centralColumn"><!--$?--><template id="B:3"></template><div class="DelayedLoading-spinner">` +
				`<div class="DelayedLoading-bounce1"></div></div><!--/$--></div><div class="Footer-root"></div>` +
				`<div hidden id="S:5"><div class="PostsPage-postContent"><template id="P:7"></template></div></div>` +
				`<div hidden id="S:3"><div data-response-metadata="x"></div><template id="P:5"></template></div>` +
				`<div hidden id="S:7"><p>This is partly a linkpost.</p></div>`,
			`<div class="RouteRootClient-centralColumn"><!--$?--><div data-response-metadata="x"></div>` +
				`<div class="PostsPage-postContent"><p>This is partly a linkpost.</p></div><!--/$--></div><div class="Footer-root"></div>`,
		},
		{ // fool.com (wcxb-dev 4503): placeholders without comments, ids in base 32
			"Placeholder",
			`<div><template id="B:a"></template><div>Loading paragraph...</div><template id="B:b"></template><div>Loading image...</div></div>` +
				`<div hidden id="S:b"><figure>x</figure></div><div hidden id="S:a"><p>An index fund tracks an index.</p></div>`,
			`<div><p>An index fund tracks an index.</p><figure>x</figure></div>`,
		},
		{"NoTemplate", `<p>Shown.</p><div hidden id="S:1"><p>Never shown.</p></div>`,
			`<p>Shown.</p><div hidden="" id="S:1"><p>Never shown.</p></div>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := runOnBody(t, tt.page, revealStreamed)
			var b strings.Builder
			body := selection(doc).Find("body").Get(0)
			for c := body.FirstChild; c != nil; c = c.NextSibling {
				html.Render(&b, c)
			}
			if got := b.String(); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestRevealPanels(t *testing.T) {
	tests := []struct{ name, page, want string }{
		{ // energysage.com (wcxb-dev 4193): an accordion's collapsed panel
			"Accordion",
			`<a id="undefined_0_header_action" role="button" aria-controls="undefined_0_content"><span role="heading">1. Understand your electric bill</span></a>` +
				`<div id="undefined_0_content" style="display:none;" role="region" aria-labelledby="undefined_0_header_action"><p>Your bill shows how much electricity you use.</p></div>`,
			`<div id="undefined_0_content" style=";" role="region" aria-labelledby="undefined_0_header_action"><p>Your bill shows how much electricity you use.</p></div>`,
		},
		{"Tab", `<div role="tabpanel" hidden><p>Specifications of the second tab.</p></div>`, `<div role="tabpanel"><p>Specifications of the second tab.</p></div>`},
		{"Menu", `<button aria-controls="menu">Menu</button><div id="menu" hidden><a href="/a">News</a> <a href="/b">Sport</a></div>`,
			`<div id="menu" hidden=""><a href="/a">News</a> <a href="/b">Sport</a></div>`},
		{"Hidden", `<div style="display:none"><p>Not a panel.</p></div>`, `<div style="display:none"><p>Not a panel.</p></div>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := runOnBody(t, tt.page, revealPanels)
			var b strings.Builder
			html.Render(&b, selection(doc).Find("div").Last().Get(0))
			if got := b.String(); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}
