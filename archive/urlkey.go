package archive

import (
	"net/url"
	"strings"
)

// trackingParams are query parameters that say how a reader arrived, not
// which page it is; urlKey drops them.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "msclkid": true, "igshid": true,
	"mc_cid": true, "mc_eid": true, "_ga": true, "ocid": true, "cmpid": true,
}

// urlKey normalises an absolute http(s) URL so that the addresses of one
// page compare equal: no scheme, lower-case host without "www.", no default
// port, no fragment, no trailing slash, no tracking parameters (utm_* and
// trackingParams), the remaining parameters sorted. It returns "" for
// anything else. Changing it means recomputing articles.url_key.
func urlKey(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	if p := u.Port(); p != "" && p != "80" && p != "443" {
		host += ":" + p
	}
	path := strings.TrimRight(u.EscapedPath(), "/")
	q := u.Query()
	for k := range q {
		if trackingParams[strings.ToLower(k)] || strings.HasPrefix(strings.ToLower(k), "utm_") {
			delete(q, k)
		}
	}
	key := host + path
	if len(q) > 0 {
		key += "?" + q.Encode()
	}
	return key
}

// SameAddress reports whether two addresses name one page, as the
// archive compares them to find a page's earlier versions: both absolute
// http(s) URLs, equal once normalised.
func SameAddress(a, b string) bool {
	k := urlKey(a)
	return k != "" && k == urlKey(b)
}
