package export

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/clippings/clippings/archive"
)

// References: an article as one formatted entry of a bibliography, plain
// text to paste, in the way two CSL styles set a newspaper article (the
// same CSL-JSON item the csl-json export writes; make export-check
// compares the text with pandoc --citeproc's for every article):
//
//	Chicago author-date: Lindqvist, Anna, and Ludwig van Beethoven. 2024.
//	“Libraries Keep the Memory.” The Daily Example, May 1, 2024. URL.
//	APA 7th: Lindqvist, A., & van Beethoven, L. (2024, May 1). Libraries
//	keep the memory. The Daily Example. URL

// Style is a citation style a reference is written in.
type Style string

// The styles, named as their CSL files are.
const (
	Chicago Style = "chicago-author-date"
	APA     Style = "apa"
)

// Styles are the styles Reference writes, with the names shown for them.
var Styles = []struct {
	Style Style
	Name  string
}{{Chicago, "Chicago (author-date)"}, {APA, "APA (7th edition)"}}

// Reference returns article a, whose citation key is key, as an entry of
// a bibliography in style s.
func Reference(a *archive.Article, key string, s Style) (string, error) {
	it := cslItemOf(&entry{Meta: a, Key: key})
	for i, n := range it.Author { // apostrophes as the styles set them: O’Brien
		it.Author[i] = cslName{Family: curl(n.Family), Given: curl(n.Given), Particle: curl(n.Particle),
			Suffix: n.Suffix, Literal: curl(n.Literal)}
	}
	switch s {
	case Chicago:
		return chicagoReference(it), nil
	case APA:
		return apaReference(it), nil
	}
	return "", fmt.Errorf("citation style %q: not one of %s, %s", s, Chicago, APA)
}

// writeReferences writes the references of the articles in the style
// Options.Style (Chicago author-date when none), one paragraph each, in
// the export's order.
func writeReferences(ctx context.Context, j *job) error {
	style := j.opt.Style
	if style == "" {
		style = Chicago
	}
	for i, e := range j.entries {
		if err := ctx.Err(); err != nil {
			return err
		}
		j.progress(i, len(j.entries))
		ref, err := Reference(e.Meta, e.Key, style)
		if err != nil {
			return err
		}
		j.out.WriteString(ref + "\n\n")
	}
	j.done()
	return nil
}

func chicagoReference(it cslItem) string {
	var b refBuilder
	title, _ := smartQuotes(it.Title, 1)
	it.Container, _ = smartQuotes(it.Container, 0)
	if english(it.Language) {
		title, it.Container = titleCase(title), titleCase(it.Container)
	}
	switch {
	case len(it.Author) > 0:
		b.sentence(chicagoNames(it.Author))
	case it.Container != "":
		b.sentence(it.Container)
		it.Container = ""
	default:
		return chicagoUntitled(it, title)
	}
	if it.Issued != nil {
		b.sentence(fmt.Sprint(it.Issued.DateParts[0][0]))
	} else {
		b.sentence("n.d.")
	}
	switch {
	case it.Container != "" && it.Issued != nil:
		b.quoted(title, ".")
		b.sentence(it.Container + ", " + longDate(it.Issued))
	case it.Container != "":
		b.quoted(title, ".")
		b.sentence(it.Container)
	case it.Issued != nil:
		b.quoted(title, ",")
		b.sentence(longDate(it.Issued))
	default:
		b.quoted(title, ".")
	}
	if it.Issued == nil && it.Accessed != nil {
		b.sentence("Accessed " + longDate(it.Accessed))
	}
	if it.URL != "" {
		b.sentence(it.URL)
	}
	return b.String()
}

// chicagoUntitled is the reference of an item without author and
// container: the title stands first.
func chicagoUntitled(it cslItem, title string) string {
	var b refBuilder
	b.quoted(title, ".")
	switch {
	case it.Issued != nil:
		b.sentence(fmt.Sprintf("%d, %s", it.Issued.DateParts[0][0], longDate(it.Issued)))
	case it.Accessed != nil:
		b.sentence("n.d. Accessed " + longDate(it.Accessed))
	default:
		b.sentence("n.d.")
	}
	if it.URL != "" {
		b.sentence(it.URL)
	}
	return b.String()
}

