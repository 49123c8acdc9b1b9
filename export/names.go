package export

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// maxNameBytes bounds a file name made from a title, extension excluded,
// well under the 255 bytes file systems allow.
const maxNameBytes = 100

// unsafeInName are characters a file name made from a title never holds:
// path separators, those Windows forbids, and those that break Obsidian
// links (# ^ [ ] |).
const unsafeInName = `/\:*?"<>|#^[]`

// reservedNames are device names Windows will not open as files, with
// any extension.
var reservedNames = map[string]bool{"CON": true, "PRN": true, "AUX": true, "NUL": true,
	"CONIN$": true, "CONOUT$": true}

func init() {
	for i := 1; i <= 9; i++ {
		n := strconv.Itoa(i)
		reservedNames["COM"+n], reservedNames["LPT"+n] = true, true
	}
}

// SafeName turns a title into a file name (without extension) that stays
// inside its folder on every common system: no path separator, control
// or invisible formatting character (bidirectional overrides included),
// no leading or trailing dot or space, no reserved device name, at most
// maxNameBytes bytes, never empty ("untitled").
func SafeName(title string) string {
	var b strings.Builder
	for _, r := range norm.NFC.String(title) {
		switch {
		case r == utf8.RuneError || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Co, r):
		case unicode.IsControl(r) || unicode.IsSpace(r) || strings.ContainsRune(unsafeInName, r):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	name := strings.Join(strings.Fields(b.String()), " ")
	name = truncateBytes(name, maxNameBytes)
	name = strings.Trim(name, ". ")
	if name == "" {
		return "untitled"
	}
	stem, _, _ := strings.Cut(name, ".")
	if reservedNames[strings.ToUpper(strings.TrimSpace(stem))] {
		name = "_" + name
	}
	return name
}

// truncateBytes cuts s to at most n bytes on a character boundary,
// preferring the last space in the final quarter.
func truncateBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	if sp := strings.LastIndexByte(s[:cut], ' '); sp > n*3/4 {
		cut = sp
	}
	return s[:cut]
}

// namer hands out file names unique within one folder, comparing without
// case (as macOS and Windows do).
type namer struct {
	used map[string]bool
}

// name returns SafeName(title)+ext, with " 2", " 3"… before the extension
// when that name is taken.
func (n *namer) name(title, ext string) string {
	if n.used == nil {
		n.used = map[string]bool{}
	}
	base := SafeName(title)
	name := base + ext
	for i := 2; n.used[strings.ToLower(name)]; i++ {
		name = base + " " + strconv.Itoa(i) + ext
	}
	n.used[strings.ToLower(name)] = true
	return name
}
