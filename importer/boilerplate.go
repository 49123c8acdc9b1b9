package importer

import (
	"regexp"
	"strings"

	"github.com/clippings/clippings/archive"
)

var (
	// noiseLine is a short line of page furniture that can be dropped
	// wherever it appears.
	noiseLine = regexp.MustCompile(`(?i)^(advert|advertisement|ad|sponsored|skip to (main )?content|subscribe( now)?|sign (in|up)|log ?in|` +
		`share( (this|on) .{1,20})?|(share|copy) (this )?(link|article|story)|email|print|facebook|twitter|whatsapp|linkedin|` +
		`pinterest|reddit|home|menu|search|close|back to top|loading\.*|comments?( \(\d+\))?|\d+ comments?|post (a )?comment.*|` +
		`view (author )?(archive|profile|comments)|email the author|continue reading( below| the main story)?|` +
		`this slideshow requires javascript\.?|read more\.*|see more\.*|show more\.*|you (may|might) also like\.*|` +
		`tell us what you think\.*|breaking news emails|more great .{1,30} stories|follow us.*|click here.{0,40}|` +
		`getty images|\(?photo: .{1,40}\)?|©.{1,60}|((image|photo|slide) )?\d+ ?(of|/|of /) ?\d+|listen to (this|the) (article|story).*)[.!:]?$`)
	// metaLine starts a line that only says when the article appeared.
	metaLine = regexp.MustCompile(`(?i)^(first )?(published|updated|posted|last (updated|modified)|created|date)\b`)
	// promoPhrase marks a call to action ("Sign up for our newsletter").
	promoPhrase = regexp.MustCompile(`(?i)\b(sign up (for|to)|subscribe to (our|the)|click(ing)? here|` +
		`follow (us|him|her|me|them) on (twitter|facebook|instagram)|delivered (to|right (in|to)) your inbox|` +
		`(our|daily|free|weekly) newsletters?|this (web)?site uses cookies|download (our|the) app)\b`)
	// dateWord is a word that only makes up a date or a time.
	dateWord = regexp.MustCompile(`(?i)^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$|` +
		`^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?$|^[\d:/.,-]+(am|pm|a\.m\.|p\.m\.)?$|^(am|pm|a\.m\.|p\.m\.|at|on|of|` +
		`utc|gmt|est|edt|cst|cdt|pst|pdt|bst|cet|cest|ist|[|•·–—-])$`)
	bylinePrefix = regexp.MustCompile(`(?i)^(by|written by|words by|posted by)\s+\S`)
)

// Limits of the boilerplate clean-up, in words.
const (
	maxNoiseWords  = 8
	maxMetaWords   = 15
	maxPromoWords  = 45
	maxBylineWords = 12
	edgeBlocks     = 5 // bylines and dates are looked for this near the start or end
)

// dropBoilerplate removes body blocks that are page furniture: short noise
// lines ("Advertisement", "Share"), calls to action ("Sign up for our
// newsletter"), and near the start or end of the body, date lines
// ("Updated 6:55 AM") and bylines, which it keeps as the article's byline
// when it has none.
func dropBoilerplate(p *htmlPage) error {
	a := p.art
	a.Blocks = filterText(a.Blocks, func(t string, _, _ int) bool { return !isNoise(t) })
	a.Blocks = filterText(a.Blocks, func(t string, i, n int) bool {
		return (i >= edgeBlocks && n-i > edgeBlocks) || !isEdgeNoise(a, t)
	})
	return nil
}

// filterText keeps the blocks for which keep returns true. keep is called
// for blocks of text only (not figures or code), with the block's index
// among them and their number.
func filterText(blocks []archive.Block, keep func(t string, i, n int) bool) []archive.Block {
	n := 0
	for _, bl := range blocks {
		if bl.Kind != archive.FigureRef && bl.Kind != archive.Code {
			n++
		}
	}
	kept := blocks[:0]
	i := 0
	for _, bl := range blocks {
		if bl.Kind == archive.FigureRef || bl.Kind == archive.Code {
			kept = append(kept, bl)
			continue
		}
		if keep(bl.Text, i, n) {
			kept = append(kept, bl)
		}
		i++
	}
	return kept
}

// isNoise reports whether the text of a block is a short noise line or a
// call to action.
func isNoise(t string) bool {
	line := foldSpace(t)
	words := len(strings.Fields(line))
	return words <= maxNoiseWords && noiseLine.MatchString(line) ||
		words <= maxPromoWords && promoPhrase.MatchString(line)
}

// isEdgeNoise reports whether the text of a block near the start or end
// of the body is a date line or a byline; a byline becomes the article's
// when it has none.
func isEdgeNoise(a *archive.Article, t string) bool {
	line := foldSpace(t)
	words := len(strings.Fields(line))
	switch {
	case words <= maxMetaWords && (metaLine.MatchString(line) || isDateLine(line)):
		return true
	case words <= maxBylineWords && bylinePrefix.MatchString(line):
		if a.Byline == "" {
			a.Byline = cleanByline(line)
		}
		return true
	}
	return false
}

// isDateLine reports whether s holds nothing but a date and time.
func isDateLine(s string) bool {
	digits := false
	for _, w := range strings.Fields(s) {
		if !dateWord.MatchString(strings.Trim(w, ",;()")) {
			return false
		}
		digits = digits || strings.ContainsAny(w, "0123456789")
	}
	return digits
}
