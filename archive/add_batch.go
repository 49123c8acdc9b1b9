package archive

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// AddCaptures stores several captures in one transaction, each as
// AddCapture would (results[i] is what AddCapture would have returned for
// cs[i]). Committing once for many captures makes a bulk load about twice
// as fast (docs/archive-bench.md). It is all or nothing: it returns an
// error naming the capture, and stores none of them, when one is invalid
// or the database fails.
func (s *Store) AddCaptures(ctx context.Context, cs []*Capture) ([]AddResult, error) {
	type prepared struct {
		sha, enc string
		blob     []byte
		rows     []articleRow
	}
	now := time.Now().UTC()
	ps := make([]prepared, len(cs))
	for i, c := range cs {
		if c == nil {
			return nil, errors.New("add captures: nil capture")
		}
		if err := validateCapture(c); err != nil {
			return nil, fmt.Errorf("add %s: %w", captureName(c), err)
		}
		p := &ps[i]
		p.sha = normSHA(c.Original.SHA256)
		var err error
		if p.rows, err = articleRows(c, now); err == nil {
			p.blob, p.enc, err = pack(c.Original.Data)
		}
		if err != nil {
			return nil, fmt.Errorf("add %s: %w", captureName(c), err)
		}
	}
	results := make([]AddResult, len(cs))
	err := s.write(ctx, func(tx *sql.Tx) error {
		var idx indexQueue
		for i, c := range cs {
			p := &ps[i]
			res, err := addCaptureTx(ctx, tx, &idx, c, p.sha, p.blob, p.enc, p.rows, now)
			if err != nil {
				return fmt.Errorf("add %s: %w", captureName(c), err)
			}
			results[i] = res
		}
		return idx.flush(ctx, tx)
	})
	if err != nil {
		return nil, err
	}
	return results, nil
}
