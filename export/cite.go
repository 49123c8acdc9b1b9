package export

import (
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// stopWords are not used as the title word of a citation key.
var stopWords = map[string]bool{"the": true, "a": true, "an": true, "of": true, "on": true, "in": true,
	"and": true, "to": true, "for": true, "at": true, "by": true, "with": true, "is": true, "are": true,
	"from": true, "how": true, "why": true, "what": true, "who": true, "when": true, "der": true,
	"die": true, "das": true, "le": true, "la": true, "les": true, "el": true, "los": true, "il": true}

// keyBase is the citation key of an entry before deduplication: the
// first author's family name, the year and the first significant word of
// the title, folded to lower-case ASCII: "lindqvist2024libraries".
func keyBase(e *entry) string {
	a := e.Meta
	who := ""
	if ps := citeAuthors(a); len(ps) > 0 {
		who = ps[0].Family
		if who == "" {
			who = ps[0].Literal
		}
	}
	who = firstASCIIWord(who, false)
	if who == "" {
		who = firstASCIIWord(a.Site, false)
	}
	if who == "" {
		who = "anon"
	}
	year := "nd" // no date
	if t := a.Published; !t.IsZero() {
		year = strconv.Itoa(t.UTC().Year())
	}
	return who + year + firstASCIIWord(a.Title, true)
}

// firstASCIIWord returns the first word of s folded to lower-case ASCII
// letters and digits (diacritics dropped), skipping stop words when
// significant is set; "" when there is none.
func firstASCIIWord(s string, significant bool) string {
	for _, w := range strings.FieldsFunc(foldASCII(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}) {
		if !significant || !stopWords[w] {
			return w
		}
	}
	return ""
}

// foldReplacer spells letters that have no decomposition in ASCII.
var foldReplacer = strings.NewReplacer("ß", "ss", "æ", "ae", "Æ", "ae", "ø", "o", "Ø", "o",
	"ł", "l", "Ł", "l", "đ", "d", "Đ", "d", "þ", "th", "Þ", "th", "œ", "oe", "Œ", "oe", "ı", "i")

// foldASCII lower-cases s and drops its diacritics; letters outside
// Latin remain (and firstASCIIWord skips them).
func foldASCII(s string) string {
	s = foldReplacer.Replace(norm.NFD.String(s))
	var b strings.Builder
	for _, r := range s {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// assignKeys gives every entry a citation key unique in the export. When
// several share a base, each gets a letter (a, b, … z, aa, ab…), in the
// order of their dates, addresses and titles, skipping a key that is
// another entry's, so that the keys do not depend on the order of the
// export.
func assignKeys(entries []*entry) {
	groups := map[string][]*entry{}
	for _, e := range entries {
		b := keyBase(e)
		groups[b] = append(groups[b], e)
	}
	// A base with a letter can be another entry's base ("porta" is "port"
	// + "a" and the base of "Porta…"): the bases of single entries are
	// taken first, then the lettered keys skip whatever is taken, base by
	// base in sorted order, so that the keys depend on the set of entries
	// only.
	taken := map[string]bool{}
	for base, g := range groups {
		if len(g) == 1 {
			g[0].Key, taken[base] = base, true
		}
	}
	for _, base := range slices.Sorted(maps.Keys(groups)) {
		g := groups[base]
		if len(g) == 1 {
			continue
		}
		sort.SliceStable(g, func(i, j int) bool { return citeLess(g[i], g[j]) })
		n := 0
		for _, e := range g {
			for taken[base+letters(n)] {
				n++
			}
			e.Key, taken[base+letters(n)] = base+letters(n), true
			n++
		}
	}
}

// citeLess orders entries that share a key base.
func citeLess(x, y *entry) bool {
	a, b := x.Meta, y.Meta
	switch {
	case !a.Published.Equal(b.Published):
		return a.Published.Before(b.Published)
	case !captured(a).Equal(captured(b)):
		return captured(a).Before(captured(b))
	case a.URL != b.URL:
		return a.URL < b.URL
	case a.Title != b.Title:
		return a.Title < b.Title
	case a.OriginalSHA != b.OriginalSHA:
		return a.OriginalSHA < b.OriginalSHA
	}
	return x.ID < y.ID
}

// letters numbers from 0 as a, b, … z, aa, ab…
func letters(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('a'+(i-1)%26)) + s
	}
	return s
}
