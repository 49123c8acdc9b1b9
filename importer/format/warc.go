package format

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"net/textproto"
	"strings"
	"time"

	"github.com/nlnwa/gowarc/v3"
)

// warcSlack is what a record may pull from the input beyond MaxRecordSize:
// its header and the read-ahead of the parser's 1 MiB buffer.
const warcSlack = 2 << 20

// WARC reads a .warc or .warc.gz stream (WARC/1.0, 1.1 or 0.17) and
// returns one Page per HTML capture: each response record with HTTP status
// 200 and an HTML payload, and each HTML resource record, in file order,
// with the record's WARC-Target-URI and WARC-Date. The image records of the
// stream are the Resources of every page, one map shared by all. Chunked
// transfer coding and gzip, deflate, br or zstd content coding are undone; revisit,
// request and metadata records are skipped. Nothing is written to disk.
//
// The error wraps ErrTooLarge as soon as a record or decoded body passes
// limits.MaxRecordSize or the decompressed stream passes limits.MaxTotal,
// ErrMalformed for a damaged stream (a truncated record, a bad gzip member,
// bytes that are not a record) and ErrNoPage when no record is an HTML
// page. On ErrMalformed and ErrTooLarge the pages read before the damage
// are returned along with the error.
func WARC(r io.Reader, limits Limits) ([]*Page, error) {
	limits = limits.withDefaults()
	src, err := warcSource(r, limits)
	if err != nil {
		return nil, err
	}
	guard := &recordGuard{r: src, max: limits.MaxRecordSize + warcSlack}
	wr, err := gowarc.NewWarcFileReaderFromStream(guard, 0,
		gowarc.WithBufferMaxMemBytes(limits.MaxRecordSize+warcSlack))
	if err != nil {
		return nil, fmt.Errorf("warc: %w: %v", ErrMalformed, err)
	}
	defer wr.Close()
	w := &warcReader{limits: limits, resources: make(map[string]Resource), seen: make(map[string]bool)}
	for n := 1; ; n++ {
		guard.n = 0
		rec, err := wr.Next()
		if err == io.EOF && rec.WarcRecord == nil && rec.Size == 0 {
			break // a clean end: nothing of a next record was read
		}
		if err == nil {
			err = w.record(rec)
		}
		rec.Close()
		if err != nil {
			return w.pages, fmt.Errorf("warc: record %d: %w", n, guard.explain(src, err))
		}
	}
	if len(w.pages) == 0 {
		return nil, fmt.Errorf("warc: %w: no HTML response record", ErrNoPage)
	}
	return w.pages, nil
}

// warcSource returns the decompressed stream, capped at limits.MaxTotal.
// gzip members (one per record, as a .warc.gz has them) are read in turn.
func warcSource(r io.Reader, limits Limits) (*totalLimit, error) {
	br := bufio.NewReader(r)
	src := &totalLimit{r: br, max: limits.MaxTotal}
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("warc: gzip: %w: %v", ErrMalformed, err)
		}
		src.r = zr
	}
	return src, nil
}

// totalLimit fails with ErrTooLarge once more than max bytes are read.
type totalLimit struct {
	r       io.Reader
	n, max  int64
	tripped bool
	err     error // the last error of r other than EOF
}

func (t *totalLimit) Read(p []byte) (int, error) {
	if t.n >= t.max {
		t.tripped = true
		return 0, ErrTooLarge
	}
	p = p[:min(int64(len(p)), t.max-t.n)]
	n, err := t.r.Read(p)
	t.n += int64(n)
	if err != nil && err != io.EOF {
		t.err = err
	}
	return n, err
}

// recordGuard fails with ErrTooLarge once one record has pulled more than
// max bytes, so that a huge record is refused before it is read whole.
type recordGuard struct {
	r       io.Reader
	n, max  int64
	tripped bool
}

func (g *recordGuard) Read(p []byte) (int, error) {
	if g.n >= g.max {
		g.tripped = true
		return 0, ErrTooLarge
	}
	p = p[:min(int64(len(p)), g.max-g.n)]
	n, err := g.r.Read(p)
	g.n += int64(n)
	return n, err
}

// explain turns an error met on a record into one wrapping a sentinel: a
// limit hit, gzip damage, a truncation, or else ErrMalformed.
func (g *recordGuard) explain(src *totalLimit, err error) error {
	switch {
	case g.tripped:
		return fmt.Errorf("%w: record larger than %d MiB", ErrTooLarge, (g.max-warcSlack)>>20)
	case src.tripped:
		return fmt.Errorf("%w: more than %d MiB once decompressed", ErrTooLarge, src.max>>20)
	case errors.Is(err, ErrMalformed) || errors.Is(err, ErrTooLarge):
		return err
	case src.err != nil:
		return fmt.Errorf("%w: %v", ErrMalformed, src.err)
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		return fmt.Errorf("%w: truncated", ErrMalformed)
	}
	return fmt.Errorf("%w: %v", ErrMalformed, err)
}

// warcReader collects pages and image resources, record by record.
type warcReader struct {
	limits    Limits
	pages     []*Page
	resources map[string]Resource
	seen      map[string]bool // target URI and body hash of pages added
}

