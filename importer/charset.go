package importer

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/wlynxg/chardet"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// prescanLen is how far into an HTML file a charset declaration is looked
// for. Browsers look at 1024 bytes; saved pages often put the declaration
// after long scripts or comments, so look further.
const prescanLen = 64 << 10

// bomEncoding returns the name of the encoding a byte-order mark at the
// start of data announces, or "".
func bomEncoding(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return "utf-8"
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return "utf-16be"
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return "utf-16le"
	}
	return ""
}

// stripBOM returns data without a UTF-8 byte-order mark, and UTF-16 data
// decoded to UTF-8.
func stripBOM(data []byte) []byte {
	switch bomEncoding(data) {
	case "utf-8":
		return data[3:]
	case "utf-16be", "utf-16le":
		e, _ := charset.Lookup(bomEncoding(data))
		if out, err := e.NewDecoder().Bytes(data); err == nil {
			return bytes.TrimPrefix(out, []byte("\uFEFF"))
		}
	}
	return data
}

var (
	metaCharset = regexp.MustCompile(`(?is)<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)`)
	xmlEncoding = regexp.MustCompile(`(?is)^\s*<\?xml[^>]+encoding\s*=\s*["']([\w:.-]+)`)
)

// declaredCharset returns the charset an HTML page declares in a <meta
// charset>, a <meta http-equiv="Content-Type"> or an XML declaration.
func declaredCharset(data []byte) string {
	head := data[:min(len(data), prescanLen)]
	if m := xmlEncoding.FindSubmatch(head); m != nil {
		return strings.ToLower(string(m[1]))
	}
	if m := metaCharset.FindSubmatch(head); m != nil {
		return strings.ToLower(string(m[1]))
	}
	return ""
}

// decodeHTML returns HTML data as UTF-8 and the name of the charset it was
// decoded from. The order is: byte-order mark; valid UTF-8 with non-ASCII
// text (a declaration that says otherwise is usually stale, as in pages
// re-saved by a browser); the page's own declaration; detection from the
// bytes; windows-1252.
func decodeHTML(data []byte) (string, string) {
	if bom := bomEncoding(data); bom != "" {
		return validUTF8(stripBOM(data)), bom
	}
	if utf8.Valid(data) && hasNonASCII(data) {
		return string(data), "utf-8"
	}
	if name := declaredCharset(data); name != "" {
		if e, canon := charset.Lookup(name); e != nil && !strings.HasPrefix(canon, "utf-16") {
			return decodeWith(e, data), canon
		}
	}
	if utf8.Valid(data) {
		return string(data), "utf-8"
	}
	return detectAndDecode(data)
}

// decodeText returns plain text data as UTF-8 and the name of the charset
// it was decoded from: byte-order mark, UTF-8, detection, windows-1252.
func decodeText(data []byte) (string, string) {
	if bom := bomEncoding(data); bom != "" {
		return validUTF8(stripBOM(data)), bom
	}
	if utf8.Valid(data) {
		return string(data), "utf-8"
	}
	return detectAndDecode(data)
}

// minConfidence is the least confidence (0 to 1) of a detected charset
// that detectAndDecode believes.
const minConfidence = 0.30

// detectAndDecode guesses the charset of data that is not UTF-8 from the
// statistics of its bytes (chardet, a port of Python's) and decodes it,
// falling back to windows-1252, the web's default.
func detectAndDecode(data []byte) (string, string) {
	sample := data[:min(len(data), prescanLen)]
	if res := chardet.Detect(sample); res.Confidence >= minConfidence {
		if e, canon := charset.Lookup(res.Charset); e != nil && canon != "utf-8" && !strings.HasPrefix(canon, "utf-16") {
			return decodeWith(e, data), canon
		}
	}
	return decodeWith(charmap.Windows1252, data), "windows-1252"
}

// decodeWith decodes data with e, replacing what cannot be decoded.
func decodeWith(e encoding.Encoding, data []byte) string {
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return strings.ToValidUTF8(string(data), "\uFFFD")
	}
	return string(out)
}

func hasNonASCII(data []byte) bool {
	for _, b := range data {
		if b >= 0x80 {
			return true
		}
	}
	return false
}

// validUTF8 returns data as a string, its invalid bytes (after a UTF-8
// byte-order mark that lied) replaced by U+FFFD.
func validUTF8(data []byte) string {
	return strings.ToValidUTF8(string(data), "\uFFFD")
}
