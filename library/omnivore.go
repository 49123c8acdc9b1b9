package library

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/clippings/clippings/archive"
)

// omnivoreItem is one entry of an Omnivore export's metadata_*.json.
type omnivoreItem struct {
	ID          string   `json:"id"`
	Slug        string   `json:"slug"`
	Title       string   `json:"title"`
	Description string   `json:"description"`
	Author      string   `json:"author"`
	URL         string   `json:"url"`
	State       string   `json:"state"`
	Labels      flexList `json:"labels"`
	SavedAt     string   `json:"savedAt"`
	PublishedAt string   `json:"publishedAt"`
}

// omnivoreMeta names Omnivore's metadata files: metadata_0_to_20.json.
var omnivoreMeta = regexp.MustCompile(`(^|/)metadata_(\d+)_to_\d+\.json$`)

// isOmnivore: a zip holding metadata_N_to_M.json files.
func isOmnivore(path string) bool {
	return zipHas(path, func(name string) bool { return omnivoreMeta.MatchString(name) })
}

func readOmnivore(path string) (*source, error) { return readWith(formatOmnivore)(path) }

// zipHas reports whether the file at path is a zip holding a file whose
// name matches.
func zipHas(path string, match func(name string) bool) bool {
	if b := head(path, 4); !bytes.Equal(b, []byte("PK\x03\x04")) {
		return false
	}
	z, err := zip.OpenReader(path)
	if err != nil {
		return false
	}
	defer z.Close()
	for _, f := range z.File {
		if match(f.Name) {
			return true
		}
	}
	return false
}

// zipFiles opens the zip in data and returns its files by name.
func zipFiles(data []byte) (map[string]*zip.File, error) {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("damaged zip: %w", err)
	}
	files := map[string]*zip.File{}
	for _, f := range z.File {
		files[f.Name] = f
	}
	return files, nil
}

// maxZipEntry is the largest file read from inside an export zip.
const maxZipEntry = 64 << 20

// readZipFile reads one file of a zip.
func readZipFile(f *zip.File) ([]byte, error) {
	r, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Name, err)
	}
	defer r.Close()
	b, err := io.ReadAll(io.LimitReader(r, maxZipEntry+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Name, err)
	}
	if len(b) > maxZipEntry {
		return nil, fmt.Errorf("%s: larger than %d MiB", f.Name, maxZipEntry>>20)
	}
	return b, nil
}

// parseOmnivore reads an Omnivore export: the entries of its metadata
// files in the order of their numbers, each with content/SLUG.html (or
// .md) and highlights/SLUG.md beside them.
func parseOmnivore(name string, data []byte) (*source, error) {
	files, err := zipFiles(data)
	if err != nil {
		return nil, err
	}
	var metas []string
	for n := range files {
		if omnivoreMeta.MatchString(n) {
			metas = append(metas, n)
		}
	}
	sort.Slice(metas, func(i, j int) bool { return cursor(metas[i]) < cursor(metas[j]) })
	src := &source{original: original(name, formatOmnivore, data)}
	for _, m := range metas {
		b, err := readZipFile(files[m])
		var list []omnivoreItem
		if err == nil {
			err = json.Unmarshal(b, &list)
		}
		if err != nil {
			src.skipped = append(src.skipped, Skip{Entry: m, Reason: err.Error()})
			continue
		}
		for _, it := range list {
			src.entries = append(src.entries, omnivoreEntry(name, len(src.entries), path.Dir(m), it, files))
		}
	}
	if len(metas) == 0 {
		return nil, fmt.Errorf("no metadata file")
	}
	return src, nil
}

// cursor is the first number of a metadata file's name.
func cursor(name string) int {
	n, _ := strconv.Atoi(omnivoreMeta.FindStringSubmatch(name)[2])
	return n
}

// omnivoreEntry is the entry of one item; dir is the folder of its
// metadata file.
func omnivoreEntry(name string, pos int, dir string, it omnivoreItem, files map[string]*zip.File) entry {
	ref := "item " + firstOf(it.Slug, it.ID, strconv.Itoa(pos+1))
	e := entry{ref: ref, pos: pos, url: it.URL, title: it.Title, tags: it.Labels,
		read: strings.EqualFold(it.State, "archived"), saved: parseTime(it.SavedAt)}
	if f := files[path.Join(dir, "highlights", it.Slug+".md")]; f != nil && it.Slug != "" {
		if b, err := readZipFile(f); err == nil {
			var notes []string
			e.highlights, notes = omnivoreHighlights(string(b))
			e.note = strings.Join(notes, "\n\n")
		}
	}
	m := meta{title: it.Title, url: it.URL, subtitle: it.Description, authors: persons(it.Author),
		published: parseTime(it.PublishedAt), captured: e.saved, fileName: name, format: "Omnivore export, " + ref}
	for _, ext := range []string{".html", ".md"} {
		f := files[path.Join(dir, "content", it.Slug+ext)]
		if f == nil || it.Slug == "" {
			continue
		}
		e.clean = func() (*archive.Article, []archive.Image, error) {
			b, err := readZipFile(f)
			if err != nil {
				return nil, nil, err
			}
			if ext == ".md" {
				return cleanText(it.Slug+ext, b, m)
			}
			return cleanHTML(name, b, m)
		}
		break
	}
	return e
}

// omnivoreHighlights reads an Omnivore highlights file: each highlight a
// quotation ("> passage"), then perhaps its labels (#label) and its
// note, separated by blank lines. Text before any quotation is a note of
// the article.
func omnivoreHighlights(md string) ([]archive.LibraryHighlight, []string) {
	var hs []archive.LibraryHighlight
	var notes []string
	for _, chunk := range strings.Split(strings.ReplaceAll(md, "\r\n", "\n"), "\n\n") {
		chunk = strings.Trim(chunk, "\n")
		switch {
		case strings.TrimSpace(chunk) == "":
		case strings.HasPrefix(chunk, ">"):
			var quote []string
			for _, l := range strings.Split(chunk, "\n") {
				quote = append(quote, strings.TrimPrefix(strings.TrimPrefix(l, ">"), " "))
			}
			hs = append(hs, archive.LibraryHighlight{Exact: strings.TrimSpace(strings.Join(quote, "\n"))})
		case isLabels(chunk) && len(hs) > 0:
		case len(hs) > 0:
			h := &hs[len(hs)-1]
			h.Note = strings.TrimSpace(strings.TrimSpace(h.Note + "\n\n" + chunk))
		default:
			notes = append(notes, strings.TrimSpace(chunk))
		}
	}
	return hs, notes
}

// isLabels reports whether s is only labels: "#one #two".
func isLabels(s string) bool {
	for _, f := range strings.Fields(s) {
		if !strings.HasPrefix(f, "#") || len(f) == 1 {
			return false
		}
	}
	return true
}
