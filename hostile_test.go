package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/clippings/clippings/internal/testguard"
)

// hostileFolder writes a folder of broken and hostile files of every
// class (see docs/reliability.md) and, beside it, a secret image that a
// page in it points at. It returns the folder and the secret's SHA-256.
func hostileFolder(t *testing.T, dir string) (string, string) {
	t.Helper()
	folder := filepath.Join(dir, "hostile")
	secret := pngOf(90, 90, 4242)
	mustWrite(t, filepath.Join(dir, "outside", "secret.png"), secret)
	para := "<p>" + strings.Repeat("The harbour council approved the new wall on Tuesday. ", 6) + "</p>"
	noise := make([]byte, 4096)
	for i := range noise {
		noise[i] = byte(i*7 + i/3)
	}
	files := map[string][]byte{
		"empty.html":        nil,
		"blank.htm":         []byte("\n \t\n"),
		"noise.webarchive":  noise,
		"noise.warc":        noise,
		"nul.txt":           make([]byte, 1000),
		"png.html":          pngOf(50, 50, 1),
		"deep.html":         []byte("<html><body>" + strings.Repeat("<div>", 100_000) + para + strings.Repeat("</div>", 100_000) + "</body></html>"),
		"deep-quote.md":     []byte("# Deep\n\n" + strings.Repeat("> ", 10_000) + "quote\n\n" + strings.Repeat("Body words here. ", 40)),
		"invalid-utf8.html": []byte("<html><head><title>Bad \xff\xfe title</title></head><body><article>" + para + "<p>\xed\xa0\x80 \xc0\xaf harbour</p></article></body></html>"),
		"mixed-bom.html":    []byte("\xef\xbb\xbf\xff\xfe<html><body><article>" + para + "</article></body></html>"),
		"nul-body.html":     []byte("<html><body><article>" + para + "<p>a\x00b</p></article></body></html>"),
		"attribute.html":    []byte("<html><body><article><div data-x=\"" + strings.Repeat("A", 20<<20) + "\">" + para + "</div></article></body></html>"),
		"data-uri.html":     []byte("<html><body><article><figure><img src=\"data:image/png;base64," + strings.Repeat("iVBO", 8<<20) + "\"><figcaption>Big</figcaption></figure>" + para + "</article></body></html>"),
		"escapes.html": []byte("<!-- saved from url=(0024)https://example.org/story -->\n<html><body><article>" +
			"<figure><img src=\"../outside/secret.png\"><figcaption>Up</figcaption></figure>" +
			"<figure><img src=\"" + filepath.Join(dir, "outside", "secret.png") + "\"><figcaption>Absolute</figcaption></figure>" +
			"<figure><img src=\"escapes_files/link.png\"><figcaption>Symlink</figcaption></figure>" + para + "</article></body></html>"),
		// Structure bombs (issue 17): refused naming their limit.
		"table.md":   []byte("# Table\n\n| a | b | c |\n|---|---|---|\n" + strings.Repeat("| cell one | cell two | cell three |\n", 40_000)),
		"cells.html": []byte("<html><body><article>" + para + "<table><tr>" + strings.Repeat("<td>x", 210_000) + "</table></article></body></html>"),
		// A 304 KB PNG of 50,000×50,000 pixels in a complete save: the
		// page is stored, the image left out.
		"square.html":             []byte("<html><body><article><figure><img src=\"square_files/square.png\"><figcaption>Square</figcaption></figure>" + para + "</article></body></html>"),
		"square_files/square.png": testguard.PNGBomb(50_000, 50_000),
	}
	for name, data := range files {
		mustWrite(t, filepath.Join(folder, name), data)
	}
	os.Symlink(filepath.Join(dir, "outside", "secret.png"), filepath.Join(folder, "escapes_files", "link.png"))
	for rel, name := range map[string]string{
		"formats/mhtml/wikipedia-nodejs-blink.mhtml":                    "cut.mhtml",
		"formats/warc/iana-chunked-warcprox.warc":                       "cut.warc",
		"formats/webarchive/christiantietze-blogpost-safari.webarchive": "cut.webarchive",
		"formats/mhtml/malformed/missing-boundary.mhtml":                "missing-boundary.mhtml",
		"formats/warc/malformed/example-com-truncated.warc":             "truncated.warc",
	} {
		data, err := os.ReadFile(filepath.Join("../shared/corpus", rel))
		if err != nil {
			t.Fatalf("shared corpus: %v", err)
		}
		if strings.HasPrefix(name, "cut") {
			data = data[:len(data)/2]
		}
		mustWrite(t, filepath.Join(folder, name), data)
	}
	f, err := os.Create(filepath.Join(folder, "huge.html"))
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("<html><body>")
	f.Truncate(1 << 30) // sparse: takes no disk
	f.Close()
	var member bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&member, gzip.BestCompression)
	zw.Write(bytes.Repeat([]byte("<p>boom</p>"), 1<<20/11))
	zw.Close()
	mustWrite(t, filepath.Join(folder, "bomb.html.gz"), bytes.Repeat(member.Bytes(), 1024)) // 1 GiB inside
	sum := sha256.Sum256(secret)
	return folder, hex.EncodeToString(sum[:])
}

