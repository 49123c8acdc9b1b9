package archive

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
)

// DeleteArticles deletes the articles ids wholly, in one transaction:
// their earlier versions, index rows, tag links, annotations, collection
// memberships and states, then the originals and images that no remaining
// article or version refers to (those shared with other articles stay).
// Tags no article has any more go too. IDs that are not articles are
// ignored. It deletes for real: what is deleted is overwritten with
// zeros (the secure_delete pragma, dsn), its words are taken out of the
// full-text index's pages (its secure-delete option, migration 0008), and
// the WAL is copied into the file and emptied, so that the deleted text
// is nowhere in the archive's files (automatic backups made before still
// hold it). It returns an error only when the database fails; then
// nothing is deleted.
func (s *Store) DeleteArticles(ctx context.Context, ids ...int64) error {
	if len(ids) == 0 {
		return nil
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return fmt.Errorf("delete articles: %w", err)
	}
	err = s.write(ctx, func(tx *sql.Tx) error {
		originals, images, err := heldBy(ctx, tx, string(list))
		if err != nil {
			return err
		}
		// On, whatever a Rewrite killed before its end left.
		if _, err := tx.ExecContext(ctx, secureDeleteQuery, 1); err != nil {
			return err
		}
		for _, q := range deleteArticleQueries {
			if _, err := tx.ExecContext(ctx, q, string(list)); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, pruneTagsQuery); err != nil {
			return err
		}
		if err := dropOriginals(ctx, tx, originals); err != nil {
			return err
		}
		return dropImages(ctx, tx, images)
	})
	if err != nil {
		return fmt.Errorf("delete articles: %w", err)
	}
	s.flushWAL(ctx)
	return nil
}

// flushWAL copies the -wal file into the archive file and empties it, so
// that the pages a deletion overwrote are gone from it too. Best effort:
// a reader in another connection or process keeps the WAL, which is
// emptied at a later checkpoint.
func (s *Store) flushWAL(ctx context.Context) {
	s.db.ExecContext(withoutGate(ctx), `PRAGMA wal_checkpoint(TRUNCATE)`)
}

// idsIn matches the IDs of a JSON array bound as its one parameter.
const idsIn = `IN (SELECT value FROM json_each(?))`

// deleteArticleQueries delete what belongs to the articles of a JSON
// array of IDs; the articles' own rows last (the delete trigger takes
// their index rows out). The foreign keys would cascade most of these;
// they are spelled out so that the deletion does not depend on it.
var deleteArticleQueries = []string{
	`DELETE FROM article_versions WHERE article_id ` + idsIn,
	`DELETE FROM article_tags WHERE article_id ` + idsIn,
	`DELETE FROM annotations WHERE article_id ` + idsIn,
	`DELETE FROM collection_articles WHERE article_id ` + idsIn,
	`DELETE FROM articles WHERE id ` + idsIn,
}

// heldByQuery lists the originals (kind 'o', by ID) and the images (kind
// 'i', by SHA-256) of the articles of a JSON array of IDs and of their
// versions.
const heldByQuery = `
SELECT 'o', original_id FROM articles WHERE id ` + idsIn + `
UNION SELECT 'o', original_id FROM article_versions WHERE article_id ` + idsIn + `
UNION SELECT 'i', json_extract(f.value, '$.image_sha')
	FROM articles a, json_each(a.figures) f WHERE a.id ` + idsIn + ` AND json_extract(f.value, '$.image_sha') <> ''
UNION SELECT 'i', json_extract(f.value, '$.image_sha')
	FROM article_versions v, json_each(v.figures) f WHERE v.article_id ` + idsIn + ` AND json_extract(f.value, '$.image_sha') <> ''`

// heldBy returns the originals and images of the articles of list (a JSON
// array of IDs), which may be left without articles by their deletion.
func heldBy(ctx context.Context, tx *sql.Tx, list string) (originals []int64, images []string, err error) {
	rows, err := tx.QueryContext(ctx, heldByQuery, list, list, list, list)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var kind string
		var v any
		if err := rows.Scan(&kind, &v); err != nil {
			return nil, nil, err
		}
		switch v := v.(type) {
		case int64:
			originals = append(originals, v)
		case string:
			images = append(images, v)
		}
	}
	return originals, images, rows.Err()
}

const dropOriginalQuery = `
DELETE FROM originals WHERE id = ?1
AND NOT EXISTS (SELECT 1 FROM articles WHERE original_id = ?1)
AND NOT EXISTS (SELECT 1 FROM article_versions WHERE original_id = ?1)`

// dropOriginals deletes those of ids that no article or version refers to.
func dropOriginals(ctx context.Context, tx *sql.Tx, ids []int64) error {
	for _, id := range ids {
		if _, err := tx.ExecContext(ctx, dropOriginalQuery, id); err != nil {
			return fmt.Errorf("original %d: %w", id, err)
		}
	}
	return nil
}

// figuresQuery reads the figures of every article and version that has
// any, from the partial indexes of 0004_delete.sql rather than the
// (large) rows.
const figuresQuery = `
SELECT figures FROM articles INDEXED BY articles_figures WHERE figures <> '[]'
UNION ALL
SELECT figures FROM article_versions INDEXED BY article_versions_figures WHERE figures <> '[]'`

// dropImages deletes those of shas that no figure refers to any more. It
// reads the figures once, whatever the number of images: a figure refers
// to an image by its SHA-256 in the JSON (a caption that happened to
// hold the hash would only keep the image).
func dropImages(ctx context.Context, tx *sql.Tx, shas []string) error {
	if len(shas) == 0 {
		return nil
	}
	left := map[string]bool{}
	for _, sha := range shas {
		left[sha] = true
	}
	rows, err := tx.QueryContext(ctx, figuresQuery)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() && len(left) > 0 {
		var figures string
		if err := rows.Scan(&figures); err != nil {
			return err
		}
		for sha := range left {
			if strings.Contains(figures, sha) {
				delete(left, sha)
			}
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()
	for sha := range left {
		if _, err := tx.ExecContext(ctx, `DELETE FROM images WHERE sha256 = ?`, sha); err != nil {
			return fmt.Errorf("image %s: %w", sha, err)
		}
	}
	return nil
}