func apaReference(it cslItem) string {
	var b refBuilder
	date := "(n.d.)"
	if d := it.Issued; d != nil {
		date = fmt.Sprintf("(%d, %s)", d.DateParts[0][0], strings.TrimSuffix(longDate(d), fmt.Sprintf(", %d", d.DateParts[0][0])))
	}
	title, quoted := smartQuotes(it.Title, 0)
	it.Container, _ = smartQuotes(it.Container, 0)
	if english(it.Language) {
		it.Container = titleCase(it.Container)
	}
	if quoted {
		title = quoteEnd(title)
	}
	if len(it.Author) > 0 {
		b.sentence(apaNames(it.Author))
		b.sentence(date)
		b.sentence(title)
	} else {
		b.sentence(title)
		b.sentence(date)
	}
	if it.Container != "" {
		b.sentence(it.Container)
	}
	switch {
	case it.URL != "" && it.Issued == nil && it.Accessed != nil:
		b.add("Retrieved " + longDate(it.Accessed) + ", from " + it.URL)
	case it.URL != "":
		b.add(it.URL)
	}
	return b.String()
}

// curl sets a name's straight apostrophes curly.
func curl(s string) string { return strings.ReplaceAll(s, "'", "’") }

// refBuilder joins the parts of a reference, each ending with a period
// unless it ends with one, a question or an exclamation mark already.
type refBuilder struct{ strings.Builder }

func (b *refBuilder) add(s string) {
	if b.Len() > 0 {
		b.WriteByte(' ')
	}
	b.WriteString(s)
}

func (b *refBuilder) sentence(s string) {
	if s = strings.TrimSpace(s); s == "" {
		return
	}
	if !endsSentence(s) {
		s += "."
	}
	b.add(s)
}

// endsSentence reports whether s ends with a period, a question or an
// exclamation mark or a colon, before any closing quotes.
func endsSentence(s string) bool {
	bare := strings.TrimRight(s, "’”")
	return bare != "" && strings.ContainsAny(bare[len(bare)-1:], ".?!:")
}

// quoted adds “s” followed by punct inside the quotes, unless s ends
// with a period, a question or an exclamation mark.
func (b *refBuilder) quoted(s, punct string) {
	if s = strings.TrimSpace(s); s == "" {
		return
	}
	if !endsSentence(s) {
		s += punct
	}
	b.add("“" + s + "”")
}

