package importer

import (
	"bytes"
	"fmt"
)

// Limits applied to a Markdown body before it is parsed.
const (
	// maxMarkdownNesting is the most block-quote and list marks kept at
	// the start of a line: the parser's time grows with the square of
	// the depth, and no clipping nests deeper.
	maxMarkdownNesting = 32
	// maxMarkdownIndent is the most columns of white space kept among
	// the container marks that open a line (indentation, and the space
	// between block-quote and list marks): lists nested by indentation
	// cost the parser time on every later line, and 4,500 levels took
	// 117 s. 128 columns nest 64 lists at the most.
	maxMarkdownIndent = 128
	// linkDefinitionRun is the most link reference definitions kept on
	// consecutive lines: the parser removes each from its paragraph by
	// copying the lines after it, so a run of n costs n²; a blank line
	// after every linkDefinitionRun ends the paragraph without changing
	// what the definitions mean.
	linkDefinitionRun = 64
)

// limitMarkdownStep bounds the structure of a Markdown body (see
// limitMarkdown) before it is parsed.
func limitMarkdownStep(p *mdPage) error {
	body, err := limitMarkdown(p.body)
	p.body = body
	return err
}

// limitMarkdown bounds what makes the Markdown parser slow, in one pass
// over the lines of body: it drops the container marks of each line
// beyond maxMarkdownNesting and cuts their white space to
// maxMarkdownIndent, splits long runs of link reference definitions,
// and fails with ErrTooComplex when the tables hold more than
// MaxTableCells cells or the whole more than MaxMarkdownNodes nodes.
// body is returned as it is when nothing changes.
func limitMarkdown(body []byte) ([]byte, error) {
	var out bytes.Buffer
	changed := false
	var t tableCount
	run, nodes := 0, 0
	for rest := body; len(rest) > 0; {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i+1], rest[i+1:]
		} else {
			rest = nil
		}
		prefix, content := splitContainerMarks(line)
		if t.add(content) > MaxTableCells {
			return nil, fmt.Errorf("%w: more than %d table cells (the limit)", ErrTooComplex, MaxTableCells)
		}
		if nodes += markdownNodes(prefix, content); nodes > MaxMarkdownNodes {
			return nil, fmt.Errorf("%w: more than %d Markdown blocks and marks (the limit)", ErrTooComplex, MaxMarkdownNodes)
		}
		if run = linkDefinitions(run, prefix, content); run > linkDefinitionRun {
			out.Write(quoteMarks(prefix))
			out.WriteByte('\n')
			changed, run = true, 1
		}
		if short, ok := shortenPrefix(prefix); ok {
			out.Write(short)
			out.Write(content)
			changed = true
		} else {
			out.Write(line)
		}
	}
	if !changed {
		return body, nil
	}
	return out.Bytes(), nil
}

// splitContainerMarks splits a line into the marks that open it (white
// space, ">" and list marks) and its content.
func splitContainerMarks(line []byte) (prefix, content []byte) {
	i := 0
	for i < len(line) {
		if line[i] == ' ' || line[i] == '\t' {
			i++
		} else if j := markEnd(line, i); j > i {
			i = j
		} else {
			break
		}
	}
	return line[:i], line[i:]
}

// markEnd returns the end of the block-quote or list mark at line[i:]
// (a list mark with the space after it), or i when none starts there.
func markEnd(line []byte, i int) int {
	space := func(j int) bool { return j < len(line) && (line[j] == ' ' || line[j] == '\t') }
	switch c := line[i]; {
	case c == '>':
		return i + 1
	case c == '-' || c == '*' || c == '+':
		if space(i + 1) {
			return i + 2
		}
	case c >= '0' && c <= '9':
		j := i
		for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
			j++
		}
		if j < len(line) && (line[j] == '.' || line[j] == ')') && space(j+1) {
			return j + 2
		}
	}
	return i
}

