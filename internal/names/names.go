// Package names splits the names of authors as citations need them: a
// person's family and given names (with a particle such as "van" or "de
// la" and a suffix such as "Jr." kept apart), a Chinese, Japanese or
// Korean name split after the family name and written family first
// without a comma, or a literal name (an organisation, or a name that does
// not read as a person's). The archive makes citation keys from them and
// the exports write them in each format's way.
package names

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/language"
)

// Person is one author of a citation.
type Person struct {
	Family, Given    string
	Particle, Suffix string // "van", "de la"; "Jr."
	Literal          string // an organisation, or a name not split
	Org              bool   // Literal is an organisation
	CJK              bool   // family name first, no space, no comma
}

// Name returns the person's name as it reads: "Anna Lindqvist", "肖春芳".
func (p Person) Name() string {
	switch {
	case p.Literal != "":
		return p.Literal
	case p.CJK:
		return p.Family + p.Given
	}
	return strings.Join(strings.Fields(p.Given+" "+p.FamilyFull()+" "+p.Suffix), " ")
}

// FamilyFull is the family name with its particle: "van Beethoven".
func (p Person) FamilyFull() string { return strings.TrimSpace(p.Particle + " " + p.Family) }

// Inverted returns "Lindqvist, Anna", "van Beethoven, Ludwig", "King,
// Martin Luther, Jr."; a CJK name, an organisation and a literal name as
// they read.
func (p Person) Inverted() string {
	if p.Literal != "" || p.CJK || p.Given == "" {
		return p.Name()
	}
	s := p.FamilyFull() + ", " + p.Given
	if p.Suffix != "" {
		s += ", " + p.Suffix
	}
	return s
}

var (
	bylinePrefix = regexp.MustCompile(`(?i)^(written\s+)?(by|von|par|por|door|av|di|da)\s+`)
	authorSep    = regexp.MustCompile(`(?i)\s*(?:;|&|\band\b|\bund\b|\bet\b|\by\b|\ben\b|\boch\b|·|\||、|，)\s*`)
	// particles belong to the family name: "Ludwig van Beethoven".
	particles = map[string]bool{"van": true, "von": true, "de": true, "da": true, "di": true, "del": true,
		"della": true, "der": true, "den": true, "la": true, "le": true, "du": true, "dos": true, "das": true,
		"bin": true, "ibn": true, "al": true, "ter": true, "ten": true, "vom": true, "zu": true, "zum": true, "zur": true}
	// credentials after a name ("Jane Roe, MD") are no authors.
	credentials = map[string]bool{"md": true, "phd": true, "ph.d.": true, "dvm": true, "rd": true, "ms": true,
		"msc": true, "mph": true, "rn": true, "cfp": true, "cpa": true, "mba": true, "esq": true, "jd": true,
		"dds": true, "bsc": true, "ma": true, "ba": true, "frcp": true, "facs": true, "lcsw": true, "np": true}
	suffixes = map[string]bool{"jr": true, "jr.": true, "sr": true, "sr.": true, "ii": true, "iii": true, "iv": true}
)

// Byline reads the people of a byline: "By Anna Lindqvist and Bo Ek" →
// Lindqvist, Anna; Ek, Bo. "Lindqvist, Anna" is one person.
func Byline(byline, lang string) []Person {
	byline = bylinePrefix.ReplaceAllString(clean(byline), "")
	var parts []string
	for _, part := range authorSep.Split(byline, -1) {
		// A comma separates authors, unless the byline is "Family, Given".
		if fam, given, ok := strings.Cut(part, ","); ok && !strings.Contains(given, ",") &&
			len(strings.Fields(fam)) == 1 && len(strings.Fields(given)) <= 2 && len(authorSep.Split(byline, -1)) == 1 {
			parts = append(parts, strings.TrimSpace(given)+" "+strings.TrimSpace(fam))
			continue
		}
		parts = append(parts, strings.Split(part, ",")...)
	}
	var out []Person
	for _, part := range parts {
		part = strings.Trim(part, " -–—")
		if f := strings.Fields(part); len(f) == 0 || !suffixes[strings.ToLower(f[len(f)-1])] {
			part = strings.Trim(part, " .")
		}
		if part == "" || strings.ContainsAny(part, "@/*") || credentials[strings.ToLower(part)] {
			continue
		}
		out = append(out, Parse(part, lang))
	}
	return out
}

