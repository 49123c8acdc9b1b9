package importer

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/importer/format"
)

// sharedCorpus is the shared, read-only corpus, relative to this package.
const sharedCorpus = "../../shared/corpus"

// seedPage and seedExpected are the plain-text seed and what must be
// found in it.
var (
	seedPage     = filepath.Join(sharedCorpus, "seed", "china-backs-second-kim-trump-summit.txt")
	seedExpected = filepath.Join(sharedCorpus, "seed", "expected.json")
)

// readShared reads a file of the shared corpus, skipping the test when the
// shared folder is not there (a checkout of the repository alone).
func readShared(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("shared corpus not found (%s): run inside the project workspace to test on it", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// mustExtract extracts data and returns its only article.
func mustExtract(t testing.TB, name string, data []byte) *archive.Article {
	t.Helper()
	c, err := Extract(name, data)
	if err != nil {
		t.Fatalf("Extract(%s): %v", name, err)
	}
	if got, want := len(c.Articles), 1; got != want {
		t.Fatalf("Extract(%s) gave %d articles, want %d", name, got, want)
	}
	return c.Articles[0]
}

// expectation is the shape of the seed's expected.json (the fields the
// plain-text seed uses).
type expectation struct {
	Title          string   `json:"title"`
	Standfirst     string   `json:"subtitle"`
	Headings       []string `json:"headings"`
	Captions       []string `json:"captions"`
	TextStartsWith string   `json:"text_starts_with"`
	TextEndsWith   string   `json:"text_ends_with"`
	TextContains   []string `json:"text_contains"`
	TextExcludes   []string `json:"text_excludes"`
}

// inOrder reports whether every string of want appears in got, in order.
func inOrder(want, got []string) bool {
	i := 0
	for _, w := range want {
		for i < len(got) && foldSpace(got[i]) != foldSpace(w) {
			i++
		}
		if i == len(got) {
			return false
		}
		i++
	}
	return true
}

func TestExtractSeed(t *testing.T) {
	data := readShared(t, seedPage)
	var want expectation
	if err := json.Unmarshal(readShared(t, seedExpected), &want); err != nil {
		t.Fatal(err)
	}
	a := mustExtract(t, seedPage, data)
	text := foldSpace(a.Text())

	if got := a.Title; got != want.Title {
		t.Errorf("title = %q, want %q", got, want.Title)
	}
	if got := a.Standfirst; got != want.Standfirst {
		t.Errorf("subtitle = %q, want %q", got, want.Standfirst)
	}
	if got := a.Headings(); !inOrder(want.Headings, got) {
		t.Errorf("headings = %q, want %q in order", got, want.Headings)
	}
	var captions []string
	for _, f := range a.Figures {
		captions = append(captions, f.Caption)
		if f.Image != "" {
			t.Errorf("figure %q has image %q, want none", f.Caption, f.Image)
		}
	}
	if !inOrder(want.Captions, captions) {
		t.Errorf("captions = %q, want %q in order", captions, want.Captions)
	}
	if !strings.HasPrefix(text, foldSpace(want.TextStartsWith)) {
		t.Errorf("text starts %q, want %q", text[:min(len(text), 80)], want.TextStartsWith)
	}
	if !strings.HasSuffix(text, foldSpace(want.TextEndsWith)) {
		t.Errorf("text ends %q, want %q", text[max(0, len(text)-80):], want.TextEndsWith)
	}
	for _, s := range want.TextContains {
		if !strings.Contains(text, foldSpace(s)) {
			t.Errorf("text lacks %q", s)
		}
	}
	for _, s := range want.TextExcludes {
		if strings.Contains(text, foldSpace(s)) {
			t.Errorf("text holds %q", s)
		}
	}
	refs := 0
	for _, b := range a.Blocks {
		if b.Kind == archive.FigureRef {
			refs++
		}
	}
	if got, want := refs, len(a.Figures); got != want {
		t.Errorf("%d figure blocks, want one per figure (%d)", got, want)
	}
}

func TestExtractProvenance(t *testing.T) {
	data := readShared(t, seedPage)
	c, err := Extract("/some/folder/"+filepath.Base(seedPage), data)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	o := c.Original
	if got, want := o.SHA256, hex.EncodeToString(sum[:]); got != want {
		t.Errorf("SHA256 = %s, want %s", got, want)
	}
	if got, want := o.Name, filepath.Base(seedPage); got != want {
		t.Errorf("Name = %q, want %q", got, want)
	}
	if got, want := o.Format, "text"; got != want {
		t.Errorf("Format = %q, want %q", got, want)
	}
	if got, want := string(o.Data), string(data); got != want {
		t.Error("Data differs from the input")
	}
	a := c.Articles[0]
	if a.OriginalSHA != o.SHA256 || a.FileName != o.Name || a.Format != o.Format {
		t.Errorf("article provenance = %q %q %q, want %q %q %q", a.OriginalSHA, a.FileName, a.Format, o.SHA256, o.Name, o.Format)
	}
}

func TestExtractErrors(t *testing.T) {
	png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), make([]byte, 64)...)
	tests := []struct {
		name string
		data string
		want error
	}{
		{"Empty", "", ErrEmpty},
		{"Blank", " \n\t\r\n  ", ErrEmpty},
		{"Binary", string(png), ErrBinary},
		{"Gzip", "\x1f\x8b\x08\x00\x00\x00\x00\x00", ErrBinary},
		{"NoText", "<html><head><title></title></head><body><script>var x = 1;</script></body></html>", ErrNotArticle},
		{"TitleOnly", "Just a title\n", ErrNotArticle},
		{"Webarchive", "bplist00\xd1\x01\x02", format.ErrMalformed},
		{"MHTMLNoPart", "From: <Saved by Blink>\nMIME-Version: 1.0\nContent-Type: multipart/related; boundary=x\n\n--x\n", ErrNotArticle},
		{"WARC", "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 900\r\n\r\nHTTP/1.1 200 OK\r\n", format.ErrMalformed},
		{"JSON", `[{"title": "x"}]`, ErrJSON},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Extract("dir/page.bin", []byte(tt.data))
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if c != nil {
				t.Error("capture returned with an error")
			}
			if !strings.Contains(err.Error(), "page.bin") {
				t.Errorf("error %q does not name the file", err)
			}
		})
	}
	t.Run("NotArticleFamily", func(t *testing.T) {
		for _, err := range []error{ErrEmpty, ErrBinary} {
			if !errors.Is(err, ErrNotArticle) {
				t.Errorf("%v does not match ErrNotArticle", err)
			}
		}
	})
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()

	t.Run("OK", func(t *testing.T) {
		path := filepath.Join(dir, "note.txt")
		text := "A title\n\nA standfirst for the note\n\nThe body of the note, which is a sentence.\n\nAnd a second one.\n"
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		c, err := ReadFile(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := c.Articles[0].Title, "A title"; got != want {
			t.Errorf("title = %q, want %q", got, want)
		}
	})
	t.Run("ErrTooLarge", func(t *testing.T) {
		path := filepath.Join(dir, "huge.html")
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		// A sparse file: it takes no room, and ReadFile must refuse it
		// from its size without reading it.
		if err := f.Truncate(MaxFileSize + 1); err != nil {
			t.Fatal(err)
		}
		f.Close()
		_, err = ReadFile(ctx, path)
		if !errors.Is(err, ErrTooLarge) {
			t.Fatalf("err = %v, want ErrTooLarge", err)
		}
		if !strings.Contains(err.Error(), "huge.html") {
			t.Errorf("error %q does not name the file", err)
		}
	})
	t.Run("ErrNotExist", func(t *testing.T) {
		_, err := ReadFile(ctx, filepath.Join(dir, "missing.html"))
		if !errors.Is(err, os.ErrNotExist) {
			t.Fatalf("err = %v, want os.ErrNotExist", err)
		}
	})
	t.Run("Cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(ctx)
		cancel()
		if _, err := ReadFile(ctx, filepath.Join(dir, "note.txt")); !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v, want context.Canceled", err)
		}
	})
}

