package importer

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestLimitMarkdownKeepsClippings: a real clipping, and Markdown of every
// kind within the limits, pass limitMarkdown unchanged.
func TestLimitMarkdownKeepsClippings(t *testing.T) {
	clipping, err := os.ReadFile("../../shared/corpus/formats/markdown/daringfireball-iphone16e-defuddle.md")
	if err != nil {
		t.Fatal(err)
	}
	made := "# Title\n\n> quoted\n> > twice\n\n1. one\n   - nested\n     - deeper\n\n" +
		"| a | b |\n|:--|--:|\n| 1 | 2 |\n\n[ref]: https://example.org \"Title\"\n\n" +
		strings.Repeat("    ", 20) + "code indented 80 columns\n```go\n\tfunc f() {}\n```\n"
	for name, doc := range map[string][]byte{"clipping": clipping, "made": []byte(made)} {
		got, err := limitMarkdown(doc)
		if err != nil || !bytes.Equal(got, doc) {
			t.Errorf("%s: changed by limitMarkdown (%v):\n%s", name, err, got)
		}
	}
}

// TestLimitMarkdownShortens: a line's marks beyond maxMarkdownNesting
// go, its indentation is cut to maxMarkdownIndent, and a run of link
// reference definitions is split every linkDefinitionRun lines.
func TestLimitMarkdownShortens(t *testing.T) {
	for in, want := range map[string]string{
		strings.Repeat("> ", 40) + "x\n":                                    strings.Repeat("> ", 32) + "x\n",
		strings.Repeat(" ", 300) + "- x\n":                                  strings.Repeat(" ", maxMarkdownIndent) + "- x\n",
		"> " + strings.Repeat(" ", 300) + "- x\n":                           "> " + strings.Repeat(" ", maxMarkdownIndent-1) + "- x\n",
		strings.Repeat("\t", 40) + "x\n":                                    strings.Repeat("\t", maxMarkdownIndent/4) + "x\n",
		strings.Repeat(" ", 130) + "- " + strings.Repeat(" ", 10) + "- x\n": strings.Repeat(" ", maxMarkdownIndent) + "- - x\n",
	} {
		if got, err := limitMarkdown([]byte(in)); err != nil || string(got) != want {
			t.Errorf("limitMarkdown(%q) = %q, %v; want %q", clipText(in), clipText(string(got)), err, clipText(want))
		}
	}
	var defs strings.Builder
	for i := range 1000 {
		fmt.Fprintf(&defs, "> [d%d]: /%d\n", i, i)
	}
	got, err := limitMarkdown([]byte(defs.String()))
	if err != nil {
		t.Fatal(err)
	}
	run, longest := 0, 0
	for _, l := range strings.Split(string(got), "\n") {
		if strings.HasPrefix(l, "> [") {
			run++
			longest = max(longest, run)
		} else if l == ">" {
			run = 0
		} else if l != "" {
			t.Errorf("unexpected line %q", l)
		}
	}
	if longest != linkDefinitionRun || strings.Count(string(got), "[d") != 1000 {
		t.Errorf("runs of up to %d definitions, %d in all; want %d, 1000", longest, strings.Count(string(got), "[d"), linkDefinitionRun)
	}
}

func clipText(s string) string {
	if len(s) > 40 {
		return fmt.Sprintf("%s…(%d bytes)", s[:40], len(s))
	}
	return s
}
