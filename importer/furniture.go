package importer

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/clippings/clippings/archive"
)

// Furniture the body keeps although the page's metadata already says it,
// found by comparing the body with that metadata rather than by wording:
// the title, byline, standfirst or address at the top (a print header),
// the author's name and a short biography at the end (an author box), the
// page's own address as a paragraph, a heading that repeats the title,
// and placeholders a page left unrendered.

var (
	// bareAddress is a paragraph that is only a web address.
	bareAddress = regexp.MustCompile(`^(https?://|www\.)\S+$`)
	// shortcode is a content manager's placeholder left unrendered:
	// "[convertkit form=1630175]", "[CTA_MODULE]", "[gallery]", "[]".
	shortcode = regexp.MustCompile(`^\[\s*\]$|^\[/?[a-z][a-z0-9_-]*(\s+[a-z_-]+=("[^"]*"|'[^']*'|[^\s\]]+))*\s*/?\]$|^\[[A-Z][A-Z0-9]*(_[A-Z0-9]+)+\]$`)
)

// Limits of the furniture clean-up.
const (
	maxTopBlocks   = 6   // blocks at the top looked at for repeated metadata
	maxLabelWords  = 5   // an author box's heading ("About the author")
	maxBioWords    = 100 // an author box's biography after the name
	minLeadWords   = 25  // a paragraph this long starts the article proper
	maxAuthorBoxAt = 6   // text blocks from the end an author box starts within
)

// dropFurniture removes from the body the blocks that repeat the article's
// metadata or are placeholders. A body is never emptied this way.
func dropFurniture(p *htmlPage) error {
	a := p.art
	own := ownAddressKeys(a, p)
	kept := dropTopMetadata(a.Blocks, a, own)
	kept = dropAuthorBox(kept, a)
	kept = dropEndAddresses(kept, own)
	kept = filterText(kept, func(t string, _, _ int) bool {
		return !shortcode.MatchString(t) && !own[addressKey(t)] && !isCreditLine(t)
	})
	kept = dropTitleHeadings(kept, a.Title)
	if hasText(kept) {
		a.Blocks = kept
	}
	return nil
}

// bracketed is a short paragraph wholly in brackets.
var bracketed = regexp.MustCompile(`^[\[【(（]([^\[\]【】()（）]{1,60})[\]】)）]$`)

// isCreditLine reports whether a paragraph is a credit in brackets,
// labelled as a byline labels those who did not write the article:
// "[责任编辑:肖春芳]", "[사진=JTBC, 이매진아시아]", "(Photo: Reuters)".
func isCreditLine(t string) bool {
	m := bracketed.FindStringSubmatch(strings.TrimSpace(t))
	if m == nil {
		return false
	}
	loc := notAuthorRole.FindStringIndex(strings.TrimSpace(m[1]))
	return loc != nil && loc[0] == 0
}

// dropTitleHeadings drops the headings that repeat the title, wherever
// they stand: the reader sees the title once, above the body. Paragraphs
// and list items that only repeat it are dropped too (a card offering the
// article's printable guide, a list of stories linking back to this one).
func dropTitleHeadings(blocks []archive.Block, title string) []archive.Block {
	key := strings.TrimRight(fold(title), ".…:")
	if key == "" {
		return blocks
	}
	out := blocks[:0:0]
	for _, b := range blocks {
		repeat := b.Kind == archive.Heading || b.Kind == archive.Paragraph || b.Kind == archive.ListItem
		if !repeat || strings.TrimRight(fold(b.Text), ".…:") != key {
			out = append(out, b)
		}
	}
	return out
}

// hasText reports whether a block of blocks holds text.
func hasText(blocks []archive.Block) bool {
	for _, b := range blocks {
		if b.Kind != archive.FigureRef && strings.TrimSpace(b.Text) != "" {
			return true
		}
	}
	return false
}

// dropTopMetadata drops, among the first blocks of the body and before a
// paragraph that starts the article proper, those that repeat the title,
// the standfirst, the byline or one of its names, or that are a bare web
// address (a print header's).
func dropTopMetadata(blocks []archive.Block, a *archive.Article, own map[string]bool) []archive.Block {
	out := make([]archive.Block, 0, len(blocks))
	seen := 0
	for i, b := range blocks {
		if b.Kind == archive.FigureRef || b.Kind == archive.Code || seen >= maxTopBlocks {
			out = append(out, b)
			continue
		}
		seen++
		t := foldSpace(b.Text)
		if isMetadataRepeat(t, a) || bareAddress.MatchString(t) {
			continue
		}
		out = append(out, b)
		if len(strings.Fields(t)) >= minLeadWords {
			return append(out, blocks[i+1:]...)
		}
	}
	return out
}

