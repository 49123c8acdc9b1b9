package export

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// cleanText makes s safe to put in any text format: valid UTF-8, no
// control characters but tab and newline (carriage returns dropped), no
// characters XML 1.0 forbids, no bidirectional overrides.
func cleanText(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r == '\t' || r == '\n' || keepRune(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isClean reports whether cleanText would leave s as it is.
func isClean(s string) bool {
	for _, r := range s {
		if r != '\t' && r != '\n' && !keepRune(r) {
			return false
		}
	}
	return true
}

// keepRune reports whether r (not tab or newline) may stay in text.
func keepRune(r rune) bool {
	switch {
	case r == utf8.RuneError, r < 0x20, r >= 0x7f && r < 0xa0:
		return false
	case r >= 0xd800 && r < 0xe000, r == 0xfffe, r == 0xffff:
		return false
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069: // bidi embeddings, overrides, isolates
		return false
	}
	return true
}

// cleanLine is cleanText on one line: runs of white space become one
// space, trimmed.
func cleanLine(s string) string {
	return strings.Join(strings.FieldsFunc(cleanText(s), unicode.IsSpace), " ")
}
