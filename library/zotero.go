package library

import (
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	_ "github.com/mattn/go-sqlite3" // the "sqlite3" driver, to read zotero.sqlite
)

// Zotero keeps its library in zotero.sqlite, in its data directory, and
// the files of its attachments in storage/KEY/, KEY being the
// attachment's item key. A web snapshot is an attachment (linkMode 1,
// "imported_url") of type text/html whose path is "storage:NAME.html".

// zoteroDB is the name of Zotero's database in its data directory.
const zoteroDB = "zotero.sqlite"

// zoteroTypes are the item types whose snapshots become articles.
var zoteroTypes = []string{"webpage", "newspaperArticle", "magazineArticle", "blogPost"}

// zoteroDir returns the data directory of path: path itself when it holds
// zotero.sqlite, its folder when it is zotero.sqlite; "" otherwise.
func zoteroDir(path string) string {
	st, err := os.Stat(path)
	if err != nil {
		return ""
	}
	dir := path
	if !st.IsDir() {
		if filepath.Base(path) != zoteroDB {
			return ""
		}
		dir = filepath.Dir(path)
	}
	b := head(filepath.Join(dir, zoteroDB), 16)
	if string(b) != "SQLite format 3\x00" {
		return ""
	}
	return dir
}

// isZotero: a Zotero data directory, or its zotero.sqlite.
func isZotero(path string) bool { return zoteroDir(path) != "" }

// readZotero reads the library of a Zotero data directory. The database
// is copied first (with its write-ahead log, if any) and the copy read,
// so that Zotero may be running: its own file is never opened for
// writing, nor locked.
func readZotero(path string) (*source, error) {
	dir := zoteroDir(path)
	tmp, err := os.MkdirTemp("", "clippings-zotero-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	for _, suffix := range []string{"", "-wal"} {
		err := copyFile(filepath.Join(dir, zoteroDB+suffix), filepath.Join(tmp, zoteroDB+suffix))
		if err != nil && (suffix == "" || !os.IsNotExist(err)) {
			return nil, fmt.Errorf("copy %s: %w", zoteroDB+suffix, err)
		}
	}
	db, err := sql.Open("sqlite3", filepath.Join(tmp, zoteroDB))
	if err != nil {
		return nil, err
	}
	defer db.Close()
	z := &zotero{db: db, dir: dir}
	if err := z.load(); err != nil {
		return nil, fmt.Errorf("%s: %w", zoteroDB, err)
	}
	return z.src, nil
}

// copyFile copies the file src to dst.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// zotero is one reading of a Zotero library.
type zotero struct {
	db             *sql.DB
	dir            string
	src            *source
	collections    map[int64]string // collection ID → path
	hasAnnotations bool             // the library has itemAnnotations (Zotero 7)
}

// zoteroItemsQuery lists the items of the types that become articles,
// not in the trash.
var zoteroItemsQuery = `
SELECT i.itemID, i.key, t.typeName FROM items i JOIN itemTypes t ON t.itemTypeID = i.itemTypeID
WHERE t.typeName IN ('` + strings.Join(zoteroTypes, "', '") + `')
AND i.itemID NOT IN (SELECT itemID FROM deletedItems)
ORDER BY i.itemID`

// load reads the library's items into z.src.
func (z *zotero) load() error {
	z.src = &source{}
	if err := z.loadCollections(); err != nil {
		return err
	}
	var n int
	err := z.db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'itemAnnotations'`).Scan(&n)
	if err != nil {
		return err
	}
	z.hasAnnotations = n > 0
	rows, err := z.db.Query(zoteroItemsQuery)
	if err != nil {
		return err
	}
	type item struct {
		id            int64
		key, typeName string
	}
	var items []item
	for rows.Next() {
		var it item
		if err := rows.Scan(&it.id, &it.key, &it.typeName); err != nil {
			rows.Close()
			return err
		}
		items = append(items, it)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, it := range items {
		e, err := z.entry(it.id, it.key, len(z.src.entries))
		if err != nil {
			e = entry{ref: "item " + it.key, fail: err.Error()}
		}
		z.src.entries = append(z.src.entries, e)
	}
	return z.otherTypes()
}

// loadCollections gives each collection its path ("Research/Climate").
func (z *zotero) loadCollections() error {
	rows, err := z.db.Query(`SELECT collectionID, collectionName, coalesce(parentCollectionID, 0) FROM collections`)
	if err != nil {
		return err
	}
	defer rows.Close()
	type coll struct {
		name   string
		parent int64
	}
	all := map[int64]coll{}
	for rows.Next() {
		var id int64
		var c coll
		if err := rows.Scan(&id, &c.name, &c.parent); err != nil {
			return err
		}
		all[id] = c
	}
	z.collections = map[int64]string{}
	for id := range all {
		var names []string
		for cur, depth := id, 0; cur != 0 && depth < 64; depth++ {
			c, ok := all[cur]
			if !ok {
				break
			}
			names = append([]string{strings.ReplaceAll(strings.TrimSpace(c.name), "/", "-")}, names...)
			cur = c.parent
		}
		z.collections[id] = strings.Join(names, "/")
	}
	return rows.Err()
}

// otherTypes reports, in one line, the regular items of other types
// (books, journal articles, …), which are not web pages.
func (z *zotero) otherTypes() error {
	q := `
SELECT count(*) FROM items i JOIN itemTypes t ON t.itemTypeID = i.itemTypeID
WHERE t.typeName NOT IN ('attachment', 'note', 'annotation', '` + strings.Join(zoteroTypes, "', '") + `')
AND i.itemID NOT IN (SELECT itemID FROM deletedItems)`
	var n int
	err := z.db.QueryRow(q).Scan(&n)
	if err == nil && n > 0 {
		z.src.skipped = append(z.src.skipped, Skip{Entry: fmt.Sprintf("%d other items", n),
			Reason: "not web pages (only webpage, newspaperArticle, magazineArticle and blogPost items are articles)"})
	}
	return err
}
