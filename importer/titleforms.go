package importer

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// How the shown headline and the page's declared titles are reconciled
// when they name the same article in different forms: a headline element
// that copies the whole <title>, entities escaped twice, and quotes that
// the page's renderer curled.

// escapedEntity finds an HTML entity left in text (a page that escaped its
// headline twice shows "SQL &#x26; AI").
var escapedEntity = regexp.MustCompile(`&(?:#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|amp|quot|apos|lt|gt|nbsp|[lrsb]dquo|[lr]squo|[nm]dash|hellip);`)

// unescapeShown decodes the entities a shown headline still holds after
// parsing: the page escaped it twice.
func unescapeShown(s string) string {
	if escapedEntity.MatchString(s) {
		return html.UnescapeString(s)
	}
	return s
}

// titleCopy returns, when the agreed headline h is a copy of the page's
// whole <title> ("Headline | Section | Site", shown in an <h1> for screen
// readers), the shown candidate that is its first segment: the page shows
// the headline on its own too.
func titleCopy(h shownHeadline, shown []shownHeadline) (shownHeadline, bool) {
	if len(titleSeparator.FindAllStringIndex(h.text, -1)) == 0 {
		return shownHeadline{}, false
	}
	for _, c := range shown {
		if c.node != h.node && titleKey(c.text) != titleKey(h.text) && headlineShaped(c.text) && startsSegment(h.text, c.text) {
			return c, true
		}
	}
	return shownHeadline{}, false
}

// straightForms maps the typographic quotes, apostrophes, em dash and
// ellipsis that renderers substitute (WordPress's wptexturize, smart
// quotes) to what a writer types. A dash between spaces stays: " – " is
// as often typed as rendered.
var straightForms = strings.NewReplacer("‘", "'", "’", "'", "‚", "'", "‛", "'", "“", `"`, "”", `"`, "„", `"`, "‟", `"`,
	"—", "--", "…", "...")

// declaredTypography returns the form of the headline t that the page's
// declared titles (og:title, twitter:title, JSON-LD, <title>) give when
// they write it with straight quotes where the shown headline has curly
// ones: the quotes were curled when the page was rendered, the title as
// written is the declared one. When any declared title writes it as shown,
// or none says the same words, t stays.
func declaredTypography(t string, declared []string) string {
	straight := straightForms.Replace(t)
	if straight == t {
		return t
	}
	found := ""
	for _, d := range declared {
		switch {
		case d == t:
			return t
		case found == "" && d == straight:
			found = d
		}
	}
	return first(found, t)
}

// lostCharacters reports whether a shown headline is the metadata's title
// with characters its renderer could not encode shown as "?" or U+FFFD
// ("Event Planning? Beginner? Guide" for "Event Planning: Beginner's
// Guide"): each stands for one to three characters of the metadata's.
func lostCharacters(shown, meta string) bool {
	inner := strings.TrimRight(shown, "?")
	if !strings.ContainsAny(inner, "?\uFFFD") || shown == meta {
		return false
	}
	var b strings.Builder
	b.WriteString(`(?i)^`)
	for _, r := range shown {
		if r == '?' || r == '\uFFFD' {
			b.WriteString(`.{1,3}`)
		} else {
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	b.WriteString(`$`)
	re, err := regexp.Compile(b.String())
	return err == nil && re.MatchString(meta)
}

// fixMojibake decodes a title whose UTF-8 was read as Latin-1 and written
// again as UTF-8 ("Investorâ\u0080\u0099s" for "Investor’s"): its C1
// control characters, which no text holds, give it away.
func fixMojibake(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= 0x80 && r <= 0x9F }) {
		return s
	}
	b := make([]byte, 0, len(s))
	for _, r := range s {
		if r > 0xFF {
			return s
		}
		b = append(b, byte(r))
	}
	if !utf8.Valid(b) {
		return s
	}
	return string(b)
}
