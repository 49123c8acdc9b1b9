// Package importer turns saved web pages into archive captures: it sniffs
// the format of a file, reads it, decodes its character set, finds the
// article in it and cleans that into an *archive.Article (title, standfirst,
// byline, dates, body blocks, figures with caption and credit, related
// links), keeping the original bytes for provenance.
//
// Each format has a reader, and each reader is a pipeline of small named
// steps (see pipeline.go) so that a step can be tested, replaced or added
// alone. The readers so far are plain text ("text") and HTML ("html");
// README.md explains how pages are cleaned.
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
	return Extract(path, data)
}

// readLimited reads a whole file, refusing one larger than MaxFileSize
// both by its size on disk and by what is actually read.
func readLimited(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, fmt.Errorf("is a directory: %w", ErrUnsupported)
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
	if len(data) > MaxFileSize {
		return nil, ErrTooLarge
	}
	format, err := sniff(name, data)
	if err != nil {
		return nil, err
	}
	read, ok := readers[format]
	if !ok {
		return nil, fmt.Errorf("%s: %w", format, ErrUnsupported)
	}
	arts, err := read(data)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	c := &archive.Capture{Original: archive.Original{
		SHA256: hex.EncodeToString(sum[:]),
		Name:   filepath.Base(name),
		Format: format,
		Data:   data,
	}}
	for _, a := range arts {
		a.OriginalSHA = c.Original.SHA256
		a.FileName = c.Original.Name
		if a.Format == "" {
			a.Format = format
		}
	}
	c.Articles = arts
	return c, nil
}

// A reader turns the bytes of one format into articles. It returns
// ErrNotArticle when it finds none.
type reader func(data []byte) ([]*archive.Article, error)

// readers maps a sniffed format to its reader. Formats that sniff finds
// but that are missing here fail with ErrUnsupported.
var readers = map[string]reader{
	formatText: readText,
	formatHTML: readHTML,
}
