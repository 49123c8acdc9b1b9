package importer

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/importer/format"
)

// Format names of the containers read by package format.
const (
	formatSingleFile = format.FormatSingleFile
	formatComplete   = format.FormatComplete
)

// maxWARCTotal is the most a WARC file may decompress to: it stops gzip
// bombs long before memory runs out.
const maxWARCTotal = 512 << 20

// readMHTML reads a "Webpage, single file" save (MHTML).
func readMHTML(in input) (*parsed, error) {
	page, err := format.MHTML(in.data)
	if err != nil {
		return nil, containerError(err)
	}
	return readPage(page, formatMHTML)
}

// readWebArchive reads a Safari .webarchive.
func readWebArchive(in input) (*parsed, error) {
	page, err := format.WebArchive(in.data)
	if err != nil {
		return nil, containerError(err)
	}
	return readPage(page, formatWebArchive)
}

// readPage cleans the main document of a container, its images taken
// from the container's resources.
func readPage(page *format.Page, name string) (*parsed, error) {
	return readHTMLSource(htmlSource{Data: page.HTML, Charset: page.Charset, URL: page.URL,
		Captured: page.Captured, Format: name, Page: page})
}

// containerError wraps the error of a container reader: a container
// without an HTML page holds no article.
func containerError(err error) error {
	if errors.Is(err, format.ErrNoPage) {
		return fmt.Errorf("%w: %w", ErrNotArticle, err)
	}
	return err
}

// readWARC reads a WARC file: every HTML page captured in it that reads
// as an article becomes one, with its capture address and date and its
// images from the same file. Pages that are no article (front pages, lists
// of links, error pages) are skipped, unless none is an article: then the
// page with the most text is kept, as the file was picked for it (a
// capture of one page). A file damaged part-way gives the articles of the
// pages read before the damage; one that gives none fails with the reason.
func readWARC(in input) (*parsed, error) {
	pages, werr := format.WARC(bytes.NewReader(in.data), format.Limits{MaxRecordSize: MaxFileSize, MaxTotal: maxWARCTotal})
	var read []*parsed
	for _, page := range pages {
		if p, err := readPage(page, formatWARC); err == nil {
			read = append(read, p)
		}
	}
	res := &parsed{}
	seen := map[string]bool{}
	for _, p := range chooseWARCPages(read) {
		res.articles = append(res.articles, p.articles...)
		for _, im := range p.images {
			if !seen[im.SHA256] {
				seen[im.SHA256] = true
				res.images = append(res.images, im)
			}
		}
	}
	switch {
	case len(res.articles) > 0:
		return res, nil
	case werr != nil:
		return nil, containerError(werr)
	}
	return nil, fmt.Errorf("%w: none of its %d pages holds text", ErrNotArticle, len(pages))
}

// chooseWARCPages returns the pages of a WARC that read as articles, or
// when none does, the one with the most words.
func chooseWARCPages(read []*parsed) []*parsed {
	var chosen []*parsed
	best, bestWords := -1, 0
	for i, p := range read {
		a := p.articles[0]
		if a.Confidence = assess(a); a.Confidence == archive.ConfidenceArticle {
			chosen = append(chosen, p)
		}
		if w, lw, _ := textStats(a); w+lw > bestWords {
			best, bestWords = i, w+lw
		}
	}
	if len(chosen) == 0 && best >= 0 {
		chosen = append(chosen, read[best])
	}
	return chosen
}

// readComplete reads a "Web page, complete" save: NAME.html with its
// images in the NAME_files folder beside it, which only a file on disk
// has. Files outside NAME_files/ are never read.
func readComplete(in input) (*parsed, error) {
	page, err := format.Complete(in.path)
	if err != nil {
		return nil, err
	}
	page.HTML = in.data // the bytes hashed as the original
	res, err := readHTMLSource(htmlSource{Data: in.data, Format: formatComplete, Page: page})
	if err != nil {
		return nil, err
	}
	res.format = formatComplete
	return res, nil
}

// isCompleteSave reports whether the HTML file at path has the resource
// folder of a "Web page, complete" save beside it (NAME_files, as
// browsers name it) that is safe to read: a folder holding a FIFO or a
// device, whose opening could block or never end, is not read at all.
func isCompleteSave(path string) bool {
	if path == "" {
		return false
	}
	dir := strings.TrimSuffix(path, filepath.Ext(path)) + "_files"
	st, err := os.Stat(dir)
	return err == nil && st.IsDir() && !hasSpecialFiles(dir)
}

// maxScanned is how many entries of a resource folder hasSpecialFiles
// looks at; a larger folder is taken as unsafe.
const maxScanned = 20000

// hasSpecialFiles reports whether the folder tree at dir holds anything
// but folders, regular files and symbolic links (which package format
// does not follow out of the page's folder), or more than maxScanned
// entries.
func hasSpecialFiles(dir string) bool {
	n := 0
	special := errors.New("special file")
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if n++; n > maxScanned {
			return special
		}
		if t := d.Type(); t&^(fs.ModeDir|fs.ModeSymlink) != 0 {
			return special
		}
		return nil
	})
	return err != nil
}
