package importer_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/importer"
	"github.com/clippings/clippings/internal/testguard"
)

// body is enough text for a page to hold an article.
var body = "<p>" + strings.Repeat("Fishermen welcomed the new harbour wall, which the council approved on Tuesday. ", 6) + "</p>"

// TestHostileDeepNesting nests elements 100,000 deep, closed and
// unclosed, in the shapes that recursive code trips on.
func TestHostileDeepNesting(t *testing.T) {
	const depth = 100_000
	nest := func(open, closing string, closed bool) []byte {
		var b bytes.Buffer
		b.WriteString("<!DOCTYPE html><html><head><title>Deep</title></head><body>")
		for i := 0; i < depth; i++ {
			b.WriteString(open)
		}
		b.WriteString(body)
		for i := 0; closed && i < depth; i++ {
			b.WriteString(closing)
		}
		b.WriteString("</body></html>")
		return b.Bytes()
	}
	cases := map[string][]byte{
		"div.html":          nest("<div>", "</div>", true),
		"div-unclosed.html": nest("<div>", "", false),
		"span-b-i.html":     nest("<span><b><i>", "</i></b></span>", true),
		"table.html":        nest("<table><tr><td>", "</td></tr></table>", true),
		"list.html":         nest("<ul><li>", "</li></ul>", true),
		"blockquote.html":   nest("<blockquote>", "</blockquote>", true),
		"figure.html":       nest("<figure><figcaption>", "</figcaption></figure>", true),
		"article.html":      nest("<article><section>", "</section></article>", true),
		"quote.md":          []byte("# Deep\n\n" + strings.Repeat("> ", depth) + "text\n\n" + strings.Repeat("Words of the body. ", 40)),
		"list.md":           []byte("# Deep\n\n" + strings.Repeat("  ", depth) + "- item\n\n" + strings.Repeat("Words of the body. ", 40)),
		"brackets.md":       []byte("# Deep\n\n" + strings.Repeat("[", depth) + "x" + strings.Repeat("](y)", depth) + "\n\n" + strings.Repeat("Words. ", 40)),
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) { extract(t, 20*time.Second, name, data) })
	}
}

// TestHostileHugeFile makes 1 GiB files (sparse: they take no disk) with
// page extensions: each must be refused by MaxFileSize without being read.
func TestHostileHugeFile(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for _, ext := range []string{".html", ".mhtml", ".warc", ".webarchive", ".txt", ".html.gz"} {
		path := filepath.Join(dir, "huge"+ext)
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		f.WriteString("<html><body>")
		if err := f.Truncate(1 << 30); err != nil {
			t.Fatal(err)
		}
		f.Close()
		paths = append(paths, path)
	}
	for _, path := range paths {
		var err error
		alloc := testguard.Bounded(t, 5*time.Second, path, func() { _, err = importer.ReadFile(context.Background(), path) })
		if !errors.Is(err, importer.ErrTooLarge) {
			t.Errorf("ReadFile %s: %v, want ErrTooLarge", filepath.Base(path), err)
		}
		if alloc > 16<<20 {
			t.Errorf("ReadFile %s held %d MiB of heap to refuse it", filepath.Base(path), alloc>>20)
		}
	}
	var rep importer.Report
	var err error
	alloc := testguard.Bounded(t, 30*time.Second, "Import", func() {
		rep, err = importer.Import(context.Background(), &memSink{}, []string{dir}, importer.Options{}, nil)
	})
	if err != nil || rep.Failed != len(paths) {
		t.Fatalf("Import of %d huge files: %d failed, %v", len(paths), rep.Failed, err)
	}
	for _, f := range rep.Failures() {
		if !errors.Is(f.Err, importer.ErrTooLarge) || !strings.Contains(f.Err.Error(), filepath.Base(f.Path)) {
			t.Errorf("%s: %v, want ErrTooLarge naming the file", f.Path, f.Err)
		}
	}
	if alloc > 64<<20 {
		t.Errorf("Import held %d MiB of heap to refuse %d huge files", alloc>>20, len(paths))
	}
}

// memSink stores captures in memory.
type memSink struct{ captures []*archive.Capture }

func (s *memSink) AddCapture(ctx context.Context, c *archive.Capture) (archive.AddResult, error) {
	s.captures = append(s.captures, c)
	return archive.AddResult{Outcome: archive.Imported, IDs: []int64{int64(len(s.captures))}}, nil
}

// gzipBomb returns a gzip stream of members, each 1 MiB of the same
// markup: about 1 KiB a member on disk, n MiB decompressed.
func gzipBomb(n int) []byte {
	var member bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&member, gzip.BestCompression)
	chunk := []byte(strings.Repeat("<p>boom</p>", 1<<20/11+1)[:1<<20])
	zw.Write(chunk)
	zw.Close()
	return bytes.Repeat(member.Bytes(), n)
}

