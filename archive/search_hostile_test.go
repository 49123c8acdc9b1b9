package archive_test

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/archive/archivetest"
)

// hostileQueries are searches made of FTS5 and SQL syntax, broken
// encodings and sizes meant to cost time or stack.
var hostileQueries = []string{
	`"`, `""`, `"""`, `'`, `*`, `**`, `a*b*`, `^a`, `a^`, `+a`, `a+b`, `NEAR(a b, 5)`, `NEAR(`, `a NEAR b`,
	`NEAR(a b, -1)`, `a OR`, `OR a`, `AND`, `NOT`, `a AND AND b`, `NOT NOT NOT a`, `-`, `--a`, `- -`, `(`, `)`,
	`)(`, `(((( a`, strings.Repeat("(", 10_000), strings.Repeat("(a ", 5_000), strings.Repeat("-(", 3_000) + "a",
	`title:`, `:a`, `title:title:a`, `{title byline}: a`, `- {title}: a`, `articles_fts:a`, `rank:1`, `rowid:1`,
	`notes:a`, `cjk:a`, `text:"a b"`, `{text}:a`, `a' OR '1'='1`, `'; DROP TABLE articles; --`,
	`"); DROP TABLE articles; --`, `a); DELETE FROM articles; --`, `a UNION SELECT * FROM originals`,
	`* FROM articles_fts WHERE 1 --`, `x' AND 0 UNION SELECT sql FROM sqlite_schema --`, `tag:'; DROP TABLE tags; --`,
	`tag:`, `tag:/`, `tag:%`, `site:%`, `site:_`, `site:"' OR 1=1 --"`, `site:`, `collection:../../x`,
	`collection:`, `saved:'; DROP`, `saved:`, `lang:*`, `lang:`, `published:9999999999`, `published:2019..1999`,
	`published:>>>`, `published:..`, `published:-1`, `captured:last-999999999999-days`, `captured:last--1-days`,
	`date:0000-00-00`, `date:2019-02-30`, `is:`, `is:nothing`, `has:`, `sort:`, `sort:rowid`, `in:`, `in:sqlite_schema`,
	"\x00", "a\x00b", "\xff\xfe", "\xed\xa0\x80", "\u202e", "\ufeff", strings.Repeat("a ", 20_000),
	strings.Repeat("a OR ", 2_000) + "a", strings.Repeat("x", 100_000), strings.Repeat(`"`, 999),
	"a" + strings.Repeat("*", 1_000), `%`, `_`, `\`, `\"`, "`", "$", "${a}", "{{a}}", "\n", "\r\n", "\t",
	"北京 OR", "東京*", "🙂", "ß", "İ", `"a" "b" NEAR/2`, `a:b:c:d`, `title:"` + strings.Repeat("x ", 5_000) + `"`,
}

// TestHostileSearchQueries runs every hostile query through each way the
// archive searches. Each must return results or a query error (wrapping
// ErrBadQuery), in a few seconds, and leave every table as it was.
func TestHostileSearchQueries(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := archivetest.MustOpen(t)
	path := s.Path()
	for i, title := range []string{"Harbour wall approved", "北京会谈", "Fishermen; DROP TABLE articles", `Quote " and ' apostrophe`} {
		a := archivetest.Article(title, "The harbour council met. "+title)
		a.URL = fmt.Sprintf("https://example.org/%d", i)
		archivetest.MustAddArticles(t, s, a)
	}
	if _, err := s.AddTags(ctx, []int64{1}, "port"); err != nil {
		t.Fatal(err)
	}
	before := tableSums(t, path)
	for _, q := range hostileQueries {
		name := q
		if len(name) > 40 {
			name = name[:40] + "…"
		}
		ways := map[string]func() error{
			"Find": func() error { _, err := s.Find(ctx, q, archive.SearchOptions{Limit: 5}); return err },
			"Find newest": func() error {
				_, err := s.Find(ctx, q, archive.SearchOptions{Limit: 5, Sort: archive.SortNewest})
				return err
			},
			"SearchCount": func() error { _, err := s.SearchCount(ctx, q); return err },
			"SearchIDs":   func() error { _, err := s.SearchIDs(ctx, q); return err },
			"Facets":      func() error { _, err := s.Facets(ctx, q); return err },
			"Select": func() error {
				_, err := s.Select(ctx, archive.Selection{Query: q, Tags: []string{q}, Site: q, Collection: q}, archive.SearchOptions{Limit: 5})
				return err
			},
		}
		for way, fn := range ways {
			start := time.Now()
			err := fn()
			if took := time.Since(start); took > 5*time.Second {
				t.Errorf("%s %q: took %v", way, name, took)
			}
			if err != nil && !errors.Is(err, archive.ErrBadQuery) && (way != "Select" || !isValueErr(err)) {
				t.Errorf("%s %q: %v, want results or an error wrapping ErrBadQuery", way, name, err)
			}
		}
	}
	after := tableSums(t, path)
	for table, sum := range before {
		if after[table] != sum {
			t.Errorf("table %s changed by searching", table)
		}
	}
	t.Run("saved", func(t *testing.T) {
		for i, q := range hostileQueries[:40] {
			name := fmt.Sprintf("s%d %s", i, q)
			if err := s.SaveSearch(ctx, name, q); err != nil {
				continue // refused: fine
			}
			if _, err := s.Find(ctx, `saved:"`+strings.ReplaceAll(name, `"`, ``)+`"`, archive.SearchOptions{}); err != nil && !errors.Is(err, archive.ErrBadQuery) {
				t.Errorf("saved search %q: %v", name, err)
			}
		}
		if n, err := s.Count(ctx); err != nil || n != 4 {
			t.Errorf("count after saved searches = %d, %v", n, err)
		}
	})
}

// isValueErr reports whether err is what a Selection's value may cause:
// a collection not found, a tag without a name.
func isValueErr(err error) bool {
	return errors.Is(err, archive.ErrNotFound) || errors.Is(err, archive.ErrInvalid)
}

// tableSums returns a checksum of every table of the archive file.
func tableSums(t *testing.T, path string) map[string]string {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	sums := map[string]string{}
	for _, table := range tables {
		rows, err := db.Query(`SELECT * FROM "` + table + `" ORDER BY 1`)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		vals, ptrs := make([]any, len(cols)), make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		h := sha256.New()
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(h, "%v\x00", vals)
		}
		rows.Close()
		sums[table] = hex.EncodeToString(h.Sum(nil)[:8])
	}
	return sums
}
