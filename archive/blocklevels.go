package archive

// MaxListLevel is the deepest list nesting an article stores: an item
// nested deeper (a bundle may say anything, 2^40 included) is stored at
// this level. Every reader of the blocks (the Markdown export indents an
// item by its level) can then trust the level.
const MaxListLevel = 64

// storedBlocks returns blocks as stored: list levels within
// [0, MaxListLevel]. It returns blocks itself when nothing changes.
func storedBlocks(blocks []Block) []Block {
	for i, b := range blocks {
		if b.Level < 0 || b.Level > MaxListLevel {
			out := append([]Block(nil), blocks...)
			for k := i; k < len(out); k++ {
				out[k].Level = min(max(out[k].Level, 0), MaxListLevel)
			}
			return out
		}
	}
	return blocks
}
