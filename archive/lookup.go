package archive

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/clippings/clippings/internal/urlnorm"
)

// ArticleByURL returns the ID of the stored article whose address is url,
// compared as the archive keys addresses (see urlnorm.Key: no scheme, "www.",
// fragment, trailing slash or tracking parameters), so that a related
// link can open the stored copy. When several articles share the address
// it returns the first stored. It returns an error wrapping ErrNotFound
// when no article has it or url is not an http(s) address.
func (s *Store) ArticleByURL(ctx context.Context, url string) (int64, error) {
	key := urlnorm.Key(url)
	if key == "" {
		return 0, fmt.Errorf("article at %q: %w", url, ErrNotFound)
	}
	var id int64
	const q = `SELECT id FROM articles WHERE url_key = ? ORDER BY id LIMIT 1`
	err := s.db.QueryRowContext(ctx, q, key).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("article at %q: %w", url, ErrNotFound)
	}
	if err != nil {
		return 0, fmt.Errorf("article at %q: %w", url, err)
	}
	return id, nil
}

const tagsOfQuery = `
SELECT at.article_id, t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id
WHERE at.article_id ` + idsIn + ` ORDER BY at.article_id, t.name`

// TagsOf returns the tags (sorted) of each of the articles ids, in one
// query, for showing them beside a list of articles. Articles without
// tags, and IDs that are not articles, are absent from the map. It
// returns an error only when the database fails.
func (s *Store) TagsOf(ctx context.Context, ids []int64) (map[int64][]string, error) {
	out := map[int64][]string{}
	if len(ids) == 0 {
		return out, nil
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, fmt.Errorf("tags of articles: %w", err)
	}
	rows, err := s.db.QueryContext(ctx, tagsOfQuery, string(list))
	if err != nil {
		return nil, fmt.Errorf("tags of articles: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return nil, fmt.Errorf("tags of articles: %w", err)
		}
		out[id] = append(out[id], name)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("tags of articles: %w", err)
	}
	return out, nil
}
