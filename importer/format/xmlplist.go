package format

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
)

var errXMLPlist = errors.New("not a sound XML property list")

// checkXMLPlist reads the elements of an XML property list (a web archive
// converted with "plutil -convert xml1") as a stream, without recursion,
// and fails when it is not XML, its root is not <plist>, or it nests
// deeper than bplistMaxDepth or holds more than bplistMaxObjects elements:
// the plist parser recurses once per level. An XML list has no shared
// objects, so it cannot expand beyond its size.
func checkXMLPlist(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	depth, n, root := 0, 0, ""
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return errXMLPlist
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if root == "" {
				root = t.Name.Local
			}
			if depth++; depth > bplistMaxDepth {
				return errXMLPlist
			}
			if n++; n > bplistMaxObjects {
				return errXMLPlist
			}
		case xml.EndElement:
			depth--
		}
	}
	if root != "plist" || depth != 0 {
		return errXMLPlist
	}
	return nil
}

// IsXMLWebArchive reports whether head, the start of a file, is an XML
// property list holding a web archive's main resource.
func IsXMLWebArchive(head []byte) bool {
	i := bytes.Index(head, []byte("<plist"))
	return i >= 0 && i < 512 && bytes.Contains(head, []byte("<key>WebMainResource</key>"))
}
