package archive

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/klauspost/compress/zstd"
)

// timeLayout is how times are stored: UTC, milliseconds, fixed width, so
// that text order is time order.
const timeLayout = "2006-01-02T15:04:05.000Z"

// pageTimeLayout is how an article's published and modified times are
// stored: in the page's own time zone, as timeLayout with the offset in
// place of "Z" ("2019-11-19T19:53:52.000-05:00"; a UTC time is written as
// timeLayout writes it). The day the page gives is the one the reader
// sees and cites, and that date filters and facets read from the text's
// start; text order is then the order of the pages' own clocks, hours
// off at most between time zones.
const pageTimeLayout = "2006-01-02T15:04:05.000Z07:00"

// formatTime returns t in the stored layout.
func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

// timeArg returns t as a query argument: NULL when t is zero or outside
// the years 1–9999 the layout can hold (such a date means "unknown").
func timeArg(t time.Time) any {
	if !storable(t) {
		return nil
	}
	return formatTime(t)
}

// storable reports whether t is known and within the years 1–9999 that
// the stored layouts can hold.
func storable(t time.Time) bool {
	y := t.UTC().Year()
	return !t.IsZero() && y >= 1 && y <= 9999
}

// pageTimeArg returns an article's published or modified time as a query
// argument (see pageTimeLayout): NULL when t is zero or outside the years
// 1–9999.
func pageTimeArg(t time.Time) any {
	if !storable(t) {
		return nil
	}
	return t.Format(pageTimeLayout)
}

// parseTime reads a stored time, in either layout; NULL gives the zero
// time.
func parseTime(s sql.NullString) (time.Time, error) {
	if !s.Valid || s.String == "" {
		return time.Time{}, nil
	}
	layout := timeLayout
	if !strings.HasSuffix(s.String, "Z") {
		layout = pageTimeLayout
	}
	t, err := time.Parse(layout, s.String)
	if err != nil {
		return time.Time{}, fmt.Errorf("bad stored time %q: %w", s.String, err)
	}
	return t, nil
}

// encodeJSON returns v as JSON text, "[]" for an empty slice.
func encodeJSON[T any](v []T) (string, error) {
	if len(v) == 0 {
		return "[]", nil
	}
	b, err := json.Marshal(v)
	return string(b), err
}

// decodeJSON reads a JSON list written by encodeJSON; an empty list gives
// nil.
func decodeJSON[T any](s string) ([]T, error) {
	var v []T
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		return nil, err
	}
	if len(v) == 0 {
		return nil, nil
	}
	return v, nil
}

// Encodings of originals.data. New originals are written with zstd;
// archives written before it hold gzip, which is still read.
const (
	encZstd     = "zstd"
	encGzip     = "gzip"
	encIdentity = "identity"
)

// The zstd coder is shared: EncodeAll and DecodeAll may be called from
// many goroutines at once. SpeedDefault compresses the zyte-dev pages
// 2.3× faster than gzip level 4 did, and 4% smaller (ratio 0.202 against
// 0.211; docs/importer-bench.md).
var (
	zstdOnce sync.Once
	zstdEnc  *zstd.Encoder
	zstdDec  *zstd.Decoder
)

func zstdCoders() (*zstd.Encoder, *zstd.Decoder) {
	zstdOnce.Do(func() {
		// Neither fails with these options.
		zstdEnc, _ = zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedDefault))
		zstdDec, _ = zstd.NewReader(nil, zstd.WithDecoderConcurrency(0), zstd.WithDecodeAllCapLimit(true))
	})
	return zstdEnc, zstdDec
}

// pack compresses data with zstd, or keeps it as it is when compressing
// does not make it smaller (already compressed files such as .warc.gz).
func pack(data []byte) (blob []byte, encoding string, err error) {
	enc, _ := zstdCoders()
	blob = enc.EncodeAll(data, make([]byte, 0, len(data)/4+64))
	if len(blob) >= len(data) {
		return nonNil(data), encIdentity, nil
	}
	return blob, encZstd, nil
}

// unpack reverses pack; size is the expected length, and no more than
// size bytes are ever produced (a damaged or hostile blob cannot inflate
// beyond what the row says).
func unpack(blob []byte, encoding string, size int64) ([]byte, error) {
	if size < 0 || size >= 1<<31 {
		return nil, fmt.Errorf("bad stored size %d", size)
	}
	var data []byte
	var err error
	switch encoding {
	case encIdentity:
		data = blob
	case encZstd:
		data, err = unzstd(blob, size)
	case encGzip:
		data, err = gunzip(blob, size)
	default:
		return nil, fmt.Errorf("unknown encoding %q", encoding)
	}
	if err != nil {
		return nil, err
	}
	if int64(len(data)) != size {
		return nil, fmt.Errorf("size %d, want %d", len(data), size)
	}
	return data, nil
}

// unzstd decodes one zstd blob of the given size; the decoder stops at
// that size (WithDecodeAllCapLimit) instead of following the blob.
func unzstd(blob []byte, size int64) ([]byte, error) {
	_, dec := zstdCoders()
	return dec.DecodeAll(blob, make([]byte, 0, size))
}

// gunzip decodes a gzip blob (archives written before zstd), reading at
// most one byte more than size.
func gunzip(blob []byte, size int64) ([]byte, error) {
	r, err := gzip.NewReader(bytes.NewReader(blob))
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	buf.Grow(int(size))
	if _, err := io.Copy(&buf, io.LimitReader(r, size+1)); err != nil {
		return nil, err
	}
	if int64(buf.Len()) > size {
		return buf.Bytes(), nil // the caller reports the size mismatch
	}
	if err := r.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// normSHA returns a SHA-256 as stored: trimmed, lower-case hex.
func normSHA(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// checkSHA reports whether sha (normalised) is the SHA-256 of data.
func checkSHA(sha string, data []byte) error {
	if sha == "" {
		return errors.New("empty sha256")
	}
	sum := sha256.Sum256(data)
	if got := hex.EncodeToString(sum[:]); got != sha {
		return fmt.Errorf("sha256 %s does not match the data (%s)", sha, got)
	}
	return nil
}

// nonNil returns b, or an empty slice for nil: the driver stores a nil
// []byte as NULL, an empty one as an empty blob.
func nonNil(b []byte) []byte {
	if b == nil {
		return []byte{}
	}
	return b
}
