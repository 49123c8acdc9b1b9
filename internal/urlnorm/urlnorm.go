// Package urlnorm is the one place that decides when two web addresses
// name the same page. The importer cites an article by Normalize(url); the
// archive finds the earlier captures (versions) of a page by Key(url),
// built on Normalize. Both follow RFC 3986's equivalences (case of the
// scheme, the host and percent-escapes; unreserved characters written
// plainly; default ports) and drop what says how a reader arrived rather
// than which page it is: fragments, tracking parameters, the AMP and
// mobile variants of a page.
package urlnorm

import (
	"net/url"
	"regexp"
	"sort"
	"strings"

	"golang.org/x/net/publicsuffix"
)

// trackingParams are query parameters that say how a reader arrived at a
// page, not which page it is (lower case; parameters starting with "utm_"
// go too). Keep each one to parameters no site uses to pick the page.
var trackingParams = map[string]bool{
	// Ad and social click identifiers.
	"fbclid": true, "gclid": true, "gclsrc": true, "dclid": true, "msclkid": true, "yclid": true,
	"twclid": true, "igshid": true, "__twitter_impression": true, "ref_src": true, "ref_url": true,
	// Analytics and mail campaigns: Google Analytics, Mailchimp, HubSpot,
	// Marketo, Adobe, Webtrends, AT Internet, comScore, Yahoo.
	"_ga": true, "_gl": true, "mc_cid": true, "mc_eid": true, "_hsenc": true, "_hsmi": true,
	"mkt_tok": true, "s_cid": true, "wt.mc_id": true, "xtor": true, "ns_mchannel": true,
	"ns_source": true, "ns_campaign": true, "ns_linkname": true, "ns_fee": true, "ncid": true,
	"guccounter": true, "guce_referrer": true, "guce_referrer_sig": true,
	// News sites' share and campaign tags: Microsoft, The Guardian, The New
	// York Times, The Times.
	"ocid": true, "cmpid": true, "cmp": true, "smid": true, "smtyp": true, "ito": true,
	// AMP: the page itself is asked for (see also outputType=amp).
	"amp": true, "amp_js_v": true, "usqp": true,
}

// ampSegment and ampSuffix match the AMP forms of an article's path: an
// "/amp" folder anywhere, or ".amp" before the extension or at the end.
var (
	ampSegment = regexp.MustCompile(`(?i)/amp(/|$)`)
	ampSuffix  = regexp.MustCompile(`(?i)\.amp(\.html?)?$`)
)

// parts is an absolute http(s) address taken apart and normalised.
type parts struct {
	scheme, userinfo, host, port string
	path                         string   // escaped, escapes normalised
	query                        []string // "key=value" as written, escapes normalised, tracking ones dropped
}

// Normalize returns the address of the page behind raw as an archive
// should cite it: scheme and host lower-cased, default port, fragment and
// tracking parameters (utm_*, fbclid, gclid, …) dropped, percent-escapes
// in upper case and those of unreserved characters (letters, digits,
// "-._~") decoded, AMP variants (/amp/, ?amp=1, .amp.html, amp. hosts,
// AMP caches) and mobile ones (m., mobile. hosts) folded into the plain
// page. The other parameters keep their order. It returns raw unchanged
// when it is not an absolute http(s) address.
func Normalize(raw string) string {
	p, ok := split(raw)
	if !ok {
		return raw
	}
	var b strings.Builder
	b.WriteString(p.scheme + "://")
	if p.userinfo != "" {
		b.WriteString(p.userinfo + "@")
	}
	b.WriteString(p.host)
	if p.port != "" {
		b.WriteString(":" + p.port)
	}
	b.WriteString(p.path)
	if len(p.query) > 0 {
		b.WriteString("?" + strings.Join(p.query, "&"))
	}
	return b.String()
}

// Key returns the key under which the addresses of one page compare
// equal: Normalize's address without its scheme, user or "www.", without
// a trailing slash, its parameters sorted by name ("example.com/a?b=1").
// It returns "" for anything but an absolute http(s) address. Stored keys
// must be computed again when it changes (see the archive's migrations).
func Key(raw string) string {
	p, ok := split(raw)
	if !ok {
		return ""
	}
	key := strings.TrimPrefix(p.host, "www.")
	if p.port != "" {
		key += ":" + p.port
	}
	key += strings.TrimRight(p.path, "/")
	if len(p.query) > 0 {
		q := append([]string(nil), p.query...)
		sort.SliceStable(q, func(i, j int) bool { return paramName(q[i]) < paramName(q[j]) })
		key += "?" + strings.Join(q, "&")
	}
	return key
}

// split parses raw and normalises its parts; ok is false when raw is not
// an absolute http(s) address.
func split(raw string) (parts, bool) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return parts{}, false
	}
	if inner := ampCacheTarget(u); inner != nil {
		u = inner
	}
	p := parts{scheme: strings.ToLower(u.Scheme), host: foldSubdomain(strings.ToLower(u.Hostname())), port: u.Port()}
	if p.host == "" {
		return parts{}, false
	}
	if strings.Contains(p.host, ":") {
		p.host = "[" + p.host + "]" // IPv6
	}
	if (p.scheme == "http" && p.port == "80") || (p.scheme == "https" && p.port == "443") {
		p.port = ""
	}
	if u.User != nil {
		p.userinfo = u.User.String()
	}
	p.path = normEscapes(foldAMPPath(u.EscapedPath()))
	p.query = dropTracking(u.RawQuery)
	return p, true
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

// dropTracking returns the parameters of a raw query without the
// tracking ones (and outputType=amp), in their order, each with its
// escapes normalised.
func dropTracking(q string) []string {
	var kept []string
	for _, part := range strings.Split(q, "&") {
		if part == "" {
			continue
		}
		part = normEscapes(part)
		key, val, _ := strings.Cut(part, "=")
		key = strings.ToLower(paramName(key))
		amp := key == "outputtype" && strings.EqualFold(val, "amp")
		if trackingParams[key] || strings.HasPrefix(key, "utm_") || amp {
			continue
		}
		kept = append(kept, part)
	}
	return kept
}

// paramName returns the name of a "name=value" parameter, unescaped.
func paramName(part string) string {
	name, _, _ := strings.Cut(part, "=")
	if n, err := url.QueryUnescape(name); err == nil {
		return n
	}
	return name
}

// normEscapes writes the escapes of s in upper case, decodes those of
// unreserved characters, and escapes the bytes an address cannot hold as
// they are (spaces, controls, non-ASCII). A "%" not followed by two hex
// digits is escaped too.
func normEscapes(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			d := unhex(s[i+1])<<4 | unhex(s[i+2])
			if unreserved(d) {
				b.WriteByte(d)
			} else {
				b.WriteByte('%')
				b.WriteByte(hex[d>>4])
				b.WriteByte(hex[d&15])
			}
			i += 2
			continue
		}
		if c == '%' || c <= ' ' || c >= 0x7f {
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// unreserved reports whether c is an unreserved character of RFC 3986,
// which an address may hold escaped or not with the same meaning.
func unreserved(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~'
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c <= 'F':
		return c - 'A' + 10
	}
	return c - 'a' + 10
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
