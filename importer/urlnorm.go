package importer

import (
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/net/publicsuffix"
)

// trackingParams are query parameters that say how a reader arrived at a
// page, not which page it is. Parameters starting with "utm_" go too.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "gclsrc": true, "dclid": true, "msclkid": true, "yclid": true,
	"twclid": true, "igshid": true, "mc_cid": true, "mc_eid": true, "_ga": true, "_gl": true,
	"_hsenc": true, "_hsmi": true, "mkt_tok": true, "ocid": true, "cmpid": true, "cmp": true,
	"smid": true, "smtyp": true, "ref_src": true, "ref_url": true, "__twitter_impression": true,
	"amp": true, "amp_js_v": true, "usqp": true, "ito": true, "s_cid": true,
}

// ampSegment and ampSuffix match the AMP forms of an article's path: an
// "/amp" folder anywhere, or ".amp" before the extension or at the end.
var (
	ampSegment = regexp.MustCompile(`(?i)/amp(/|$)`)
	ampSuffix  = regexp.MustCompile(`(?i)\.amp(\.html?)?$`)
)

// NormalizeURL returns the address of the page behind raw as an archive
// should cite it: scheme and host lower-cased, default port, fragment and
// tracking parameters (utm_*, fbclid, gclid, …) dropped, AMP variants
// (/amp/, ?amp=1, .amp.html, amp. hosts, AMP caches) and mobile ones
// (m., mobile. hosts) folded into the plain page. It returns raw
// unchanged when it is not an absolute http(s) address.
func NormalizeURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return raw
	}
	if inner := ampCacheTarget(u); inner != nil {
		u = inner
	}
	u.Scheme = strings.ToLower(u.Scheme)
	host := strings.ToLower(u.Hostname())
	port := u.Port()
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	host = foldSubdomain(host)
	u.Host = host
	if port != "" {
		u.Host += ":" + port
	}
	u.Fragment, u.RawFragment = "", ""
	u.RawQuery = dropTracking(u.RawQuery)
	if p := foldAMPPath(u.EscapedPath()); p != u.EscapedPath() {
		u.RawPath = ""
		if dec, err := url.PathUnescape(p); err == nil {
			u.Path = dec
		}
	}
	return u.String()
}

// foldSubdomain turns an AMP or mobile host (amp.example.com,
// m.example.co.uk, mobile.example.com) into the site's main host
// (www.…, or what is left when that is a subdomain itself).
func foldSubdomain(host string) string {
	for _, prefix := range []string{"amp.", "m.", "mobile."} {
		rest, ok := strings.CutPrefix(host, prefix)
		if !ok {
			continue
		}
		site, err := publicsuffix.EffectiveTLDPlusOne(host)
		if err != nil || site == host {
			return host // "m.tld" or "amp.dev": the site itself
		}
		if rest == site {
			return "www." + rest
		}
		return rest
	}
	return host
}

// foldAMPPath removes the AMP markers of a path.
func foldAMPPath(p string) string {
	if ampSuffix.MatchString(p) {
		return ampSuffix.ReplaceAllString(p, "$1")
	}
	if loc := ampSegment.FindStringIndex(p); loc != nil {
		folded := p[:loc[0]] + "/" + p[loc[1]:]
		if !strings.HasSuffix(p, "/") && len(folded) > 1 {
			folded = strings.TrimSuffix(folded, "/")
		}
		return folded
	}
	return p
}

// dropTracking removes tracking parameters from a raw query, keeping the
// others in their order and form.
func dropTracking(q string) string {
	if q == "" {
		return ""
	}
	var kept []string
	for _, part := range strings.Split(q, "&") {
		key, val, _ := strings.Cut(part, "=")
		if k, err := url.QueryUnescape(key); err == nil {
			key = k
		}
		key = strings.ToLower(key)
		amp := key == "outputtype" && strings.EqualFold(val, "amp")
		if part == "" || trackingParams[key] || strings.HasPrefix(key, "utm_") || amp {
			continue
		}
		kept = append(kept, part)
	}
	return strings.Join(kept, "&")
}

// ampCacheTarget returns the page an AMP cache address serves
// ("https://www-example-com.cdn.ampproject.org/c/s/www.example.com/a",
// "https://www.google.com/amp/s/www.example.com/a"), or nil.
func ampCacheTarget(u *url.URL) *url.URL {
	host := strings.ToLower(u.Hostname())
	var rest string
	switch {
	case strings.HasSuffix(host, ".cdn.ampproject.org"):
		rest = strings.TrimPrefix(strings.TrimPrefix(u.Path, "/v"), "/c")
	case (host == "www.google.com" || host == "google.com") && strings.HasPrefix(u.Path, "/amp/"):
		rest = strings.TrimPrefix(u.Path, "/amp")
	default:
		return nil
	}
	scheme := "http"
	if s, ok := strings.CutPrefix(rest, "/s/"); ok {
		scheme, rest = "https", "/"+s
	}
	inner, err := url.Parse(scheme + ":/" + rest)
	if err != nil || inner.Host == "" || !strings.Contains(inner.Host, ".") {
		return nil
	}
	inner.RawQuery = u.RawQuery
	return inner
}
