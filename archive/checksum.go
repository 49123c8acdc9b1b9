package archive

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strconv"
)

// Every write of an article's or an earlier version's content ends with
// sealArticle or sealVersion, which read the row back and store the
// checksum of its record (migration 0009): a new path that writes those
// columns must seal them too, or check reports the row.

// recordColumns are the columns a checksum covers, shared by articles and
// article_versions.
const recordColumns = `title, subtitle, byline, site, url, language, published, modified, captured, imported,
	capture_url, file_name, format, blocks, figures, related, text, captions, authors, confidence`

const (
	articleRecordQuery = `SELECT ` + recordColumns + ` FROM articles WHERE id = ?`
	versionRecordQuery = `SELECT ` + recordColumns + ` FROM article_versions WHERE id = ?`
	sealArticleQuery   = `INSERT INTO article_sums (article_id, sum) VALUES (?, ?)
ON CONFLICT (article_id) DO UPDATE SET sum = excluded.sum`
	sealVersionQuery = `INSERT INTO version_sums (version_id, sum) VALUES (?, ?)
ON CONFLICT (version_id) DO UPDATE SET sum = excluded.sum`
)

// recordSum is the checksum of one row's record, read from a row of
// recordColumns: the SHA-256 of each value with its length (NULL apart),
// the first 16 bytes in hex.
func recordSum(row interface{ Scan(...any) error }) (string, error) {
	var f [20]sql.NullString
	args := make([]any, len(f))
	for i := range f {
		args[i] = &f[i]
	}
	if err := row.Scan(args...); err != nil {
		return "", err
	}
	h := sha256.New()
	for _, v := range f {
		if !v.Valid {
			h.Write([]byte("-;"))
			continue
		}
		h.Write([]byte(strconv.Itoa(len(v.String)) + ":"))
		h.Write([]byte(v.String))
	}
	return hex.EncodeToString(h.Sum(nil)[:16]), nil
}

// sealArticle stores the checksum of article id's record as it is now.
func sealArticle(ctx context.Context, tx *sql.Tx, id int64) error {
	sum, err := recordSum(tx.QueryRowContext(ctx, articleRecordQuery, id))
	if err == nil {
		_, err = tx.ExecContext(ctx, sealArticleQuery, id, sum)
	}
	if err != nil {
		return fmt.Errorf("checksum of article %d: %w", id, err)
	}
	return nil
}

// sealVersion stores the checksum of the earlier version id's record.
func sealVersion(ctx context.Context, tx *sql.Tx, id int64) error {
	sum, err := recordSum(tx.QueryRowContext(ctx, versionRecordQuery, id))
	if err == nil {
		_, err = tx.ExecContext(ctx, sealVersionQuery, id, sum)
	}
	if err != nil {
		return fmt.Errorf("checksum of version %d: %w", id, err)
	}
	return nil
}

// fillChecksums is the step of migration 0009: the checksum of every
// article and version stored before.
func fillChecksums(ctx context.Context, tx *sql.Tx) error {
	for _, t := range []struct {
		list string
		seal func(context.Context, *sql.Tx, int64) error
	}{
		{`SELECT id FROM articles ORDER BY id`, sealArticle},
		{`SELECT id FROM article_versions ORDER BY id`, sealVersion},
	} {
		ids, err := listIDs(ctx, tx, t.list)
		if err != nil {
			return err
		}
		for _, id := range ids {
			if err := t.seal(ctx, tx, id); err != nil {
				return err
			}
		}
	}
	return nil
}

// listIDs returns the IDs a query lists.
func listIDs(ctx context.Context, q querier, query string, args ...any) ([]int64, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// checkRecordsQuery reads every article's and version's record with its
// checksum (empty when it has none), one row at a time.
const checkRecordsQuery = `
SELECT 'article', a.id, coalesce(s.sum, ''), ` + recordColumns + `
FROM articles a LEFT JOIN article_sums s ON s.article_id = a.id
UNION ALL
SELECT 'version', v.id, coalesce(s.sum, ''), ` + recordColumns + `
FROM article_versions v LEFT JOIN version_sums s ON s.version_id = v.id`

// checkRecords recomputes the checksum of every article and version and
// lists those that differ from the stored one, or have none.
func (s *Store) checkRecords(ctx context.Context, r *CheckReport) error {
	var tables int
	const has = `SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('article_sums', 'version_sums')`
	if err := s.db.QueryRowContext(ctx, has).Scan(&tables); err != nil || tables < 2 {
		return err // an archive checked as it is, before migration 0009, has none
	}
	rows, err := s.db.QueryContext(ctx, checkRecordsQuery)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var kind, want string
		var id int64
		got, err := recordSum(prefixed{rows, []any{&kind, &id, &want}})
		if err != nil {
			return err
		}
		switch {
		case want == "":
			r.Problems = append(r.Problems, fmt.Sprintf("%s %d: no checksum of its text and details", kind, id))
		case got != want:
			r.Problems = append(r.Problems, fmt.Sprintf("%s %d: its text or details changed since it was stored (checksum %s, recorded %s)", kind, id, got, want))
		}
	}
	return rows.Err()
}

// prefixed scans the first columns of a row into head and the others as
// recordSum asks.
type prefixed struct {
	rows *sql.Rows
	head []any
}

func (p prefixed) Scan(dest ...any) error { return p.rows.Scan(append(p.head, dest...)...) }
