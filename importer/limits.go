package importer

import (
	"errors"
	"fmt"
	"strings"

	"golang.org/x/net/html"
)

// Limits on the structure of a page, checked before it is parsed: the
// parsers' time and memory grow with these, not only with the size of
// the file (a 15 MB Markdown table took 2 GB in the parser alone).
const (
	// MaxElements is the most HTML elements a page may hold: 20 times
	// the largest page of the corpora (about 10,000), about 250 MB to
	// clean.
	MaxElements = 200_000
	// MaxTableCells is the most table cells a Markdown file may hold,
	// counted as rows times the columns of the table's delimiter row
	// (the parser fills short rows): about 150 MB to parse.
	MaxTableCells = 100_000
	// MaxMarkdownNodes is the most lines, container marks and inline
	// marks (emphasis, code, links, HTML, escapes, entities) a Markdown
	// file may hold: each becomes a node of the parser's tree. A dense
	// 5 MB document holds about that many; 300,000 one-line paragraphs
	// take about 400 MB to read.
	MaxMarkdownNodes = 300_000
)

// ErrTooComplex means a file holds more structure (elements, table
// cells) than the importer reads; the error names the limit.
var ErrTooComplex = errors.New("too complex to read")

// checkElements fails with ErrTooComplex when markup holds more than
// MaxElements elements. Counting "<" followed by a letter overcounts
// (scripts, comments); only a page over the limit by that count is
// tokenized to count its real start tags.
func checkElements(markup string) error {
	if roughTags(markup) <= MaxElements {
		return nil
	}
	z := html.NewTokenizer(strings.NewReader(markup))
	n := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return nil
		case html.StartTagToken, html.SelfClosingTagToken:
			if n++; n > MaxElements {
				return fmt.Errorf("%w: more than %d HTML elements (the limit)", ErrTooComplex, MaxElements)
			}
		}
	}
}

// roughTags counts "<" followed by an ASCII letter.
func roughTags(s string) int {
	n := 0
	for i := strings.IndexByte(s, '<'); i >= 0 && i+1 < len(s); {
		if c := s[i+1] | 0x20; c >= 'a' && c <= 'z' {
			n++
		}
		j := strings.IndexByte(s[i+1:], '<')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return n
}

// limitHTMLStep refuses a page with more than MaxElements elements.
func limitHTMLStep(p *htmlPage) error { return checkElements(p.markup) }
