package importer

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/clippings/clippings/importer/format"
)

// The formats sniff tells apart. Each is the Format of the capture and of
// its articles.
const (
	formatText       = "text"
	formatMarkdown   = "markdown"
	formatHTML       = "html"
	formatMHTML      = "mhtml"
	formatWARC       = "warc"
	formatWebArchive = "webarchive"
	formatGzip       = "gzip" // a gzipped document, read once unwrapped
)

// sniffLen is how much of the start of a file sniffing looks at.
const sniffLen = 8 << 10

// extFormats maps file extensions to the format they suggest. Content wins
// over the extension; the extension only decides between text formats.
var extFormats = map[string]string{
	".txt": formatText, ".text": formatText,
	".md": formatMarkdown, ".markdown": formatMarkdown,
	".html": formatHTML, ".htm": formatHTML, ".xhtml": formatHTML, ".shtml": formatHTML,
	".mht": formatMHTML, ".mhtml": formatMHTML,
	".warc": formatWARC, ".webarchive": formatWebArchive,
}

// sniff tells the format of data from its first bytes. It returns ErrEmpty
// for empty or blank input and ErrBinary for input that is not text and
// not a known container.
func sniff(name string, data []byte) (string, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return "", ErrEmpty
	}
	head := data[:min(len(data), sniffLen)]
	switch {
	case bytes.HasPrefix(head, []byte("bplist00")):
		return formatWebArchive, nil
	case bytes.HasPrefix(head, []byte("WARC/")):
		return formatWARC, nil
	case bytes.HasPrefix(head, []byte{0x1f, 0x8b}):
		if gunzipHasPrefix(data, "WARC/") {
			return formatWARC, nil
		}
		return formatGzip, nil
	}
	if bom := bomEncoding(head); bom == "" && isBinary(head) {
		return "", ErrBinary
	}
	text := strings.TrimLeft(string(stripBOM(head)), " \t\r\n")
	if (strings.HasPrefix(text, "{") || strings.HasPrefix(text, "[")) && json.Valid(bytes.TrimSpace(stripBOM(data))) {
		return "", ErrJSON
	}
	switch {
	case format.IsXMLWebArchive(head), extFormats[extension(name)] == formatWebArchive && bytes.Contains(head, []byte("<plist")):
		return formatWebArchive, nil
	case isMHTML(text):
		return formatMHTML, nil
	case isHTML(text), extFormats[extension(name)] == formatHTML && anyTag.MatchString(text):
		return formatHTML, nil
	case isMarkdown(text) || extFormats[extension(name)] == formatMarkdown:
		return formatMarkdown, nil
	}
	return formatText, nil
}

// extension returns the lower-case extension of name, ignoring a final
// ".gz".
func extension(name string) string {
	name = strings.TrimSuffix(strings.ToLower(name), ".gz")
	return filepath.Ext(name)
}

// gunzipHasPrefix reports whether gzip data starts with prefix once
// decompressed.
func gunzipHasPrefix(data []byte, prefix string) bool {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return false
	}
	buf := make([]byte, len(prefix))
	if _, err := io.ReadFull(zr, buf); err != nil {
		return false
	}
	return string(buf) == prefix
}

// maxControlShare is the share of control bytes (other than white
// space) above which data is taken as binary: random bytes hold about
// 12%, text in any charset almost none.
const maxControlShare = 0.01

// isBinary reports whether head looks like binary data: it holds NUL
// bytes or control characters. Text in a legacy 8-bit charset (KOI8-R,
// windows-1252, …) is not binary.
func isBinary(head []byte) bool {
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	ctl := 0
	for _, b := range head {
		if b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1b {
			ctl++
		}
	}
	return float64(ctl) > maxControlShare*float64(len(head))
}

// isMHTML reports whether text starts like a MIME multipart message, the
// shape of MHTML ("Saved by Blink", Internet Explorer's .mht).
func isMHTML(text string) bool {
	lower := strings.ToLower(text[:min(len(text), 2048)])
	if !strings.Contains(lower, "mime-version:") && !strings.HasPrefix(lower, "from:") {
		return false
	}
	return strings.Contains(lower, "multipart/related") || strings.Contains(lower, "<saved by ")
}

var htmlStart = regexp.MustCompile(`(?i)^(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title|link|base|script|style|div|p|article|section|table|h[1-6]|\?xml[^>]*>\s*(<!doctype\s+html|<html))[\s>/]`)

var anyTag = regexp.MustCompile(`(?i)<(p|div|span|a|br|h[1-6]|article|section)[\s>/]`)

var htmlTag = regexp.MustCompile(`(?i)<(html|head|body)[\s>]`)

// isHTML reports whether text starts like an HTML document (after any
// leading comments such as "saved from url"), or holds an html, head or
// body tag near its start.
func isHTML(text string) bool {
	if htmlStart.MatchString(text) {
		return true
	}
	return strings.HasPrefix(text, "<") && htmlTag.MatchString(text)
}

var markdownSigns = []*regexp.Regexp{
	regexp.MustCompile(`(?m)^#{1,6} \S`),               // ATX heading
	regexp.MustCompile(`(?m)^(` + "```" + `|~~~)`),     // fenced code
	regexp.MustCompile(`!\[[^\]]*\]\([^)\s]+`),         // image
	regexp.MustCompile(`\[[^\]]+\]\((https?://|/)\S+`), // link
	regexp.MustCompile(`(?m)^\s{0,3}([-*+]|\d+\.) \S`), // list item
	regexp.MustCompile(`(?m)^> \S`),                    // block quote
	regexp.MustCompile(`\*\*[^*\n]+\*\*`),              // strong
}

// isMarkdown reports whether text starts with YAML front matter or shows
// at least two different kinds of Markdown syntax.
func isMarkdown(text string) bool {
	if strings.HasPrefix(text, "---\n") || strings.HasPrefix(text, "---\r\n") {
		return true
	}
	n := 0
	for _, re := range markdownSigns {
		if re.MatchString(text) {
			n++
		}
	}
	return n >= 2
}

// gunzipLimited decompresses gzip data, failing with ErrTooLarge as soon
// as the output passes limit (a "gzip bomb" is stopped there) and with
// ErrBinary when the data does not decompress.
func gunzipLimited(data []byte, limit int64) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: damaged gzip data: %v", ErrBinary, err)
	}
	out, err := io.ReadAll(io.LimitReader(zr, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%w: damaged gzip data: %v", ErrBinary, err)
	}
	if int64(len(out)) > limit {
		return nil, fmt.Errorf("%w once decompressed", ErrTooLarge)
	}
	return out, nil
}

// errNotGzip is returned for a gzipped file inside a gzipped file.
var errNotGzip = errors.New("gzip inside gzip")
