package importer

import (
	"regexp"
	"strings"
	"time"
)

// valueLayouts are the machine-written date forms of attributes, <meta>
// tags and structured data. A value keeps the offset it gives: the day
// the page meant is the day in its own time zone.
var valueLayouts = []string{
	time.RFC3339Nano, "2006-01-02T15:04:05.999999999Z0700", "2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04Z07:00", "2006-01-02T15:04Z0700", "2006-01-02T15:04", "2006-01-02T15Z07:00",
	"2006-01-02 15:04:05.999999999Z07:00", "2006-01-02 15:04:05.999999999Z0700",
	"2006-01-02 15:04:05.999999999 Z07:00", "2006-01-02 15:04:05.999999999 Z0700",
	"2006-01-02 15:04:05.999999999", "2006-01-02 15:04Z07:00", "2006-01-02 15:04",
	"2006-01-02", "2006/01/02", "2006/01/02 15:04:05", "2006.01.02", "20060102",
	time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04:05", time.RFC850, time.ANSIC, time.UnixDate, "Mon Jan 02 2006 15:04:05 GMT-0700",
	"January 2, 2006 3:04 PM", "January 2, 2006, 3:04 PM", "Jan 2, 2006 3:04 PM", "2 January 2006 15:04",
}

// zoneOffsets are the time-zone abbreviations pages write after a time
// ("2020-09-25T16:02:50CDT"), in seconds east of UTC. Ambiguous ones
// (IST, CST in China) are left out: their day is read as written.
var zoneOffsets = map[string]int{
	"UTC": 0, "GMT": 0, "Z": 0, "BST": 3600, "WET": 0, "WEST": 3600, "CET": 3600, "CEST": 7200,
	"MEZ": 3600, "MESZ": 7200, "EET": 7200, "EEST": 10800, "MSK": 10800,
	"EST": -5 * 3600, "EDT": -4 * 3600, "CDT": -5 * 3600, "MST": -7 * 3600, "MDT": -6 * 3600,
	"PST": -8 * 3600, "PDT": -7 * 3600, "AKST": -9 * 3600, "AKDT": -8 * 3600, "HST": -10 * 3600,
	"JST": 9 * 3600, "KST": 9 * 3600, "AEST": 10 * 3600, "AEDT": 11 * 3600, "ACST": 34200,
	"AWST": 8 * 3600, "NZST": 12 * 3600, "NZDT": 13 * 3600,
}

var (
	zoneSuffix = regexp.MustCompile(`^(.*\d)\s*\(?([A-Z]{2,5})\)?$`)
	compact    = regexp.MustCompile(`^(\d{4})(\d\d)(\d\d)(?:T(\d\d):?(\d\d)(?::?(\d\d))?)?(Z|[+-]\d\d:?\d\d)?$`)
	unixTime   = regexp.MustCompile(`^\d{10}(\d{3})?$`)
)

// parseDateValue reads a date written by a machine (an attribute, a
// <meta> tag, structured data) or, failing that, the first date written
// in words or numbers in s. It returns the zero time when s holds none.
func parseDateValue(s string, h dateHint) time.Time {
	s = strings.TrimSpace(s)
	if s == "" || !strings.ContainsAny(s, "0123456789") || len(s) > 200 {
		return time.Time{}
	}
	for _, l := range valueLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t
		}
	}
	if t := parseZoned(s); !t.IsZero() {
		return t
	}
	if m := compact.FindStringSubmatch(s); m != nil {
		return parseCompact(m)
	}
	if unixTime.MatchString(s) {
		return parseUnix(s)
	}
	if ds := findTextDates(s, h); len(ds) > 0 {
		return ds[0].t
	}
	return time.Time{}
}

// parseZoned reads a value that ends with a time-zone abbreviation, in
// that zone when it is known, else as written.
func parseZoned(s string) time.Time {
	m := zoneSuffix.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}
	}
	off, known := zoneOffsets[m[2]]
	for _, l := range valueLayouts {
		t, err := time.Parse(l, strings.TrimSpace(m[1]))
		if err != nil {
			continue
		}
		if known && t.Location() == time.UTC {
			y, mo, d := t.Date()
			t = time.Date(y, mo, d, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.FixedZone(m[2], off))
		}
		return t
	}
	return time.Time{}
}

// parseCompact reads 20201123, 20201123T050235Z and 20201123T05:02:35+0100.
func parseCompact(m []string) time.Time {
	day := makeDay(atoi(m[1]), atoi(m[2]), atoi(m[3]))
	if day.IsZero() || m[4] == "" {
		return day
	}
	loc := time.UTC
	if z := strings.ReplaceAll(m[7], ":", ""); len(z) == 5 {
		off := (atoi(z[1:3])*60 + atoi(z[3:5])) * 60
		if z[0] == '-' {
			off = -off
		}
		loc = time.FixedZone("", off)
	}
	return time.Date(day.Year(), day.Month(), day.Day(), atoi(m[4]), atoi(m[5]), atoi(m[6]), 0, loc)
}

// parseUnix reads seconds (or milliseconds) since 1970 as a UTC time,
// between 1995 and 2100.
func parseUnix(s string) time.Time {
	n := int64(0)
	for _, c := range s[:10] {
		n = n*10 + int64(c-'0')
	}
	t := time.Unix(n, 0).UTC()
	if t.Year() < 1995 || t.Year() > 2100 {
		return time.Time{}
	}
	return t
}
