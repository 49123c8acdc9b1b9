package format

import (
	"encoding/base64"
	"net/url"
	"path"
	"regexp"
	"strings"
)

// Resource finds the resource a reference from the page's HTML points at:
// a data: URI (decoded here), a "cid:" URL, an absolute URL, or a URL
// relative to p.URL; for a Complete page also a path relative to the page's
// folder ("./NAME_files/a.jpg"). It reports false when the page holds no
// such resource; it never reads a file or the network. A <base href> in
// the HTML is not known here: resolve references against it first.
func (p *Page) Resource(ref string) (Resource, bool) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return Resource{}, false
	}
	if hasPrefixFold(ref, "data:") {
		return decodeDataURI(ref)
	}
	if p.Format == FormatComplete {
		if key, ok := localKey(ref); ok {
			r, ok := p.Resources[key]
			return r, ok
		}
	}
	if r, ok := p.Resources[resourceKey(ref)]; ok {
		return r, true
	}
	if p.URL == "" {
		return Resource{}, false
	}
	base, err := url.Parse(p.URL)
	if err != nil {
		return Resource{}, false
	}
	u, err := url.Parse(ref)
	if err != nil {
		return Resource{}, false
	}
	r, ok := p.Resources[resourceKey(base.ResolveReference(u).String())]
	return r, ok
}

// resourceKey normalises a URL for use as a Resources key: the fragment is
// dropped, the scheme and host lower-cased and the path escaped one way.
// "cid:" URLs lose the angle brackets of a Content-ID.
func resourceKey(raw string) string {
	raw = strings.TrimSpace(raw)
	if hasPrefixFold(raw, "cid:") {
		return "cid:" + strings.Trim(raw[4:], "<>")
	}
	u, err := url.Parse(raw)
	if err != nil || u.Scheme == "" {
		return raw
	}
	u.Fragment, u.RawFragment = "", ""
	u.Host = strings.ToLower(u.Host)
	return u.String()
}

// addResource stores r under its key unless that key is taken.
func addResource(m map[string]Resource, r Resource) {
	if r.URL == "" {
		return
	}
	k := resourceKey(r.URL)
	if _, dup := m[k]; !dup {
		m[k] = r
	}
}

// localKey turns a relative reference into a clean slash-separated path
// below the page's folder. It refuses URLs with a scheme or a host,
// absolute paths and paths that climb out with "..".
func localKey(ref string) (string, bool) {
	if i := strings.IndexAny(ref, "?#"); i >= 0 {
		ref = ref[:i]
	}
	if p, err := url.PathUnescape(ref); err == nil {
		ref = p
	}
	ref = strings.ReplaceAll(ref, `\`, "/")
	if ref == "" || strings.HasPrefix(ref, "/") || strings.ContainsRune(ref, 0) {
		return "", false
	}
	clean := path.Clean(ref)
	first, _, _ := strings.Cut(clean, "/")
	if clean == "." || first == ".." || strings.ContainsRune(first, ':') {
		return "", false // outside, or a scheme ("http:", "file:") or a drive ("C:")
	}
	return clean, true
}

// decodeDataURI decodes "data:[<media type>][;base64],<data>". The
// payload is percent-decoded, then base64-decoded when marked so, ignoring
// white space and padding as browsers do.
func decodeDataURI(ref string) (Resource, bool) {
	comma := strings.IndexByte(ref, ',')
	if comma < 0 {
		return Resource{}, false
	}
	params := strings.Split(ref[len("data:"):comma], ";")
	mediaType := strings.ToLower(strings.TrimSpace(params[0]))
	if !strings.Contains(mediaType, "/") {
		mediaType = "text/plain"
	}
	isBase64 := strings.EqualFold(strings.TrimSpace(params[len(params)-1]), "base64")
	body := percentDecode(ref[comma+1:])
	if isBase64 {
		var ok bool
		if body, ok = decodeBase64(body); !ok {
			return Resource{}, false
		}
	}
	return Resource{URL: ref, MIME: mediaType, Data: body}, true
}

// percentDecode decodes %XX escapes, keeping a malformed escape as it is.
func percentDecode(s string) []byte {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			out = append(out, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
			continue
		}
		out = append(out, s[i])
	}
	return out
}

// decodeBase64 decodes standard base64 leniently: white space anywhere and
// missing or extra padding are accepted. It fails on other stray bytes.
func decodeBase64(src []byte) ([]byte, bool) {
	clean := make([]byte, 0, len(src))
	for _, c := range src {
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '=':
		case c == '-':
			clean = append(clean, '+') // URL-safe alphabet, seen in the wild
		case c == '_':
			clean = append(clean, '/')
		default:
			clean = append(clean, c)
		}
	}
	if len(clean)%4 == 1 {
		clean = clean[:len(clean)-1] // a lone trailing sextet carries no byte
	}
	out := make([]byte, base64.RawStdEncoding.DecodedLen(len(clean)))
	n, err := base64.RawStdEncoding.Decode(out, clean)
	return out[:n], err == nil
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c >= 'a':
		return c - 'a' + 10
	case c >= 'A':
		return c - 'A' + 10
	}
	return c - '0'
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// metaCharsetLen is how far into an HTML document metaCharset looks.
const metaCharsetLen = 8 << 10

var metaCharsetRE = regexp.MustCompile(`(?is)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)`)

// metaCharset returns the lower-cased charset a <meta charset> or <meta
// http-equiv="Content-Type"> near the start of html declares, or "".
func metaCharset(html []byte) string {
	m := metaCharsetRE.FindSubmatch(html[:min(len(html), metaCharsetLen)])
	if m == nil {
		return ""
	}
	return strings.ToLower(string(m[1]))
}

// charsetOr returns the lower-cased container charset, or when it is
// empty the one html declares.
func charsetOr(container string, html []byte) string {
	if cs := strings.ToLower(strings.Trim(container, ` "'`)); cs != "" {
		return cs
	}
	return metaCharset(html)
}

// mediaType returns the lower-cased media type of a Content-Type value,
// without parameters.
func mediaType(contentType string) string {
	mt, _, _ := strings.Cut(contentType, ";")
	return strings.ToLower(strings.TrimSpace(mt))
}

// isHTMLType reports whether a media type is an HTML document.
func isHTMLType(mt string) bool {
	return mt == "text/html" || mt == "application/xhtml+xml"
}
