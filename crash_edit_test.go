package main

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// editWant is what an acknowledged edit must have left in the archive.
type editWant struct {
	kind string // tag, highlight, note, collection, member, star, saved
	id   int64  // the article
	name string // the tag, note marker, collection or saved search
}

// editGen makes a stream of organising edits on the articles of an archive.
type editGen struct {
	rng   *rand.Rand
	db    string
	ids   []int64
	texts map[int64]string
	seq   int
	wants map[int]editWant
}

// batch returns the next n edits (a collection's creation and the
// addition of an article to it are always in the same batch, in order).
func (g *editGen) batch(n int) []edit {
	var out []edit
	for len(out) < n {
		g.seq++
		id := g.ids[g.rng.IntN(len(g.ids))]
		sid := strconv.FormatInt(id, 10)
		marker := fmt.Sprintf("e%d", g.seq)
		var args []string
		var w editWant
		switch k := g.rng.IntN(20); {
		case k < 6:
			args, w = []string{"tag", "add", "crash/" + marker, sid}, editWant{"tag", id, "crash/" + marker}
		case k < 11:
			quote := g.quote(id)
			args = []string{"note", "add", sid, quote, "--nth", "1", "--note", "hl-" + marker, "--color", "yellow"}
			w = editWant{"highlight", id, "hl-" + marker}
		case k < 14:
			args, w = []string{"note", "set", sid, "fn-" + marker}, editWant{"note", id, "fn-" + marker}
		case k < 17:
			name := "c" + marker
			out = append(out, g.add([]string{"collection", "create", "Crash/" + name}, editWant{"collection", 0, name}))
			g.seq++
			args, w = []string{"collection", "add", "Crash/" + name, sid}, editWant{"member", id, name}
		case k < 19:
			args, w = []string{"star", sid}, editWant{"star", id, ""}
		default:
			args, w = []string{"saved", "add", "s" + marker, "harbour"}, editWant{"saved", 0, "s" + marker}
		}
		out = append(out, g.add(args, w))
	}
	return out
}

func (g *editGen) add(args []string, w editWant) edit {
	g.wants[g.seq] = w
	return edit{Seq: g.seq, Args: append([]string{args[0], "--archive", g.db}, args[1:]...)}
}

// quote picks a few words of one paragraph of article id.
func (g *editGen) quote(id int64) string {
	paras := strings.Split(g.texts[id], "\n\n")
	for {
		w := strings.Fields(paras[g.rng.IntN(len(paras))])
		if len(w) < 6 {
			continue
		}
		k, n := g.rng.IntN(len(w)-5), 3+g.rng.IntN(3)
		q := strings.Join(w[k:k+n], " ")
		if strings.Contains(g.texts[id], q) && !strings.HasPrefix(q, "-") {
			return q
		}
	}
}

// TestCrashWhileEditing runs a stream of tag, highlight, note,
// collection, star and saved-search edits through the command line in a
// child process that prints an acknowledgement after each committed
// edit, kills it at random moments, and checks that every acknowledged
// edit is in the archive and that the archive and its index are whole.
// The archive runs in WAL mode with synchronous=FULL: a commit is in the
// WAL, and synced to the disk, before the edit is acknowledged, which a
// killed process cannot undo (nor could a power cut: see
// docs/reliability.md; that is not simulated here).
func TestCrashWhileEditing(t *testing.T) {
	size := sizeOf(t)
	rng := rand.New(rand.NewPCG(crashSeed(t), 2))
	dir := t.TempDir()
	c := writeCorpus(t, filepath.Join(dir, "pages"), 30, false)
	db := filepath.Join(dir, "archive.db")
	if code, out, errs := inProcess("import", "--archive", db, c.dir); code != 0 {
		t.Fatalf("import: exit %d\n%s%s", code, out, errs)
	}
	g := &editGen{rng: rng, db: db, texts: map[int64]string{}, wants: map[int]editWant{}}
	raw := openRaw(t, db)
	rows, err := raw.Query(`SELECT id, text FROM articles`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		var text string
		rows.Scan(&id, &text)
		g.ids, g.texts[id] = append(g.ids, id), text
	}
	rows.Close()
	raw.Close()

	acked := map[int]bool{}
	total := 0
	for k := 1; k <= size.editKills; k++ {
		var in bytes.Buffer
		enc := json.NewEncoder(&in)
		for _, e := range g.batch(300) {
			enc.Encode(e)
		}
		ch := startChild(t, "edits", &in)
		wantAcks, n := 1+rng.IntN(40), 0
		for line := range ch.lines {
			n += recordAck(t, line, acked)
			if n >= wantAcks {
				break
			}
		}
		sleepOrExit(ch, time.Duration(rng.Int64N(int64(15*time.Millisecond))))
		ch.kill()
		for _, line := range ch.drain() { // acknowledged before it died
			n += recordAck(t, line, acked)
		}
		total += n
		checkEdits(t, db, g, acked, fmt.Sprintf("kill %d (after %d acknowledged edits)", k, n))
	}
	t.Logf("%d kills; %d acknowledged edits, every one found afterwards", size.editKills, total)
}

