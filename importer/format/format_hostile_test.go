package format

// Hostile input for the container readers, beside what their own tests
// cover: special files and huge files in a NAME_files folder, symlink
// loops, gzip bombs in WARC records, MHTML with very many or deeply
// nested parts. Nothing may hang, read a file outside the page's folder
// or hold much more memory than its limits.

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/clippings/clippings/internal/testguard"
)

// TestHostileWARCBomb reads WARC files that decompress to 1 or 2 GiB,
// with the default limits: the reading must stop at a limit with
// ErrTooLarge, without holding the whole. Under the race detector the
// whole-file bomb stops at 64 MiB instead of the default 1 GiB: reading
// 1 GiB takes 5 s, but over two minutes there.
func TestHostileWARCBomb(t *testing.T) {
	var member bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&member, gzip.BestCompression)
	zw.Write(bytes.Repeat([]byte("<p>boom</p>"), 1<<20/11))
	zw.Close()
	bomb := bytes.Repeat(member.Bytes(), 1024) // 1 GiB of markup
	body := httpResponse(200, bomb, "Content-Type: text/html", "Content-Encoding: gzip")
	record := warcRecord("response", "https://example.org/", "application/http; msgtype=response", body)
	for name, data := range map[string][]byte{
		"content-encoding bomb": record,
		"gzipped-record bomb":   gzipped(record),
		"whole-file gzip bomb":  bytes.Repeat(gzipMembers(warcRecord("resource", "https://example.org/x", "text/html", bytes.Repeat([]byte("<p>x</p>"), 1<<17))), 2048),
	} {
		t.Run(name, func(t *testing.T) {
			var lim Limits
			if testguard.Race {
				lim.MaxTotal = 64 << 20
			}
			var err error
			alloc := testguard.Bounded(t, 2*time.Minute, name, func() { _, err = WARC(bytes.NewReader(data), lim) })
			if !errors.Is(err, ErrTooLarge) && !errors.Is(err, ErrMalformed) {
				t.Errorf("%s (%d KiB): err = %v, want ErrTooLarge", name, len(data)>>10, err)
			}
			t.Logf("%s: peak heap %d MiB", name, alloc>>20)
			if alloc > 768<<20 {
				t.Errorf("%s: %d MiB of heap held", name, alloc>>20)
			}
		})
	}
}

// TestHostileMHTMLParts reads MHTML with 100,000 parts, with parts nested
// 10,000 deep, and with a 10 MB header line.
func TestHostileMHTMLParts(t *testing.T) {
	head := "MIME-Version: 1.0\r\nContent-Type: multipart/related; type=\"text/html\"; boundary=\"B\"\r\n\r\n"
	var many strings.Builder
	many.WriteString(head + "--B\r\nContent-Type: text/html\r\n\r\n<p>main</p>\r\n")
	for i := 0; i < 100_000; i++ {
		fmt.Fprintf(&many, "--B\r\nContent-Type: image/png\r\nContent-Location: https://x.org/%d.png\r\n\r\nPNG\r\n", i)
	}
	many.WriteString("--B--\r\n")
	var nested strings.Builder
	nested.WriteString("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"B0\"\r\n\r\n")
	for i := 0; i < 10_000; i++ {
		fmt.Fprintf(&nested, "--B%d\r\nContent-Type: multipart/related; boundary=\"B%d\"\r\n\r\n", i, i+1)
	}
	nested.WriteString("--B10000\r\nContent-Type: text/html\r\n\r\n<p>deep</p>\r\n")
	long := head + "--B\r\nContent-Type: text/html\r\nX-Long: " + strings.Repeat("a", 10<<20) + "\r\n\r\n<p>x</p>\r\n--B--"
	for name, data := range map[string]string{"many parts": many.String(), "nested parts": nested.String(), "long header": long} {
		t.Run(name, func(t *testing.T) {
			var p *Page
			var err error
			testguard.Bounded(t, time.Minute, name, func() { p, err = MHTML([]byte(data)) })
			checkResult(t, p, err)
		})
	}
}
