package library

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// flexString is a JSON string or number, as the tools write identifiers.
type flexString string

func (f *flexString) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*f = flexString(s)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return err
	}
	*f = flexString(n.String())
	return nil
}

// flexBool is a JSON boolean, number or string ("1", "true").
type flexBool bool

func (f *flexBool) UnmarshalJSON(b []byte) error {
	s := strings.Trim(strings.TrimSpace(string(b)), `"`)
	switch strings.ToLower(s) {
	case "", "null", "false", "0":
		*f = false
	default:
		n, err := strconv.ParseFloat(s, 64)
		*f = flexBool(err != nil || n != 0)
	}
	return nil
}

// flexList is a list of names: a JSON list of strings or of objects with
// a name or label, or one string of names separated by commas.
type flexList []string

func (f *flexList) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*f = nil
		for _, p := range strings.Split(s, ",") {
			if p = strings.TrimSpace(p); p != "" {
				*f = append(*f, p)
			}
		}
		return nil
	}
	var raw []json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil // null, or something else: no names
	}
	*f = nil
	for _, r := range raw {
		var name string
		if json.Unmarshal(r, &name) != nil {
			var o struct{ Name, Label string }
			_ = json.Unmarshal(r, &o)
			name = firstOf(o.Label, o.Name)
		}
		if name = strings.TrimSpace(name); name != "" {
			*f = append(*f, name)
		}
	}
	return nil
}

// firstOf returns the first of ss that is not empty.
func firstOf(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// decodeList decodes the JSON list in data — at the top, or under key
// when key is not "" — element by element into T. A list cut short or
// damaged gives the elements read before the damage, with an error
// saying where it stopped.
func decodeList[T any](data []byte, key string) ([]T, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if key != "" {
		if err := seekKey(dec, key); err != nil {
			return nil, err
		}
	}
	if t, err := dec.Token(); err != nil || t != json.Delim('[') {
		return nil, fmt.Errorf("no list of entries")
	}
	var out []T
	for dec.More() {
		var v T
		if err := dec.Decode(&v); err != nil {
			return out, fmt.Errorf("damaged after entry %d (byte %d): %v", len(out), dec.InputOffset(), err)
		}
		out = append(out, v)
	}
	if _, err := dec.Token(); err != nil {
		return out, fmt.Errorf("cut short after entry %d: %v", len(out), err)
	}
	return out, nil
}

// jsonExport reads the list of entries of a JSON export (see
// decodeList) and makes its source, noting where a damaged export
// stopped. It fails only when not one entry could be read.
func jsonExport[T any](name, format string, data []byte, key string) ([]T, *source, error) {
	list, err := decodeList[T](data, key)
	if list == nil && err != nil {
		return nil, nil, err
	}
	src := &source{original: original(name, format, data)}
	if err != nil {
		src.skipped = append(src.skipped, Skip{Entry: "the rest of the file", Reason: err.Error()})
	}
	return list, src, nil
}

// seekKey moves dec to the value of key in the object at the top.
func seekKey(dec *json.Decoder, key string) error {
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return fmt.Errorf("not a JSON object")
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return err
		}
		if t == key {
			return nil
		}
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return err
		}
	}
	return fmt.Errorf("no %q in it", key)
}

// head returns the first n bytes of the file at path (fewer when it is
// shorter), nil for anything that is not a readable regular file.
func head(path string, n int) []byte {
	st, err := os.Stat(path)
	if err != nil || !st.Mode().IsRegular() {
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	b, _ := io.ReadAll(io.LimitReader(f, int64(n)))
	return b
}

// jsonHead returns the start of the file at path, without a byte-order
// mark and leading white space, when it starts like JSON holding c ('['
// or '{'); nil otherwise.
func jsonHead(path string, c byte) []byte {
	b := bytes.TrimLeft(bytes.TrimPrefix(head(path, 64<<10), []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(b) == 0 || b[0] != c {
		return nil
	}
	return b
}