// isMetadataRepeat reports whether t only repeats the article's title,
// standfirst or byline (or one of the byline's names, with or without
// "By").
func isMetadataRepeat(t string, a *archive.Article) bool {
	key := strings.TrimRight(fold(t), ".…:")
	if key == "" {
		return false
	}
	for _, m := range []string{a.Title, a.Standfirst, a.Byline} {
		if m != "" && key == strings.TrimRight(fold(m), ".…:") {
			return true
		}
	}
	return isAuthorName(t, a)
}

// isAuthorName reports whether t is the byline or one of its authors,
// with or without a leading "By" or a role ("Tom Krisher, AP Auto
// Writer"): read as a byline, it names only the article's authors.
func isAuthorName(t string, a *archive.Article) bool {
	key := fold(cleanByline(t))
	if key == "" || a.Byline == "" {
		return false
	}
	if key == fold(cleanByline(a.Byline)) {
		return true
	}
	authors := a.Authors
	if len(authors) == 0 {
		authors = parseByline(a.Byline, true)
	}
	known := map[string]bool{}
	for _, au := range authors {
		if n := fold(au.Name); len(n) > 3 {
			known[n] = true
		}
	}
	named := parseByline(t, false)
	for _, au := range named {
		if !known[fold(au.Name)] {
			return false
		}
	}
	return len(named) > 0 && len(strings.Fields(t)) <= 4*len(named)+4
}

// dropAuthorBox drops an author box near the end of the body: a block
// that is the byline's name, a short heading before it ("About the
// author") and, when they are short, the blocks after it (the author's
// biography).
func dropAuthorBox(blocks []archive.Block, a *archive.Article) []archive.Block {
	texts := textIndexes(blocks)
	for k := max(0, len(texts)-maxAuthorBoxAt); k < len(texts); k++ {
		i := texts[k]
		if !isAuthorName(blocks[i].Text, a) || k == 0 {
			continue
		}
		start, end := i, i+1
		if prev := texts[k-1]; len(strings.Fields(blocks[prev].Text)) <= maxLabelWords && blocks[prev].Kind == archive.Heading {
			start = prev
		}
		if wordsIn(blocks[i+1:]) <= maxBioWords {
			end = len(blocks)
		}
		return append(blocks[:start:start], blocks[end:]...)
	}
	return blocks
}

// dropEndAddresses drops, among the last blocks of the body, bare
// addresses of a site's front page (the author's or the designer's site)
// or of the page's own site (its short link).
func dropEndAddresses(blocks []archive.Block, own map[string]bool) []archive.Block {
	hosts := map[string]bool{}
	for k := range own {
		hosts[strings.SplitN(k, "/", 2)[0]] = true
	}
	texts := textIndexes(blocks)
	drop := map[int]bool{}
	for _, i := range texts[max(0, len(texts)-maxAuthorBoxAt):] {
		key := addressKey(blocks[i].Text)
		if host, path, _ := strings.Cut(key, "/"); key != "" && (path == "" || hosts[host]) {
			drop[i] = true
		}
	}
	if len(drop) == 0 {
		return blocks
	}
	out := blocks[:0:0]
	for i, b := range blocks {
		if !drop[i] {
			out = append(out, b)
		}
	}
	return out
}

// textIndexes returns the indexes of the text blocks (not figures).
func textIndexes(blocks []archive.Block) []int {
	var out []int
	for i, b := range blocks {
		if b.Kind != archive.FigureRef {
			out = append(out, i)
		}
	}
	return out
}

// wordsIn counts the words of blocks.
func wordsIn(blocks []archive.Block) int {
	n := 0
	for _, b := range blocks {
		n += len(strings.Fields(b.Text))
	}
	return n
}

// ownAddressKeys returns the page's own addresses (canonical, captured) as
// addressKey gives them.
func ownAddressKeys(a *archive.Article, p *htmlPage) map[string]bool {
	keys := map[string]bool{}
	for _, ref := range append([]string{a.URL, a.CaptureURL, p.meta.URL, p.meta.CaptureURL}, p.ownAddresses()...) {
		if k := addressKey(ref); k != "" {
			keys[k] = true
		}
	}
	return keys
}

// addressKey returns a web address as pages write it for the same page:
// host without "www." and path without a trailing slash, no scheme, query
// or fragment; "" when s is not a bare web address.
func addressKey(s string) string {
	s = strings.TrimSpace(s)
	if !bareAddress.MatchString(s) {
		return ""
	}
	if strings.HasPrefix(s, "www.") {
		s = "http://" + s
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return ""
	}
	return hostKey(u) + strings.TrimRight(u.EscapedPath(), "/")
}
