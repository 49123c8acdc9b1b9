// Package versiondiff shows what changed between two versions of an
// article, word by word: the headline, the standfirst and the byline as
// fields, and the body block by block. Researchers follow how a story was
// edited after it was published; the reader, the command line
// (`clippings versions ID --diff`) and the Markdown and HTML exports
// show the same comparison.
//
// The diff itself is github.com/sergi/go-diff's Myers diff with its
// semantic clean-up, run on words instead of characters: every distinct
// token (a word, a run of spaces, a punctuation mark, a CJK character,
// a block boundary) is mapped to one rune, the rune strings are compared,
// and the result mapped back.
package versiondiff

import (
	"fmt"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/clippings/clippings/archive"
)

// Op says what happened to a span of text.
type Op int8

// The operations of a span.
const (
	Equal    Op = iota // in both versions
	Inserted           // only in the newer version
	Deleted            // only in the older version
)

var opNames = [...]string{Equal: "equal", Inserted: "inserted", Deleted: "deleted"}

func (o Op) String() string { return opNames[o] }

// MarshalText names the operation in JSON ("inserted").
func (o Op) MarshalText() ([]byte, error) { return []byte(o.String()), nil }

// Span is a run of text with what happened to it.
type Span struct {
	Op   Op     `json:"op"`
	Text string `json:"text"`
}

// Field is a one-line field of the two versions (the headline, the
// standfirst, the byline) and their word diff.
type Field struct {
	Old   string `json:"old"`
	New   string `json:"new"`
	Spans []Span `json:"spans,omitempty"`
}

// Changed reports whether the field differs between the versions.
func (f Field) Changed() bool { return f.Old != f.New }

// Block is one block of the compared body: a paragraph, heading, list
// item, quotation or code block of either version, with its word diff.
// A block only in the newer version has only Inserted spans; one only in
// the older version only Deleted spans.
type Block struct {
	Kind    archive.BlockKind `json:"kind"`
	Level   int               `json:"level,omitempty"`
	Ordered bool              `json:"ordered,omitempty"`
	Spans   []Span            `json:"spans"`
}

// Changed reports whether the block differs between the versions.
func (b Block) Changed() bool {
	for _, s := range b.Spans {
		if s.Op != Equal {
			return true
		}
	}
	return false
}

// Only returns Inserted when the block is only in the newer version,
// Deleted when only in the older one, and Equal otherwise.
func (b Block) Only() Op {
	var in, del, eq bool
	for _, s := range b.Spans {
		switch s.Op {
		case Inserted:
			in = true
		case Deleted:
			del = true
		default:
			eq = eq || !isBlank(s.Text)
		}
	}
	switch {
	case in && !del && !eq:
		return Inserted
	case del && !in && !eq:
		return Deleted
	}
	return Equal
}

// Side says which version of an article one side of a diff is.
type Side struct {
	Number   int       `json:"number"`
	Captured time.Time `json:"captured,omitzero"`
	Imported time.Time `json:"imported"`
}

// Diff is the comparison of two versions of an article.
type Diff struct {
	Old        Side    `json:"old"`
	New        Side    `json:"new"`
	Title      Field   `json:"title"`
	Standfirst Field   `json:"standfirst"`
	Byline     Field   `json:"byline"`
	Body       []Block `json:"body"`
	// Words inserted and deleted in the body.
	Inserted int `json:"words_inserted"`
	Deleted  int `json:"words_deleted"`
}

// Changed reports whether the versions differ in any field or block.
func (d *Diff) Changed() bool {
	if d.Title.Changed() || d.Standfirst.Changed() || d.Byline.Changed() {
		return true
	}
	for _, b := range d.Body {
		if b.Changed() {
			return true
		}
	}
	return false
}

// ChangedBlocks returns the number of blocks that differ.
func (d *Diff) ChangedBlocks() int {
	n := 0
	for _, b := range d.Body {
		if b.Changed() {
			n++
		}
	}
	return n
}

// Compare returns what changed from the article version old to the
// version new. The sides are numbered oldN and newN (as
// archive.Store.Versions numbers them; 0 when unknown); their dates
// are the articles' capture and import dates.
func Compare(old *archive.Article, oldN int, new *archive.Article, newN int) *Diff {
	d := &Diff{
		Old:        Side{Number: oldN, Captured: old.Captured, Imported: old.Imported},
		New:        Side{Number: newN, Captured: new.Captured, Imported: new.Imported},
		Title:      field(old.Title, new.Title),
		Standfirst: field(old.Standfirst, new.Standfirst),
		Byline:     field(old.Byline, new.Byline),
	}
	d.Body = compareBodies(old.Blocks, new.Blocks)
	for _, b := range d.Body {
		for _, s := range b.Spans {
			switch s.Op {
			case Inserted:
				d.Inserted += countWords(s.Text)
			case Deleted:
				d.Deleted += countWords(s.Text)
			}
		}
	}
	return d
}

// field compares one line of the two versions.
func field(old, new string) Field {
	f := Field{Old: old, New: new}
	if old != new {
		f.Spans = Words(old, new)
	}
	return f
}

// Words returns the word diff of two texts: spans in reading order, the
// deleted text of a change before the inserted text.
func Words(old, new string) []Span {
	var t tokenizer
	a, b := t.runes(tokenize(old)), t.runes(tokenize(new))
	if t.full {
		return appendSpan(appendSpan(nil, Deleted, old), Inserted, new)
	}
	var spans []Span
	for _, d := range diffRunes(a, b) {
		spans = appendSpan(spans, opOf(d.Type), t.text(d.Text))
	}
	return spans
}

// diffRunes compares two token strings, cleaned up for people to read:
// a short equal run between two changes is folded into them.
func diffRunes(a, b []rune) []diffmatchpatch.Diff {
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 2 * time.Second // a long article still gets a (coarser) diff
	return dmp.DiffCleanupSemantic(dmp.DiffMainRunes(a, b, false))
}

// opOf converts go-diff's operation.
func opOf(t diffmatchpatch.Operation) Op {
	switch t {
	case diffmatchpatch.DiffInsert:
		return Inserted
	case diffmatchpatch.DiffDelete:
		return Deleted
	}
	return Equal
}

// appendSpan appends a span, joining it to the last one of the same op.
func appendSpan(spans []Span, op Op, text string) []Span {
	if text == "" {
		return spans
	}
	if n := len(spans); n > 0 && spans[n-1].Op == op {
		spans[n-1].Text += text
		return spans
	}
	return append(spans, Span{Op: op, Text: text})
}

// countWords counts the words of s (runs of letters and digits; each CJK
// character is one).
func countWords(s string) int {
	n := 0
	for _, tok := range tokenize(s) {
		r, _ := utf8.DecodeRuneInString(tok)
		if isWordRune(r) {
			n++
		}
	}
	return n
}

// isBlank reports whether s holds only white space.
func isBlank(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// String returns a one-line summary: "2 → 3: headline, standfirst and
// 4 blocks changed (+12 −5 words)".
func (d *Diff) String() string {
	return fmt.Sprintf("%d → %d: %s", d.Old.Number, d.New.Number, d.Summary())
}
