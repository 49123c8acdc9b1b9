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
	title := it.Title
	if english(it.Language) {
		title = titleCase(title)
	}
	switch {
	case len(it.Author) > 0:
		b.sentence(chicagoNames(it.Author))
	case it.Container != "":
		b.sentence(it.Container)
		it.Container = ""
	}
	if it.Issued != nil {
		b.sentence(fmt.Sprint(it.Issued.DateParts[0][0]))
	} else {
		b.sentence("n.d.")
	}
	b.quoted(title)
	if it.Container != "" {
		if it.Issued != nil {
			b.sentence(it.Container + ", " + longDate(it.Issued))
		} else {
			b.sentence(it.Container)
		}
	}
	if it.Issued == nil && it.Accessed != nil {
		b.sentence("Accessed " + longDate(it.Accessed))
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
	if len(it.Author) > 0 {
		b.sentence(apaNames(it.Author))
		b.sentence(date)
		b.sentence(it.Title)
	} else {
		b.sentence(it.Title)
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
	if !strings.ContainsAny(s[len(s)-1:], ".?!") {
		s += "."
	}
	b.add(s)
}

// quoted adds “s.” with the period inside the quotes.
func (b *refBuilder) quoted(s string) {
	if s = strings.TrimSpace(s); s == "" {
		return
	}
	if !strings.ContainsAny(s[len(s)-1:], ".?!") {
		s += "."
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
			parts = append(parts, invertedName(n))
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

// initials: "Anna" "A.", "Mary Ann" "M. A.", "Jean-Paul" "J.-P.".
func initials(given string) string {
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
	"the": true, "till": true, "to": true, "up": true, "via": true, "with": true, "yet": true}

// titleCase capitalises each word of s written in lower case, but the
// stop words after the first word; words with a capital are kept.
func titleCase(s string) string {
	words := strings.Split(s, " ")
	for i, w := range words {
		r, size := utf8.DecodeRuneInString(w)
		if !unicode.IsLower(r) || strings.ToLower(w) != w || (i > 0 && titleStopWords[w]) {
			continue
		}
		words[i] = string(unicode.ToUpper(r)) + w[size:]
	}
	return strings.Join(words, " ")
}
