package export

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// frontMatter splits a note into its YAML front matter, parsed, and body.
func splitNote(t *testing.T, text string) (map[string]any, string) {
	t.Helper()
	rest, ok := strings.CutPrefix(text, "---\n")
	head, body, ok2 := strings.Cut(rest, "\n---\n")
	if !ok || !ok2 {
		t.Fatalf("no front matter:\n%s", text)
	}
	var m map[string]any
	if err := yaml.Unmarshal([]byte(head), &m); err != nil {
		t.Fatalf("front matter is not YAML: %v\n%s", err, head)
	}
	return m, body
}

func TestMarkdown(t *testing.T) {
	fx := newFixture(t)
	dir := exportTo(t, fx.store, fx.all, Markdown)
	names, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil || len(names) != len(fx.all)+1 {
		t.Fatalf("%d notes (%v), want %d and the index", len(names), err, len(fx.all))
	}
	read := func(name string) string {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	t.Run("FrontMatter", func(t *testing.T) {
		m, _ := splitNote(t, read("Libraries keep the news.md"))
		want := map[string]any{"title": "Libraries keep the news", "site": "Nordic Times",
			"url": "https://example.com/news/libraries?id=1&x=%20", "citekey": "lindqvist2024libraries"}
		for k, v := range want {
			if m[k] != v {
				t.Errorf("%s = %v, want %v", k, m[k], v)
			}
		}
		if tags, _ := m["tags"].([]any); len(tags) != 2 || tags[0] != "research/libraries" || tags[1] != "to-read" {
			t.Errorf("tags = %v", m["tags"])
		}
		if _, ok := m["published"]; !ok {
			t.Error("no published date")
		}
		hm, _ := splitNote(t, read(SafeName(hostileTitle)+".md"))
		if want := metaEscape(hostileTitle); hm["title"] != want {
			t.Errorf("hostile title = %q, want %q", hm["title"], want)
		}
	})
	t.Run("Body", func(t *testing.T) {
		_, body := splitNote(t, read("Libraries keep the news.md"))
		for _, want := range []string{"# Libraries keep the news", "Public libraries ==keep the news== of",
			`use \*old\* papers\_daily; costs are \$5 \& 10\% of \# budgets.`,
			"*Visits per year — Photo: Bo Ek*", "- first point", "    1. nested one", `- \- second point`,
			"> ==A library is a memory.==", "````\nSELECT * FROM news; -- ```\n````",
			"## Note\n\nFollow up with the archivist.", "> keep the news\n\n*green* Key \\*claim\\* \\[1\\]",
			"Source: <https://example.com/news/libraries?id=1&x=%20>"} {
			if !strings.Contains(body, want) {
				t.Errorf("note lacks %q", want)
			}
		}
	})
	t.Run("Images", func(t *testing.T) {
		for _, n := range names {
			data, _ := os.ReadFile(n)
			for _, m := range regexp.MustCompile(`!\[[^\]]*\]\(([^)]+)\)`).FindAllStringSubmatch(string(data), -1) {
				if _, err := os.Stat(filepath.Join(dir, m[1])); err != nil {
					t.Errorf("%s: image %s: %v", filepath.Base(n), m[1], err)
				}
			}
		}
		imgs, _ := filepath.Glob(filepath.Join(dir, "images", "*"))
		if len(imgs) != 2 {
			t.Errorf("%d images copied, want 2 (the SVG is left out): %v", len(imgs), imgs)
		}
	})
	t.Run("Hostile", func(t *testing.T) {
		_, body := splitNote(t, read(SafeName(hostileTitle)+".md"))
		if strings.Contains(body, "<javascript:") || strings.Contains(body, "<script>") || strings.Contains(body, "](https://evil") {
			t.Errorf("hostile note carries a link or markup:\n%s", body)
		}
	})
	t.Run("Index", func(t *testing.T) {
		if index := read("index.md"); !strings.Contains(index, "- [[Libraries keep the news]] — Nordic Times, 2024-03-05") {
			t.Errorf("index:\n%s", index)
		}
	})
}

func TestMarkdownEscaping(t *testing.T) {
	cases := map[string]string{
		"1. not a list":      `1\. not a list`,
		"- not a bullet":     `\- not a bullet`,
		"# not a heading":    `\# not a heading`,
		"==no mark== %%x%%":  `\=\=no mark\=\= \%\%x\%\%`,
		"[[no link]] <b>":    `\[\[no link\]\] \<b\>`,
		"    not code":       `not code`,
		"a | b ~~c~~ $x$ !x": `a \| b \~\~c\~\~ \$x\$ \!x`,
	}
	for in, want := range cases {
		if got := mdInline(in); got != want {
			t.Errorf("mdInline(%q) = %q, want %q", in, got, want)
		}
	}
	if got, want := mdLink("javascript:alert(1)"), "javascript:alert(1)"; got != want {
		t.Errorf("mdLink = %q, want %q (text, not a link)", got, want)
	}
}
