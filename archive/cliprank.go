package archive

// #cgo linux LDFLAGS: -lm
// #include "cliprank.h"
import "C"

import "fmt"

// rankRegistered is the error of adding cliprank (cliprank.c) to SQLite;
// Open returns it.
var rankRegistered = func() error {
	if rc := C.clip_register(); rc != 0 {
		return fmt.Errorf("adding the ranking function to SQLite: error %d", int(rc))
	}
	return nil
}()

// rankFunction is the ranking of relevance, as an FTS5 rank function:
// title above standfirst above byline, the text, captions and notes (the
// columns of articles_fts, migration 0003), scored as bm25 (cliprank.c).
const rankFunction = `cliprank(10.0, 5.0, 3.0, 1.0, 2.0, 2.0, 1.0)`
