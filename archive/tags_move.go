package archive

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// RenameTag renames a tag and every tag below it (korea → asia/korea also
// makes korea/diplomacy asia/korea/diplomacy), and returns how many tags
// were renamed. Changing only the case of a name is allowed. It returns an
// error wrapping ErrNotFound when neither the tag nor any tag below it
// exists, ErrExists when a new name is taken (MergeTags joins tags), or
// ErrInvalid for an empty name or a tag moved below itself. Saved searches
// that name the old tag are not rewritten.
func (s *Store) RenameTag(ctx context.Context, old, name string) (int, error) {
	n := 0
	err := s.write(ctx, func(tx *sql.Tx) error {
		k, err := moveTag(ctx, tx, old, name, false)
		n = k
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("rename tag %q: %w", old, err)
	}
	return n, nil
}

// MergeTags moves each tag of from, and the tags below it, into the tag
// into: their articles get into (or into/… for the tags below) and the old
// tags are deleted. It returns how many tags were merged or renamed, or an
// error wrapping ErrNotFound when a tag of from does not exist, or
// ErrInvalid for an empty name or a tag merged below itself.
func (s *Store) MergeTags(ctx context.Context, into string, from ...string) (int, error) {
	n := 0
	err := s.write(ctx, func(tx *sql.Tx) error {
		for _, f := range from {
			k, err := moveTag(ctx, tx, f, into, true)
			if err != nil {
				return fmt.Errorf("%q: %w", f, err)
			}
			n += k
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("merge tags into %q: %w", into, err)
	}
	return n, nil
}

// renamed is a tag and its new name.
type renamed struct {
	id         int64
	name, dest string
}

// moveTag gives tag old and those below it the name dest (and dest/…).
// When a new name exists, merge joins the two; otherwise it fails.
func moveTag(ctx context.Context, tx *sql.Tx, old, dest string, merge bool) (int, error) {
	old, err := TagName(old)
	if err != nil {
		return 0, err
	}
	if dest, err = TagName(dest); err != nil {
		return 0, err
	}
	lo, ld := strings.ToLower(old), strings.ToLower(dest)
	if lo != ld && strings.HasPrefix(ld+"/", lo+"/") {
		return 0, fmt.Errorf("%w: %q is below %q", ErrInvalid, dest, old)
	}
	moves, err := subtree(ctx, tx, old, dest)
	if err != nil {
		return 0, err
	}
	if len(moves) == 0 {
		return 0, ErrNotFound
	}
	for _, m := range moves {
		if err := moveOne(ctx, tx, m, merge); err != nil {
			return 0, err
		}
	}
	return len(moves), nil
}

// subtree lists tag old and those below it with their names under dest.
func subtree(ctx context.Context, tx *sql.Tx, old, dest string) ([]renamed, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, name FROM tags t WHERE `+subtreeCond, old, old, old)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var moves []renamed
	for rows.Next() {
		var m renamed
		if err := rows.Scan(&m.id, &m.name); err != nil {
			return nil, err
		}
		m.dest = dest + m.name[len(old):]
		moves = append(moves, m)
	}
	return moves, rows.Err()
}

// moveOne renames one tag, or joins it to the tag that has its new name.
func moveOne(ctx context.Context, tx *sql.Tx, m renamed, merge bool) error {
	var existing int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM tags WHERE name = ?`, m.dest).Scan(&existing)
	switch {
	case errors.Is(err, sql.ErrNoRows) || existing == m.id:
		_, err = tx.ExecContext(ctx, `UPDATE tags SET name = ? WHERE id = ?`, m.dest, m.id)
		return err
	case err != nil:
		return err
	case !merge:
		return fmt.Errorf("tag %q: %w", m.dest, ErrExists)
	}
	const join = `
INSERT INTO article_tags (article_id, tag_id) SELECT article_id, ? FROM article_tags WHERE tag_id = ?
ON CONFLICT DO NOTHING`
	if _, err := tx.ExecContext(ctx, join, existing, m.id); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `DELETE FROM tags WHERE id = ?`, m.id)
	return err
}

// TagSearch gives every article the query finds each tag (a bulk tag of a
// search result) and returns how many article–tag pairs were new. It
// returns the errors of SearchIDs and AddTags.
func (s *Store) TagSearch(ctx context.Context, query string, tags ...string) (int, error) {
	ids, err := s.SearchIDs(ctx, query)
	if err != nil {
		return 0, err
	}
	return s.AddTags(ctx, ids, tags...)
}
