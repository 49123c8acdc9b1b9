package archive

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Tags nest with "/": korea/diplomacy is below korea, and tag:korea finds
// both. A tag exists while an article has it. Names compare without case
// (ASCII letters), and are cleaned by query.NormTag.

// ErrExists is returned when a name is already taken.
var ErrExists = errors.New("already exists")

// TagCount is a tag with the number of its articles.
type TagCount struct {
	Name  string `json:"name"`
	Count int    `json:"count"` // articles with this very tag
	Total int    `json:"total"` // articles with this tag or one below it
}

// subtreeCond matches tags named ? or below it; bind the name three times.
const subtreeCond = `(t.name = ? OR (t.name > ? || '/' AND t.name < ? || '0'))`

const tagCountsQuery = `
SELECT t.name, count(at.article_id) FROM tags t LEFT JOIN article_tags at ON at.tag_id = t.id
GROUP BY t.id ORDER BY t.name`

const tagTotalQuery = `
SELECT count(DISTINCT at.article_id) FROM article_tags at JOIN tags t ON t.id = at.tag_id
WHERE ` + subtreeCond

// Tags returns every tag with its counts, by name; a parent that no
// article has itself (korea, when only korea/diplomacy is used) is listed
// with Count 0. It returns an error only when the database fails.
func (s *Store) Tags(ctx context.Context) ([]TagCount, error) {
	rows, err := s.db.QueryContext(ctx, tagCountsQuery)
	if err != nil {
		return nil, fmt.Errorf("list tags: %w", err)
	}
	byName := map[string]*TagCount{}
	for rows.Next() {
		var tc TagCount
		if err := rows.Scan(&tc.Name, &tc.Count); err != nil {
			rows.Close()
			return nil, fmt.Errorf("list tags: %w", err)
		}
		tc.Total = tc.Count
		byName[strings.ToLower(tc.Name)] = &tc
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list tags: %w", err)
	}
	parents := map[string]bool{}
	for _, tc := range byName {
		for i := strings.LastIndexByte(tc.Name, '/'); i > 0; i = strings.LastIndexByte(tc.Name[:i], '/') {
			parents[tc.Name[:i]] = true
		}
	}
	for p := range parents {
		tc := byName[strings.ToLower(p)]
		if tc == nil {
			tc = &TagCount{Name: p}
			byName[strings.ToLower(p)] = tc
		}
		if err := s.db.QueryRowContext(ctx, tagTotalQuery, p, p, p).Scan(&tc.Total); err != nil {
			return nil, fmt.Errorf("count tag %s: %w", p, err)
		}
	}
	out := make([]TagCount, 0, len(byName))
	for _, tc := range byName {
		out = append(out, *tc)
	}
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name) })
	return out, nil
}

// cleanTags normalises names (TagName), rejecting an invalid one.
func cleanTags(tags []string) ([]string, error) {
	if len(tags) == 0 {
		return nil, fmt.Errorf("%w: no tag", ErrInvalid)
	}
	out := make([]string, len(tags))
	for i, t := range tags {
		n, err := TagName(t)
		if err != nil {
			return nil, err
		}
		out[i] = n
	}
	return out, nil
}

// AddTags gives each article of ids each tag, creating tags as needed,
// and returns how many article–tag pairs were new. It returns an error
// wrapping ErrNotFound (and changes nothing) when an ID is not an article,
// or ErrInvalid for an empty tag name.
func (s *Store) AddTags(ctx context.Context, ids []int64, tags ...string) (int, error) {
	tags, err := cleanTags(tags)
	if err != nil {
		return 0, fmt.Errorf("add tags: %w", err)
	}
	if len(ids) == 0 {
		return 0, nil
	}
	n := 0
	err = s.write(ctx, func(tx *sql.Tx) error {
		if err := articlesExist(ctx, tx, ids); err != nil {
			return err
		}
		for _, t := range tags {
			if _, err := tx.ExecContext(ctx, insertTagQuery, t); err != nil {
				return fmt.Errorf("tag %q: %w", t, err)
			}
		}
		k, err := eachPair(ctx, tx, insertArticleTagQuery, ids, tags)
		n = k
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("add tags: %w", err)
	}
	return n, nil
}

// eachPair runs q (which takes an article ID and a tag name) for every
// pair and returns the rows it changed.
func eachPair(ctx context.Context, tx *sql.Tx, q string, ids []int64, tags []string) (int, error) {
	st, err := tx.PrepareContext(ctx, q)
	if err != nil {
		return 0, err
	}
	defer st.Close()
	n := 0
	for _, id := range ids {
		for _, t := range tags {
			res, err := st.ExecContext(ctx, id, t)
			if err != nil {
				return 0, fmt.Errorf("article %d, tag %q: %w", id, t, err)
			}
			k, _ := res.RowsAffected()
			n += int(k)
		}
	}
	return n, nil
}

// articlesExist returns an error wrapping ErrNotFound naming the first of
// ids that is not an article.
func articlesExist(ctx context.Context, q querier, ids []int64) error {
	for _, id := range ids {
		var one int
		err := q.QueryRowContext(ctx, `SELECT 1 FROM articles WHERE id = ?`, id).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("article %d: %w", id, ErrNotFound)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

const removeArticleTagQuery = `
DELETE FROM article_tags WHERE article_id = ? AND tag_id = (SELECT id FROM tags WHERE name = ?)`

const pruneTagsQuery = `DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM article_tags)`

// RemoveTags takes each tag (the tag itself, not those below it) off each
// article of ids and returns how many article–tag pairs went. Tags no
// article has any more are deleted. It returns an error wrapping
// ErrInvalid for an empty tag name.
func (s *Store) RemoveTags(ctx context.Context, ids []int64, tags ...string) (int, error) {
	tags, err := cleanTags(tags)
	if err != nil {
		return 0, fmt.Errorf("remove tags: %w", err)
	}
	n := 0
	err = s.write(ctx, func(tx *sql.Tx) error {
		k, err := eachPair(ctx, tx, removeArticleTagQuery, ids, tags)
		if err != nil {
			return err
		}
		n = k
		_, err = tx.ExecContext(ctx, pruneTagsQuery)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("remove tags: %w", err)
	}
	return n, nil
}

// DeleteTag takes a tag and those below it off every article and returns
// how many article–tag pairs went. It returns an error wrapping
// ErrNotFound when no such tag exists, or ErrInvalid for a name TagName
// refuses.
func (s *Store) DeleteTag(ctx context.Context, name string) (int, error) {
	name, err := TagName(name)
	if err != nil {
		return 0, fmt.Errorf("delete tag: %w", err)
	}
	var n int64
	err = s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM article_tags WHERE tag_id IN (SELECT id FROM tags t WHERE `+subtreeCond+`)`, name, name, name)
		if err != nil {
			return err
		}
		n, _ = res.RowsAffected()
		res, err = tx.ExecContext(ctx, `DELETE FROM tags AS t WHERE `+subtreeCond, name, name, name)
		if err != nil {
			return err
		}
		if k, _ := res.RowsAffected(); k == 0 {
			return ErrNotFound
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("delete tag %q: %w", name, err)
	}
	return int(n), nil
}
