package main

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/clippings/clippings/archive"
)

// archiveState is what checkArchive read from an archive.
type archiveState struct {
	migrated                              bool // every migration applied
	articles, versions, originals, images int
	// content maps an article's address (url_key; "text:"+hash when it
	// has none) to the hashes of its current and earlier versions' title
	// and text, sorted: a crash or a second run must not add, lose or
	// change any.
	content      map[string][]string
	originalSHAs map[string]bool
}

// openRaw opens the archive file with database/sql alone, as the
// archive package would not, to look under the store after a crash.
func openRaw(t testing.TB, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?_busy_timeout=10000")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	t.Cleanup(func() { db.Close() })
	return db
}

// checkArchive checks the archive file at path: SQLite's integrity and
// foreign keys, the full-text index against the articles, every
// original's and image's SHA-256, and every article whole — its text
// that of its blocks, its figures' images stored, its original there,
// its index row there. What the store shows (articles, versions, stored
// files) it reads through the store's public API; what lies under the
// store (SQLite's own checks, the index's shadow tables, the stored text
// the index is built from, the list of stored files) with SQL of its own.
// It does not use archive.Check, which it must agree with. It returns
// what it read and the problems found. A missing file is an empty
// archive.
func checkArchive(t testing.TB, path string) (archiveState, []string) {
	t.Helper()
	st := archiveState{content: map[string][]string{}, originalSHAs: map[string]bool{}}
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return st, nil
	}
	var probs []string
	bad := func(format string, args ...any) { probs = append(probs, fmt.Sprintf(format, args...)) }
	raw, ok := readRaw(t, path, &st, bad)
	if !ok {
		return st, probs
	}
	// The archive is up to date (readRaw saw every migration applied), so
	// opening it writes nothing.
	s, err := archive.Open(context.Background(), path)
	if err != nil {
		bad("open: %v", err)
		return st, probs
	}
	defer s.Close()
	checkBlobs(s, raw, &st, bad)
	checkArticles(t, s, raw, &st, bad)
	return st, probs
}

// rawFacts is what checkArchive reads under the store.
type rawFacts struct {
	originals, images []string             // the SHA-256 of every stored file
	texts             map[string][2]string // by textKey: the stored text and captions the index is built from
}

// textKey names a version of an article in rawFacts.texts: n is 0 for the
// current version, else the number of an earlier one.
func textKey(id int64, n int) string { return fmt.Sprintf("%d/%d", id, n) }

// readRaw runs SQLite's checks and reads rawFacts. It returns false when
// the archive is not fully migrated (nothing more to check).
func readRaw(t testing.TB, path string, st *archiveState, bad func(string, ...any)) (rawFacts, bool) {
	db := openRaw(t, path)
	defer db.Close()
	for _, m := range queryStrings(t, db, `PRAGMA integrity_check`) {
		if m != "ok" {
			bad("integrity_check: %s", m)
		}
	}
	if fk := queryStrings(t, db, `SELECT "table" || ' ' || rowid FROM pragma_foreign_key_check`); len(fk) > 0 {
		bad("foreign_key_check: %v", fk)
	}
	want, _ := filepath.Glob("archive/migrations/*.sql")
	var applied int
	db.QueryRow(`SELECT count(*) FROM migrations`).Scan(&applied) // no table: 0
	if st.migrated = applied == len(want) && applied > 0; !st.migrated {
		// Killed while the archive was being created: the migrations run
		// one transaction each, so nothing can be stored yet.
		var n int
		if err := db.QueryRow(`SELECT count(*) FROM originals`).Scan(&n); err == nil && n > 0 {
			bad("%d originals in an archive with %d of %d migrations", n, applied, len(want))
		}
		return rawFacts{}, false
	}
	checkFTS(db, bad)
	r := rawFacts{originals: queryStrings(t, db, `SELECT sha256 FROM originals ORDER BY id`),
		images: queryStrings(t, db, `SELECT sha256 FROM images`), texts: map[string][2]string{}}
	// The stored text is not in the API: the store gives the text derived
	// from the blocks, which the stored one must be.
	rows, err := db.Query(`SELECT id, 0, text, captions FROM articles UNION ALL
		SELECT article_id, row_number() OVER (PARTITION BY article_id ORDER BY id), text, captions
		FROM article_versions`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var n int
		var text, captions string
		if err := rows.Scan(&id, &n, &text, &captions); err != nil {
			t.Fatal(err)
		}
		r.texts[textKey(id, n)] = [2]string{text, captions}
	}
	return r, true
}

