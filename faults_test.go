package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// smallArchive imports a few generated pages (with images) into a new
// archive and returns its path and the folder of pages.
func smallArchive(t *testing.T, n int) (string, corpus) {
	t.Helper()
	dir := t.TempDir()
	c := writeCorpus(t, filepath.Join(dir, "pages"), n, false)
	db := filepath.Join(dir, "archive.db")
	if code, out, errs := inProcess("import", "--archive", db, c.dir); code != 0 {
		t.Fatalf("import: exit %d\n%s%s", code, out, errs)
	}
	return db, c
}

// archiveCommands are the commands the fault tests run on a damaged or
// unwritable archive: reading ones, then writing ones.
var (
	readCommands  = [][]string{{"list"}, {"search", "harbour"}, {"show", "1"}, {"check"}}
	writeCommands = [][]string{{"tag", "add", "fault", "1"}, {"note", "set", "1", "a note"}, {"star", "1"}}
)

// damagedMessage reports whether msg says the archive is damaged and
// what to do: run clippings check, restore a backup.
func damagedMessage(msg string) bool {
	m := strings.ToLower(msg)
	return (strings.Contains(m, "damaged") || strings.Contains(m, "corrupt") || strings.Contains(m, "not a clippings archive")) &&
		strings.Contains(m, "clippings check") && strings.Contains(m, "backup")
}

// TestCorruptArchive damages an archive file in several ways and runs
// every command on it. Reading commands may salvage what they can read,
// but when they fail they must say the archive is damaged and suggest
// `clippings check` and a backup; check must list the problems; writing
// commands must refuse, saying so; none may crash or write to the file.
func TestCorruptArchive(t *testing.T) {
	good, c := smallArchive(t, 20)
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(good + "-wal"); err == nil {
		t.Fatal("the archive left a WAL behind when closed")
	}
	rootOf := func(table string) int {
		db := openRaw(t, good)
		defer db.Close()
		var page int
		if err := db.QueryRow(`SELECT rootpage FROM sqlite_schema WHERE name = ?`, table).Scan(&page); err != nil {
			t.Fatal(err)
		}
		return page
	}
	const pageSize = 4096
	flip := func(page int) []byte {
		d := bytes.Clone(data)
		r := rand.New(rand.NewPCG(uint64(page), 5))
		for i := (page-1)*pageSize + 8; i < page*pageSize; i += 1 + r.IntN(16) {
			d[i] ^= byte(1 + r.IntN(255))
		}
		return d
	}
	garbage := make([]byte, 200_000)
	for i, r := 0, rand.New(rand.NewPCG(1, 1)); i < len(garbage); i++ {
		garbage[i] = byte(r.Uint32())
	}
	damages := map[string][]byte{
		"garbage":               garbage,
		"text file":             []byte("These are my notes, not an archive.\n"),
		"truncated to half":     data[:len(data)/2/pageSize*pageSize],
		"header zeroed":         append(make([]byte, 100), data[100:]...),
		"articles page flipped": flip(rootOf("articles")),
		"index page flipped":    flip(rootOf("articles_fts_data")),
		"schema page flipped":   flip(1),
	}
	for name, bad := range damages {
		t.Run(name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "archive.db")
			mustWrite(t, db, bad)
			cmds := append(append(append([][]string{}, readCommands...), writeCommands...), []string{"import", c.dir})
			var unclear, wrote []string
			var example string
			for _, args := range cmds {
				args = append([]string{args[0], "--archive", db}, args[1:]...)
				var code int
				var out, errs string
				within(t, 2*time.Minute, strings.Join(args, " "), func() { code, out, errs = inProcess(args...) })
				write := args[0] != "list" && args[0] != "search" && args[0] != "show" && args[0] != "check"
				switch {
				case args[0] == "check" && code != 0 && strings.Contains(out, "problem"):
					// check lists what is wrong
				case args[0] == "check" && code == 0:
					t.Errorf("check on a damaged archive: exit 0\n%s", tail(out, 5))
				case write && code == 0:
					t.Errorf("%s on a damaged archive: exit 0 (it wrote into a damaged file)\n%s", args[0], tail(out, 3))
				case code != 0 && !damagedMessage(errs):
					unclear, example = append(unclear, args[0]), first(example, errs)
				}
				if now, _ := os.ReadFile(db); !bytes.Equal(now, bad) {
					wrote = append(wrote, args[0])
					removeArchive(t, db)
					mustWrite(t, db, bad) // as it was, for the next command
				}
			}
			if len(wrote) > 0 {
				t.Errorf("%s wrote to the damaged archive", strings.Join(wrote, ", "))
			}
			if len(unclear) > 0 {
				t.Errorf("%s on a damaged archive: the message does not say it is damaged and what to do (run clippings check, restore a backup), e.g.:\n%s",
					strings.Join(unclear, ", "), example)
			}
		})
	}
}

