package archive

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Version describes one version of an article: the content cleaned from one
// capture of its page.
type Version struct {
	Number      int       `json:"number"`  // 1 for the first; the highest is the current text
	Current     bool      `json:"current"` // what Article, List and Search show
	Title       string    `json:"title"`
	OriginalSHA string    `json:"original_sha"`
	FileName    string    `json:"file_name"`
	Format      string    `json:"format"`
	Captured    time.Time `json:"captured,omitzero"` // zero when unknown
	Imported    time.Time `json:"imported"`
}

// stored is the current content of a stored article, as the version logic
// needs it.
type stored struct {
	id                                   int64
	title, subtitle, byline, text, capts string
	notes                                string
}

// sameContent reports whether r holds the content already stored.
func (c *stored) sameContent(r *articleRow) bool {
	return c.title == r.a.Title && c.subtitle == r.a.Standfirst && c.byline == r.byline &&
		c.text == r.text && c.capts == r.captions
}

const currentVersionQuery = `
SELECT id, title, subtitle, byline, text, captions, notes FROM articles
WHERE url_key = ? ORDER BY id DESC LIMIT 1`

// currentVersion returns the newest stored article with the address key,
// nil when there is none (or key is empty).
func currentVersion(ctx context.Context, q querier, key string) (*stored, error) {
	if key == "" {
		return nil, nil
	}
	c := &stored{}
	err := q.QueryRowContext(ctx, currentVersionQuery, key).Scan(
		&c.id, &c.title, &c.subtitle, &c.byline, &c.text, &c.capts, &c.notes)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("find address %s: %w", key, err)
	}
	return c, nil
}

// sameArticles reports whether every article of rows is stored already
// with the same content, and returns their IDs if so.
func sameArticles(ctx context.Context, q querier, rows []articleRow) ([]int64, bool, error) {
	ids := make([]int64, 0, len(rows))
	for i := range rows {
		cur, err := currentVersion(ctx, q, rows[i].urlKey)
		if err != nil || cur == nil || !cur.sameContent(&rows[i]) {
			return nil, false, err
		}
		ids = append(ids, cur.id)
	}
	return ids, true, nil
}

const archiveVersionQuery = `
INSERT INTO article_versions (article_id, original_id, position, title, subtitle, byline, site, url,
	language, published, modified, captured, imported, capture_url, file_name, format,
	blocks, figures, related, text, captions, authors, confidence, superseded)
SELECT id, original_id, position, title, subtitle, byline, site, url,
	language, published, modified, captured, imported, capture_url, file_name, format,
	blocks, figures, related, text, captions, authors, confidence, ?
FROM articles WHERE id = ?`

const newVersionQuery = `
UPDATE articles SET original_id = ?, position = ?, title = ?, subtitle = ?, byline = ?, site = ?,
	url = ?, url_key = ?, language = ?, published = coalesce(?, published), modified = ?,
	captured = ?, imported = ?, capture_url = ?, file_name = ?, format = ?,
	blocks = ?, figures = ?, related = ?, text = ?, captions = ?, notes = ?, cjk = ?,
	authors = ?, confidence = ?
WHERE id = ?`

// addVersion makes r the current version of the stored article cur: the
// old content moves to article_versions, annotations are re-anchored to
// the new text and the capture's tags are added.
func addVersion(ctx context.Context, tx *sql.Tx, cur *stored, origID int64, pos int, r *articleRow, now time.Time) error {
	res, err := tx.ExecContext(ctx, archiveVersionQuery, formatTime(now), cur.id)
	if err != nil {
		return fmt.Errorf("keep old version: %w", err)
	}
	if vid, err := res.LastInsertId(); err != nil {
		return err
	} else if err := sealVersion(ctx, tx, vid); err != nil {
		return err
	}
	notes, err := reanchorArticle(ctx, tx, cur.id, r.text, now)
	if err != nil {
		return err
	}
	a := r.a
	_, err = tx.ExecContext(ctx, newVersionQuery, origID, pos, a.Title, a.Standfirst, r.byline, a.Site,
		a.URL, r.urlKey, a.Language, r.published, r.modified,
		r.captured, formatTime(r.imported), a.CaptureURL, r.fileName, r.format,
		r.blocks, r.figures, r.related, r.text, r.captions, notes,
		cjkOf(a.Title, a.Standfirst, r.byline, r.text, r.captions, notes),
		r.authors, string(a.Confidence), cur.id)
	if err != nil {
		return err
	}
	if err := setLinks(ctx, tx, cur.id, a); err != nil {
		return err
	}
	if err := sealArticle(ctx, tx, cur.id); err != nil {
		return err
	}
	return insertTags(ctx, tx, cur.id, a.Tags)
}

