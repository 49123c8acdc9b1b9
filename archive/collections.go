package archive

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Collection is a named, ordered set of articles; collections nest.
type Collection struct {
	ID       int64  `json:"id"`
	ParentID int64  `json:"parent_id,omitempty"` // 0 at the top
	Name     string `json:"name"`
	Path     string `json:"path"`  // the names from the top, joined by "/"
	Count    int    `json:"count"` // articles in it (not in the ones below it)
}

// checkCollectionName rejects a name that is empty or holds "/" (which
// separates the names of a path).
func checkCollectionName(name string) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" || strings.Contains(name, "/") {
		return "", fmt.Errorf("%w: collection name %q (empty, or with /)", ErrInvalid, name)
	}
	return name, nil
}

// parentArg is parent as stored: NULL for the top.
func parentArg(parent int64) any {
	if parent == 0 {
		return nil
	}
	return parent
}

// CreateCollection makes a collection named name inside parent (0 for the
// top) and returns its ID. It returns an error wrapping ErrInvalid for an
// empty name or one holding "/" or when parent is MaxCollectionDepth
// deep already, ErrExists when parent already has a
// collection of that name, or ErrNotFound when parent does not exist.
func (s *Store) CreateCollection(ctx context.Context, parent int64, name string) (int64, error) {
	name, err := checkCollectionName(name)
	if err != nil {
		return 0, fmt.Errorf("create collection: %w", err)
	}
	var id int64
	err = s.write(ctx, func(tx *sql.Tx) error {
		if err := collectionExists(ctx, tx, parent); err != nil {
			return err
		}
		if err := checkDepth(ctx, tx, parent, 1); err != nil {
			return err
		}
		const q = `INSERT INTO collections (parent_id, name, created) VALUES (?, ?, ?)`
		res, err := tx.ExecContext(ctx, q, parentArg(parent), name, formatTime(time.Now()))
		if err != nil {
			return uniqueErr(err)
		}
		id, err = res.LastInsertId()
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("create collection %q: %w", name, err)
	}
	return id, nil
}

// uniqueErr turns a UNIQUE constraint failure into ErrExists.
func uniqueErr(err error) error {
	if err != nil && strings.Contains(err.Error(), "UNIQUE constraint failed") {
		return ErrExists
	}
	return err
}

// collectionExists returns an error wrapping ErrNotFound unless id is a
// collection; 0 (the top) always exists.
func collectionExists(ctx context.Context, q querier, id int64) error {
	if id == 0 {
		return nil
	}
	var one int
	err := q.QueryRowContext(ctx, `SELECT 1 FROM collections WHERE id = ?`, id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("collection %d: %w", id, ErrNotFound)
	}
	return err
}

// changed returns ErrNotFound when res changed no row.
func changed(res sql.Result, err error) error {
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return ErrNotFound
	}
	return nil
}

// RenameCollection renames collection id. It returns an error wrapping
// ErrInvalid, ErrExists or ErrNotFound, as CreateCollection.
func (s *Store) RenameCollection(ctx context.Context, id int64, name string) error {
	name, err := checkCollectionName(name)
	if err == nil {
		err = changed(s.db.ExecContext(ctx, `UPDATE collections SET name = ? WHERE id = ?`, name, id))
	}
	if err != nil {
		return fmt.Errorf("rename collection %d: %w", id, uniqueErr(err))
	}
	return nil
}

// MoveCollection moves collection id (with the ones below it) into parent
// (0 for the top). It returns an error wrapping ErrNotFound when either
// does not exist, ErrInvalid when parent is id or below it, or ErrExists
// when parent has a collection of the same name.
func (s *Store) MoveCollection(ctx context.Context, id, parent int64) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := collectionExists(ctx, tx, parent); err != nil {
			return err
		}
		below, err := collectionTree(ctx, tx, id)
		if err != nil {
			return err
		}
		for _, b := range below {
			if b == parent {
				return fmt.Errorf("%w: collection %d is inside %d", ErrInvalid, parent, id)
			}
		}
		height, err := treeHeight(ctx, tx, id)
		if err == nil {
			err = checkDepth(ctx, tx, parent, height)
		}
		if err != nil {
			return err
		}
		return changed(tx.ExecContext(ctx, `UPDATE collections SET parent_id = ? WHERE id = ?`, parentArg(parent), id))
	})
	if err != nil {
		return fmt.Errorf("move collection %d: %w", id, uniqueErr(err))
	}
	return nil
}

