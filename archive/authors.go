package archive

import "strings"

// shownByline returns the byline stored for a: a.Byline, followed by the
// name of each author it does not show yet, so that the byline shows every
// author and the full-text index, which reads the byline (byline:,
// author:), finds each of them. The importer's bylines show them all
// already; an article made otherwise (a bundle, a test) may not.
func shownByline(a *Article) string {
	b := a.Byline
	for _, au := range a.Authors {
		name := strings.TrimSpace(au.Name)
		if name == "" || strings.Contains(strings.ToLower(b), strings.ToLower(name)) {
			continue
		}
		if strings.TrimSpace(b) != "" {
			b += ", "
		}
		b += name
	}
	return b
}
