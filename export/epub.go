package export

import (
	"archive/zip"
	"context"
	"crypto/sha256"
	"fmt"
	"hash/crc32"
	"io"
	"strings"

	"github.com/clippings/clippings/archive"
)

// The EPUB 3 book: one XHTML chapter per article (render.go), its images
// and captions, a navigation document as table of contents, a style
// sheet. No script, no remote resource, so that epubcheck finds nothing
// to object to.

const epubMimetype = "application/epub+zip"

const containerXML = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
`

// epubBook is the book being written.
type epubBook struct {
	j        *job
	zw       *zip.Writer
	images   map[string]string // SHA-256 → href from a chapter, "" when left out
	manifest []string          // <item> elements of images
	chapters []string          // chapter file names, in order
	links    localLinks        // exported articles' chapters, by address key
}

// chapterName is the file of the chapter of article i (from 0).
func chapterName(i int) string { return fmt.Sprintf("c%04d.xhtml", i+1) }

func writeEPUB(ctx context.Context, j *job) error {
	bk := &epubBook{j: j, zw: zip.NewWriter(j.out), images: map[string]string{}}
	files := make([]string, len(j.entries))
	for i := range files {
		files[i] = chapterName(i)
	}
	bk.links = newLocalLinks(j.entries, files)
	if err := bk.start(); err != nil {
		return err
	}
	for i, e := range j.entries {
		a, err := j.article(ctx, i)
		if err != nil {
			return err
		}
		if err := bk.chapter(ctx, e, a); err != nil {
			return err
		}
	}
	if err := bk.finish(); err != nil {
		return err
	}
	j.done()
	return bk.zw.Close()
}

// start writes the mimetype (first, stored, without extra fields, as
// OCF requires) and the container document.
func (bk *epubBook) start() error {
	w, err := bk.zw.CreateRaw(&zip.FileHeader{Name: "mimetype", Method: zip.Store,
		CRC32: crc32.ChecksumIEEE([]byte(epubMimetype)), CompressedSize64: uint64(len(epubMimetype)),
		UncompressedSize64: uint64(len(epubMimetype))})
	if err == nil {
		_, err = io.WriteString(w, epubMimetype)
	}
	if err != nil {
		return fmt.Errorf("mimetype: %w", err)
	}
	return bk.file("META-INF/container.xml", containerXML)
}

// file adds a compressed file to the book.
func (bk *epubBook) file(name, content string) error {
	return bk.fileBytes(name, []byte(content))
}

func (bk *epubBook) fileBytes(name string, data []byte) error {
	w, err := bk.zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: bk.j.opt.Now.UTC()})
	if err == nil {
		_, err = w.Write(data)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// chapter writes one article as a chapter.
func (bk *epubBook) chapter(ctx context.Context, e *entry, a *archive.Article) error {
	name := chapterName(len(bk.chapters))
	var body strings.Builder
	if err := renderArticle(ctx, &body, e, a, bk.image, bk.links); err != nil {
		return err
	}
	page := xhtmlPage(title(a), langTag(a.Language), "../style.css", body.String())
	bk.chapters = append(bk.chapters, name)
	return bk.file("OEBPS/text/"+name, page)
}

// image adds a figure's image to the book (once) and returns its href
// from a chapter.
func (bk *epubBook) image(ctx context.Context, a *archive.Article, f archive.Figure) (string, error) {
	if href, ok := bk.images[f.ImageSHA]; ok {
		return href, nil
	}
	p, err := bk.j.picture(ctx, a, f)
	if err != nil || p == nil || !isHex(p.SHA) {
		bk.images[f.ImageSHA] = ""
		return "", err
	}
	id := "img-" + strings.ToLower(p.SHA[:min(16, len(p.SHA))])
	name := "images/" + id[4:] + p.Ext
	if err := bk.fileBytes("OEBPS/"+name, p.Data); err != nil {
		return "", err
	}
	bk.manifest = append(bk.manifest, fmt.Sprintf(`<item id="%s" href="%s" media-type="%s"/>`, id, name, p.MIME))
	bk.images[f.ImageSHA] = "../" + name
	return "../" + name, nil
}

// finish writes the style sheet, the navigation document and the package
// document.
func (bk *epubBook) finish() error {
	if err := bk.file("OEBPS/style.css", styleSheet); err != nil {
		return err
	}
	if err := bk.file("OEBPS/nav.xhtml", bk.nav()); err != nil {
		return err
	}
	return bk.file("OEBPS/content.opf", bk.opf())
}

// nav is the navigation document: the table of contents.
func (bk *epubBook) nav() string {
	var b strings.Builder
	fmt.Fprintf(&b, "<nav epub:type=\"toc\" id=\"toc\">\n<h1>%s</h1>\n<ol>\n", escLine(bk.j.opt.Title))
	for i, e := range bk.j.entries {
		fmt.Fprintf(&b, "<li%s><a href=\"text/%s\">%s</a></li>\n", langAttrs(e.Meta.Language, true), bk.chapters[i], escLine(title(e.Meta)))
	}
	b.WriteString("</ol>\n</nav>\n")
	return xhtmlPage("Contents", bk.language(), "style.css", b.String())
}

// opf is the package document.
func (bk *epubBook) opf() string {
	var b strings.Builder
	lang := bk.language()
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="bookid" xml:lang="%s">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="bookid">urn:uuid:%s</dc:identifier>
<dc:title>%s</dc:title>
<dc:language>%s</dc:language>
%s<meta property="dcterms:modified">%s</meta>
</metadata>
<manifest>
<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="css" href="style.css" media-type="text/css"/>
`, lang, bk.uuid(), escLine(bk.j.opt.Title), lang, bk.creator(), bk.j.opt.Now.UTC().Format("2006-01-02T15:04:05Z"))
	for _, c := range bk.chapters {
		fmt.Fprintf(&b, "<item id=\"%s\" href=\"text/%s\" media-type=\"application/xhtml+xml\"/>\n", strings.TrimSuffix(c, ".xhtml"), c)
	}
	for _, it := range bk.manifest {
		b.WriteString(it + "\n")
	}
	b.WriteString("</manifest>\n<spine")
	if isRTL(lang) {
		b.WriteString(` page-progression-direction="rtl"`)
	}
	b.WriteString(">\n<itemref idref=\"nav\"/>\n")
	for _, c := range bk.chapters {
		fmt.Fprintf(&b, "<itemref idref=\"%s\"/>\n", strings.TrimSuffix(c, ".xhtml"))
	}
	b.WriteString("</spine>\n</package>\n")
	return b.String()
}