const versionsQuery = `
SELECT v.title, o.sha256, v.file_name, v.format, v.captured, v.imported
FROM article_versions v JOIN originals o ON o.id = v.original_id
WHERE v.article_id = ? ORDER BY v.id`

const currentInfoQuery = `
SELECT a.title, o.sha256, a.file_name, a.format, a.captured, a.imported
FROM articles a JOIN originals o ON o.id = a.original_id WHERE a.id = ?`

// Versions returns the versions of article id, oldest first; the last is
// the current one. An article never updated has one version. It returns an
// error wrapping ErrNotFound when there is no such article.
func (s *Store) Versions(ctx context.Context, id int64) ([]Version, error) {
	cur, err := scanVersion(s.db.QueryRowContext(ctx, currentInfoQuery, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("versions of %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("versions of %d: %w", id, err)
	}
	rows, err := s.db.QueryContext(ctx, versionsQuery, id)
	if err != nil {
		return nil, fmt.Errorf("versions of %d: %w", id, err)
	}
	defer rows.Close()
	var vs []Version
	for rows.Next() {
		v, err := scanVersion(rows)
		if err != nil {
			return nil, fmt.Errorf("versions of %d: %w", id, err)
		}
		vs = append(vs, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("versions of %d: %w", id, err)
	}
	cur.Current = true
	vs = append(vs, cur)
	for i := range vs {
		vs[i].Number = i + 1
	}
	return vs, nil
}

// scanVersion reads the columns of versionsQuery.
func scanVersion(row interface{ Scan(...any) error }) (Version, error) {
	var v Version
	var capt, imp sql.NullString
	if err := row.Scan(&v.Title, &v.OriginalSHA, &v.FileName, &v.Format, &capt, &imp); err != nil {
		return v, err
	}
	var err error
	if v.Captured, err = parseTime(capt); err == nil {
		v.Imported, err = parseTime(imp)
	}
	return v, err
}

const versionQuery = `
SELECT v.article_id, v.title, v.subtitle, v.byline, v.site, v.url, v.language,
	v.published, v.modified, v.blocks, v.figures, v.related, v.authors, v.confidence,
	o.sha256, v.file_name, v.format, v.capture_url, v.captured, v.imported,
	a.starred, a.read
FROM article_versions v JOIN originals o ON o.id = v.original_id JOIN articles a ON a.id = v.article_id
WHERE v.article_id = ? ORDER BY v.id LIMIT 1 OFFSET ?`

// ArticleVersion returns version number n (as Versions numbers them) of
// article id, with the article's tags and states. It returns an error
// wrapping ErrNotFound when the article or the version does not exist.
func (s *Store) ArticleVersion(ctx context.Context, id int64, n int) (*Article, error) {
	old, err := s.versionCount(ctx, id)
	if err != nil {
		return nil, err
	}
	if n == old+1 {
		return s.Article(ctx, id)
	}
	if n < 1 || n > old {
		return nil, fmt.Errorf("article %d version %d: %w", id, n, ErrNotFound)
	}
	a, err := scanArticle(s.db.QueryRowContext(ctx, versionQuery, id, n-1))
	if err == nil {
		a.Tags, err = s.articleTags(ctx, id)
	}
	if err != nil {
		return nil, fmt.Errorf("article %d version %d: %w", id, n, err)
	}
	return a, nil
}

// versionCount returns the number of earlier versions of article id, or
// an error wrapping ErrNotFound.
func (s *Store) versionCount(ctx context.Context, id int64) (int, error) {
	var exists, n int
	const q = `SELECT (SELECT count(*) FROM articles WHERE id = ?1), (SELECT count(*) FROM article_versions WHERE article_id = ?1)`
	if err := s.db.QueryRowContext(ctx, q, id).Scan(&exists, &n); err != nil {
		return 0, fmt.Errorf("article %d: %w", id, err)
	}
	if exists == 0 {
		return 0, fmt.Errorf("article %d: %w", id, ErrNotFound)
	}
	return n, nil
}