// first returns the first non-empty string.
func first(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// TestOldArchive opens the fixture made by the first schema version
// (archive/testdata/v1.db) through the command line: every article,
// tag, state, original and image must survive the migration, and
// search, show and check must work on it.
func TestOldArchive(t *testing.T) {
	db := filepath.Join(t.TempDir(), "v1.db")
	copyFile(t, "archive/testdata/v1.db", db)
	const content = `SELECT a.id, a.title, a.starred, a.read, a.text, o.sha256,
		(SELECT group_concat(t.name, ',') FROM (SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id ORDER BY t.name) t)
		FROM articles a JOIN originals o ON o.id = a.original_id ORDER BY a.id`
	before := queryRows(t, db, content)
	images := queryRows(t, db, `SELECT sha256, length(data) FROM images ORDER BY 1`)
	if len(before) < 5 {
		t.Fatalf("the fixture holds %d articles", len(before))
	}

	code, out, errs := inProcess("list", "--archive", db, "--limit", "1000")
	if code != 0 {
		t.Fatalf("list: exit %d %s", code, errs)
	}
	for _, row := range before {
		id, title, sha := row[0], row[1], row[5]
		if !strings.Contains(out, title) {
			t.Errorf("list lacks %q", title)
		}
		code, show, errs := inProcess("show", "--archive", db, id)
		if code != 0 || !strings.Contains(show, title) || !strings.Contains(show, sha) ||
			!strings.Contains(show, strings.SplitN(row[4], "\n", 2)[0]) {
			t.Errorf("show %s: exit %d %s\n%s", id, code, errs, show)
		}
	}
	for query, title := range map[string]string{"cod": "Ministers agree fisheries deal", "北京": "中美贸易谈判取得进展", "tag:korea": "Summit follow-up"} {
		code, out, errs := inProcess("search", "--archive", db, "--json", query)
		var hits []struct {
			Title string `json:"title"`
		}
		json.Unmarshal([]byte(out), &hits)
		found := false
		for _, h := range hits {
			found = found || h.Title == title
		}
		if code != 0 || !found {
			t.Errorf("search %q: exit %d %s, hits %+v, want %q", query, code, errs, hits, title)
		}
	}
	if code, out, errs := inProcess("check", "--archive", db); code != 0 || !strings.Contains(out, " 0 problems") {
		t.Errorf("check: exit %d\n%s%s", code, out, errs)
	}
	if after := queryRows(t, db, content); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Errorf("articles changed by the migration:\nbefore %q\nafter  %q", before, after)
	}
	if after := queryRows(t, db, `SELECT sha256, length(data) FROM images ORDER BY 1`); fmt.Sprint(after) != fmt.Sprint(images) {
		t.Errorf("images changed by the migration: %v, were %v", after, images)
	}
	mustBeWhole(t, db, "the migrated v1 archive")
}

// queryRows returns every row of q on the archive at path, as text.
func queryRows(t *testing.T, path, q string) [][]string {
	t.Helper()
	db := openRaw(t, path)
	defer db.Close()
	rows, err := db.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out [][]string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		row := make([]string, len(cols))
		for i, v := range vals {
			if b, ok := v.([]byte); ok {
				v = string(b)
			}
			row[i] = fmt.Sprint(v)
		}
		out = append(out, row)
	}
	return out
}

// TestArchiveBusy holds the archive's write lock from another connection
// for longer than Clippings waits for it (as a long backup, re-extraction
// or optimisation in another process does), and runs writing commands:
// each must fail saying the archive is in use, and change nothing.
func TestArchiveBusy(t *testing.T) {
	db, _ := smallArchive(t, 5)
	before := tableSums(t, db)
	lock := openRaw(t, db)
	conn, err := lock.Conn(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(t.Context(), `BEGIN IMMEDIATE`); err != nil {
		t.Fatal(err)
	}
	for _, args := range writeCommands[:1] {
		args = append([]string{args[0], "--archive", db}, args[1:]...)
		start := time.Now()
		code, out, errs := runChild(t, time.Minute, args...)
		if code == 0 || !inUse(errs) {
			t.Errorf("%s while another process holds the archive: exit %d after %v, want a clear \"archive in use\" error:\n%s%s",
				args[0], code, time.Since(start).Round(time.Second), out, errs)
		}
	}
	// Reading needs no lock: it works meanwhile.
	if code, _, errs := runChild(t, time.Minute, "search", "--archive", db, "harbour"); code != 0 {
		t.Errorf("search while another process holds the write lock: exit %d %s", code, errs)
	}
	conn.ExecContext(t.Context(), `ROLLBACK`)
	conn.Close()
	lock.Close()
	if changed := sumsChanged(before, tableSums(t, db)); len(changed) > 0 {
		t.Errorf("tables changed: %v", changed)
	}
}

// exitLine matches the summary line of an import.
var exitLine = regexp.MustCompile(`(\d+) imported, .*(\d+) failed`)

// importedCount returns the number of files an import reported imported.
func importedCount(out string) int {
	m := exitLine.FindStringSubmatch(out)
	if m == nil {
		return -1
	}
	n, _ := strconv.Atoi(m[1])
	return n
}