// language is the book's language: the most common among its articles.
func (bk *epubBook) language() string { return dominantLanguage(bk.j.entries) }

// creator is the dc:creator element: the researcher who made the book
// (Options.Author), none when not given.
func (bk *epubBook) creator() string {
	if a := escLine(bk.j.opt.Author); a != "" {
		return "<dc:creator>" + a + "</dc:creator>\n"
	}
	return ""
}

// uuid is the book's identifier, derived from its title and articles so
// that the same export gives the same book.
func (bk *epubBook) uuid() string {
	h := sha256.New()
	io.WriteString(h, bk.j.opt.Title)
	for _, e := range bk.j.entries {
		fmt.Fprintf(h, "\x00%s\x00%s", e.Key, e.Meta.OriginalSHA)
	}
	s := h.Sum(nil)
	s[6] = s[6]&0x0f | 0x50 // version 5 (name-based, SHA)
	s[8] = s[8]&0x3f | 0x80 // RFC 4122 variant
	return fmt.Sprintf("%x-%x-%x-%x-%x", s[0:4], s[4:6], s[6:8], s[8:10], s[10:16])
}

// xhtmlPage is an XHTML5 document around body.
func xhtmlPage(title, lang, css, body string) string {
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n")
	b.WriteString(`<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"`)
	if lang != "" {
		fmt.Fprintf(&b, ` xml:lang="%s" lang="%s"%s`, lang, lang, dirAttr(lang))
	}
	fmt.Fprintf(&b, ">\n<head>\n<meta charset=\"UTF-8\"/>\n<title>%s</title>\n", escLine(title))
	fmt.Fprintf(&b, "<link rel=\"stylesheet\" type=\"text/css\" href=\"%s\"/>\n</head>\n<body>\n%s</body>\n</html>\n", css, body)
	return b.String()
}
