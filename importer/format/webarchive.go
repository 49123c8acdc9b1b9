package format

import (
	"bytes"
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"howett.net/plist"
)

// webResource is one resource of a Safari web archive.
type webResource struct {
	Data     []byte `plist:"WebResourceData"`
	MIME     string `plist:"WebResourceMIMEType"`
	URL      string `plist:"WebResourceURL"`
	Encoding string `plist:"WebResourceTextEncodingName"`
}

// webArchive is a Safari web archive, or one frame of it.
type webArchive struct {
	Main         *webResource  `plist:"WebMainResource"`
	Subresources []webResource `plist:"WebSubresources"`
	Subframes    []webArchive  `plist:"WebSubframeArchives"`
}

// WebArchive reads a Safari .webarchive, a binary property list (or one
// converted to an XML property list, as "plutil -convert xml1" does).
// The main document is WebMainResource; when that is a <frameset>, the
// frame (WebSubframeArchives, at any depth) with the most text is taken
// instead, since the frameset itself holds no article, and Page.URL is that
// frame's URL. Subresources and the documents of the other frames become
// Resources. Web archives carry no capture date, so Captured is zero. The
// error wraps ErrMalformed when data is not a binary property list of that
// shape, or one that nests or expands beyond what a web archive needs
// (checkBPlist, checkXMLPlist).
func WebArchive(data []byte) (*Page, error) {
	var wa webArchive
	if err := decodePlist(data, &wa); err != nil {
		return nil, err
	}
	if wa.Main == nil || (len(wa.Main.Data) == 0 && wa.Main.URL == "") {
		return nil, fmt.Errorf("webarchive: %w: no WebMainResource", ErrMalformed)
	}
	main := *wa.Main
	if !isHTMLType(strings.ToLower(main.MIME)) && !looksHTML(main.Data) {
		return nil, fmt.Errorf("webarchive: %w: main resource is %q", ErrNoPage, main.MIME)
	}
	frames := flattenFrames(wa.Subframes, nil, 0)
	if isFrameset(main.Data) {
		if best := mostText(frames); best >= 0 {
			main, frames[best] = frames[best], main
		}
	}
	page := &Page{
		Format:    FormatWebArchive,
		HTML:      main.Data,
		Charset:   charsetOr(main.Encoding, main.Data),
		URL:       main.URL,
		Resources: make(map[string]Resource),
	}
	addWebResources(page.Resources, wa, 0)
	for _, f := range frames {
		addResource(page.Resources, Resource{URL: f.URL, MIME: strings.ToLower(f.MIME), Data: f.Data})
	}
	delete(page.Resources, resourceKey(main.URL))
	return page, nil
}

// decodePlist unmarshals a property list once checkBPlist (or, for an XML
// one, checkXMLPlist) has found it sound, turning the parser's panics on
// hostile input into ErrMalformed.
func decodePlist(data []byte, v any) (err error) {
	check := checkBPlist
	if !bytes.HasPrefix(data, []byte("bplist")) {
		check = checkXMLPlist
	}
	if err := check(data); err != nil {
		return fmt.Errorf("webarchive: %w: %v", ErrMalformed, err)
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("webarchive: %w: %v", ErrMalformed, r)
		}
	}()
	if _, err := plist.Unmarshal(data, v); err != nil {
		return fmt.Errorf("webarchive: %w: %v", ErrMalformed, err)
	}
	return nil
}

// maxFrameDepth bounds how deep nested frames are followed.
const maxFrameDepth = 16

// flattenFrames appends the main resource of every frame, depth first.
func flattenFrames(frames []webArchive, out []webResource, depth int) []webResource {
	if depth >= maxFrameDepth {
		return out
	}
	for _, f := range frames {
		if f.Main != nil {
			out = append(out, *f.Main)
		}
		out = flattenFrames(f.Subframes, out, depth+1)
	}
	return out
}

// addWebResources adds the subresources of wa and of its frames.
func addWebResources(m map[string]Resource, wa webArchive, depth int) {
	if depth >= maxFrameDepth {
		return
	}
	for _, r := range wa.Subresources {
		addResource(m, Resource{URL: r.URL, MIME: strings.ToLower(r.MIME), Data: r.Data})
	}
	for _, f := range wa.Subframes {
		addWebResources(m, f, depth+1)
	}
}

// mostText returns the index of the HTML frame with the most text, or -1.
func mostText(frames []webResource) int {
	best, bestLen := -1, 0
	for i, f := range frames {
		if !isHTMLType(strings.ToLower(f.MIME)) && !looksHTML(f.Data) {
			continue
		}
		if n := textLen(f.Data); n > bestLen {
			best, bestLen = i, n
		}
	}
	return best
}

// textLen counts the bytes of text, outside scripts and styles, in doc.
func textLen(doc []byte) int {
	z := html.NewTokenizer(bytes.NewReader(doc))
	n, skip := 0, false
	for {
		switch z.Next() {
		case html.ErrorToken:
			return n
		case html.StartTagToken:
			name, _ := z.TagName()
			skip = string(name) == "script" || string(name) == "style"
		case html.EndTagToken:
			skip = false
		case html.TextToken:
			if !skip {
				n += len(bytes.TrimSpace(z.Raw()))
			}
		}
	}
}

// isFrameset reports whether doc is a frameset document.
func isFrameset(doc []byte) bool {
	return bytes.Contains(bytes.ToLower(doc[:min(len(doc), 64<<10)]), []byte("<frameset"))
}

// looksHTML reports whether data starts like an HTML document.
func looksHTML(data []byte) bool {
	head := bytes.ToLower(bytes.TrimSpace(data[:min(len(data), 1024)]))
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html"))
}
