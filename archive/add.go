package archive

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// querier is what *sql.DB and *sql.Tx share.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// AddCapture stores a capture in one transaction: the original
// (compressed), its images (each once across the archive), its articles and
// their full-text rows. When an original with the same SHA-256 is already
// stored it changes nothing and returns AlreadyPresent with the existing
// article IDs.
//
// An article whose address (canonical URL, else capture URL, normalised)
// is already stored is not added again: when its content (title,
// standfirst, byline, text, captions) is the same it is left alone; when
// it differs it becomes the new version of the stored article, which keeps
// its ID, tags, collections and annotations (re-anchored to the new text;
// see Versions). The outcome is Imported when some article is new,
// NewVersion when the capture only brought new versions, AlreadyPresent
// (nothing stored, not even the original) when every article was already
// there. The address lookup happens article by article, so a capture
// holding two captures of one page stores the second as a new version.
// An article's zero Imported becomes now; an empty FileName or
// Format is taken from the original. The capture itself is not modified.
//
// An article's byline is stored showing every author's name (see
// shownByline).
//
// It returns an error naming the file when the capture is invalid (nil, no
// articles, a nil article or one with an unknown Confidence, an empty or
// wrong SHA-256 for the original or an image) or when the database fails.
func (s *Store) AddCapture(ctx context.Context, c *Capture) (AddResult, error) {
	if c == nil {
		return AddResult{}, errors.New("add capture: nil capture")
	}
	name := captureName(c)
	if err := validateCapture(c); err != nil {
		return AddResult{}, fmt.Errorf("add %s: %w", name, err)
	}
	sha := normSHA(c.Original.SHA256)
	// Cheap check first, so re-importing a known file costs no compression.
	ids, found, err := originalArticles(ctx, s.q(), sha)
	if err != nil {
		return AddResult{}, fmt.Errorf("add %s: %w", name, err)
	}
	if found {
		return AddResult{Outcome: AlreadyPresent, IDs: ids}, nil
	}
	now := time.Now().UTC()
	rows, err := articleRows(c, now)
	if err != nil {
		return AddResult{}, fmt.Errorf("add %s: %w", name, err)
	}
	blob, enc, err := pack(c.Original.Data)
	if err != nil {
		return AddResult{}, fmt.Errorf("add %s: compress: %w", name, err)
	}
	res, err := s.addCapture(ctx, c, sha, blob, enc, rows, now)
	if err != nil {
		return AddResult{}, fmt.Errorf("add %s: %w", name, err)
	}
	return res, nil
}

// addCapture is the transaction of AddCapture.
func (s *Store) addCapture(ctx context.Context, c *Capture, sha string, blob []byte, enc string, rows []articleRow, now time.Time) (AddResult, error) {
	var res AddResult
	err := s.write(ctx, func(tx *sql.Tx) error {
		var idx indexQueue
		var err error
		if res, err = addCaptureTx(ctx, tx, &idx, c, sha, blob, enc, rows, now); err != nil {
			return err
		}
		return idx.flush(ctx, tx)
	})
	if err != nil {
		return AddResult{}, err
	}
	return res, nil
}

// addCaptureTx stores a capture in tx; the full-text rows of new articles
// wait in idx.
func addCaptureTx(ctx context.Context, tx *sql.Tx, idx *indexQueue, c *Capture, sha string, blob []byte, enc string, rows []articleRow, now time.Time) (AddResult, error) {
	// Again inside the write lock: another writer may have stored it since.
	ids, found, err := originalArticles(ctx, tx, sha)
	if err != nil {
		return AddResult{}, err
	}
	if found {
		return AddResult{Outcome: AlreadyPresent, IDs: ids}, nil
	}
	if ids, same, err := sameArticles(ctx, tx, rows); err != nil || same {
		return AddResult{Outcome: AlreadyPresent, IDs: ids}, err
	}
	origID, err := insertOriginal(ctx, tx, &c.Original, sha, blob, enc, now)
	if err != nil {
		return AddResult{}, err
	}
	if err := insertImages(ctx, tx, c.Images); err != nil {
		return AddResult{}, err
	}
	res := AddResult{Outcome: NewVersion, IDs: make([]int64, 0, len(rows))}
	for i := range rows {
		id, out, err := storeArticle(ctx, tx, idx, origID, i, &rows[i], now)
		if err != nil {
			return AddResult{}, fmt.Errorf("article %d: %w", i+1, err)
		}
		if out == Imported {
			res.Outcome = Imported
		}
		res.IDs = append(res.IDs, id)
	}
	return res, nil
}