// Parse splits one person's name; a name that does not read as one
// (one word, more than five, digits, lower-case words) is kept literal.
func Parse(name, lang string) Person {
	name = trimTitles(strings.Trim(bylinePrefix.ReplaceAllString(clean(name), ""), " ,"))
	if isCJKName(name) {
		return cjkPerson(name, lang)
	}
	if fam, given, ok := strings.Cut(name, ","); ok && !strings.Contains(given, ",") {
		if p := Parse(strings.TrimSpace(given)+" "+strings.TrimSpace(fam), lang); p.Literal == "" {
			return p
		}
	}
	words := strings.Fields(name)
	p := Person{}
	if n := len(words); n > 2 && suffixes[strings.ToLower(words[n-1])] {
		p.Suffix, words = words[n-1], words[:n-1]
	}
	if len(words) < 2 || len(words) > 5 || strings.ContainsAny(name, "0123456789") {
		return Person{Literal: name}
	}
	for _, w := range words {
		// A lower-case word is no part of a name (scripts without case,
		// Arabic or Hebrew, have none).
		if r := []rune(w)[0]; (unicode.IsLower(r) || !unicode.IsLetter(r)) && !particles[strings.ToLower(w)] {
			return Person{Literal: name}
		}
	}
	i := len(words) - 1
	for i > 1 && particles[strings.ToLower(words[i-1])] {
		i--
	}
	p.Given, p.Family = strings.Join(words[:i], " "), words[len(words)-1]
	p.Particle = strings.Join(words[i:len(words)-1], " ")
	return p
}

// honorifics before a name ("Dr. Jane Roe") are no part of it.
var honorifics = map[string]bool{"dr": true, "prof": true, "mr": true, "mrs": true, "ms": true, "mx": true}

// trimTitles drops the credentials after a name ("Jane Roe, MS, RD",
// "Jane Roe, Ph. D.") and an honorific before it ("Dr. Jane Roe").
func trimTitles(name string) string {
	for {
		i := strings.LastIndex(name, ",")
		if i < 0 || !credentials[strings.ToLower(strings.NewReplacer(".", "", " ", "").Replace(name[i+1:]))] {
			break
		}
		name = strings.TrimSpace(name[:i])
	}
	if w := strings.Fields(name); len(w) > 2 && honorifics[strings.ToLower(strings.TrimSuffix(w[0], "."))] {
		name = strings.Join(w[1:], " ")
	}
	return name
}

// isCJKName reports whether name is written in Han, kana or Hangul
// (spaces aside).
func isCJKName(name string) bool {
	n := 0
	for _, r := range name {
		switch {
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
			n++
		case r == ' ' || r == '\u3000' || r == '・':
		default:
			return false
		}
	}
	return n > 0
}

// Family names of two characters.
var (
	chineseCompound = map[string]bool{"欧阳": true, "歐陽": true, "司马": true, "司馬": true, "上官": true,
		"诸葛": true, "諸葛": true, "东方": true, "東方": true, "皇甫": true, "尉迟": true, "尉遲": true,
		"公孙": true, "公孫": true, "慕容": true, "长孙": true, "長孫": true, "宇文": true, "司徒": true,
		"夏侯": true, "令狐": true, "端木": true, "申屠": true, "轩辕": true, "軒轅": true}
	koreanCompound = map[string]bool{"남궁": true, "황보": true, "제갈": true, "선우": true, "독고": true, "사공": true, "서문": true}
)

// cjkPerson splits a Chinese, Japanese or Korean name after its family
// name: at a space when there is one, else after the first character
// (two for the compound family names, and for Japanese names of three
// characters or more, whose family names mostly have two).
func cjkPerson(name, lang string) Person {
	if f := strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '\u3000' || r == '・' }); len(f) == 2 {
		return Person{Family: f[0], Given: f[1], CJK: true}
	}
	rs := []rune(strings.Join(strings.Fields(name), ""))
	if len(rs) < 2 || len(rs) > 6 {
		return Person{Literal: name}
	}
	n := 1
	first2 := string(rs[:2])
	base, _, _ := strings.Cut(tag(lang), "-")
	switch {
	case unicode.Is(unicode.Hangul, rs[0]):
		if koreanCompound[first2] && len(rs) >= 3 {
			n = 2
		}
	case base == "ja" || strings.ContainsFunc(name, func(r rune) bool { return unicode.In(r, unicode.Hiragana, unicode.Katakana) }):
		if len(rs) >= 3 {
			n = 2
		}
	case chineseCompound[first2] && len(rs) >= 3:
		n = 2
	}
	return Person{Family: string(rs[:n]), Given: string(rs[n:]), CJK: true}
}

// tag is lang as a BCP 47 tag, "" when it is not one.
func tag(lang string) string {
	t, err := language.Parse(strings.ReplaceAll(strings.TrimSpace(lang), "_", "-"))
	if err != nil || t == language.Und {
		return ""
	}
	return t.String()
}

// clean is s on one line: runs of white space become one space, trimmed.
func clean(s string) string { return strings.Join(strings.Fields(s), " ") }
