package archive

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Source names where one version of an article was cleaned from: the
// stored original and the article's place in it. Re-extraction reads the
// original again and hands the new article to ReplaceText.
type Source struct {
	ArticleID   int64
	Version     int  // as Versions numbers them
	Current     bool // the version Article shows
	OriginalSHA string
	Position    int // index of the article among those cleaned from the original
}

const sourcesQuery = `
SELECT article_id, original_id, sha256, position, current FROM (
	SELECT a.id AS article_id, 1 AS current, a.position, o.sha256, a.original_id, 0 AS vid
	FROM articles a JOIN originals o ON o.id = a.original_id
	UNION ALL
	SELECT v.article_id, 0, v.position, o.sha256, v.original_id, v.id
	FROM article_versions v JOIN originals o ON o.id = v.original_id
)
ORDER BY article_id, current, vid`

// Sources returns the source of every version of every article, by
// article then version. It returns an error only when the database fails.
func (s *Store) Sources(ctx context.Context) ([]Source, error) {
	rows, err := s.db.QueryContext(ctx, sourcesQuery)
	if err != nil {
		return nil, fmt.Errorf("list sources: %w", err)
	}
	defer rows.Close()
	var out []Source
	for rows.Next() {
		var src Source
		var orig int64
		if err := rows.Scan(&src.ArticleID, &orig, &src.OriginalSHA, &src.Position, &src.Current); err != nil {
			return nil, fmt.Errorf("list sources: %w", err)
		}
		src.Version = 1
		if n := len(out); n > 0 && out[n-1].ArticleID == src.ArticleID {
			src.Version = out[n-1].Version + 1
		}
		out = append(out, src)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list sources: %w", err)
	}
	return out, nil
}

const replaceTextQuery = `
UPDATE articles SET title = ?, subtitle = ?, byline = ?, site = ?, url = ?, url_key = ?, language = ?,
	published = ?, modified = ?, blocks = ?, figures = ?, related = ?, text = ?, captions = ?,
	notes = ?, cjk = ?, authors = ?, confidence = ?
WHERE id = ?`

// ReplaceText gives article id the content of a, typically the same
// original cleaned again by a better cleaner: title, standfirst, byline,
// authors, site, URL, language, dates, body, figures, related links and
// confidence. The provenance (original, capture and import times), the
// states, the tags (a's tags are added) and the collections stay;
// highlights are re-anchored to the new text, and those that no longer
// fit are flagged orphaned. No version is kept of the replaced content.
//
// It returns an error wrapping ErrNotFound when there is no such article,
// or ErrInvalid when a is nil or its Confidence unknown.
func (s *Store) ReplaceText(ctx context.Context, id int64, a *Article) error {
	if a == nil {
		return fmt.Errorf("replace text of article %d: %w: nil article", id, ErrInvalid)
	}
	r, err := contentRow(a)
	if err != nil {
		return fmt.Errorf("replace text of article %d: %w", id, err)
	}
	err = s.write(ctx, func(tx *sql.Tx) error {
		if _, err := articleText(ctx, tx, id); err != nil {
			return err
		}
		notes, err := reanchorArticle(ctx, tx, id, r.text, time.Now().UTC())
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, replaceTextQuery, a.Title, a.Standfirst, r.byline, a.Site, a.URL,
			r.urlKey, a.Language, r.published, r.modified, r.blocks, r.figures, r.related,
			r.text, r.captions, notes, cjkOf(a.Title, a.Standfirst, r.byline, r.text, r.captions, notes),
			r.authors, string(a.Confidence), id)
		if err != nil {
			return err
		}
		if err := setLinks(ctx, tx, id, a); err != nil {
			return err
		}
		if err := sealArticle(ctx, tx, id); err != nil {
			return err
		}
		return insertTags(ctx, tx, id, a.Tags)
	})
	if err != nil {
		return fmt.Errorf("replace text of article %d: %w", id, err)
	}
	return nil
}

const replaceVersionQuery = `
UPDATE article_versions SET title = ?, subtitle = ?, byline = ?, site = ?, url = ?, language = ?,
	published = ?, modified = ?, blocks = ?, figures = ?, related = ?, text = ?, captions = ?,
	authors = ?, confidence = ?
WHERE id = (SELECT id FROM article_versions WHERE article_id = ? ORDER BY id LIMIT 1 OFFSET ?)
RETURNING id`

// ReplaceVersionText is ReplaceText for version n (as Versions numbers
// them) of article id; for the current version it is ReplaceText. Earlier
// versions have no annotations and are not indexed. It returns an error
// wrapping ErrNotFound when the article or version does not exist, or
// ErrInvalid when a is nil or its Confidence unknown.
func (s *Store) ReplaceVersionText(ctx context.Context, id int64, n int, a *Article) error {
	old, err := s.versionCount(ctx, id)
	if err != nil {
		return fmt.Errorf("replace text: %w", err)
	}
	if n == old+1 {
		return s.ReplaceText(ctx, id, a)
	}
	if n < 1 || n > old {
		return fmt.Errorf("replace text of article %d version %d: %w", id, n, ErrNotFound)
	}
	if a == nil {
		return fmt.Errorf("replace text of article %d version %d: %w: nil article", id, n, ErrInvalid)
	}
	r, err := contentRow(a)
	if err == nil {
		err = s.write(ctx, func(tx *sql.Tx) error {
			var vid int64
			err := tx.QueryRowContext(ctx, replaceVersionQuery, a.Title, a.Standfirst, r.byline, a.Site, a.URL,
				a.Language, r.published, r.modified, r.blocks, r.figures, r.related, r.text, r.captions,
				r.authors, string(a.Confidence), id, n-1).Scan(&vid)
			if err != nil {
				return err
			}
			return sealVersion(ctx, tx, vid)
		})
	}
	if err != nil {
		return fmt.Errorf("replace text of article %d version %d: %w", id, n, err)
	}
	return nil
}

// contentRow derives the stored content columns of a.
func contentRow(a *Article) (*articleRow, error) {
	if !a.Confidence.Known() {
		return nil, fmt.Errorf("%w: unknown confidence %q", ErrInvalid, a.Confidence)
	}
	c := &Capture{Articles: []*Article{a}}
	rows, err := articleRows(c, time.Now())
	if err != nil {
		return nil, err
	}
	return &rows[0], nil
}
