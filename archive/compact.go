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

// rebuildQuery makes the full-text index anew from the articles. Merging
// it (Optimize) takes out what it only marked deleted too, but an index
// merged after changes made without secure delete keeps words that a
// later secure delete then leaves in its pages
// (TestDeleteAfterReextractLeavesNoTrace); one made anew does not.
const rebuildQuery = `INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')`

// compactQueries rewrite the archive: secure delete on, the full-text
// index made anew (which takes out the words of deleted articles that an
// archive made before migration 0008, or a Rewrite killed before its end,
// only marked deleted), then VACUUM, which writes the file anew without
// its free pages, and the WAL copied into the file and emptied.
var compactQueries = []string{
	`INSERT INTO articles_fts(articles_fts, rank) VALUES ('secure-delete', 1)`, // as secureDeleteQuery
	rebuildQuery,
	`VACUUM`,
	`PRAGMA wal_checkpoint(TRUNCATE)`,
}

// Compact rewrites the archive without free space, so that nothing
// deleted before, by this version or an earlier one, remains in its file,
// and the file is as small as its contents. It holds the write lock for
// minutes on a large archive (docs/reliability.md) and needs free space of
// twice the archive's size meanwhile (VACUUM's copy and the WAL); other
// processes go on reading. An -wal file that a reader in another process
// holds is emptied at a later checkpoint. It returns an error naming the
// archive, wrapping ErrBusy, ErrReadOnly, ErrDiskFull or ErrDamaged when
// that is the cause; what the archive holds is then as it was.
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

// secureDeleteQuery turns the full-text index's secure delete on (1) or
// off (0). It is on (migration 0008) but while Rewrite runs.
const secureDeleteQuery = `INSERT INTO articles_fts(articles_fts, rank) VALUES ('secure-delete', ?)`

// Rewrite runs fn, which changes the text of many articles (reextract),
// with the full-text index's secure delete off: with it on, every changed
// article costs a search of the whole index for each of its old words
// (docs/reliability.md). The replaced words stay in the index, marked
// deleted, until Rewrite ends by making the index anew, which takes them
// out, and turning secure delete on again. When the process dies before
// that, they stay until the next Rewrite or Compact; DeleteArticles turns
// secure delete on again in any case. It returns fn's error, else the
// rebuild's.
func (s *Store) Rewrite(ctx context.Context, fn func() error) error {
	if _, err := s.db.ExecContext(ctx, secureDeleteQuery, 0); err != nil {
		return fmt.Errorf("rewrite: %w", err)
	}
	err := fn()
	if err == nil {
		if _, err = s.db.ExecContext(ctx, rebuildQuery); err != nil {
			err = fmt.Errorf("rewrite: rebuild the index: %w", err)
		}
	}
	// On again even when fn failed (without the rebuild: a later Rewrite
	// or Compact does it); ctx may have ended.
	if _, onErr := s.db.ExecContext(context.WithoutCancel(ctx), secureDeleteQuery, 1); err == nil && onErr != nil {
		err = fmt.Errorf("rewrite: %w", onErr)
	}
	return err
}
