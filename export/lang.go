package export

import (
	"maps"
	"slices"
	"strings"

	"golang.org/x/text/language"
)

// Languages and writing directions of exported documents: every chapter,
// page and paragraph says its article's language, right-to-left scripts
// are marked as such, and a book's language is the one most of its
// articles are in.

// langTag returns a valid BCP 47 tag for s, "" when s is not one.
func langTag(s string) string {
	s = strings.ReplaceAll(strings.TrimSpace(s), "_", "-")
	if s == "" {
		return ""
	}
	t, err := language.Parse(s)
	if err != nil || t == language.Und {
		return ""
	}
	return t.String()
}

// rtlScripts are the scripts written right to left (ISO 15924).
var rtlScripts = map[string]bool{"Arab": true, "Hebr": true, "Syrc": true, "Thaa": true, "Nkoo": true,
	"Adlm": true, "Samr": true, "Mand": true, "Rohg": true, "Yezi": true}

// isRTL reports whether the language tag lang (as langTag gives it) is
// written right to left: Arabic, Hebrew, Persian, Urdu, Yiddish…
func isRTL(lang string) bool {
	if lang == "" {
		return false
	}
	t, err := language.Parse(lang)
	if err != nil {
		return false
	}
	s, _ := t.Script() // the likely script when the tag names none
	return rtlScripts[s.String()]
}

// dirAttr is ` dir="rtl"` for a right-to-left language, else "".
func dirAttr(lang string) string {
	if isRTL(lang) {
		return ` dir="rtl"`
	}
	return ""
}

// fallbackLanguage is a book's language when none of its articles has one.
const fallbackLanguage = "en"

// dominantLanguage is the language most of entries are in (ties go to
// the first in sorted order), fallbackLanguage when none is known.
func dominantLanguage(entries []*entry) string {
	count := map[string]int{}
	for _, e := range entries {
		if t := langTag(e.Meta.Language); t != "" {
			count[t]++
		}
	}
	best := ""
	for _, k := range slices.Sorted(maps.Keys(count)) {
		if best == "" || count[k] > count[best] {
			best = k
		}
	}
	if best == "" {
		return fallbackLanguage
	}
	return best
}

// langAttrs are the attributes of an element holding text in language
// lang inside a document in another: lang (and xml:lang for XHTML) and
// dir; "" when lang is unknown.
func langAttrs(lang string, xhtml bool) string {
	t := langTag(lang)
	if t == "" {
		return ""
	}
	dir := ` dir="ltr"`
	if isRTL(t) {
		dir = ` dir="rtl"`
	}
	if xhtml {
		return ` xml:lang="` + t + `" lang="` + t + `"` + dir
	}
	return ` lang="` + t + `"` + dir
}