// recordAck notes an "ack N" line; a "fail N" line fails the test.
func recordAck(t *testing.T, line string, acked map[int]bool) int {
	f := strings.Fields(line)
	if len(f) >= 2 && f[0] == "ack" {
		n, _ := strconv.Atoi(f[1])
		acked[n] = true
		return 1
	}
	if len(f) >= 2 && f[0] == "fail" {
		t.Errorf("edit failed: %s", line)
	}
	return 0
}

// editQueries find what each kind of edit leaves; each takes the
// article ID and the name and counts matching rows.
var editQueries = map[string]string{
	"tag": `SELECT count(*) FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = ?1 AND t.name = ?2`,
	"highlight": `SELECT count(*) FROM annotations n JOIN articles a ON a.id = n.article_id
		WHERE n.article_id = ?1 AND n.kind = 'highlight' AND n.note = ?2 AND instr(a.notes, ?2) > 0
		AND a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'notes : "' || ?2 || '"')`,
	"collection": `SELECT count(*) + 0 * ?1 FROM collections c JOIN collections p ON p.id = c.parent_id WHERE p.name = 'Crash' AND c.name = ?2`,
	"member": `SELECT count(*) FROM collection_articles m JOIN collections c ON c.id = m.collection_id
		WHERE m.article_id = ?1 AND c.name = ?2`,
	"star":  `SELECT count(*) + 0 * length(?2) FROM articles WHERE id = ?1 AND starred = 1`,
	"saved": `SELECT count(*) + 0 * ?1 FROM saved_searches WHERE name = ?2`,
}

// checkEdits checks the archive after a kill: whole, and holding every
// acknowledged edit (a free note: that edit's or a later one's).
func checkEdits(t *testing.T, path string, g *editGen, acked map[int]bool, when string) {
	t.Helper()
	db := openRaw(t, path)
	defer db.Close()
	for _, m := range queryStrings(t, db, `PRAGMA integrity_check`) {
		if m != "ok" {
			t.Fatalf("%s: integrity_check: %s", when, m)
		}
	}
	if _, err := db.Exec(`INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
		t.Fatalf("%s: fts5 integrity-check: %v", when, err)
	}
	for kind, q := range editQueries { // the queries can fail: an edit never made is not found
		var n int
		if err := db.QueryRow(q, g.ids[0], "never-made").Scan(&n); err != nil || kind != "star" && n != 0 {
			t.Fatalf("%s query finds an edit never made: %d, %v", kind, n, err)
		}
	}
	lastNote := map[int64]int{}
	for seq := range acked {
		w := g.wants[seq]
		if w.kind == "note" {
			lastNote[w.id] = max(lastNote[w.id], seq)
			continue
		}
		var n int
		if err := db.QueryRow(editQueries[w.kind], w.id, w.name).Scan(&n); err != nil {
			t.Fatalf("%s: %s: %v", when, w.kind, err)
		}
		if n == 0 {
			t.Errorf("%s: acknowledged edit %d (%s %q on article %d) is lost", when, seq, w.kind, w.name, w.id)
		}
	}
	for id, seq := range lastNote {
		var note sql.NullString
		db.QueryRow(`SELECT note FROM annotations WHERE article_id = ? AND kind = 'note'`, id).Scan(&note)
		got, _ := strconv.Atoi(strings.TrimPrefix(note.String, "fn-e"))
		if got < seq {
			t.Errorf("%s: free note of article %d is %q, want edit %d or later", when, id, note.String, seq)
		}
	}
}
