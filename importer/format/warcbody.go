package format

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/http/httputil"
	"strings"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/zstd"
)

// decodeHTTPBody undoes the transfer coding (chunked) and the content
// coding (gzip, x-gzip, deflate, br, zstd) of an HTTP body as a WARC stores
// it. A body marked chunked or compressed but stored decoded, as some
// crawlers do, is taken as it is. A decoded body over max bytes fails with
// ErrTooLarge; a body in another coding is reported as nil.
func decodeHTTPBody(raw []byte, transferEncoding, contentEncoding string, max int64) ([]byte, error) {
	body := raw
	if strings.Contains(strings.ToLower(transferEncoding), "chunked") {
		d, err := io.ReadAll(httputil.NewChunkedReader(bytes.NewReader(raw)))
		if err == nil || errors.Is(err, io.ErrUnexpectedEOF) && len(d) > 0 {
			body = d
		}
	}
	switch strings.ToLower(strings.TrimSpace(contentEncoding)) {
	case "", "identity", "none":
		return body, nil
	case "gzip", "x-gzip":
		if !bytes.HasPrefix(body, []byte{0x1f, 0x8b}) {
			return body, nil
		}
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			return nil, nil
		}
		return decodedBody(zr, max)
	case "deflate":
		if zr, err := zlib.NewReader(bytes.NewReader(body)); err == nil {
			return decodedBody(zr, max)
		}
		return decodedBody(flate.NewReader(bytes.NewReader(body)), max)
	case "br":
		d, err := decodedBody(brotli.NewReader(bytes.NewReader(body)), max)
		if d == nil && err == nil {
			return storedDecoded(body), nil // brotli has no magic number to tell
		}
		return d, err
	case "zstd":
		if !bytes.HasPrefix(body, zstdMagic) {
			return storedDecoded(body), nil
		}
		// The window a frame may ask for is capped too: a hostile frame
		// could otherwise have the decoder allocate far more than max.
		zr, err := zstd.NewReader(bytes.NewReader(body), zstd.WithDecoderConcurrency(1),
			zstd.WithDecoderMaxMemory(uint64(max)), zstd.WithDecoderMaxWindow(uint64(min(max, zstdMaxWindow))))
		if err != nil {
			return nil, nil
		}
		defer zr.Close()
		return decodedBody(zr, max)
	}
	return nil, nil
}

// storedDecoded returns a body marked compressed that does not decode
// when it is an HTML page stored decoded, else nil.
func storedDecoded(body []byte) []byte {
	if looksHTML(body) {
		return body
	}
	return nil
}

// zstdMagic starts every zstd frame.
var zstdMagic = []byte{0x28, 0xb5, 0x2f, 0xfd}

// zstdMaxWindow is the largest window a zstd body may use: web servers use
// 8 MiB at most (RFC 8878 asks clients to accept no more).
const zstdMaxWindow = 32 << 20

// decodedBody reads a decompressing reader, keeping what decodes of a cut
// stream; a stream that fails outright is reported as nil.
func decodedBody(r io.Reader, max int64) ([]byte, error) {
	var buf bytes.Buffer
	n, err := buf.ReadFrom(io.LimitReader(r, max+1))
	switch {
	case n > max, errors.Is(err, zstd.ErrDecoderSizeExceeded), errors.Is(err, zstd.ErrWindowSizeExceeded):
		return nil, tooLarge(max)
	case err == nil:
		return buf.Bytes(), nil
	case errors.Is(err, io.ErrUnexpectedEOF) && n > 0:
		return buf.Bytes(), nil
	}
	return nil, nil
}

// sniffContentType guesses the media type of a body sent without one.
func sniffContentType(body []byte) string {
	return http.DetectContentType(body)
}

// contentTypeCharset returns the charset parameter of a Content-Type.
func contentTypeCharset(ct string) string {
	if _, params, err := mime.ParseMediaType(ct); err == nil {
		return params["charset"]
	}
	_, rest, ok := strings.Cut(strings.ToLower(ct), "charset=")
	if !ok {
		return ""
	}
	cs, _, _ := strings.Cut(rest, ";")
	return strings.Trim(cs, ` "'`)
}
