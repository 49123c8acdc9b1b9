package importer

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// dateHint is what the page tells about how its dates are written: its
// primary language (which settles a few month words) and whether an
// all-numeric date such as 03/04/2020 puts the day or the month first.
type dateHint struct {
	lang       string
	monthFirst bool
}

// hintFor returns the date hint for a page in language lang ("en-US",
// "de", "") from host (its address's host, "" when unknown): US English
// writes the month first, the other languages and English outside the
// United States the day. English without a region counts as American
// unless the host is under a country's domain.
func hintFor(lang, host string) dateHint {
	primary, region, _ := strings.Cut(strings.ToLower(strings.ReplaceAll(lang, "_", "-")), "-")
	h := dateHint{lang: primary}
	switch {
	case primary == "en" && region != "":
		h.monthFirst = region == "us" || region == "ph"
	case primary == "en" || primary == "":
		tld := host[strings.LastIndexByte(host, '.')+1:]
		h.monthFirst = len(tld) != 2 || tld == "us"
	}
	return h
}

// textDate is a date found in running text: the day, and where it was
// found (byte offsets).
type textDate struct {
	t          time.Time // midnight UTC of the day
	alt        time.Time // for an all-numeric date that reads both ways, the other reading
	start, end int
}

// The forms of dates in text, each read by its function in dateForms.
// Month words are checked against the month tables after matching.
var (
	dateISO   = regexp.MustCompile(`((?:19|20)\d\d)(-|/|\. ?)(\d{1,2})(-|/|\. ?)(\d{1,2})`)
	dateCJK   = regexp.MustCompile(`((?:19|20)\d\d)\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일号]?`)
	dateNum   = regexp.MustCompile(`(\d{1,2})([./-])(\d{1,2})([./-])((?:19|20)\d\d|\d\d)`)
	dateDMY   = regexp.MustCompile(`(\d{1,2})(?:\.|er|º|°|ª|st|nd|rd|th)?(?:\s*de)?[\s./-]*(\p{L}{3,}\.?)(?:\s*(?:,|de|del)\s*|[\s./-]+)((?:19|20)\d\d)`)
	dateMDY   = regexp.MustCompile(`(\p{L}{3,}\.?)\s*(\d{1,2})(?:st|nd|rd|th|\.)?(?:\s*,\s*|\s+)((?:19|20)\d\d)`)
	dateYMDw  = regexp.MustCompile(`((?:19|20)\d\d)\.?\s+(\p{L}{3,}\.?)\s+(\d{1,2})\.?`)
	dateVi    = regexp.MustCompile(`(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm|\s*,)?\s+((?:19|20)\d\d)`)
	dateForms = []struct {
		re   *regexp.Regexp
		read func(m []string, h dateHint) (y, mo, d int)
	}{
		{dateISO, readISO}, {dateCJK, readYMD}, {dateNum, readNumeric}, {dateDMY, readDMY},
		{dateMDY, readMDY}, {dateYMDw, readYMDWord}, {dateVi, readDMYNumbers},
	}
)

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

func readISO(m []string, _ dateHint) (int, int, int) {
	if strings.TrimSpace(m[2]) != strings.TrimSpace(m[4]) {
		return 0, 0, 0
	}
	return atoi(m[1]), atoi(m[3]), atoi(m[5])
}

func readYMD(m []string, _ dateHint) (int, int, int) { return atoi(m[1]), atoi(m[2]), atoi(m[3]) }

func readDMYNumbers(m []string, _ dateHint) (int, int, int) {
	return atoi(m[3]), atoi(m[2]), atoi(m[1])
}

// readNumeric reads 03.04.2020, 3/4/20 and 03-04-2020: a number over 12
// is the day, else the hint decides; dots put the day first unless the
// page is in English (American pages write 11.03.17 too).
func readNumeric(m []string, h dateHint) (int, int, int) {
	if m[2] != m[4] {
		return 0, 0, 0
	}
	a, b, y := atoi(m[1]), atoi(m[3]), atoi(m[5])
	if len(m[5]) == 2 {
		y = fullYear(y)
	}
	if b > 12 || h.monthFirst && a <= 12 && (m[2] != "." || h.lang == "en") {
		a, b = b, a
	}
	return y, b, a
}

// fullYear turns a two-digit year into the latest year not more than a
// year ahead.
func fullYear(yy int) int {
	if y := 2000 + yy; y <= time.Now().Year()+1 {
		return y
	}
	return 1900 + yy
}

func readDMY(m []string, h dateHint) (int, int, int) {
	return atoi(m[3]), monthNumber(m[2], h.lang), atoi(m[1])
}

func readMDY(m []string, h dateHint) (int, int, int) {
	return atoi(m[3]), monthNumber(m[1], h.lang), atoi(m[2])
}

func readYMDWord(m []string, h dateHint) (int, int, int) {
	return atoi(m[1]), monthNumber(m[2], h.lang), atoi(m[3])
}

// findTextDates returns the dates written in s, in order, each once: in
// any of the languages of the month tables, numerically, ISO or CJK.
// Dates without a year, or with a day that does not exist, are not
// dates.
func findTextDates(s string, h dateHint) []textDate {
	if !strings.ContainsAny(s, "0123456789") {
		return nil
	}
	var out []textDate
	for _, f := range dateForms {
		for _, ix := range f.re.FindAllStringSubmatchIndex(s, -1) {
			if !standsAlone(s, ix[0], ix[1]) {
				continue
			}
			m := make([]string, len(ix)/2)
			for i := range m {
				if ix[2*i] >= 0 {
					m[i] = s[ix[2*i]:ix[2*i+1]]
				}
			}
			y, mo, d := f.read(m, h)
			if t := makeDay(y, mo, d); !t.IsZero() {
				td := textDate{t: t, start: ix[0], end: ix[1]}
				if f.re == dateNum && mo != d && d <= 12 {
					td.alt = makeDay(y, d, mo) // 03/04/2020 read the other way
				}
				out = append(out, td)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].start < out[j].start })
	kept := out[:0]
	for _, d := range out {
		if len(kept) > 0 && d.start < kept[len(kept)-1].end {
			continue // overlaps a date already read
		}
		kept = append(kept, d)
	}
	return kept
}

// standsAlone reports whether s[start:end] is not part of a longer word
// or number.
func standsAlone(s string, start, end int) bool {
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:start])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' && start > 1 && isDigit(s[start-2]) {
			return false
		}
	}
	if end < len(s) {
		r, _ := utf8.DecodeRuneInString(s[end:])
		if unicode.IsDigit(r) || unicode.IsLetter(r) && r != 'T' && !isCJK(r) {
			return false
		}
	}
	return true
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// makeDay returns midnight UTC of the day, or the zero time when there is
// no such day or the year is out of range.
func makeDay(y, m, d int) time.Time {
	if y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return time.Time{}
	}
	return t
}