// DeleteCollection deletes collection id and the ones below it; the
// articles stay in the archive. It returns an error wrapping ErrNotFound
// when there is no such collection.
func (s *Store) DeleteCollection(ctx context.Context, id int64) error {
	if err := changed(s.db.ExecContext(ctx, `DELETE FROM collections WHERE id = ?`, id)); err != nil {
		return fmt.Errorf("delete collection %d: %w", id, err)
	}
	return nil
}

const collectionTreeQuery = `
WITH RECURSIVE sub(id) AS (
	SELECT id FROM collections WHERE id = ?
	UNION ALL
	SELECT c.id FROM collections c JOIN sub ON c.parent_id = sub.id
)
SELECT id FROM sub`

// collectionTree returns id and the IDs of the collections below it, or an
// error wrapping ErrNotFound.
func collectionTree(ctx context.Context, q querier, id int64) ([]int64, error) {
	rows, err := q.QueryContext(ctx, collectionTreeQuery, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var c int64
		if err := rows.Scan(&c); err != nil {
			return nil, err
		}
		ids = append(ids, c)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		return nil, fmt.Errorf("collection %d: %w", id, ErrNotFound)
	}
	return ids, nil
}

// pathTree returns the IDs of the collection at path and of those
// below it, or an error wrapping ErrNotFound.
func (s *Store) pathTree(ctx context.Context, path string) ([]int64, error) {
	c, err := s.CollectionByPath(ctx, path)
	if err != nil {
		return nil, err
	}
	return collectionTree(ctx, s.db, c.ID)
}

const collectionsQuery = `
SELECT c.id, coalesce(c.parent_id, 0), c.name, (SELECT count(*) FROM collection_articles ca WHERE ca.collection_id = c.id)
FROM collections c`

// Collections returns every collection, in tree order (each followed by
// the ones inside it, by name). It returns an error only when the
// database fails.
func (s *Store) Collections(ctx context.Context) ([]Collection, error) {
	rows, err := s.q().QueryContext(ctx, collectionsQuery)
	if err != nil {
		return nil, fmt.Errorf("list collections: %w", err)
	}
	defer rows.Close()
	var all []Collection
	for rows.Next() {
		var c Collection
		if err := rows.Scan(&c.ID, &c.ParentID, &c.Name, &c.Count); err != nil {
			return nil, fmt.Errorf("list collections: %w", err)
		}
		all = append(all, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list collections: %w", err)
	}
	setPaths(all)
	return all, nil
}

// CollectionByPath returns the collection at path, names from the top
// joined by "/" (without case). It returns an error wrapping ErrNotFound
// when there is none.
func (s *Store) CollectionByPath(ctx context.Context, path string) (*Collection, error) {
	var id int64
	var name string
	const q = `SELECT id, name FROM collections WHERE coalesce(parent_id, 0) = ? AND name = ? COLLATE NOCASE`
	for _, part := range strings.Split(path, "/") {
		if part = strings.TrimSpace(part); part == "" {
			continue
		}
		err := s.db.QueryRowContext(ctx, q, id, part).Scan(&id, &name)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, fmt.Errorf("collection %q: %w", path, ErrNotFound)
		}
		if err != nil {
			return nil, fmt.Errorf("collection %q: %w", path, err)
		}
	}
	if id == 0 {
		return nil, fmt.Errorf("collection %q: %w", path, ErrNotFound)
	}
	return s.collection(ctx, id)
}

// collection returns collection id with its path.
func (s *Store) collection(ctx context.Context, id int64) (*Collection, error) {
	all, err := s.Collections(ctx)
	if err != nil {
		return nil, err
	}
	for _, c := range all {
		if c.ID == id {
			return &c, nil
		}
	}
	return nil, fmt.Errorf("collection %d: %w", id, ErrNotFound)
}
