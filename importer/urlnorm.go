package importer

import "github.com/clippings/clippings/internal/urlnorm"

// NormalizeURL returns the address of the page behind raw as an archive
// should cite it: scheme, host and percent-escapes in one case, default
// port, fragment and tracking parameters dropped, AMP and mobile variants
// folded into the plain page (see urlnorm.Normalize, which the archive's
// address keys are built on too). It returns raw unchanged when it is not
// an absolute http(s) address.
func NormalizeURL(raw string) string { return urlnorm.Normalize(raw) }
