package archive

import (
	"context"
	"fmt"
	"os"
)

// CompactReport is what Compact did: the sizes in bytes of the archive
// file and its -wal file together, before and after.
type CompactReport struct {
	Before int64 `json:"before"`
	After  int64 `json:"after"`
}

// compactQueries rewrite the archive: the full-text index merged into one
// segment (which takes out the words of deleted articles that an archive
// made before migration 0008 only marked deleted), then VACUUM, which
// writes the file anew without its free pages, and the WAL copied into
// the file and emptied.
var compactQueries = []string{
	`INSERT INTO articles_fts(articles_fts, rank) VALUES ('secure-delete', 1)`,
	`INSERT INTO articles_fts(articles_fts) VALUES ('optimize')`,
	`VACUUM`,
	`PRAGMA wal_checkpoint(TRUNCATE)`,
}

// Compact rewrites the archive without free space, so that nothing
// deleted before, by this version or an earlier one, remains in its file,
// and the file is as small as its contents. It takes the write lock for
// about as long as a backup takes and needs free space beside the archive
// of its size; other processes go on reading meanwhile. An -wal file that
// a reader in another process holds is emptied at a later checkpoint. It
// returns an error naming the archive, wrapping ErrBusy, ErrReadOnly,
// ErrDiskFull or ErrDamaged when that is the cause; the archive is then as
// it was.
func (s *Store) Compact(ctx context.Context) (CompactReport, error) {
	r := CompactReport{Before: s.fileSize()}
	for _, q := range compactQueries {
		if _, err := s.db.ExecContext(ctx, q); err != nil {
			return r, fmt.Errorf("compact %s: %w", s.path, err)
		}
	}
	r.After = s.fileSize()
	return r, nil
}

// fileSize returns the size of the archive file and of its -wal file.
func (s *Store) fileSize() int64 {
	var n int64
	for _, p := range []string{s.path, s.path + "-wal"} {
		if st, err := os.Stat(p); err == nil {
			n += st.Size()
		}
	}
	return n
}