// chicagoNames: "Lindqvist, Anna", "A, and B C", "A, B C, and D E"; more
// than ten names give the first seven and "et al.".
func chicagoNames(names []cslName) string {
	var parts []string
	for i, n := range names {
		if i == 7 && len(names) > 10 {
			return strings.Join(parts, ", ") + ", et al"
		}
		if i == 0 {
			parts = append(parts, demotedName(n))
		} else {
			parts = append(parts, displayName(n))
		}
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + ", and " + parts[len(parts)-1]
}

// apaNames: "Lindqvist, A.", "A., & B.", "A., B., & C."; more than
// twenty give the first nineteen, "…" and the last.
func apaNames(names []cslName) string {
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = invertedInitials(n)
	}
	if len(parts) == 1 {
		return parts[0]
	}
	if len(parts) > 20 {
		return strings.Join(parts[:19], ", ") + ", … " + parts[len(parts)-1]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + ", & " + parts[len(parts)-1]
}

// cjkName reports whether a name is written family first without a
// space: its family name is in a CJK script.
func cjkName(n cslName) bool {
	r, _ := utf8.DecodeRuneInString(n.Family)
	return unicode.In(r, unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana)
}

func familyFull(n cslName) string { return strings.TrimSpace(n.Particle + " " + n.Family) }

func displayName(n cslName) string {
	switch {
	case n.Literal != "":
		return n.Literal
	case cjkName(n):
		return n.Family + n.Given
	}
	return strings.Join(strings.Fields(n.Given+" "+familyFull(n)), " ") + suffix(n, " ")
}

func invertedName(n cslName) string {
	if n.Literal != "" || cjkName(n) || n.Given == "" {
		return displayName(n)
	}
	return familyFull(n) + ", " + n.Given + suffix(n, ", ")
}

// demotedName is the inverted name with its particle after the given
// names ("Guzman, Marcus De"), as Chicago sorts and shows it.
func demotedName(n cslName) string {
	if n.Literal != "" || cjkName(n) || n.Given == "" || n.Particle == "" {
		return invertedName(n)
	}
	return n.Family + ", " + n.Given + " " + n.Particle + suffix(n, ", ")
}

func invertedInitials(n cslName) string {
	if n.Literal != "" || cjkName(n) || n.Given == "" {
		return displayName(n)
	}
	return familyFull(n) + ", " + initials(n.Given) + suffix(n, ", ")
}

func suffix(n cslName, sep string) string {
	if n.Suffix == "" {
		return ""
	}
	return sep + n.Suffix
}

// initials: "Anna" "A.", "Mary Ann" "M. A.", "Jean-Paul" "J.-P."; a
// given name in a script other than Latin, Greek or Cyrillic (Arabic,
// Hebrew) stays whole, as CSL processors leave it.
func initials(given string) string {
	if !strings.ContainsFunc(given, func(r rune) bool { return unicode.In(r, unicode.Latin, unicode.Greek, unicode.Cyrillic) }) {
		return given
	}
	var words []string
	for _, w := range strings.Fields(given) {
		var parts []string
		for _, p := range strings.Split(w, "-") {
			if r, _ := utf8.DecodeRuneInString(p); r != utf8.RuneError {
				parts = append(parts, string(unicode.ToUpper(r))+".")
			}
		}
		words = append(words, strings.Join(parts, "-"))
	}
	return strings.Join(words, " ")
}

// longDate: "May 1, 2024".
func longDate(d *cslDate) string {
	p := d.DateParts[0]
	return fmt.Sprintf("%s %d, %d", time.Month(p[1]), p[2], p[0])
}

// english reports whether a language tag is English or unknown: the
// styles title-case only English titles.
func english(tag string) bool {
	return tag == "" || tag == "en" || strings.HasPrefix(tag, "en-")
}

// titleStopWords stay lower case inside a title-cased title, as CSL
// processors keep them.
var titleStopWords = map[string]bool{"a": true, "an": true, "and": true, "as": true, "at": true,
	"but": true, "by": true, "down": true, "for": true, "from": true, "in": true, "into": true,
	"nor": true, "of": true, "on": true, "onto": true, "or": true, "over": true, "so": true,
	"the": true, "till": true, "to": true, "up": true, "via": true, "with": true, "yet": true, "about": true}

// titleCase sets s in title case as CSL processors do for English: the
// first letter of each word and of each part after a hyphen upper case,
// but the stop words (unless first, last, or first after a colon or the
// end of a sentence; after a hyphen always) and the letters alone
// (unless first); an acronym (U.S., CNBC) and a word with a capital
// inside (iPhone) kept; a word of capitals and digits (VG247) lowered
// first.
func titleCase(s string) string {
	words := strings.Split(s, " ")
	first := true
	for i, w := range words {
		if w == "" {
			continue
		}
		bare := strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
		if first || i == len(words)-1 || !titleStopWords[bare] {
			words[i] = titleWord(w, first)
		}
		first = strings.ContainsAny(w[len(w)-1:], ":.?!")
	}
	return strings.Join(words, " ")
}

// titleWord capitalises the parts of w between hyphens, but the stop
// words after the first (step-by-step).
func titleWord(w string, first bool) string {
	parts := strings.Split(w, "-")
	for k, p := range parts {
		if k == 0 || !titleStopWords[p] {
			parts[k] = titlePart(p, first && k == 0)
		}
	}
	return strings.Join(parts, "-")
}

// titlePart capitalises one part of a word: its first letter, unless a
// digit comes before it (7th, $12.9bn) or it is a letter alone (o in
// o’clock) and not the first word's.
func titlePart(p string, first bool) string {
	rs := []rune(p)
	hasLower, hasDigit, innerUpper := false, false, false
	for i, r := range rs {
		hasLower = hasLower || unicode.IsLower(r)
		hasDigit = hasDigit || unicode.IsDigit(r)
		innerUpper = innerUpper || i > 0 && unicode.IsUpper(r) && unicode.IsLetter(rs[i-1])
	}
	switch {
	case !hasLower && !hasDigit, hasLower && innerUpper:
		return p
	case !hasLower:
		p = strings.ToLower(p)
	}
	at := strings.IndexFunc(p, unicode.IsLetter)
	if at < 0 || strings.ContainsFunc(p[:at], unicode.IsDigit) {
		return p
	}
	r, size := utf8.DecodeRuneInString(p[at:])
	next, _ := utf8.DecodeRuneInString(p[at+size:])
	if !first && !unicode.IsLetter(next) && !unicode.IsDigit(next) {
		return p
	}
	return p[:at] + string(unicode.ToUpper(r)) + p[at+size:]
}

func isQuote(r rune) bool { return strings.ContainsRune("\"'“”‘’", r) }
