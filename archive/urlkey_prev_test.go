package archive

import (
	"net/url"
	"strings"
)

// The address key of the releases up to commit f14bfae, frozen here so
// that tests can build archives holding the keys those releases stored
// (the migration 0006_record computes them again with urlnorm.Key).

// prevTrackingParams are the query parameters prevURLKey drops.
var prevTrackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "msclkid": true, "igshid": true,
	"mc_cid": true, "mc_eid": true, "_ga": true, "ocid": true, "cmpid": true,
}

// prevURLKey is the archive's urlKey at commit f14bfae.
func prevURLKey(raw string) string {
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
		if prevTrackingParams[strings.ToLower(k)] || strings.HasPrefix(strings.ToLower(k), "utm_") {
			delete(q, k)
		}
	}
	key := host + path
	if len(q) > 0 {
		key += "?" + q.Encode()
	}
	return key
}