// record handles one record: it refuses a damaged one and keeps HTML
// pages and images.
func (w *warcReader) record(rec gowarc.Record) error {
	if err := damaged(rec.Validation); err != nil {
		return err
	}
	wr := rec.WarcRecord
	target := strings.Trim(wr.WarcHeader().Get(gowarc.WarcTargetURI), "<> ")
	var mt, cs string
	var body []byte
	var err error
	switch wr.Type() {
	case gowarc.Response:
		mt, cs, body, err = w.httpPayload(wr.Block())
	case gowarc.Resource:
		ct := wr.WarcHeader().Get(gowarc.ContentType)
		mt, cs = mediaType(ct), contentTypeCharset(ct)
		body, err = readBlock(wr.Block(), w.limits.MaxRecordSize)
	default:
		return nil
	}
	if err != nil || body == nil {
		return err
	}
	switch {
	case isHTMLType(mt):
		w.addPage(target, wr.WarcHeader().Get(gowarc.WarcDate), cs, body)
	case strings.HasPrefix(mt, "image/") && target != "":
		w.resources[resourceKey(target)] = Resource{URL: target, MIME: mt, Data: body}
	}
	return nil
}

// damaged returns ErrMalformed when the parser's findings show the record
// cut short or altered: a block shorter than its Content-Length, no
// Content-Length, no end-of-record marker, a wrong block digest. Other
// findings (a payload digest mismatch, a missing Content-Type, WARC/0.17)
// are common in sound files and are let through.
func damaged(validation []error) error {
	for _, v := range validation {
		var cl *gowarc.ContentLengthError
		var de *gowarc.DigestError
		var hf *gowarc.HeaderFieldError
		switch {
		case errors.As(v, &cl) && cl.Actual < cl.Expected:
			return fmt.Errorf("%w: truncated: %d of %d bytes", ErrMalformed, cl.Actual, cl.Expected)
		case errors.As(v, &hf) && hf.Msg == "missing required field: "+gowarc.ContentLength:
			return fmt.Errorf("%w: truncated: no Content-Length in the header", ErrMalformed)
		case strings.Contains(v.Error(), "too few bytes in end of record marker"):
			// gowarc tells this one in words only
			return fmt.Errorf("%w: truncated: no end-of-record marker", ErrMalformed)
		case errors.As(v, &de) && strings.HasPrefix(v.Error(), "block:"):
			return fmt.Errorf("%w: block digest mismatch, the record is truncated or altered", ErrMalformed)
		}
	}
	return nil
}

// addPage adds an HTML capture unless the same URL with the same bytes was
// already added (crawlers fetch a page twice).
func (w *warcReader) addPage(target, date, charset string, body []byte) {
	sum := sha256.Sum256(body)
	key := target + "\x00" + string(sum[:])
	if w.seen[key] {
		return
	}
	w.seen[key] = true
	w.pages = append(w.pages, &Page{
		Format: FormatWARC, HTML: body, Charset: charsetOr(charset, body),
		URL: target, Captured: warcDate(date), Resources: w.resources,
	})
}

// httpPayload returns the media type, charset and decoded body of an HTTP
// response block with status 200, or a nil body for anything else. The
// header is read from the block's own bytes, since net/http drops
// Transfer-Encoding from the parsed one.
func (w *warcReader) httpPayload(b gowarc.Block) (mt, cs string, body []byte, err error) {
	hb, ok := b.(gowarc.HttpResponseBlock)
	if !ok || hb.HttpStatusCode() != 200 {
		return "", "", nil, nil
	}
	h := httpHeader(hb.ProtocolHeaderBytes())
	mt = mediaType(h.Get("Content-Type"))
	if !isHTMLType(mt) && !strings.HasPrefix(mt, "image/") && mt != "" {
		return "", "", nil, nil
	}
	raw, err := readBlock(hb, w.limits.MaxRecordSize)
	if err != nil {
		return "", "", nil, err
	}
	body, err = decodeHTTPBody(raw, h.Get("Transfer-Encoding"), h.Get("Content-Encoding"), w.limits.MaxRecordSize)
	if err != nil || body == nil {
		return "", "", nil, err
	}
	if mt == "" {
		mt = mediaType(sniffContentType(body))
	}
	return mt, contentTypeCharset(h.Get("Content-Type")), body, nil
}

// httpHeader parses the header fields of an HTTP response head, skipping
// its status line; fields that do not parse are left out.
func httpHeader(head []byte) textproto.MIMEHeader {
	r := textproto.NewReader(bufio.NewReader(bytes.NewReader(head)))
	if _, err := r.ReadLine(); err != nil {
		return textproto.MIMEHeader{}
	}
	h, _ := r.ReadMIMEHeader()
	if h == nil {
		h = textproto.MIMEHeader{}
	}
	return h
}

// readBlock reads a record's payload (a PayloadBlock's payload, else the
// whole block), refusing more than max bytes.
func readBlock(b gowarc.Block, max int64) ([]byte, error) {
	var r io.Reader
	var err error
	if pb, ok := b.(gowarc.PayloadBlock); ok {
		r, err = pb.PayloadBytes()
	} else {
		r, err = b.RawBytes()
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	return readAtMost(r, max)
}

// readAtMost reads r whole, or fails with ErrTooLarge past max bytes.
func readAtMost(r io.Reader, max int64) ([]byte, error) {
	var buf bytes.Buffer
	n, err := buf.ReadFrom(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if n > max {
		return nil, tooLarge(max)
	}
	return buf.Bytes(), nil
}

// tooLarge is the error for a body over max bytes.
func tooLarge(max int64) error {
	return fmt.Errorf("%w: body larger than %d MiB", ErrTooLarge, max>>20)
}

// warcDate parses a WARC-Date; it is zero when the field is missing or bad.
func warcDate(s string) time.Time {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339Nano, "20060102150405", "2006-01-02T15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC()
		}
	}
	return time.Time{}
}
