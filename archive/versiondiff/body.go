package versiondiff

import (
	"fmt"
	"strings"

	"github.com/clippings/clippings/archive"
)

// The body is compared as one stream of tokens in which every text block
// starts with a boundary token naming its kind ("\x00p", "\x00h2"), so
// that a word moving between paragraphs is a small change, a paragraph
// added or removed is one run of inserted or deleted tokens, and a block
// changing kind (a paragraph made a heading) is a change of its
// boundary. The stream is then cut into blocks again at every boundary,
// whatever happened to it. Figures are left out: their captions are not
// part of the text a reader compares.

// side is the token stream of one version's body.
type side struct {
	toks   []string
	blocks []archive.Block // the text blocks, in order
}

// boundary returns the token that starts a block of b's kind.
func boundary(b archive.Block) string {
	return fmt.Sprintf("\x00%s%d", b.Kind, b.Level)
}

// isBoundary reports whether tok starts a block.
func isBoundary(tok string) bool { return strings.HasPrefix(tok, "\x00") }

// streamOf returns the token stream of blocks.
func streamOf(blocks []archive.Block) side {
	var s side
	for _, b := range blocks {
		if b.Kind == archive.FigureRef || strings.TrimSpace(b.Text) == "" {
			continue
		}
		s.blocks = append(s.blocks, b)
		s.toks = append(s.toks, boundary(b))
		s.toks = append(s.toks, tokenize(b.Text)...)
	}
	return s
}

// cursor walks one side's stream, knowing which block it is in.
type cursor struct {
	s     side
	block int // index of the current block; -1 before the first
}

// next steps over one token, moving to the next block at a boundary.
func (c *cursor) next(tok string) {
	if isBoundary(tok) {
		c.block++
	}
}

// current returns the block the cursor is in.
func (c *cursor) current() archive.Block {
	if c.block < 0 || c.block >= len(c.s.blocks) {
		return archive.Block{Kind: archive.Paragraph}
	}
	return c.s.blocks[c.block]
}

// compareBodies returns the blocks of the compared bodies.
func compareBodies(old, new []archive.Block) []Block {
	var t tokenizer
	o, n := streamOf(old), streamOf(new)
	a, b := t.runes(o.toks), t.runes(n.toks)
	if t.full { // over a million distinct words: compare whole blocks
		return wholeBlocks(o, n)
	}
	oc, nc := &cursor{s: o, block: -1}, &cursor{s: n, block: -1}
	var out []Block
	for _, d := range diffRunes(a, b) {
		op := opOf(d.Type)
		for _, r := range d.Text {
			tok := t.token(r)
			if op != Inserted {
				oc.next(tok)
			}
			if op != Deleted {
				nc.next(tok)
			}
			if isBoundary(tok) {
				out = append(out, startBlock(op, oc, nc))
				continue
			}
			if len(out) == 0 { // cannot happen: both streams start at a boundary
				out = append(out, Block{Kind: archive.Paragraph})
			}
			last := &out[len(out)-1]
			last.Spans = appendSpan(last.Spans, op, tok)
		}
	}
	return dropEmpty(out)
}

// startBlock returns a new block starting at a boundary of op: it takes
// the kind of the newer version's block unless the boundary was deleted.
func startBlock(op Op, oc, nc *cursor) Block {
	src := nc.current()
	if op == Deleted {
		src = oc.current()
	}
	return Block{Kind: src.Kind, Level: src.Level, Ordered: src.Ordered}
}

// dropEmpty removes blocks without text (the first half of a boundary
// whose kind changed).
func dropEmpty(blocks []Block) []Block {
	out := blocks[:0]
	for _, b := range blocks {
		if len(b.Spans) > 0 {
			out = append(out, b)
		}
	}
	return out
}

// wholeBlocks returns the old blocks deleted and the new ones inserted.
func wholeBlocks(o, n side) []Block {
	var out []Block
	for _, s := range []struct {
		side side
		op   Op
	}{{o, Deleted}, {n, Inserted}} {
		for _, b := range s.side.blocks {
			out = append(out, Block{Kind: b.Kind, Level: b.Level, Ordered: b.Ordered, Spans: []Span{{Op: s.op, Text: b.Text}}})
		}
	}
	return out
}
