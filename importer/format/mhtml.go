package format

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"net/textproto"
	"strings"

	"golang.org/x/net/html/charset"
)

// mhtmlPart is one decoded part of an MHTML file.
type mhtmlPart struct {
	mediaType string
	charset   string
	location  string // Content-Location
	id        string // Content-ID without angle brackets
	data      []byte
}

// MHTML reads an MHTML file (.mhtml, .mht) as Chrome, Edge and Internet
// Explorer save it. The error wraps ErrMalformed when the header, the
// boundary or a part is damaged (a cut file ends without its closing
// boundary) and ErrNoPage when no part is HTML.
func MHTML(data []byte) (*Page, error) {
	msg, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("mhtml: header: %w: %v", ErrMalformed, err)
	}
	ct := msg.Header.Get("Content-Type")
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil {
		return nil, fmt.Errorf("mhtml: content-type %q: %w: %v", ct, ErrMalformed, err)
	}
	var parts []mhtmlPart
	switch {
	case strings.HasPrefix(mt, "multipart/"):
		if params["boundary"] == "" {
			return nil, fmt.Errorf("mhtml: %w: missing boundary", ErrMalformed)
		}
		parts, err = readMHTMLParts(msg.Body, params["boundary"])
		if err != nil {
			return nil, err
		}
	case isHTMLType(mt):
		part, err := readMHTMLPart(textproto.MIMEHeader(msg.Header), msg.Body)
		if err != nil {
			return nil, fmt.Errorf("mhtml: body: %w", err)
		}
		parts = []mhtmlPart{part}
	default:
		return nil, fmt.Errorf("mhtml: %w: content-type %q is not multipart", ErrMalformed, mt)
	}
	return mhtmlPage(msg.Header, parts)
}

// readMHTMLParts reads every part of a multipart body.
func readMHTMLParts(body io.Reader, boundary string) ([]mhtmlPart, error) {
	mr := multipart.NewReader(body, boundary)
	var parts []mhtmlPart
	for n := 1; ; n++ {
		p, err := mr.NextRawPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			if len(parts) == 0 && errors.Is(err, io.EOF) {
				return nil, fmt.Errorf("mhtml: %w: no boundary line %q found", ErrMalformed, "--"+boundary)
			}
			return nil, fmt.Errorf("mhtml: part %d: %w: %v", n, ErrMalformed, err)
		}
		part, err := readMHTMLPart(p.Header, p)
		if err != nil {
			return nil, fmt.Errorf("mhtml: part %d: %w", n, err)
		}
		parts = append(parts, part)
	}
	if len(parts) == 0 {
		return nil, fmt.Errorf("mhtml: %w: no parts", ErrNoPage)
	}
	return parts, nil
}

// readMHTMLPart reads one part's body and undoes its transfer encoding.
func readMHTMLPart(h textproto.MIMEHeader, body io.Reader) (mhtmlPart, error) {
	raw, err := io.ReadAll(body)
	if err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			return mhtmlPart{}, fmt.Errorf("%w: unexpected end of file (no closing boundary)", ErrMalformed)
		}
		return mhtmlPart{}, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	part := mhtmlPart{
		mediaType: mediaType(h.Get("Content-Type")),
		location:  strings.TrimSpace(h.Get("Content-Location")),
		id:        strings.Trim(strings.TrimSpace(h.Get("Content-ID")), "<>"),
	}
	if _, params, err := mime.ParseMediaType(h.Get("Content-Type")); err == nil {
		part.charset = params["charset"]
	}
	switch strings.ToLower(strings.TrimSpace(h.Get("Content-Transfer-Encoding"))) {
	case "quoted-printable":
		part.data = decodeQuotedPrintable(raw)
	case "base64":
		part.data, _ = decodeBase64(raw) // keep what decodes of a damaged part
	default: // 7bit, 8bit, binary or none
		part.data = raw
	}
	return part, nil
}

// mhtmlPage picks the main document among parts and makes the Page.
func mhtmlPage(h mail.Header, parts []mhtmlPart) (*Page, error) {
	snapshot := strings.TrimSpace(h.Get("Snapshot-Content-Location"))
	main := -1
	for i, p := range parts {
		if !isHTMLType(p.mediaType) {
			continue
		}
		if main < 0 {
			main = i
		}
		if snapshot != "" && resourceKey(p.location) == resourceKey(snapshot) {
			main = i
			break
		}
	}
	if main < 0 {
		return nil, fmt.Errorf("mhtml: %w: none of %d parts is text/html", ErrNoPage, len(parts))
	}
	m := parts[main]
	page := &Page{
		Format:    FormatMHTML,
		HTML:      m.data,
		Charset:   charsetOr(m.charset, m.data),
		Title:     decodeHeader(h.Get("Subject")),
		URL:       snapshot,
		Resources: make(map[string]Resource, 2*len(parts)),
	}
	if page.URL == "" && !hasPrefixFold(m.location, "cid:") {
		page.URL = m.location
	}
	if d, err := mail.ParseDate(h.Get("Date")); err == nil {
		page.Captured = d
	}
	for i, p := range parts {
		if i == main {
			continue
		}
		if p.location != "" {
			addResource(page.Resources, Resource{URL: p.location, MIME: p.mediaType, Data: p.data})
		}
		if p.id != "" {
			addResource(page.Resources, Resource{URL: "cid:" + p.id, MIME: p.mediaType, Data: p.data})
		}
	}
	return page, nil
}

// decodeHeader decodes RFC 2047 encoded words, in any charset the HTML
// standard knows. A header that does not decode is returned as it is.
func decodeHeader(s string) string {
	d := mime.WordDecoder{CharsetReader: charset.NewReaderLabel}
	if out, err := d.DecodeHeader(s); err == nil {
		return out
	}
	return s
}

// decodeQuotedPrintable decodes with mime/quotedprintable, or with the
// lenient decodeQP when that refuses the input (raw control bytes, "="
// before stray bytes at a line end).
func decodeQuotedPrintable(raw []byte) []byte {
	if out, err := io.ReadAll(quotedprintable.NewReader(bytes.NewReader(raw))); err == nil {
		return out
	}
	return decodeQP(raw)
}

// decodeQP decodes quoted-printable leniently: "=XX" (either case) is a
// byte, "=" before optional blanks and a line end is a soft line break, a
// lone "=" at the end is dropped and any other "=" and byte is kept as is.
func decodeQP(src []byte) []byte {
	dst := make([]byte, 0, len(src))
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c != '=' {
			dst = append(dst, c)
			continue
		}
		j := i + 1
		for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
			j++
		}
		switch {
		case j == len(src):
			i = j - 1
		case src[j] == '\n':
			i = j
		case src[j] == '\r':
			if j+1 < len(src) && src[j+1] == '\n' {
				j++
			}
			i = j
		case i+2 < len(src) && isHex(src[i+1]) && isHex(src[i+2]):
			dst = append(dst, unhex(src[i+1])<<4|unhex(src[i+2]))
			i += 2
		default:
			dst = append(dst, '=')
		}
	}
	return dst
}
