package archive

import (
	"bytes"
	"compress/gzip"
	"crypto/rand"
	"strings"
	"testing"
)

func TestPackRoundTrip(t *testing.T) {
	t.Parallel()
	noise := make([]byte, 4096)
	if _, err := rand.Read(noise); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, data, enc string
	}{
		{"html", strings.Repeat("<p>The minister said the talks would resume.</p>\n", 400), encZstd},
		{"incompressible", string(noise), encIdentity},
		{"one byte", "x", encIdentity},
	} {
		t.Run(tc.name, func(t *testing.T) {
			blob, enc, err := pack([]byte(tc.data))
			if err != nil {
				t.Fatal(err)
			}
			if enc != tc.enc {
				t.Errorf("encoding %q, want %q", enc, tc.enc)
			}
			if enc == encZstd && len(blob) >= len(tc.data)/4 {
				t.Errorf("packed %d bytes into %d: hardly compressed", len(tc.data), len(blob))
			}
			got, err := unpack(blob, enc, int64(len(tc.data)))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, []byte(tc.data)) {
				t.Error("unpack does not give back the data")
			}
		})
	}
}

// Archives written before zstd hold gzip originals; they must still read.
func TestUnpackGzip(t *testing.T) {
	t.Parallel()
	data := []byte(strings.Repeat("older archives hold gzip ", 100))
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(data)
	w.Close()
	got, err := unpack(buf.Bytes(), encGzip, int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, data) {
		t.Error("gzip blob does not read back")
	}
}

// A blob that holds more (or less) than its row says is refused without
// inflating past the stated size: a damaged or hostile archive cannot
// make the reader allocate what the blob asks for.
func TestUnpackRefusesWrongSize(t *testing.T) {
	t.Parallel()
	data := bytes.Repeat([]byte{'a'}, 1<<20)
	zblob, enc, err := pack(data)
	if err != nil || enc != encZstd {
		t.Fatalf("pack: %v, %q", err, enc)
	}
	var gbuf bytes.Buffer
	w := gzip.NewWriter(&gbuf)
	w.Write(data)
	w.Close()
	for _, tc := range []struct {
		name, enc string
		blob      []byte
		size      int64
	}{
		{"zstd larger than its row", encZstd, zblob, 1000},
		{"zstd smaller than its row", encZstd, zblob, 2 << 20},
		{"gzip larger than its row", encGzip, gbuf.Bytes(), 1000},
		{"identity of another size", encIdentity, data, 10},
		{"negative size", encZstd, zblob, -1},
		{"unknown encoding", "brotli", zblob, 1 << 20},
		{"garbage", encZstd, []byte("not zstd at all"), 15},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := unpack(tc.blob, tc.enc, tc.size)
			if err == nil {
				t.Fatalf("no error; got %d bytes", len(got))
			}
			if tc.size >= 0 && int64(cap(got)) > tc.size+1 {
				t.Errorf("allocated %d bytes for a row of %d", cap(got), tc.size)
			}
		})
	}
}