// storeArticle stores one article of a capture: as a new article, as a new
// version of the stored article with the same address, or not at all when
// that article already has the same content. It returns the article's ID
// and Imported, NewVersion or AlreadyPresent.
func storeArticle(ctx context.Context, tx *sql.Tx, idx *indexQueue, origID int64, pos int, r *articleRow, now time.Time) (int64, Outcome, error) {
	cur, err := currentVersion(ctx, tx, r.urlKey)
	if err != nil {
		return 0, 0, err
	}
	switch {
	case cur == nil:
		id, err := insertArticle(ctx, tx, idx, origID, pos, r)
		if err == nil {
			_, err = assignCitationKey(ctx, tx, id, r.a, r.key)
		}
		return id, Imported, err
	case cur.sameContent(r):
		return cur.id, AlreadyPresent, nil
	}
	// The update trigger rewrites the article's full-text row, which must
	// be there first.
	if err := idx.flush(ctx, tx); err != nil {
		return 0, 0, err
	}
	if err := addVersion(ctx, tx, cur, origID, pos, r, now); err != nil {
		return 0, 0, fmt.Errorf("new version of article %d: %w", cur.id, err)
	}
	return cur.id, NewVersion, nil
}

// captureName names a capture in errors.
func captureName(c *Capture) string {
	if c.Original.Name != "" {
		return c.Original.Name
	}
	if c.Original.SHA256 != "" {
		return "original " + c.Original.SHA256
	}
	return "capture"
}

// validateCapture checks what AddCapture needs before touching the database.
func validateCapture(c *Capture) error {
	if len(c.Articles) == 0 {
		return errors.New("no articles")
	}
	for i, a := range c.Articles {
		if a == nil {
			return fmt.Errorf("article %d is nil", i+1)
		}
		if !a.Confidence.Known() {
			return fmt.Errorf("article %d: unknown confidence %q", i+1, a.Confidence)
		}
	}
	if err := checkSHA(normSHA(c.Original.SHA256), c.Original.Data); err != nil {
		return fmt.Errorf("original: %w", err)
	}
	for i, im := range c.Images {
		if err := checkSHA(normSHA(im.SHA256), im.Data); err != nil {
			return fmt.Errorf("image %d: %w", i+1, err)
		}
	}
	return nil
}

// originalArticlesQuery finds the articles of an original, also those
// whose current version came from a later capture. Both halves use an
// index on original_id.
const originalArticlesQuery = `
SELECT o.id, a.id, a.position FROM originals o LEFT JOIN articles a ON a.original_id = o.id
WHERE o.sha256 = ?1
UNION ALL
SELECT o.id, v.article_id, v.position FROM originals o JOIN article_versions v ON v.original_id = o.id
WHERE o.sha256 = ?1
ORDER BY 3, 2`

// originalArticles returns the IDs of the articles cleaned from the
// original sha, and whether that original is stored at all.
func originalArticles(ctx context.Context, q querier, sha string) (ids []int64, found bool, err error) {
	rows, err := q.QueryContext(ctx, originalArticlesQuery, sha)
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	for rows.Next() {
		var origID int64
		var id, pos sql.NullInt64
		if err := rows.Scan(&origID, &id, &pos); err != nil {
			return nil, false, err
		}
		found = true
		if id.Valid && !slices.Contains(ids, id.Int64) {
			ids = append(ids, id.Int64)
		}
	}
	return ids, found, rows.Err()
}

const insertOriginalQuery = `
INSERT INTO originals (sha256, name, format, size, encoding, data, imported)
VALUES (?, ?, ?, ?, ?, ?, ?)`

func insertOriginal(ctx context.Context, tx *sql.Tx, o *Original, sha string, blob []byte, enc string, imported time.Time) (int64, error) {
	res, err := tx.ExecContext(ctx, insertOriginalQuery,
		sha, o.Name, o.Format, len(o.Data), enc, blob, formatTime(imported))
	if err != nil {
		return 0, fmt.Errorf("store original: %w", err)
	}
	return res.LastInsertId()
}

const insertImageQuery = `
INSERT INTO images (sha256, mime, size, data) VALUES (?, ?, ?, ?)
ON CONFLICT (sha256) DO NOTHING`

func insertImages(ctx context.Context, tx *sql.Tx, images []Image) error {
	for i := range images {
		im := &images[i]
		if _, err := tx.ExecContext(ctx, insertImageQuery, normSHA(im.SHA256), im.MIME, len(im.Data), nonNil(im.Data)); err != nil {
			return fmt.Errorf("store image %s: %w", im.SHA256, err)
		}
	}
	return nil
}

// articleRow is an article with its derived columns, computed before the
// transaction begins.
type articleRow struct {
	a                                 *Article
	blocks, figures, related, authors string // JSON
	byline                            string // shownByline
	text, captions, urlKey            string
	cjk                               string // bigrams, without the notes (a new article has none)
	fileName, format                  string
	published, modified               any
	captured                          any
	imported                          time.Time
	key                               string // the citation key asked for, if any
}

// encode fills the JSON columns of r.
func (r *articleRow) encode() error {
	var err error
	if r.blocks, err = encodeJSON(storedBlocks(r.a.Blocks)); err != nil {
		return err
	}
	if r.figures, err = encodeJSON(r.a.Figures); err != nil {
		return err
	}
	if r.related, err = encodeJSON(r.a.Related); err != nil {
		return err
	}
	r.authors, err = encodeJSON(r.a.Authors)
	return err
}

