// Package importer turns saved web pages into archive captures: it sniffs
// the format of a file, reads it, decodes its character set, finds the
// article in it and cleans that into an *archive.Article (title, standfirst,
// byline, dates, body blocks, figures with caption and credit, related
// links), keeping the original bytes for provenance.
//
// Each format has a reader, and each reader is a pipeline of small named
// steps (see pipeline.go) so that a step can be tested, replaced or added
// alone. There are readers for HTML (also SingleFile and "Web page,
// complete" saves), MHTML, WARC, Safari webarchives, Markdown and plain
// text; the containers are unpacked by package format. README.md explains
// how pages are cleaned.
//
// The importer never opens the database and never imports the GUI.
package importer

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/clippings/clippings/archive"
)

// MaxFileSize is the largest file the importer reads: 64 MiB. Saved pages,
// even "complete" ones with images inlined, are far smaller; a larger file
// is rejected with ErrTooLarge before it is read whole.
const MaxFileSize = 64 << 20

// Errors returned by ReadFile and Extract, wrapped with the file name.
// ErrEmpty and ErrBinary also match ErrNotArticle with errors.Is.
var (
	// ErrNotArticle means the input holds no article that could be read.
	ErrNotArticle = errors.New("no article found")
	// ErrEmpty means the input is empty or only white space.
	ErrEmpty = fmt.Errorf("empty file: %w", ErrNotArticle)
	// ErrBinary means the input is not text (an image, an archive, …).
	ErrBinary = fmt.Errorf("binary file: %w", ErrNotArticle)
	// ErrTooLarge means the input is larger than MaxFileSize.
	ErrTooLarge = fmt.Errorf("file larger than %d MiB", MaxFileSize>>20)
	// ErrUnsupported means the format was recognised but has no reader yet.
	ErrUnsupported = errors.New("unsupported format")
	// ErrJSON means the input is JSON data, not a saved page.
	ErrJSON = fmt.Errorf("json data: %w", ErrNotArticle)
)

// ReadFile reads the saved page at path and extracts its articles with
// Extract. Files over MaxFileSize fail with ErrTooLarge without being read;
// other errors are those of os.Open and Extract. Every error names the
// file. ctx is checked before the file is read and before it is cleaned.
func ReadFile(ctx context.Context, path string) (*archive.Capture, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("import %s: %w", path, err)
	}
	data, err := readLimited(path)
	if err != nil {
		return nil, fmt.Errorf("import %s: %w", path, err)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("import %s: %w", path, err)
	}
	c, err := extractInput(input{name: path, path: path, data: data})
	if err != nil {
		return nil, fmt.Errorf("import %s: %w", filepath.Base(path), err)
	}
	return c, nil
}

// readLimited reads a whole file, refusing one larger than MaxFileSize
// both by its size on disk and by what is actually read.
func readLimited(path string) ([]byte, error) {
	// Look before opening: opening a FIFO blocks until someone writes.
	if st, err := os.Stat(path); err != nil {
		return nil, err
	} else if !st.Mode().IsRegular() {
		if st.IsDir() {
			return nil, fmt.Errorf("is a directory: %w", ErrUnsupported)
		}
		return nil, fmt.Errorf("not a regular file (%s): %w", st.Mode().Type(), ErrUnsupported)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file (%s): %w", st.Mode().Type(), ErrUnsupported)
	}
	if st.Size() > MaxFileSize {
		return nil, ErrTooLarge
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileSize {
		return nil, ErrTooLarge
	}
	return data, nil
}

// Extract sniffs the format of data (by its content; the extension of name
// is only a hint), reads it with the matching reader and cleans the
// article. name is the file's name or path; only its base name is kept.
//
// Errors name the file and wrap ErrTooLarge, ErrEmpty, ErrBinary,
// ErrNotArticle (nothing readable was found) or ErrUnsupported (a format
// with no reader yet).
func Extract(name string, data []byte) (*archive.Capture, error) {
	c, err := extract(name, data)
	if err != nil {
		return nil, fmt.Errorf("import %s: %w", filepath.Base(name), err)
	}
	return c, nil
}

func extract(name string, data []byte) (*archive.Capture, error) {
	return extractInput(input{name: name, data: data})
}

// extractInput sniffs, reads and cleans one input and wraps the result in
// a capture with the original's provenance.
func extractInput(in input) (*archive.Capture, error) {
	if len(in.data) > MaxFileSize {
		return nil, ErrTooLarge
	}
	res, format, err := readInput(in, true)
	if err != nil {
		return nil, err
	}
	sha := in.sha
	if sha == "" {
		sum := sha256.Sum256(in.data)
		sha = hex.EncodeToString(sum[:])
	}
	c := &archive.Capture{Original: archive.Original{
		SHA256: sha,
		Name:   filepath.Base(in.name),
		Format: format,
		Data:   in.data,
	}, Images: res.images}
	for _, a := range res.articles {
		a.URL = NormalizeURL(first(a.URL, a.CaptureURL))
		a.OriginalSHA = c.Original.SHA256
		a.FileName = c.Original.Name
		if a.Format == "" {
			a.Format = format
		}
		if a.Confidence == "" {
			a.Confidence = assess(a)
		}
	}
	c.Articles = res.articles
	return c, nil
}

// readInput sniffs the format of an input and reads it. A gzipped
// document is unwrapped once (unwrap) and read as what it holds.
func readInput(in input, unwrap bool) (*parsed, string, error) {
	format, err := sniff(in.name, in.data)
	if err != nil {
		return nil, "", err
	}
	if format == formatGzip {
		if !unwrap {
			return nil, "", fmt.Errorf("%w: %w", ErrBinary, errNotGzip)
		}
		inner, err := gunzipLimited(in.data, MaxFileSize)
		if err != nil {
			return nil, "", err
		}
		return readInput(input{name: strings.TrimSuffix(in.name, ".gz"), data: inner}, false)
	}
	read, ok := readers[format]
	if !ok {
		return nil, "", fmt.Errorf("%s: %w", format, ErrUnsupported)
	}
	res, err := read(in)
	if err != nil {
		return nil, "", err
	}
	return res, first(res.format, format), nil
}

// input is what a reader reads: the bytes of a file, its name, and its
// path when it was read from disk (a "complete" save also reads the
// NAME_files folder beside it).
type input struct {
	name string
	path string // "" when the bytes did not come from a file
	data []byte
	sha  string // SHA-256 of data when already computed, else ""
}

// parsed is what a reader found in its input.
type parsed struct {
	format   string // the capture's format when the reader tells it better than sniffing ("singlefile"); "" keeps the sniffed one
	articles []*archive.Article
	images   []archive.Image // the images the articles' figures use, each once
}

// A reader turns the bytes of one format into articles. It returns
// ErrNotArticle when it finds none.
type reader func(in input) (*parsed, error)

// readers maps a sniffed format to its reader. Formats that sniff finds
// but that are missing here fail with ErrUnsupported.
var readers = map[string]reader{
	formatText:       readText,
	formatHTML:       readHTML,
	formatMarkdown:   readMarkdown,
	formatMHTML:      readMHTML,
	formatWebArchive: readWebArchive,
	formatWARC:       readWARC,
}
