package archive

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// DefaultLimit is the page size of List and Search when none is given.
const DefaultLimit = 50

// Summary is what a list of articles shows of each.
type Summary struct {
	ID        int64     `json:"id"`
	Title     string    `json:"title"`
	Site      string    `json:"site,omitempty"`
	URL       string    `json:"url,omitempty"` // canonical URL, else the capture URL
	Published time.Time `json:"published,omitzero"`
	Imported  time.Time `json:"imported"`
	Starred   bool      `json:"starred,omitempty"`
	Read      bool      `json:"read,omitempty"`
	// Confidence says how much the article reads as one ("article",
	// "page", "stub"); "" when not measured.
	Confidence Confidence `json:"confidence,omitempty"`
}

// ListFilter selects a page of articles. A Limit of 0 or less means
// DefaultLimit.
type ListFilter struct {
	Offset, Limit int
}

// page returns the OFFSET and LIMIT arguments of a page that starts at
// offset and holds limit articles: no offset below 0, DefaultLimit for a
// limit of 0 or less.
func page(offset, limit int) (int, int) {
	if limit <= 0 {
		limit = DefaultLimit
	}
	return max(offset, 0), limit
}

// summaryColumns are the columns scanSummary reads, from articles as a.
const summaryColumns = `a.id, a.title, a.site, coalesce(nullif(a.url, ''), a.capture_url), a.published, a.imported, a.starred, a.read, a.confidence`

// scanSummary scans summaryColumns, then extra.
func scanSummary(rows *sql.Rows, sum *Summary, extra ...any) error {
	var pub, imp sql.NullString
	dest := append([]any{&sum.ID, &sum.Title, &sum.Site, &sum.URL, &pub, &imp, &sum.Starred, &sum.Read, &sum.Confidence}, extra...)
	if err := rows.Scan(dest...); err != nil {
		return err
	}
	var err error
	if sum.Published, err = parseTime(pub); err != nil {
		return err
	}
	sum.Imported, err = parseTime(imp)
	return err
}

const listQuery = `
SELECT ` + summaryColumns + `
FROM articles a
ORDER BY a.imported DESC, a.id DESC
LIMIT ? OFFSET ?`

// List returns a page of articles, the most recently imported first (the
// last-stored first among those imported together). It returns an error
// only when the database fails.
func (s *Store) List(ctx context.Context, f ListFilter) ([]Summary, error) {
	offset, limit := page(f.Offset, f.Limit)
	rows, err := s.db.QueryContext(ctx, listQuery, limit, offset)
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	defer rows.Close()
	list := make([]Summary, 0, min(limit, 256))
	for rows.Next() {
		var sum Summary
		if err := scanSummary(rows, &sum); err != nil {
			return nil, fmt.Errorf("list articles: %w", err)
		}
		list = append(list, sum)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	return list, nil
}

// Count returns the number of articles in the archive.
func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count articles: %w", err)
	}
	return n, nil
}

const articleQuery = `
SELECT a.id, a.title, a.subtitle, a.byline, a.site, a.url, a.language,
	a.published, a.modified, a.blocks, a.figures, a.related, a.authors, a.confidence,
	o.sha256, a.file_name, a.format, a.capture_url, a.captured, a.imported,
	a.starred, a.read
FROM articles a JOIN originals o ON o.id = a.original_id
WHERE a.id = ?`

const articleTagsQuery = `
SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id
WHERE at.article_id = ? ORDER BY t.name`