// articleRows derives the stored columns of each article of c.
func articleRows(c *Capture, now time.Time) ([]articleRow, error) {
	rows := make([]articleRow, len(c.Articles))
	for i, a := range c.Articles {
		r := articleRow{
			a: a, text: a.Text(), captions: a.Captions(),
			fileName: a.FileName, format: a.Format, imported: a.Imported,
			published: pageTimeArg(a.Published), modified: pageTimeArg(a.Modified), captured: timeArg(a.Captured),
		}
		if i < len(c.CitationKeys) {
			r.key = c.CitationKeys[i]
		}
		if r.fileName == "" {
			r.fileName = c.Original.Name
		}
		if r.format == "" {
			r.format = c.Original.Format
		}
		if r.imported.IsZero() {
			r.imported = now
		}
		r.byline = shownByline(a)
		r.cjk = cjkOf(a.Title, a.Standfirst, r.byline, r.text, r.captions, "")
		r.urlKey = articleKey(a.URL, a.CaptureURL)
		if err := r.encode(); err != nil {
			return nil, fmt.Errorf("article %d: %w", i+1, err)
		}
		rows[i] = r
	}
	return rows, nil
}

const insertArticleQuery = `
INSERT INTO articles (
	original_id, position, title, subtitle, byline, site, url, url_key, language,
	published, modified, captured, imported, capture_url, file_name, format,
	blocks, figures, related, text, captions, cjk, starred, read, authors, confidence
) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// insertFTSQuery indexes an article; there is deliberately no insert
// trigger (see migrations/0001_init.sql). A new article has no notes.
const insertFTSQuery = `
INSERT INTO articles_fts (rowid, title, subtitle, byline, text, captions, cjk)
VALUES (?, ?, ?, ?, ?, ?, ?)`

// indexQueue holds the full-text rows of the articles stored in a
// transaction until its end. FTS5 writes its pending rows out whenever a
// statement opens a savepoint (an insert with a foreign key or ON
// CONFLICT, such as a tag's), which would turn every article into a small
// index segment of its own; inserting them last keeps them together.
type indexQueue struct {
	ids  []int64
	rows []*articleRow
}

// flush inserts the waiting rows.
func (q *indexQueue) flush(ctx context.Context, tx *sql.Tx) error {
	if len(q.ids) == 0 {
		return nil
	}
	st, err := tx.PrepareContext(ctx, insertFTSQuery)
	if err != nil {
		return fmt.Errorf("index: %w", err)
	}
	defer st.Close()
	for i, id := range q.ids {
		r := q.rows[i]
		if _, err := st.ExecContext(ctx, id, r.a.Title, r.a.Standfirst, r.byline, r.text, r.captions, r.cjk); err != nil {
			return fmt.Errorf("index article %d: %w", id, err)
		}
	}
	q.ids, q.rows = q.ids[:0], q.rows[:0]
	return nil
}

// insertArticle stores one article and its tags, and queues its index row.
func insertArticle(ctx context.Context, tx *sql.Tx, idx *indexQueue, origID int64, pos int, r *articleRow) (int64, error) {
	a := r.a
	res, err := tx.ExecContext(ctx, insertArticleQuery,
		origID, pos, a.Title, a.Standfirst, r.byline, a.Site, a.URL, r.urlKey, a.Language,
		r.published, r.modified, r.captured, formatTime(r.imported), a.CaptureURL, r.fileName, r.format,
		r.blocks, r.figures, r.related, r.text, r.captions, r.cjk, a.Starred, a.Read, r.authors, string(a.Confidence))
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	if err := sealArticle(ctx, tx, id); err != nil {
		return 0, err
	}
	if err := insertTags(ctx, tx, id, a.Tags); err != nil {
		return 0, err
	}
	if err := setLinks(ctx, tx, id, a); err != nil {
		return 0, err
	}
	idx.ids, idx.rows = append(idx.ids, id), append(idx.rows, r)
	return id, nil
}

const (
	insertTagQuery        = `INSERT INTO tags (name) VALUES (?) ON CONFLICT DO NOTHING`
	insertArticleTagQuery = `
INSERT INTO article_tags (article_id, tag_id)
SELECT ?, id FROM tags WHERE name = ?
ON CONFLICT DO NOTHING`
)

// insertTags attaches tags (normalised by TagName; blank ones skipped) to
// an article, creating the tags that do not exist. Tag names compare
// without case.
func insertTags(ctx context.Context, tx *sql.Tx, id int64, tags []string) error {
	for _, t := range tags {
		if strings.TrimSpace(t) == "" {
			continue
		}
		t, err := TagName(t)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, insertTagQuery, t); err != nil {
			return fmt.Errorf("tag %q: %w", t, err)
		}
		if _, err := tx.ExecContext(ctx, insertArticleTagQuery, id, t); err != nil {
			return fmt.Errorf("tag %q: %w", t, err)
		}
	}
	return nil
}
