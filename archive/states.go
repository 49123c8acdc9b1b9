package archive

import (
	"context"
	"database/sql"
	"fmt"
)

// SetRead marks the articles ids read (or unread). It returns an error
// wrapping ErrNotFound (and changes nothing) when an ID is not an article.
func (s *Store) SetRead(ctx context.Context, read bool, ids ...int64) error {
	if err := s.setState(ctx, `UPDATE articles SET read = ? WHERE id = ?`, read, ids); err != nil {
		return fmt.Errorf("mark read: %w", err)
	}
	return nil
}

// SetStarred stars (or unstars) the articles ids. It returns an error
// wrapping ErrNotFound (and changes nothing) when an ID is not an article.
func (s *Store) SetStarred(ctx context.Context, starred bool, ids ...int64) error {
	if err := s.setState(ctx, `UPDATE articles SET starred = ? WHERE id = ?`, starred, ids); err != nil {
		return fmt.Errorf("star: %w", err)
	}
	return nil
}

func (s *Store) setState(ctx context.Context, q string, on bool, ids []int64) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		for _, id := range ids {
			if err := changed(tx.ExecContext(ctx, q, on, id)); err != nil {
				return fmt.Errorf("article %d: %w", id, err)
			}
		}
		return nil
	})
}
