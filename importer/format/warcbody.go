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
)

// decodeHTTPBody undoes the transfer coding (chunked) and the content
// coding (gzip, x-gzip, deflate) of an HTTP body as a WARC stores it. A body
// marked chunked or gzip but stored decoded, as some crawlers do, is taken
// as it is. A decoded body over max bytes fails with ErrTooLarge; a body in
// a coding this package cannot undo (br, zstd) is reported as nil.
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
	}
	return nil, nil
}

// decodedBody reads a decompressing reader, keeping what decodes of a cut
// stream; a stream that fails outright is reported as nil.
func decodedBody(r io.Reader, max int64) ([]byte, error) {
	var buf bytes.Buffer
	n, err := buf.ReadFrom(io.LimitReader(r, max+1))
	switch {
	case n > max:
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
