// Package words puts together the short phrases that the command line and
// the exports print: counts with their noun, and lists of the parts that
// are there.
package words

import (
	"strconv"
	"strings"
)

// Plural returns "1 thing" for n == 1 and "n things" otherwise.
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// Join joins the parts that are not empty with sep: Join(", ", "BBC", "",
// "2019") is "BBC, 2019".
func Join(sep string, parts ...string) string {
	kept := make([]string, 0, len(parts))
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, sep)
}