func TestSniff(t *testing.T) {
	tests := []struct {
		name, file, data, want string
	}{
		{"Doctype", "a.txt", "<!DOCTYPE html><html><body><p>x</p></body></html>", formatHTML},
		{"SavedFrom", "a", "<!-- saved from url=(0022)http://example.com/ -->\n<html><p>x</p></html>", formatHTML},
		{"BOMHTML", "a", "\ufeff<html lang=en><p>x</p>", formatHTML},
		{"Fragment", "a.html", "Some text <p>and a paragraph</p>", formatHTML},
		{"TextMentioningTags", "a.txt", "Use the <p> tag for paragraphs.\n\nThat is all.", formatText},
		{"Text", "a", "A title\n\nSome text.", formatText},
		{"Markdown", "a", "# Title\n\nSome **bold** text and a [link](https://example.com/).", formatMarkdown},
		{"FrontMatter", "a", "---\ntitle: x\n---\nText", formatMarkdown},
		{"MarkdownByName", "a.md", "Plain words only.", formatMarkdown},
		{"MHTML", "a", "From: <Saved by Blink>\nMIME-Version: 1.0\nContent-Type: multipart/related;\n", formatMHTML},
		{"WARC", "a", "WARC/1.0\r\nWARC-Type: warcinfo\r\n", formatWARC},
		{"Webarchive", "a", "bplist00...", formatWebArchive},
		{"XMLWebarchive", "a", "<?xml version=\"1.0\"?>\n<plist version=\"1.0\">\n<dict>\n\t<key>WebMainResource</key>", formatWebArchive},
		{"XMLWebarchiveByName", "a.webarchive", "<?xml version=\"1.0\"?>\n<plist version=\"1.0\">\n<dict>\n\t<key>WebSubresources</key>", formatWebArchive},
		{"XMLPlist", "a.plist", "<?xml version=\"1.0\"?>\n<plist version=\"1.0\">\n<dict>\n\t<key>Name</key>", formatText},
		{"Latin1Text", "a", "Caf\xe9 cr\xe8me\n\nUn caf\xe9, s'il vous pla\xeet.", formatText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := sniff(tt.file, []byte(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("sniff = %q, want %q", got, tt.want)
			}
		})
	}
}
