package format

import (
	"bytes"
	"encoding/binary"
	"errors"
	"strings"
	"testing"
)

// bplistOf builds a binary plist of encoded objects, object 0 on top, with
// 4-byte offsets and object references.
func bplistOf(objs ...[]byte) []byte {
	var b bytes.Buffer
	b.WriteString("bplist00")
	offsets := make([]uint32, len(objs))
	for i, o := range objs {
		offsets[i] = uint32(b.Len())
		b.Write(o)
	}
	table := b.Len()
	for _, o := range offsets {
		binary.Write(&b, binary.BigEndian, o)
	}
	trailer := make([]byte, 32)
	trailer[6], trailer[7] = 4, 4
	binary.BigEndian.PutUint64(trailer[8:], uint64(len(objs)))
	binary.BigEndian.PutUint64(trailer[24:], uint64(table))
	b.Write(trailer)
	return b.Bytes()
}

// arrayOf encodes an array of object references.
func arrayOf(refs ...uint32) []byte {
	var b bytes.Buffer
	b.WriteByte(0xaf)
	b.WriteByte(0x12)
	binary.Write(&b, binary.BigEndian, uint32(len(refs)))
	for _, r := range refs {
		binary.Write(&b, binary.BigEndian, r)
	}
	return b.Bytes()
}

func TestCheckBPlist(t *testing.T) {
	deep := make([][]byte, 100000) // enough to crash the parser's recursion
	for i := range deep[:len(deep)-1] {
		deep[i] = arrayOf(uint32(i + 1))
	}
	deep[len(deep)-1] = arrayOf()
	expanding := make([][]byte, 41) // 2^40 copies of a 1 KiB data object
	for i := range expanding[:40] {
		expanding[i] = arrayOf(uint32(i+1), uint32(i+1))
	}
	expanding[40] = append([]byte{0x4f, 0x11, 0x04, 0x00}, make([]byte, 1024)...)
	for _, tc := range []struct {
		name, msg string
		data      []byte
	}{
		{"deep", "nested too deep", bplistOf(deep...)},
		{"expanding", "expand too far", bplistOf(expanding...)},
		{"cycle", "self-referential", bplistOf(arrayOf(1), arrayOf(0))},
		{"dangling reference", "reference out of range", bplistOf(arrayOf(7))},
		{"cut", "", bplistOf(arrayOf(1), arrayOf())[:60]},
		{"xml", "not a sound binary", []byte(`<?xml version="1.0"?><plist><array></array></plist>`)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := checkBPlist(tc.data)
			if err == nil || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("checkBPlist = %v, want %q", err, tc.msg)
			}
			if _, err := WebArchive(tc.data); !errors.Is(err, ErrMalformed) {
				t.Errorf("WebArchive: err = %v, want ErrMalformed", err)
			}
		})
	}
	t.Run("OK", func(t *testing.T) {
		if err := checkBPlist(bplistOf(arrayOf(1, 1, 2), arrayOf(2), arrayOf())); err != nil {
			t.Errorf("a shared, shallow graph: %v", err)
		}
	})
}
