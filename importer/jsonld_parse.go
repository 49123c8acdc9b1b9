package importer

import (
	"encoding/json"
	"errors"
	"html"
	"io"
	"strings"
)

// maxLDBytes is the most of one JSON-LD script that is read: larger
// scripts are application state, not a description of the article.
const maxLDBytes = 1 << 20

// parseJSONLD returns the JSON values of one JSON-LD script. Pages get
// their JSON-LD wrong in a few common ways, which are mended rather than
// the script skipped: comment and CDATA wrappers, trailing commas,
// comments, control characters and bad escapes inside strings, HTML
// entities for the quotes, several values one after the other.
func parseJSONLD(script string) []any {
	s := cleanJSONLD(script)
	if s == "" || len(s) > maxLDBytes {
		return nil
	}
	if vs, err := decodeAll(s); err == nil {
		return vs
	}
	if vs, err := decodeAll(repairJSON(s)); err == nil {
		return vs
	}
	if strings.Contains(s, "&quot;") || strings.Contains(s, "&#") {
		if vs, err := decodeAll(repairJSON(html.UnescapeString(s))); err == nil {
			return vs
		}
	}
	return nil
}

// cleanJSONLD strips the comment and CDATA wrappers some pages put around
// their JSON-LD, and a trailing semicolon.
func cleanJSONLD(s string) string {
	s = strings.TrimSpace(s)
	for _, w := range []string{"<!--", "-->", "/*<![CDATA[*/", "/*]]>*/", "//<![CDATA[", "//]]>", "<![CDATA[", "]]>"} {
		s = strings.ReplaceAll(s, w, "")
	}
	return strings.TrimRight(strings.TrimSpace(s), ";")
}

// decodeAll decodes the JSON values of s, one after the other. It fails
// when s holds none or is not valid JSON.
func decodeAll(s string) ([]any, error) {
	dec := json.NewDecoder(strings.NewReader(s))
	var out []any
	for {
		var v any
		err := dec.Decode(&v)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	if len(out) == 0 {
		return nil, io.EOF
	}
	return out, nil
}

// repairJSON mends the breakages of hand-written JSON: it escapes control
// characters inside strings, drops backslashes before characters JSON
// does not escape, drops commas before a closing bracket and // or /* */
// comments outside strings.
func repairJSON(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	inString := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if inString {
			i = repairStringByte(&b, s, i)
			if c == '"' {
				inString = false
			}
			continue
		}
		switch {
		case c == '"':
			inString = true
			b.WriteByte(c)
		case c == ',' && closesNext(s, i+1):
			// a trailing comma: dropped
		case c == '/' && i+1 < len(s) && s[i+1] == '/':
			for i < len(s) && s[i] != '\n' {
				i++
			}
		case c == '/' && i+1 < len(s) && s[i+1] == '*':
			end := strings.Index(s[i+2:], "*/")
			if end < 0 {
				return b.String()
			}
			i += end + 3
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// repairStringByte writes s[i], a byte inside a JSON string, mended, and
// returns the index of the last byte it consumed.
func repairStringByte(b *strings.Builder, s string, i int) int {
	c := s[i]
	switch {
	case c == '\\' && i+1 < len(s):
		if strings.IndexByte(`"\/bfnrtu`, s[i+1]) >= 0 {
			b.WriteByte(c)
			b.WriteByte(s[i+1])
		} else {
			b.WriteByte(s[i+1]) // \' and the like: the character itself
		}
		return i + 1
	case c == '\n' || c == '\r' || c == '\t':
		b.WriteByte(' ')
	case c < 0x20:
		// other control characters: dropped
	default:
		b.WriteByte(c)
	}
	return i
}

// closesNext reports whether the next character of s from i, past white
// space, closes an object or array.
func closesNext(s string, i int) bool {
	for ; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\n', '\r':
			continue
		case '}', ']':
			return true
		}
		return false
	}
	return false
}
