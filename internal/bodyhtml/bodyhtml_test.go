package bodyhtml

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/clippings/clippings/archive"
)

// allowedTags and allowedAttrs are what the package may write.
var (
	allowedTags = map[string]bool{"p": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
		"ul": true, "ol": true, "li": true, "blockquote": true, "pre": true, "code": true, "table": true,
		"thead": true, "tbody": true, "tr": true, "th": true, "td": true, "figure": true, "img": true,
		"figcaption": true, "a": true, "em": true, "strong": true, "sub": true, "sup": true, "br": true}
	allowedAttrs = map[string]bool{"href": true, "src": true, "alt": true}
)

// checkSafe parses out as an HTML fragment and fails on any element or
// attribute outside the allowed sets and any address that is not http(s)
// or mailto.
func checkSafe(t *testing.T, out string) {
	t.Helper()
	nodes, err := html.ParseFragment(strings.NewReader(out), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		t.Fatal(err)
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if !allowedTags[n.Data] {
				t.Errorf("element <%s> written:\n%s", n.Data, out)
			}
			for _, a := range n.Attr {
				if !allowedAttrs[a.Key] {
					t.Errorf("attribute %s on <%s> written", a.Key, n.Data)
				}
				if (a.Key == "href" || a.Key == "src") && !strings.HasPrefix(a.Val, "http://") &&
					!strings.HasPrefix(a.Val, "https://") && !strings.HasPrefix(a.Val, "mailto:") {
					t.Errorf("%s=%q written", a.Key, a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
}

func TestRenderHostile(t *testing.T) {
	text := `<script>alert(1)</script> "quoted" & <style>x</style> é`
	hrefs := []string{"javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,<script>x</script>",
		"vbscript:x", `https://a.example/"><script>alert(1)</script>`, `http://b.example/' onmouseover='x`,
		"//c.example/x", "/relative", "file:///etc/passwd", "https://", "mailto:x@example.org"}
	var marks []archive.Inline
	for _, h := range hrefs {
		marks = append(marks, archive.Inline{Start: 0, End: 8, Kind: archive.InlineLink, Href: h})
	}
	marks = append(marks,
		archive.Inline{Start: 2, End: 12, Kind: archive.InlineEm},         // crosses the links
		archive.Inline{Start: -1, End: 3, Kind: "script"},                 // unknown kind, out of range
		archive.Inline{Start: len(text) - 1, End: len(text), Kind: "sup"}, // cuts é
		archive.Inline{Start: 40, End: 400, Kind: archive.InlineStrong})   // past the end
	blocks := []archive.Block{
		{Kind: archive.Paragraph, Text: text, Inline: marks},
		{Kind: archive.Heading, Level: 9, Text: text},
		{Kind: "iframe", Text: text},
		{Kind: archive.Code, Text: "</code></pre><script>x</script>"},
		{Kind: archive.FigureRef, Figure: 0},
		{Kind: archive.FigureRef, Figure: 7},
		{Kind: archive.ListItem, Level: 3, Text: text},
		{Kind: archive.Footnote, Label: `"><b>`, Text: text},
		{Kind: archive.TableKind, Text: text, Table: &archive.Table{Caption: "<i>c</i>", Rows: [][]archive.Cell{
			{{Text: text, Header: true, ColSpan: 1 << 30, Inline: marks}},
		}}},
	}
	figures := []archive.Figure{{Image: `javascript:alert("x")`, Alt: `" onerror="alert(1)`, Caption: "<b>cap</b>"}}
	out := Render(blocks, figures)
	checkSafe(t, out)
	if strings.Contains(out, "<script") || strings.Contains(out, "javascript") {
		t.Errorf("script passed:\n%s", out)
	}
	if !strings.Contains(out, `href="https://a.example/%22%3E%3Cscript%3Ealert%281%29%3C/script%3E"`) {
		t.Errorf("a hostile but http address lost or left unescaped:\n%s", out)
	}
}

func TestRenderBlocks(t *testing.T) {
	blocks := []archive.Block{
		{Kind: archive.Heading, Level: 2, Text: "Results"},
		{Kind: archive.Paragraph, Text: "See the report by Smith.", Inline: []archive.Inline{
			{Start: 4, End: 23, Kind: archive.InlineLink, Href: "https://example.org/report"},
			{Start: 8, End: 14, Kind: archive.InlineEm},
			{Start: 18, End: 23, Kind: archive.InlineStrong},
		}},
		{Kind: archive.ListItem, Level: 1, Text: "one"},
		{Kind: archive.ListItem, Level: 2, Text: "one.a", Ordered: true},
		{Kind: archive.ListItem, Level: 1, Text: "two"},
		{Kind: archive.Term, Text: "H2O"},
		{Kind: archive.Define, Text: "water", Inline: []archive.Inline{{Start: 0, End: 5, Kind: archive.InlineSub}}},
		{Kind: archive.TableKind, Text: "Cap\nA | B\n1 | 2", Table: &archive.Table{Caption: "Cap", Rows: [][]archive.Cell{
			{{Text: "A", Header: true}, {Text: "B", Header: true}},
			{{Text: "1", ColSpan: 2}},
		}}},
		{Kind: archive.Footnote, Label: "1", Text: "A note."},
	}
	want := `<h2>Results</h2>
<p>See <a href="https://example.org/report">the <em>report</em> by <strong>Smith</strong></a>.</p>
<ul>
<li>one<ol>
<li>one.a</li>
</ol>
</li>
<li>two</li>
</ul>
<p><strong>H2O</strong></p>
<p><sub>water</sub></p>
<figure><table>
<thead>
<tr><th>A</th>
<th>B</th>
</tr>
</thead>
<tbody>
<tr><td>1</td>
<td></td></tr>
</tbody>
</table><figcaption>Cap</figcaption></figure>
<p><sup>1</sup> A note.</p>
`
	if got := Render(blocks, nil); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
