package archive

import (
	"fmt"
	"strings"
	"time"

	"github.com/clippings/clippings/archive/query"
)

// QueryText writes sel in the search language: the filters its value
// fields stand for, then Query. It is what a saved search keeps of a
// selection. It returns an error wrapping ErrInvalid when a value cannot
// be written there: a name holding a double quote (the language has no
// escape for one), IDs, or a date that is not the start of a day (UTC).
func (sel Selection) QueryText() (string, error) {
	var parts []string
	quoted := func(field, value string) error {
		if strings.Contains(value, `"`) {
			return fmt.Errorf("%s %q: a double quote cannot be searched for: %w", field, value, ErrInvalid)
		}
		parts = append(parts, field+`:"`+value+`"`)
		return nil
	}
	for _, t := range sel.Tags {
		name := query.NormTag(t)
		if name == "" {
			return "", fmt.Errorf("tag %q: %w", t, ErrInvalid)
		}
		if err := quoted("tag", name); err != nil {
			return "", err
		}
	}
	for _, f := range [][2]string{{"collection", sel.Collection}, {"site", strings.TrimSpace(sel.Site)}, {"saved", sel.Saved}} {
		if f[1] == "" {
			continue
		}
		if err := quoted(f[0], f[1]); err != nil {
			return "", err
		}
	}
	if sel.IDs != nil {
		return "", fmt.Errorf("%d articles chosen: %w", len(sel.IDs), ErrInvalid)
	}
	if sel.Starred {
		parts = append(parts, "is:starred")
	}
	if sel.Unread {
		parts = append(parts, "is:unread")
	}
	if !sel.From.IsZero() || !sel.To.IsZero() {
		dates, err := dateText(sel.From.UTC(), sel.To.UTC())
		if err != nil {
			return "", err
		}
		parts = append(parts, "date:"+dates)
	}
	if q := strings.TrimSpace(sel.Query); q != "" {
		parts = append(parts, q)
	}
	return strings.Join(parts, " "), nil
}

// dateText writes the dates [from, to) (a zero end is open) as a date
// filter's value, in years or months when both ends fall on their start:
// "2019", "2019-03..2019-05", "2019-03-02..".
func dateText(from, to time.Time) (string, error) {
	if !from.IsZero() && !to.IsZero() && !from.Before(to) {
		return "", fmt.Errorf("dates %s to %s: %w", from.Format(time.DateOnly), to.Format(time.DateOnly), ErrInvalid)
	}
	for _, t := range []time.Time{from, to} {
		if !t.Equal(t.Truncate(24 * time.Hour)) {
			return "", fmt.Errorf("date %s: not the start of a day: %w", t.Format(time.RFC3339), ErrInvalid)
		}
	}
	at := func(day, month int) bool {
		return (from.IsZero() || from.Day() == day && (month == 0 || from.Month() == time.Month(month))) &&
			(to.IsZero() || to.Day() == day && (month == 0 || to.Month() == time.Month(month)))
	}
	layout, back := time.DateOnly, func(t time.Time) time.Time { return t.AddDate(0, 0, -1) }
	switch {
	case at(1, 1):
		layout, back = "2006", func(t time.Time) time.Time { return t.AddDate(-1, 0, 0) }
	case at(1, 0):
		layout, back = "2006-01", func(t time.Time) time.Time { return t.AddDate(0, -1, 0) }
	}
	var start, end string
	if !from.IsZero() {
		start = from.Format(layout)
	}
	if !to.IsZero() {
		end = back(to).Format(layout)
	}
	if start == end {
		return start, nil
	}
	return start + ".." + end, nil
}
