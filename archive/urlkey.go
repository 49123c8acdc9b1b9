package archive

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/clippings/clippings/internal/urlnorm"
)

// An article's address key (articles.url_key) is urlnorm.Key of its
// canonical URL, else of its capture URL: the versions of one page share
// it. Changing urlnorm.Key means computing the stored keys again in a
// migration, as rekeyURLs does.

// articleKey returns the address key of an article with these addresses.
func articleKey(url, captureURL string) string {
	if k := urlnorm.Key(url); k != "" {
		return k
	}
	return urlnorm.Key(captureURL)
}

// rekeyURLs computes url_key again for every article (migration 0006,
// after the keys of the releases before it). It reads every article's
// addresses once and writes only the keys that change. Articles that come
// to share a key stay apart: the newest is the one a new capture of their
// page updates.
func rekeyURLs(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, url, capture_url, url_key FROM articles`)
	if err != nil {
		return fmt.Errorf("read addresses: %w", err)
	}
	changed := map[int64]string{}
	for rows.Next() {
		var id int64
		var url, captureURL, key string
		if err := rows.Scan(&id, &url, &captureURL, &key); err != nil {
			rows.Close()
			return fmt.Errorf("read addresses: %w", err)
		}
		if k := articleKey(url, captureURL); k != key {
			changed[id] = k
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read addresses: %w", err)
	}
	return setByID(ctx, tx, `UPDATE articles SET url_key = ? WHERE id = ?`, changed)
}

// SameAddress reports whether two addresses name one page, as the
// archive compares them to find a page's earlier versions: both absolute
// http(s) URLs, equal once normalised.
func SameAddress(a, b string) bool {
	k := urlnorm.Key(a)
	return k != "" && k == urlnorm.Key(b)
}
