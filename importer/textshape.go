package importer

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// parKind is what a paragraph of plain text is taken to be.
type parKind int

const (
	kindParagraph parKind = iota
	kindHeading
	kindCaption
)

// shape holds the signals classifyPara weighs.
type shape struct {
	words     int
	endsPunct bool    // ends like a sentence
	question  bool    // ends with a question mark
	sentences int     // sentences inside (a full stop followed by a capital)
	quotes    bool    // holds a double quotation mark
	commas    int     // commas and semicolons
	capRatio  float64 // share of capitalised words, small words left out
	caption   int     // caption phrases ("pictured", "believed to", an agency)
	credit    bool    // ends with a photo credit
	reporting bool    // a reporting verb ("said", "told", "according to")
	dayAtEnd  bool    // ends with "on Monday", "last year", …
}

var (
	captionCue = regexp.MustCompile(`(?i)\b(pictured|believed to|is seen|are seen|seen here|file (photo|image|picture)|` +
		`photograph(ed)?|in this (photo|image|picture)|left to right|from left|\((left|right|centre|center|top|bottom|inset)\)|` +
		`poses?|posing|arrives?|arriving|departs?|gathers?|waves?|waving|looks? on|stands?|walks?)\b`)
	agencyCue = regexp.MustCompile(`\b(Getty|Reuters|AFP|AP|EPA|PA|Shutterstock|Alamy|Bloomberg|Xinhua|Anadolu)\b`)
	reportCue = regexp.MustCompile(`(?i)\b(said|says|told|reported|according to|added|explained|announced|wrote|argued|insisted|stated)\b`)
	timeAtEnd = regexp.MustCompile(`(?i)\b((on|last|this) (monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year|weekend)|` +
		`in (19|20)\d\d|yesterday|today|earlier this (week|month|year))$`)
	sentenceBreak = regexp.MustCompile(`[.!?…]["”’)]?\s+["“‘(]?\p{Lu}`)
	sentenceEnd   = regexp.MustCompile(`[.!?…:;]["”’»)\]]*$`)
)

// smallWords are left out when measuring title case.
var smallWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "but": true, "of": true, "in": true,
	"on": true, "at": true, "to": true, "for": true, "by": true, "with": true, "from": true, "over": true,
	"as": true, "is": true, "into": true, "vs": true, "via": true, "per": true, "than": true,
}

func endsSentence(s string) bool { return sentenceEnd.MatchString(s) }

// shapeOf measures paragraph text.
func shapeOf(t string) shape {
	words := strings.Fields(t)
	sh := shape{
		words:     len(words),
		endsPunct: endsSentence(t),
		question:  strings.HasSuffix(strings.TrimRight(t, `"”’)`), "?"),
		sentences: len(sentenceBreak.FindAllStringIndex(t, -1)) + 1,
		quotes:    strings.ContainsAny(t, `"“”«»„`),
		commas:    strings.Count(t, ",") + strings.Count(t, ";"),
		caption:   len(captionCue.FindAllStringIndex(t, 3)) + len(agencyCue.FindAllStringIndex(t, 2)),
		reporting: reportCue.MatchString(t),
		dayAtEnd:  timeAtEnd.MatchString(t),
	}
	_, credit := splitCredit(t)
	sh.credit = credit != ""
	caps, counted := 0, 0
	for _, w := range words {
		w = strings.TrimLeft(w, `'"‘“(`)
		if w == "" || smallWords[strings.ToLower(w)] {
			continue
		}
		counted++
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) || unicode.IsDigit(r) {
			caps++
		}
	}
	if counted > 0 {
		sh.capRatio = float64(caps) / float64(counted)
	}
	return sh
}

// classifyPara decides whether paragraph i of paras is body text, a
// heading or a photo caption. No single signal decides: a missing full
// stop alone does not make a caption, since body paragraphs lose theirs
// too. Headings are short, often title case, and are followed by body
// text; captions are one descriptive sentence ("… pictured", "believed
// to", "on Wednesday", a credit) without quotation or reporting; body
// paragraphs are long, quote, report or hold several sentences.
func classifyPara(paras []textPara, i int) parKind {
	sh := shapeOf(paras[i].text())
	if sh.credit && sh.words <= 40 {
		return kindCaption
	}
	if sh.endsPunct && !(sh.question && sh.words <= 10) {
		return kindParagraph
	}
	body, heading, caption := bodyScore(sh), headingScore(sh), captionScore(sh)
	if i == len(paras)-1 {
		heading -= 3 // a heading is followed by what it heads
	} else if next := shapeOf(paras[i+1].text()); !next.endsPunct {
		heading-- // … which is body text
	}
	switch {
	case heading >= 2 && heading > caption && heading > body:
		return kindHeading
	case caption >= 1 && caption > body && caption >= heading:
		return kindCaption
	}
	return kindParagraph
}

