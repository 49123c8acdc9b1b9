package archive

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// AddToCollection appends articles to collection id, in the order given,
// and returns how many were added; those already in it keep their place.
// It returns an error wrapping ErrNotFound (and changes nothing) when the
// collection or an article does not exist.
func (s *Store) AddToCollection(ctx context.Context, id int64, articles ...int64) (int, error) {
	n := 0
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := collectionExists(ctx, tx, id); err != nil || id == 0 {
			return orNotFound(err, id)
		}
		if err := articlesExist(ctx, tx, articles); err != nil {
			return err
		}
		const q = `
INSERT INTO collection_articles (collection_id, article_id, position, added)
VALUES (?1, ?2, (SELECT coalesce(max(position), 0) + 1 FROM collection_articles WHERE collection_id = ?1), ?3)
ON CONFLICT DO NOTHING`
		now := formatTime(time.Now())
		for _, a := range articles {
			res, err := tx.ExecContext(ctx, q, id, a, now)
			if err != nil {
				return err
			}
			k, _ := res.RowsAffected()
			n += int(k)
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("add to collection %d: %w", id, err)
	}
	return n, nil
}

// orNotFound returns err, or ErrNotFound for the collection 0.
func orNotFound(err error, id int64) error {
	if err == nil && id == 0 {
		return fmt.Errorf("collection 0: %w", ErrNotFound)
	}
	return err
}

// RemoveFromCollection takes articles out of collection id and returns
// how many were in it. It returns an error only when the database fails.
func (s *Store) RemoveFromCollection(ctx context.Context, id int64, articles ...int64) (int, error) {
	n := 0
	err := s.write(ctx, func(tx *sql.Tx) error {
		for _, a := range articles {
			res, err := tx.ExecContext(ctx, `DELETE FROM collection_articles WHERE collection_id = ? AND article_id = ?`, id, a)
			if err != nil {
				return err
			}
			k, _ := res.RowsAffected()
			n += int(k)
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("remove from collection %d: %w", id, err)
	}
	return n, nil
}

// members returns the articles of collection id in order.
func members(ctx context.Context, q querier, id int64) ([]int64, error) {
	rows, err := q.QueryContext(ctx, `SELECT article_id FROM collection_articles WHERE collection_id = ? ORDER BY position, added`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var a int64
		if err := rows.Scan(&a); err != nil {
			return nil, err
		}
		ids = append(ids, a)
	}
	return ids, rows.Err()
}

// setOrder numbers the articles of collection id in the order of ids.
func setOrder(ctx context.Context, tx *sql.Tx, id int64, ids []int64) error {
	const q = `UPDATE collection_articles SET position = ? WHERE collection_id = ? AND article_id = ?`
	for i, a := range ids {
		if _, err := tx.ExecContext(ctx, q, i+1, id, a); err != nil {
			return err
		}
	}
	return nil
}

// MoveInCollection moves article to place pos (from 0; beyond the end
// means last) of collection id. It returns an error wrapping ErrNotFound
// when the article is not in the collection.
func (s *Store) MoveInCollection(ctx context.Context, id, article int64, pos int) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		ids, err := members(ctx, tx, id)
		if err != nil {
			return err
		}
		from := -1
		for i, a := range ids {
			if a == article {
				from = i
			}
		}
		if from < 0 {
			return fmt.Errorf("article %d: %w", article, ErrNotFound)
		}
		ids = append(ids[:from], ids[from+1:]...)
		pos = min(max(pos, 0), len(ids))
		ids = append(ids[:pos], append([]int64{article}, ids[pos:]...)...)
		return setOrder(ctx, tx, id, ids)
	})
	if err != nil {
		return fmt.Errorf("move in collection %d: %w", id, err)
	}
	return nil
}

// ReorderCollection puts the articles of collection id in the order of
// ids, which must hold each of them once. It returns an error wrapping
// ErrInvalid when it does not.
func (s *Store) ReorderCollection(ctx context.Context, id int64, ids []int64) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		cur, err := members(ctx, tx, id)
		if err != nil {
			return err
		}
		want := make(map[int64]bool, len(cur))
		for _, a := range cur {
			want[a] = true
		}
		for _, a := range ids {
			if !want[a] {
				return fmt.Errorf("%w: article %d is not in the collection, or given twice", ErrInvalid, a)
			}
			delete(want, a)
		}
		if len(want) > 0 {
			return fmt.Errorf("%w: %d articles of the collection missing from the order", ErrInvalid, len(want))
		}
		return setOrder(ctx, tx, id, ids)
	})
	if err != nil {
		return fmt.Errorf("reorder collection %d: %w", id, err)
	}
	return nil
}

// CollectionArticles returns a page of the articles of collection id in
// its order. It returns an error wrapping ErrNotFound when there is no
// such collection.
func (s *Store) CollectionArticles(ctx context.Context, id int64, f ListFilter) ([]Summary, error) {
	if err := orNotFound(collectionExists(ctx, s.db, id), id); err != nil {
		return nil, fmt.Errorf("list collection: %w", err)
	}
	offset, limit := page(f.Offset, f.Limit)
	q := `SELECT ` + summaryColumns + ` FROM collection_articles ca JOIN articles a ON a.id = ca.article_id
WHERE ca.collection_id = ? ORDER BY ca.position, ca.added LIMIT ? OFFSET ?`
	list, err := s.summaries(ctx, q, id, limit, offset)
	if err != nil {
		return nil, fmt.Errorf("list collection %d: %w", id, err)
	}
	return list, nil
}

// ArticleCollections returns the collections holding article id, in tree
// order. It returns an error only when the database fails.
func (s *Store) ArticleCollections(ctx context.Context, id int64) ([]Collection, error) {
	all, err := s.Collections(ctx)
	if err != nil {
		return nil, err
	}
	in := map[int64]bool{}
	rows, err := s.db.QueryContext(ctx, `SELECT collection_id FROM collection_articles WHERE article_id = ?`, id)
	if err != nil {
		return nil, fmt.Errorf("collections of article %d: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var c int64
		if err := rows.Scan(&c); err != nil {
			return nil, fmt.Errorf("collections of article %d: %w", id, err)
		}
		in[c] = true
	}
	var out []Collection
	for _, c := range all {
		if in[c.ID] {
			out = append(out, c)
		}
	}
	return out, rows.Err()
}

// summaries runs q, which selects summaryColumns.
func (s *Store) summaries(ctx context.Context, q string, args ...any) ([]Summary, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	list := []Summary{}
	for rows.Next() {
		var sum Summary
		if err := scanSummary(rows, &sum); err != nil {
			return nil, err
		}
		list = append(list, sum)
	}
	return list, rows.Err()
}

// placeholders returns n comma-separated question marks.
func placeholders(n int) string { return strings.TrimSuffix(strings.Repeat("?,", n), ",") }