// shortenPrefix returns the marks that open a line without the marks
// beyond maxMarkdownNesting, and with their white space cut to
// maxMarkdownIndent columns (a tab counting 4; a mark keeps one space
// after it); ok is false when the line needs no change.
func shortenPrefix(prefix []byte) (short []byte, ok bool) {
	marks, width, cut := 0, 0, len(prefix)
	for i := 0; i < len(prefix); {
		switch j := markEnd(prefix, i); {
		case j > i:
			if marks++; marks == maxMarkdownNesting {
				cut = j
			}
			i = j
		default:
			width, i = width+spaceWidth(prefix[i]), i+1
		}
	}
	if marks <= maxMarkdownNesting && width <= maxMarkdownIndent {
		return nil, false
	}
	if marks > maxMarkdownNesting {
		prefix = append(prefix[:cut:cut], ' ')
	}
	out := make([]byte, 0, len(prefix))
	budget := maxMarkdownIndent
	for i, c := range prefix {
		w := spaceWidth(c)
		switch {
		case w == 0:
			out = append(out, c)
		case budget >= w:
			budget -= w
			out = append(out, c)
		case i > 0 && prefix[i-1] != ' ' && prefix[i-1] != '\t':
			out = append(out, ' ')
		}
	}
	return out, true
}

// spaceWidth returns the columns of a space (1) or tab (4), 0 for
// anything else.
func spaceWidth(c byte) int {
	switch c {
	case ' ':
		return 1
	case '\t':
		return 4
	}
	return 0
}

// tableCount counts the cells of the tables of a Markdown body as its
// lines go by: a table is a delimiter row ("|---|:--:|") after a row
// holding a pipe, and its rows the lines up to a blank one. The parser
// fills every row to the delimiter row's columns, so a table holds rows
// times columns cells, however few its rows write.
type tableCount struct {
	prev    []byte // the content of the line before
	columns int    // of the table being read; 0 outside tables
	cells   int
}

// add counts the line with content and returns the cells counted so far.
func (t *tableCount) add(content []byte) int {
	switch {
	case t.columns > 0 && len(bytes.TrimSpace(content)) > 0:
		t.cells += t.columns
	default:
		t.columns = delimiterColumns(content, t.prev)
		t.cells += 2 * t.columns // the header and the delimiter row
	}
	t.prev = content
	return t.cells
}

// delimiterColumns returns the number of columns of content when it is a
// table's delimiter row after a line prev holding a pipe, else 0.
func delimiterColumns(content, prev []byte) int {
	if bytes.IndexByte(content, '-') < 0 || bytes.IndexByte(prev, '|') < 0 {
		return 0
	}
	n, inDash := 0, false
	for _, c := range content {
		switch c {
		case '-':
			if !inDash {
				n++
			}
			inDash = true
			continue
		case '|', ':', ' ', '\t', '\r', '\n':
		default:
			return 0
		}
		inDash = false
	}
	return n
}

// inlineMarks are the bytes that may open an inline node of Markdown.
var inlineMarks = [256]bool{'*': true, '_': true, '`': true, '[': true, '<': true, '~': true, '\\': true, '&': true}

// markdownNodes returns at least how many nodes of the parser's tree a
// line may make: one for its text, one for each container mark, one for
// each inline mark. A blank line makes none.
func markdownNodes(prefix, content []byte) int {
	if len(bytes.TrimSpace(content)) == 0 {
		return 0
	}
	n := 1
	for _, c := range prefix {
		if c != ' ' && c != '\t' {
			n++
		}
	}
	for _, c := range content {
		if inlineMarks[c] {
			n++
		}
	}
	return n
}

// linkDefinitions returns the length of the run of link reference
// definitions ("[label]: address", opened only by block-quote marks and
// white space) that the line ends: run+1 when it is one, else 0.
func linkDefinitions(run int, prefix, content []byte) int {
	if len(content) == 0 || content[0] != '[' || bytes.ContainsAny(prefix, "-*+.)") ||
		!bytes.Contains(content, []byte("]:")) {
		return 0
	}
	return run + 1
}

// quoteMarks returns the block-quote marks of prefix: a line of them
// alone is blank inside the quotes.
func quoteMarks(prefix []byte) []byte {
	var out []byte
	for _, c := range prefix {
		if c == '>' {
			out = append(out, c)
		}
	}
	return out
}