// looksLikeCaption reports whether t carries a strong caption signal: a
// credit or a caption phrase.
func looksLikeCaption(t string) bool {
	sh := shapeOf(t)
	return !sh.endsPunct && (sh.credit || sh.caption > 0)
}

func bodyScore(sh shape) int {
	n := 0
	if sh.words > 35 {
		n += 3
	}
	if sh.quotes {
		n += 2
	}
	if sh.reporting {
		n += 2
	}
	if sh.sentences >= 2 {
		n += 2
	}
	if sh.commas >= 2 {
		n++
	}
	return n
}

func headingScore(sh shape) int {
	n := 0
	if sh.words <= 8 {
		n += 2
	}
	if sh.words <= 4 {
		n++
	}
	if sh.words >= 2 && sh.words <= 10 && sh.capRatio >= 0.75 {
		n++
	}
	if sh.question && sh.words <= 10 {
		n++
	}
	return n
}

func captionScore(sh shape) int {
	n := 0
	if sh.words >= 5 && sh.words <= 35 {
		n++
	}
	n += 2 * min(sh.caption, 2)
	if sh.dayAtEnd {
		n++
	}
	return n
}

var (
	creditParen = regexp.MustCompile(`\s*[(\[]((?:[^()\[\]]*\b(?:Getty|Reuters|AFP|AP|EPA|PA|Shutterstock|Alamy|Bloomberg|` +
		`Images?|Photo(?:graph)?|Credit|Courtesy|Foto|Bild)\b|©)[^()\[\]]*)[)\]]\s*$`)
	// gluedCredit is a credit whose screen-reader label, "Credit", the
	// page's text runs into the name ("CreditJane Doe/Reuters").
	gluedCredit = regexp.MustCompile(`^(?:Credit)+(\p{Lu}.*)$`)
	creditLabel = regexp.MustCompile(`(?:^|[\s.|])((?:(?:Photo|Image|Picture|Foto)\s*(?:credit|by|:)|Photograph:|Credit:|` +
		`Illustration:|Source:|Courtesy(?: of)?\s|©|\(c\)\s)\s*.+)$`)
)

// splitCredit splits a photo credit off the end of a caption: "(Getty
// Images)", "Photograph: Jane Doe/Reuters", "© AFP", "Credit: …". It
// returns the caption and the credit, which is "" when there is none. A
// caption that is only a credit run into its label ("CreditJane Doe")
// is a credit.
func splitCredit(s string) (string, string) {
	s = strings.TrimSpace(s)
	if m := gluedCredit.FindStringSubmatch(s); m != nil {
		return "", m[1]
	}
	if m := creditParen.FindStringSubmatchIndex(s); m != nil && m[0] > 0 {
		return strings.TrimSpace(s[:m[0]]), strings.TrimSpace(s[m[2]:m[3]])
	}
	if m := creditLabel.FindStringSubmatchIndex(s); m != nil && m[2] > 0 {
		return strings.TrimRight(strings.TrimSpace(s[:m[2]]), " |"), strings.TrimSpace(s[m[2]:m[3]])
	}
	return s, ""
}

var datePrefix = regexp.MustCompile(`(?i)^(published|updated|posted|last updated|date|first published)( on)?\s*:?\s*`)

// parseLooseDate parses a short line that is only a date, such as
// "Published: 28 March 2019", or returns the zero time.
func parseLooseDate(s string) time.Time {
	s = datePrefix.ReplaceAllString(strings.TrimSpace(s), "")
	s = strings.TrimSuffix(strings.TrimSpace(strings.TrimSuffix(s, "UTC")), ",")
	return parseDate(s)
}

// parseDate parses a date written by a machine or in words, where the
// page gives no hint of its language (see parseDateValue), or returns the
// zero time.
func parseDate(s string) time.Time {
	return parseDateValue(s, dateHint{monthFirst: true})
}