// Article returns the article id with its body, figures, related links,
// provenance and tags (sorted). It returns an error wrapping ErrNotFound
// when there is no such article.
func (s *Store) Article(ctx context.Context, id int64) (*Article, error) {
	a, err := scanArticle(s.q().QueryRowContext(ctx, articleQuery, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("article %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("article %d: %w", id, err)
	}
	if a.Tags, err = s.articleTags(ctx, id); err != nil {
		return nil, fmt.Errorf("article %d: %w", id, err)
	}
	return a, nil
}

// scanArticle reads a row of articleQuery or versionQuery: the content
// and provenance of a version, the article's ID and states.
func scanArticle(row *sql.Row) (*Article, error) {
	a := &Article{}
	var times [4]sql.NullString
	var blocks, figures, related, authors string
	err := row.Scan(&a.ID, &a.Title, &a.Standfirst, &a.Byline, &a.Site, &a.URL, &a.Language,
		&times[0], &times[1], &blocks, &figures, &related, &authors, &a.Confidence,
		&a.OriginalSHA, &a.FileName, &a.Format, &a.CaptureURL, &times[2], &times[3],
		&a.Starred, &a.Read)
	if err != nil {
		return nil, err
	}
	dst := [4]*time.Time{&a.Published, &a.Modified, &a.Captured, &a.Imported}
	for i, t := range times {
		if *dst[i], err = parseTime(t); err != nil {
			return nil, err
		}
	}
	if a.Blocks, err = decodeJSON[Block](blocks); err != nil {
		return nil, fmt.Errorf("blocks: %w", err)
	}
	if a.Figures, err = decodeJSON[Figure](figures); err != nil {
		return nil, fmt.Errorf("figures: %w", err)
	}
	if a.Related, err = decodeJSON[Link](related); err != nil {
		return nil, fmt.Errorf("related: %w", err)
	}
	if a.Authors, err = decodeJSON[Author](authors); err != nil {
		return nil, fmt.Errorf("authors: %w", err)
	}
	return a, nil
}

func (s *Store) articleTags(ctx context.Context, id int64) ([]string, error) {
	rows, err := s.q().QueryContext(ctx, articleTagsQuery, id)
	if err != nil {
		return nil, fmt.Errorf("tags: %w", err)
	}
	defer rows.Close()
	var tags []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, fmt.Errorf("tags: %w", err)
		}
		tags = append(tags, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("tags: %w", err)
	}
	return tags, nil
}

// HasOriginal reports whether a saved file with this SHA-256 is stored, so
// that an importer can skip cleaning it again. It returns an error only
// when the database fails.
func (s *Store) HasOriginal(ctx context.Context, sha string) (bool, error) {
	var n int
	const q = `SELECT count(*) FROM originals WHERE sha256 = ?`
	if err := s.db.QueryRowContext(ctx, q, normSHA(sha)).Scan(&n); err != nil {
		return false, fmt.Errorf("original %s: %w", sha, err)
	}
	return n > 0, nil
}

const originalQuery = `
SELECT sha256, name, format, size, encoding, data FROM originals WHERE sha256 = ?`

// Original returns the saved file with this SHA-256 exactly as it was
// imported. It returns an error wrapping ErrNotFound when it is absent.
func (s *Store) Original(ctx context.Context, sha string) (*Original, error) {
	o := &Original{}
	var size int64
	var enc string
	var blob []byte
	err := s.db.QueryRowContext(ctx, originalQuery, normSHA(sha)).Scan(
		&o.SHA256, &o.Name, &o.Format, &size, &enc, &blob)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("original %s: %w", sha, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("original %s: %w", sha, err)
	}
	if o.Data, err = unpack(blob, enc, size); err != nil {
		return nil, fmt.Errorf("original %s (%s): %w", sha, o.Name, err)
	}
	return o, nil
}

const imageQuery = `SELECT sha256, mime, data FROM images WHERE sha256 = ?`

// Image returns the stored image with this SHA-256. It returns an error
// wrapping ErrNotFound when it is absent.
func (s *Store) Image(ctx context.Context, sha string) (*Image, error) {
	im := &Image{}
	err := s.db.QueryRowContext(ctx, imageQuery, normSHA(sha)).Scan(&im.SHA256, &im.MIME, &im.Data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("image %s: %w", sha, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("image %s: %w", sha, err)
	}
	return im, nil
}

// Summaries returns the summaries of the articles ids, in that order;
// an ID of no article is left out.
func (s *Store) Summaries(ctx context.Context, ids []int64) ([]Summary, error) {
	const chunk = 500 // bound variables per statement
	out := make([]Summary, 0, len(ids))
	for len(ids) > 0 {
		n := min(len(ids), chunk)
		hits, err := s.hits(ctx, ids[:n])
		if err != nil {
			return nil, err
		}
		for _, h := range hits {
			out = append(out, h.Summary)
		}
		ids = ids[n:]
	}
	return out, nil
}