// rowHashes returns, for each table outside the full-text index, the set
// of its rows' hashes.
func rowHashes(t *testing.T, path string) map[string]map[string]bool {
	t.Helper()
	db := openRaw(t, path)
	defer db.Close()
	out := map[string]map[string]bool{}
	for _, table := range queryStrings(t, db, `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'articles_fts%'`) {
		rows, err := db.Query(`SELECT * FROM "` + table + `"`)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		vals, ptrs := make([]any, len(cols)), make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		out[table] = map[string]bool{}
		for rows.Next() {
			rows.Scan(ptrs...)
			out[table][hashOf(fmt.Sprint(vals...))] = true
		}
		rows.Close()
	}
	return out
}

// lostRows returns how many rows of before are not in after, by table.
func lostRows(before, after map[string]map[string]bool) map[string]int {
	lost := map[string]int{}
	for table, rows := range before {
		for h := range rows {
			if !after[table][h] {
				lost[table]++
			}
		}
	}
	return lost
}

// TestHostileImport imports a folder of every class of broken and
// hostile file into an archive that holds articles already, through the
// command line in a child process. It must finish in time without a
// crash or huge memory, report the bad files, keep every row stored
// before as it was, keep the archive whole, and store nothing from
// outside the folder.
func TestHostileImport(t *testing.T) {
	db, _ := smallArchive(t, 10)
	folder, secret := hostileFolder(t, t.TempDir())
	before := rowHashes(t, db)
	ch := startChild(t, "cli", nil, "import", "--archive", db, folder)
	code := ch.wait(5 * time.Minute)
	out, errs := strings.Join(ch.drain(), "\n"), ch.stderr.String()
	if code > 1 || strings.Contains(errs, "panic") || strings.Contains(errs, "goroutine ") {
		t.Fatalf("import of hostile files: exit %d\n%s", code, errs)
	}
	limit := int64(1536 << 20)
	if raceDetector {
		limit *= 4
	}
	if rss := ch.maxRSS(); rss > limit {
		t.Errorf("import of hostile files used %d MiB of memory", rss>>20)
	} else {
		t.Logf("peak memory of the import: %d MiB", rss>>20)
	}
	for _, name := range []string{"empty.html", "huge.html", "bomb.html.gz", "noise.warc"} {
		if !strings.Contains(out, name+": ") || !strings.Contains(out, "failed") {
			t.Errorf("the import does not report %s:\n%s", name, tail(out, 30))
		}
	}
	for name, limit := range map[string]string{"table.md": "100000 table cells", "cells.html": "200000 HTML elements"} {
		if !strings.Contains(out, name+": ") || !strings.Contains(out, limit) {
			t.Errorf("the import does not report %s refused naming its limit (%s):\n%s", name, limit, tail(out, 30))
		}
	}
	bomb, _ := os.ReadFile(filepath.Join(folder, "square_files", "square.png"))
	sum := sha256.Sum256(bomb)
	if n := len(queryRows(t, db, `SELECT 1 FROM images WHERE sha256 = '`+hex.EncodeToString(sum[:])+`'`)); n > 0 {
		t.Errorf("the PNG of 50,000×50,000 pixels was stored")
	}
	if n := len(queryRows(t, db, `SELECT 1 FROM articles WHERE file_name = 'square.html'`)); n == 0 {
		t.Errorf("square.html was not stored: it must be, without its image")
	}
	if lost := lostRows(before, rowHashes(t, db)); len(lost) > 0 {
		t.Errorf("rows stored before the import changed or went: %v", lost)
	}
	mustBeWhole(t, db, "after importing hostile files")
	if n := len(queryRows(t, db, `SELECT 1 FROM images WHERE sha256 = '`+secret+`'`)); n > 0 {
		t.Errorf("the image outside the folder was stored")
	}
	if code, out, errs := inProcess("check", "--archive", db); code != 0 {
		t.Errorf("check: exit %d\n%s%s", code, out, errs)
	}
}

// TestHostileSearchCommand runs hostile queries through clippings search:
// each must give hits or a message about the query (not SQLite's), and
// no table may change.
func TestHostileSearchCommand(t *testing.T) {
	db, _ := smallArchive(t, 6)
	before := tableSums(t, db)
	for _, q := range []string{`"`, `'; DROP TABLE articles; --`, `a) OR 1=1 --`, `NEAR(`, `title:`, `{title}: harbour`,
		`-harbour`, `*`, `tag:'`, `site:%`, `published:2019..1999`, strings.Repeat("(", 5000), "a\x00b", "\xff", `saved:x`, `collection:x`} {
		code, out, errs := inProcess("search", "--archive", db, "--json", "--", q)
		low := strings.ToLower(errs)
		if code > 1 || code == 1 && (!strings.Contains(low, "search") || strings.Contains(low, "sql logic") ||
			strings.Contains(low, "no such") || strings.Contains(low, "unrecognized token")) {
			t.Errorf("search %q: exit %d\n%s%s", q, code, tail(out, 3), errs)
		}
	}
	if changed := sumsChanged(before, tableSums(t, db)); len(changed) > 0 {
		t.Errorf("searching changed %v", changed)
	}
}
