package format

import (
	"bytes"
	"encoding/binary"
	"errors"
)

// Bounds checkBPlist puts on a binary property list before it is decoded:
// the plist parser recurses once per nesting level (a deep file crashes the
// process with a stack overflow) and its unmarshaller copies a shared object
// once per reference (a small file can expand without end). Safari's web
// archives are far inside them: a few hundred objects, nested two levels
// per frame.
const (
	bplistMaxObjects = 1 << 20
	bplistMaxDepth   = 64
	bplistSlack      = 1 << 20 // expanded bytes allowed beyond 4 × the file
)

var errBPlist = errors.New("not a sound binary property list")

// bplist is a binary property list's object table.
type bplist struct {
	data           []byte
	offSize, refSz int
	n, table       uint64
}

// checkBPlist walks the object graph of a binary property list without
// recursion and fails when it is damaged, holds a cycle, nests deeper than
// bplistMaxDepth or would expand, shared objects copied once per
// reference, to more than four times its size.
func checkBPlist(data []byte) error {
	p, top, err := readBPlistTrailer(data)
	if err != nil {
		return err
	}
	const (
		unseen = iota
		open
		done
	)
	state := make([]uint8, p.n)
	depth := make([]uint8, p.n)
	size := make([]uint64, p.n)
	type frame struct {
		obj, next uint64
	}
	stack := []frame{{obj: top}}
	state[top] = open
	for len(stack) > 0 {
		f := &stack[len(stack)-1]
		start, count, header, err := p.object(f.obj)
		if err != nil {
			return err
		}
		if f.next < count {
			child, err := p.ref(start, f.next)
			f.next++
			switch {
			case err != nil:
				return err
			case state[child] == open:
				return errors.New("self-referential collection")
			case state[child] == done:
				continue
			case len(stack) >= bplistMaxDepth:
				return errors.New("collections nested too deep")
			}
			state[child] = open
			stack = append(stack, frame{obj: child})
			continue
		}
		d, s := uint8(0), header
		for i := range count {
			c, _ := p.ref(start, i)
			d, s = max(d, depth[c]), min(s+size[c], 1<<62)
		}
		depth[f.obj], size[f.obj], state[f.obj] = d+1, s, done
		stack = stack[:len(stack)-1]
	}
	if size[top] > 4*uint64(len(data))+bplistSlack {
		return errors.New("shared objects expand too far")
	}
	return nil
}

// readBPlistTrailer reads and checks the trailer of a binary plist.
func readBPlistTrailer(data []byte) (p bplist, top uint64, err error) {
	if len(data) < 40 || !bytes.HasPrefix(data, []byte("bplist00")) {
		return p, 0, errBPlist
	}
	tr := data[len(data)-32:]
	p = bplist{data: data[:len(data)-32], offSize: int(tr[6]), refSz: int(tr[7])}
	p.n = binary.BigEndian.Uint64(tr[8:])
	top = binary.BigEndian.Uint64(tr[16:])
	p.table = binary.BigEndian.Uint64(tr[24:])
	switch {
	case p.offSize < 1 || p.offSize > 8 || p.refSz < 1 || p.refSz > 8:
		return p, 0, errBPlist
	case p.n == 0 || p.n > bplistMaxObjects || top >= p.n:
		return p, 0, errors.New("object count out of range")
	case p.table < 8 || p.table > uint64(len(p.data)) || p.n*uint64(p.offSize) > uint64(len(p.data))-p.table:
		return p, 0, errors.New("offset table out of range")
	}
	return p, top, nil
}

// uint reads a big-endian unsigned integer of size bytes at off.
func (p bplist) uint(off uint64, size int) (uint64, bool) {
	if off > uint64(len(p.data)) || uint64(size) > uint64(len(p.data))-off {
		return 0, false
	}
	var v uint64
	for _, b := range p.data[off : off+uint64(size)] {
		v = v<<8 | uint64(b)
	}
	return v, true
}

// ref returns the i-th object reference of a collection starting at start.
func (p bplist) ref(start, i uint64) (uint64, error) {
	r, ok := p.uint(start+i*uint64(p.refSz), p.refSz)
	if !ok || r >= p.n {
		return 0, errors.New("object reference out of range")
	}
	return r, nil
}

// object returns where an object's references start and how many there
// are (none for a scalar), and the bytes it holds itself.
func (p bplist) object(obj uint64) (start, refs, own uint64, err error) {
	off, ok := p.uint(p.table+obj*uint64(p.offSize), p.offSize)
	if !ok || off >= p.table {
		return 0, 0, 0, errors.New("object offset out of range")
	}
	marker := p.data[off]
	count, start := uint64(marker&0x0f), off+1
	if count == 0x0f && marker>>4 >= 0x4 {
		intMarker, ok := p.uint(start, 1)
		if !ok || intMarker>>4 != 1 || intMarker&0x0f > 3 {
			return 0, 0, 0, errors.New("bad length")
		}
		width := 1 << (intMarker & 0x0f)
		if count, ok = p.uint(start+1, width); !ok {
			return 0, 0, 0, errors.New("bad length")
		}
		start += 1 + uint64(width)
	}
	switch marker >> 4 {
	case 0x4, 0x5: // data, ASCII string
		return start, 0, 1 + count, nil
	case 0x6: // UTF-16 string
		return start, 0, 1 + 2*count, nil
	case 0xa, 0xb, 0xc: // array, ordered set, set
		refs = count
	case 0xd: // dictionary: keys, then values
		refs = 2 * count
	default:
		return start, 0, 9, nil
	}
	if refs > uint64(len(p.data)) || refs*uint64(p.refSz) > uint64(len(p.data))-min(start, uint64(len(p.data))) {
		return 0, 0, 0, errors.New("collection out of range")
	}
	return start, refs, 1, nil
}
