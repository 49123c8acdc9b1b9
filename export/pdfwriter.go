package export

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf16"
)

// The PDF file itself: numbered objects written as they are ready (page
// contents and images as the articles are laid out, fonts at the end
// once their subsets are known), then the cross-reference table and the
// trailer. Streams are compressed with Flate.

// pdfFile writes the objects of one PDF file.
type pdfFile struct {
	w       io.Writer
	n       int64   // bytes written
	offsets []int64 // by object number - 1; 0 while not yet written
	err     error
}

func newPDFFile(w io.Writer) *pdfFile {
	f := &pdfFile{w: w}
	f.write("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	return f
}

// write writes s, remembering the first error.
func (f *pdfFile) write(s string) {
	if f.err != nil {
		return
	}
	k, err := io.WriteString(f.w, s)
	f.n += int64(k)
	f.err = err
}

// alloc reserves the number of an object written later.
func (f *pdfFile) alloc() int {
	f.offsets = append(f.offsets, 0)
	return len(f.offsets)
}

// object writes object num with the body dict (or any PDF value).
func (f *pdfFile) object(num int, body string) {
	f.offsets[num-1] = f.n
	f.write(strconv.Itoa(num) + " 0 obj\n" + body + "\nendobj\n")
}

// add writes a new object and returns its number.
func (f *pdfFile) add(body string) int {
	num := f.alloc()
	f.object(num, body)
	return num
}

// stream writes object num as a stream: dict holds the entries besides
// /Length and /Filter (without the << >>); data is compressed.
func (f *pdfFile) stream(num int, dict string, data []byte) {
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestCompression) // a valid level never fails
	zw.Write(data)
	zw.Close()
	f.rawStream(num, dict+" /Filter /FlateDecode", z.Bytes())
}

// rawStream writes object num as a stream of data as it is.
func (f *pdfFile) rawStream(num int, dict string, data []byte) {
	f.offsets[num-1] = f.n
	f.write(fmt.Sprintf("%d 0 obj\n<<%s /Length %d>>\nstream\n", num, dict, len(data)))
	f.write(string(data))
	f.write("\nendstream\nendobj\n")
}

// finish writes the cross-reference table and the trailer.
func (f *pdfFile) finish(root, info int, id string) error {
	start := f.n
	var b strings.Builder
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(f.offsets)+1)
	for i, off := range f.offsets {
		if off == 0 {
			return fmt.Errorf("pdf: object %d was never written", i+1)
		}
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<</Size %d /Root %d 0 R /Info %d 0 R /ID [<%s> <%s>]>>\nstartxref\n%d\n%%%%EOF\n",
		len(f.offsets)+1, root, info, id, id, start)
	f.write(b.String())
	return f.err
}

// ref is an indirect reference to object num.
func ref(num int) string { return strconv.Itoa(num) + " 0 R" }

// pdfText is a text string: PDFDocEncoding's ASCII part as a literal,
// anything else as UTF-16BE with a byte order mark.
func pdfText(s string) string {
	ascii := true
	for _, r := range s {
		if r < 0x20 || r > 0x7e {
			ascii = false
			break
		}
	}
	if ascii {
		return "(" + strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`).Replace(s) + ")"
	}
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

// pdfName is a name object: /Name, with what names cannot hold as #XX.
func pdfName(s string) string {
	var b strings.Builder
	b.WriteByte('/')
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte("#/()<>[]{}%", c) >= 0 {
			fmt.Fprintf(&b, "#%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// num formats a number of points for a content stream: at most two
// decimals, no trailing zeros.
func num(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" || s == "" {
		return "0"
	}
	return s
}

// pdfDate is a date in PDF's format: D:YYYYMMDDHHmmSSZ.
func pdfDateUTC(year, month, day, hour, min, sec int) string {
	return fmt.Sprintf("(D:%04d%02d%02d%02d%02d%02dZ)", year, month, day, hour, min, sec)
}
