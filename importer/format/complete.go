package format

import (
	"bytes"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"golang.org/x/net/html"
)

// maxCompleteRefs bounds how many distinct local files one page may pull.
const maxCompleteRefs = 10000

// Complete reads a "Web page, complete" save: the HTML file at htmlPath
// (NAME.html) and the local files its tags reference (src, srcset, poster,
// data-src, <link href>, url() in style attributes) in its NAME_files/
// folder, the one a browser saves them to. Files are read only from inside
// that folder, through an os.Root: other files beside the page or in other
// folders, a reference with "..", an absolute path, a URL with a scheme or
// a symlink that leads out of the folder are never opened. Missing files are
// skipped, as real saves often lack some; so are files over
// DefaultMaxRecordSize, and files once DefaultMaxTotal bytes are read.
// Resources are keyed by their clean path below the folder
// ("NAME_files/a.jpg"); Page.URL comes from the "saved from url" mark or
// SingleFile's comment. The error is that of reading htmlPath, or wraps
// ErrTooLarge when the HTML file is over DefaultMaxRecordSize.
func Complete(htmlPath string) (*Page, error) {
	doc, err := readFileAtMost(htmlPath, DefaultMaxRecordSize)
	if err != nil {
		return nil, fmt.Errorf("complete %s: %w", htmlPath, err)
	}
	page := HTML(doc)
	page.Format = FormatComplete
	files := strings.TrimSuffix(filepath.Base(htmlPath), filepath.Ext(htmlPath)) + "_files"
	root, err := os.OpenRoot(filepath.Join(filepath.Dir(htmlPath), files))
	if errors.Is(err, os.ErrNotExist) {
		return page, nil
	}
	if err != nil {
		return nil, fmt.Errorf("complete %s: %w", htmlPath, err)
	}
	defer root.Close()
	var total int64
	for _, ref := range localRefs(doc) {
		key, ok := localKey(ref)
		if !ok {
			continue
		}
		name, inside := strings.CutPrefix(key, files+"/")
		if _, done := page.Resources[key]; done || !inside || total > DefaultMaxTotal {
			continue
		}
		data, err := readRootFile(root, name, DefaultMaxRecordSize)
		if err != nil {
			continue // missing, refused by the root, or too large
		}
		total += int64(len(data))
		page.Resources[key] = Resource{URL: key, MIME: fileMIME(key, data), Data: data}
	}
	return page, nil
}

// readFileAtMost reads the file at name, failing with ErrTooLarge past max
// bytes without reading it whole.
func readFileAtMost(name string, max int64) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > max {
		return nil, fmt.Errorf("%w: %d MiB, more than %d MiB", ErrTooLarge, st.Size()>>20, max>>20)
	}
	return readAtMost(f, max)
}

// readRootFile reads the regular file at the slash-separated name below
// root; os.Root refuses names and symlinks that lead out of it. A file
// over max bytes is refused from its size, unread.
func readRootFile(root *os.Root, name string, max int64) ([]byte, error) {
	// Stat first: opening a FIFO or a device would block or read forever,
	// and a huge file is refused without reading it.
	if st, err := root.Stat(filepath.FromSlash(name)); err != nil {
		return nil, err
	} else if !st.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	} else if st.Size() > max {
		return nil, tooLarge(max)
	}
	f, err := root.Open(filepath.FromSlash(name))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	return readAtMost(f, max)
}

// fileMIME returns the media type of a local file, from its extension or
// else from its first bytes.
func fileMIME(name string, data []byte) string {
	if mt := mediaType(mime.TypeByExtension(strings.ToLower(path.Ext(name)))); mt != "" {
		return mt
	}
	return mediaType(http.DetectContentType(data))
}

// refAttrs are the attributes whose values are resource references.
var refAttrs = map[string]bool{
	"src": true, "srcset": true, "poster": true, "data-src": true, "data-srcset": true,
	"data-original": true, "data-lazy-src": true, "xlink:href": true,
}

var cssURLRE = regexp.MustCompile(`url\(\s*['"]?([^'")]+)['"]?\s*\)`)

// localRefs lists the references in doc's tags that may be local files.
func localRefs(doc []byte) []string {
	var refs []string
	z := html.NewTokenizer(bytes.NewReader(doc))
	for len(refs) < maxCompleteRefs {
		tt := z.Next()
		if tt == html.ErrorToken {
			return refs // io.EOF, or a tokenizer error past which nothing is read
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, more := z.TagName()
		for more {
			var k, v []byte
			k, v, more = z.TagAttr()
			refs = appendRefs(refs, string(name), string(k), string(v))
		}
	}
	return refs
}

// appendRefs appends the references one attribute holds.
func appendRefs(refs []string, tag, attr, value string) []string {
	switch {
	case strings.HasSuffix(attr, "srcset"):
		for _, cand := range strings.Split(value, ",") {
			if f := strings.Fields(cand); len(f) > 0 {
				refs = append(refs, f[0])
			}
		}
	case refAttrs[attr] || attr == "href" && (tag == "link" || tag == "image"):
		refs = append(refs, value)
	case attr == "style":
		for _, m := range cssURLRE.FindAllStringSubmatch(value, -1) {
			refs = append(refs, m[1])
		}
	}
	return refs
}