// TestHostileGzipBomb decompresses 1 GiB (and 10 GiB) from a small gzip
// file: it must stop at MaxFileSize without holding much more.
func TestHostileGzipBomb(t *testing.T) {
	for _, gib := range []int{1, 10} {
		bomb := append([]byte(nil), gzipBomb(gib<<10)...)
		for _, name := range []string{"bomb.html.gz", "bomb.html", "bomb.warc.gz"} {
			t.Run(fmt.Sprintf("%d GiB %s", gib, name), func(t *testing.T) {
				var err error
				alloc := testguard.Bounded(t, 2*time.Minute, name, func() { _, err = importer.Extract(name, bomb) })
				if !errors.Is(err, importer.ErrTooLarge) && !errors.Is(err, importer.ErrNotArticle) {
					t.Errorf("%s (%d KiB): %v, want ErrTooLarge", name, len(bomb)>>10, err)
				}
				if alloc > 512<<20 {
					t.Errorf("%s: %d MiB of heap held to refuse it", name, alloc>>20)
				}
			})
		}
	}
}

// TestHostileEncoding puts invalid UTF-8, NUL bytes, lying charsets and
// odd byte-order marks in pages: what comes out must be valid UTF-8
// without NUL (checkOutcome), or an error.
func TestHostileEncoding(t *testing.T) {
	bad := "\xff\xfe\xc0\xaf\xed\xa0\x80\xf4\x90\x80\x80\xe2\x82"
	cases := map[string]string{
		"invalid-utf8.html":    "<html><head><meta charset=utf-8><title>Bad " + bad + " title</title></head><body><article><h1>Bad " + bad + "</h1>" + body + "<p>" + bad + strings.Repeat(" harbour "+bad, 30) + "</p></article></body></html>",
		"invalid-utf8.txt":     "Bad " + bad + " title\n\nBy Ana " + bad + "\n\n" + strings.Repeat("The harbour wall "+bad+" was approved. ", 30),
		"nul-in-body.html":     "<html><body><article>" + body + "<p>a\x00b\x00c " + strings.Repeat("harbour\x00 ", 30) + "</p></article></body></html>",
		"nul-in-title.html":    "<html><head><title>A\x00B</title></head><body>" + body + "</body></html>",
		"nul-entity.html":      "<html><head><title>A&#0;B&#xD800;C</title></head><body><article>" + body + "<p>&#0;&#x110000;&#xFFFE;</p></article></body></html>",
		"lying-charset.html":   "<html><head><meta charset=utf-16><title>Lie</title></head><body>" + body + "</body></html>",
		"utf7-charset.html":    "<html><head><meta charset=utf-7><title>+ADw-script+AD4-</title></head><body>" + body + "</body></html>",
		"unknown-charset.html": "<html><head><meta charset=x-no-such-charset><title>T</title></head><body>" + body + "</body></html>",
		"odd-utf16.html":       "\xff\xfe<\x00h\x00t\x00m\x00l\x00>\x00" + "\x00",
		"utf16-body.html":      "\xfe\xff" + utf16BE("<html><body>"+body+"</body></html>"),
		"mixed-bom.html":       "\xef\xbb\xbf\xff\xfe<html><body>" + body + "</body></html>",
		"control-chars.html":   "<html><head><title>\x1b[31mred\x1b[0m\x07\x08</title></head><body>" + body + "<p>\x01\x02\x03\x1b]0;pwned\x07</p></body></html>",
		"bidi.html":            "<html><head><title>\u202egnp.exe</title></head><body>" + body + "</body></html>",
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) { extract(t, 30*time.Second, name, []byte(data)) })
	}
}

func utf16BE(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteByte(byte(r >> 8))
		b.WriteByte(byte(r))
	}
	return b.String()
}

// pngBytes returns a w×h PNG of one colour.
func pngBytes(w, h int, c color.RGBA) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{c.R, c.G + uint8(x), c.B + uint8(y), 255})
		}
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}

// TestHostileHugeAttributes feeds huge attributes and data: URIs: a
// 20 MB attribute, a 30 MB data: URI (over MaxImageSize), 5,000 distinct
// small images as data: URIs, a million entities.
func TestHostileHugeAttributes(t *testing.T) {
	big := base64.StdEncoding.EncodeToString(bytes.Repeat([]byte{0x89, 'P', 'N', 'G'}, 30<<20/4))
	var many strings.Builder
	for i := 0; i < 5000; i++ {
		im := pngBytes(48, 48, color.RGBA{uint8(i), uint8(i >> 8), 7, 255})
		fmt.Fprintf(&many, "<figure><img src=\"data:image/png;base64,%s\"><figcaption>Photo %d</figcaption></figure>", base64.StdEncoding.EncodeToString(im), i)
	}
	cases := map[string]string{
		"attribute.html":   "<html><body><article><div data-x=\"" + strings.Repeat("A", 20<<20) + "\">" + body + "</div></article></body></html>",
		"data-uri.html":    "<html><body><article><figure><img src=\"data:image/png;base64," + big + "\"><figcaption>Big</figcaption></figure>" + body + "</article></body></html>",
		"many-images.html": "<html><body><article>" + many.String() + body + "</article></body></html>",
		"entities.html":    "<html><body><article><p title=\"" + strings.Repeat("&amp;", 1_000_000) + "\">" + strings.Repeat("&lt;", 1_000_000) + "</p>" + body + "</article></body></html>",
		"long-word.html":   "<html><body><article><p>" + strings.Repeat("x", 10<<20) + "</p>" + body + "</article></body></html>",
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) { extract(t, 3*time.Minute, name, []byte(data)) })
	}
}

func mustWriteFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
