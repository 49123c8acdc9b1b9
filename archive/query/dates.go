package query

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// dateRange reads the value of a date filter as a range of UTC times
// [from, to); a zero end is open. It accepts a day, month or year
// (2019-03-05, 2019-03, 2019), a range A..B (either end may be left out),
// a comparison (>A, >=A, <A, <=A), and relative forms counted from now:
// today, yesterday, this-month, this-year, last-N-days (weeks, months,
// years; last-day, last-week… for N = 1).
func dateRange(v string, now time.Time) (from, to time.Time, err error) {
	now = now.UTC()
	if f, t, ok := relativeRange(v, now); ok {
		return f, t, nil
	}
	if strings.HasPrefix(v, "last-") {
		return from, to, fmt.Errorf("%q: say last-N-days, -weeks, -months or -years", v)
	}
	if a, b, ok := strings.Cut(v, ".."); ok {
		if a == "" && b == "" {
			return from, to, errors.New("a range needs a start or an end")
		}
		if a != "" {
			if from, _, err = period(a); err != nil {
				return from, to, err
			}
		}
		if b != "" {
			if _, to, err = period(b); err != nil {
				return from, to, err
			}
		}
		if !from.IsZero() && !to.IsZero() && !from.Before(to) {
			return from, to, fmt.Errorf("%q ends before it starts", v)
		}
		return from, to, nil
	}
	for _, op := range []string{">=", "<=", ">", "<"} {
		if rest, ok := strings.CutPrefix(v, op); ok {
			start, end, err := period(rest)
			switch op {
			case ">=":
				return start, time.Time{}, err
			case ">":
				return end, time.Time{}, err
			case "<=":
				return time.Time{}, end, err
			}
			return time.Time{}, start, err
		}
	}
	return period(v)
}

// period reads a year, a month or a day and returns its start and end.
func period(s string) (start, end time.Time, err error) {
	layouts := map[int]string{4: "2006", 7: "2006-01", 10: "2006-01-02"}
	layout, ok := layouts[len(s)]
	if ok {
		start, err = time.Parse(layout, s)
	}
	if !ok || err != nil {
		return start, end, fmt.Errorf("%q is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", s)
	}
	switch len(s) {
	case 4:
		end = start.AddDate(1, 0, 0)
	case 7:
		end = start.AddDate(0, 1, 0)
	default:
		end = start.AddDate(0, 0, 1)
	}
	return start, end, nil
}

// relativeRange reads the relative forms of dateRange.
func relativeRange(v string, now time.Time) (from, to time.Time, ok bool) {
	day := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	switch v {
	case "today":
		return day, day.AddDate(0, 0, 1), true
	case "yesterday":
		return day.AddDate(0, 0, -1), day, true
	case "this-month":
		m := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC)
		return m, m.AddDate(0, 1, 0), true
	case "this-year":
		y := time.Date(now.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
		return y, y.AddDate(1, 0, 0), true
	}
	rest, found := strings.CutPrefix(v, "last-")
	if !found {
		return from, to, false
	}
	n, unit := 1, rest
	if num, u, cut := strings.Cut(rest, "-"); cut {
		k, err := strconv.Atoi(num)
		if err != nil || k < 1 || k > 100_000 {
			return from, to, false
		}
		n, unit = k, u
	}
	switch strings.TrimSuffix(unit, "s") {
	case "day":
		return now.AddDate(0, 0, -n), time.Time{}, true
	case "week":
		return now.AddDate(0, 0, -7*n), time.Time{}, true
	case "month":
		return now.AddDate(0, -n, 0), time.Time{}, true
	case "year":
		return now.AddDate(-n, 0, 0), time.Time{}, true
	}
	return from, to, false
}