func queryStrings(t testing.TB, db *sql.DB, q string, args ...any) []string {
	t.Helper()
	rows, err := db.Query(q, args...)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s sql.NullString
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s.String)
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return out
}

// checkFTS runs FTS5's own check of the index against the articles
// table, and compares the index's documents with the articles.
func checkFTS(db *sql.DB, bad func(string, ...any)) {
	if _, err := db.Exec(`INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
		bad("fts5 integrity-check: %v", err)
	}
	for q, what := range map[string]string{
		`SELECT count(*) FROM articles WHERE id NOT IN (SELECT id FROM articles_fts_docsize)`: "articles missing from the index",
		`SELECT count(*) FROM articles_fts_docsize WHERE id NOT IN (SELECT id FROM articles)`: "index rows without an article",
	} {
		var n int
		if err := db.QueryRow(q).Scan(&n); err != nil {
			bad("%s: %v", what, err)
		} else if n > 0 {
			bad("%d %s", n, what)
		}
	}
}

// checkBlobs reads every original and image through the store and
// recomputes its SHA-256.
func checkBlobs(s *archive.Store, raw rawFacts, st *archiveState, bad func(string, ...any)) {
	ctx := context.Background()
	for _, sha := range raw.originals {
		st.originals++
		st.originalSHAs[sha] = true
		o, err := s.Original(ctx, sha)
		if err != nil {
			bad("original %s: %v", sha, err)
		} else if got := sha256.Sum256(o.Data); hex.EncodeToString(got[:]) != sha {
			bad("original %s: bytes do not match its SHA-256", sha)
		}
	}
	for _, sha := range raw.images {
		st.images++
		im, err := s.Image(ctx, sha)
		if err != nil {
			bad("image %s: %v", sha, err)
		} else if got := sha256.Sum256(im.Data); hex.EncodeToString(got[:]) != sha {
			bad("image %s: bytes do not match its SHA-256", sha)
		}
	}
}

// checkArticles reads every article and earlier version through the
// store, checks that each is whole, and records its content.
func checkArticles(t testing.TB, s *archive.Store, raw rawFacts, st *archiveState, bad func(string, ...any)) {
	ctx := context.Background()
	images, used := map[string]bool{}, map[string]bool{}
	for _, sha := range raw.images {
		images[sha] = true
	}
	const page = 500
	for offset := 0; ; offset += page {
		list, err := s.List(ctx, archive.ListFilter{Offset: offset, Limit: page})
		if err != nil {
			t.Fatal(err)
		}
		for _, sum := range list {
			checkVersions(ctx, s, sum.ID, raw, images, used, st, bad)
		}
		if len(list) < page {
			break
		}
	}
	for _, sha := range raw.originals {
		if !used[sha] {
			bad("original %s stored without any article", sha)
		}
	}
	for k := range st.content {
		sort.Strings(st.content[k])
	}
}

// checkVersions checks article id and its earlier versions, recording
// the originals they use and their content under the article's address
// ("text:"+hash of its text when it has none).
func checkVersions(ctx context.Context, s *archive.Store, id int64, raw rawFacts, images, used map[string]bool, st *archiveState, bad func(string, ...any)) {
	a, err := s.Article(ctx, id)
	if err != nil {
		bad("article %d: %v", id, err)
		return
	}
	vs, err := s.Versions(ctx, id)
	if err != nil {
		bad("article %d: versions: %v", id, err)
		return
	}
	key := a.URL
	if key == "" {
		key = "text:" + hashOf(a.Text())
	}
	for n := 0; n < len(vs); n++ {
		v, what := a, fmt.Sprintf("article %d", id)
		if n > 0 {
			what = fmt.Sprintf("article %d version %d", id, n)
			if v, err = s.ArticleVersion(ctx, id, n); err != nil {
				bad("%s: %v", what, err)
				continue
			}
			st.versions++
		} else {
			st.articles++
		}
		checkWhole(what, v, raw.texts[textKey(id, n)], images, bad)
		used[v.OriginalSHA] = true
		st.content[key] = append(st.content[key], hashOf(v.Title+"\n"+v.Text()))
	}
}

// checkWhole reports how article a is not whole; stored is its stored
// text and captions.
func checkWhole(what string, a *archive.Article, stored [2]string, images map[string]bool, bad func(string, ...any)) {
	text, captions := stored[0], stored[1]
	switch {
	case strings.TrimSpace(text) == "" || a.Text() != text:
		bad("%s: text is empty or not that of its blocks", what)
	case a.Captions() != captions:
		bad("%s: captions are not those of its figures", what)
	case a.OriginalSHA == "" || a.FileName == "" || a.Format == "" || a.Imported.IsZero():
		bad("%s: provenance missing (original %q, file %q, format %q)", what, a.OriginalSHA, a.FileName, a.Format)
	}
	for _, b := range a.Blocks {
		if b.Kind == archive.FigureRef && (b.Figure < 0 || b.Figure >= len(a.Figures)) {
			bad("%s: figure block points at figure %d of %d", what, b.Figure, len(a.Figures))
		}
	}
	for _, f := range a.Figures {
		if f.ImageSHA != "" && !images[f.ImageSHA] {
			bad("%s: image %s of a figure is not stored", what, f.ImageSHA)
		}
	}
}

func hashOf(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:8])
}

// mustBeWhole fails the test with the problems checkArchive found.
func mustBeWhole(t testing.TB, path, when string) archiveState {
	t.Helper()
	st, probs := checkArchive(t, path)
	for _, p := range probs {
		t.Errorf("%s: %s", when, p)
	}
	if len(probs) > 0 {
		t.FailNow()
	}
	return st
}

// subsetOf returns how st holds content or originals that ref lacks
// (a crash must leave part of the finished archive, nothing else).
func (st archiveState) subsetOf(ref archiveState) []string {
	var extra []string
	for k, hs := range st.content {
		for _, h := range hs {
			if !slices.Contains(ref.content[k], h) {
				extra = append(extra, fmt.Sprintf("article %s version %s is not in the reference archive", k, h))
			}
		}
		if len(hs) > len(ref.content[k]) {
			extra = append(extra, fmt.Sprintf("article %s: %d versions, the reference has %d", k, len(hs), len(ref.content[k])))
		}
	}
	for sha := range st.originalSHAs {
		if !ref.originalSHAs[sha] {
			extra = append(extra, "original "+sha+" is not in the reference archive")
		}
	}
	return extra
}

// sameAs returns how st differs from ref.
func (st archiveState) sameAs(ref archiveState) []string {
	diff := st.subsetOf(ref)
	for k, hs := range ref.content {
		if !slices.Equal(st.content[k], hs) {
			diff = append(diff, fmt.Sprintf("article %s: versions %v, the reference has %v", k, st.content[k], hs))
		}
	}
	if a, b := fmt.Sprint(st.articles, st.versions, st.originals, st.images), fmt.Sprint(ref.articles, ref.versions, ref.originals, ref.images); a != b {
		diff = append(diff, fmt.Sprintf("articles, versions, originals, images = %s, the reference has %s", a, b))
	}
	return diff
}

// tableSums returns a checksum of every row of every table of the archive
// (the index's shadow tables included), by table, to show that an
// operation changed nothing.
func tableSums(t testing.TB, path string) map[string]string {
	t.Helper()
	db := openRaw(t, path)
	defer db.Close()
	sums := map[string]string{}
	for _, table := range queryStrings(t, db, `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`) {
		rows, err := db.Query(`SELECT * FROM "` + table + `" ORDER BY 1`)
		if err != nil {
			t.Fatalf("%s: %v", table, err)
		}
		cols, _ := rows.Columns()
		h := sha256.New()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(h, "%v\x00", vals)
		}
		rows.Close()
		sums[table] = hex.EncodeToString(h.Sum(nil)[:8])
	}
	schema := queryStrings(t, db, `SELECT coalesce(sql, name) FROM sqlite_schema ORDER BY name`)
	sums["(schema)"] = hashOf(strings.Join(schema, "\n"))
	return sums
}

// sumsChanged returns the tables whose checksums differ.
func sumsChanged(before, after map[string]string) []string {
	var out []string
	for k, v := range before {
		if after[k] != v {
			out = append(out, k)
		}
	}
	for k := range after {
		if _, ok := before[k]; !ok {
			out = append(out, k+" (new)")
		}
	}
	sort.Strings(out)
	return out
}

// TestArchiveCheckerFindsDamage shows that checkArchive, which the crash
// tests rely on, sees each kind of damage they look for.
func TestArchiveCheckerFindsDamage(t *testing.T) {
	dir := t.TempDir()
	c := writeCorpus(t, filepath.Join(dir, "pages"), 12, false)
	good := filepath.Join(dir, "good.db")
	if code, out, errs := inProcess("import", "--archive", good, c.dir); code != 0 {
		t.Fatalf("import: exit %d\n%s%s", code, out, errs)
	}
	if _, probs := checkArchive(t, good); len(probs) > 0 {
		t.Fatalf("a good archive has problems: %v", probs)
	}
	checkSees := map[string]bool{"index row lost": true, "original changed": true}
	for name, damage := range map[string]string{
		"index row lost":     `DELETE FROM articles_fts_docsize WHERE id = (SELECT min(id) FROM articles)`,
		"original changed":   `UPDATE originals SET data = zeroblob(10), encoding = 'identity' WHERE id = (SELECT min(id) FROM originals)`,
		"image lost":         `DELETE FROM images WHERE sha256 = (SELECT sha256 FROM images LIMIT 1)`,
		"half an article":    `UPDATE articles SET blocks = '[]' WHERE id = (SELECT max(id) FROM articles)`,
		"orphan original":    `INSERT INTO originals (sha256, name, format, size, encoding, data, imported) VALUES (printf('%064d', 7), 'x', 'html', 1, 'identity', x'00', '2024')`,
		"no provenance":      `UPDATE articles SET file_name = '' WHERE id = (SELECT min(id) FROM articles)`,
		"bad figure pointer": `UPDATE articles SET blocks = json_insert(blocks, '$[#]', json('{"kind":"figure","figure":99}')) WHERE id = (SELECT min(id) FROM articles)`,
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "a.db")
			copyFile(t, good, path)
			db := openRaw(t, path)
			if _, err := db.Exec(damage); err != nil {
				t.Fatal(err)
			}
			db.Close()
			if _, probs := checkArchive(t, path); len(probs) == 0 {
				t.Errorf("checkArchive did not see it")
			}
			// clippings check promises the index and the originals' hashes.
			code, out, _ := inProcess("check", "--archive", path)
			if seen := code != 0; seen != checkSees[name] {
				t.Logf("clippings check sees it: %v\n%s", seen, out)
				if checkSees[name] {
					t.Errorf("clippings check does not see it")
				}
			}
		})
	}
}

// copyFile copies a closed archive file.
func copyFile(t testing.TB, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	mustWrite(t, to, data)
}
