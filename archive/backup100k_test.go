package archive

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"
)

// The costs of keeping an archive safe, on a copy of a large archive
// (docs/reliability.md, "Backups, restore and compact at 100,000
// articles"):
//
//	cp /work/bench100k/archive.db* /tmp/  # never work on the original
//	go test -tags sqlite_fts5 -run '^$' -bench Maintenance100k -benchtime 1x \
//		-timeout 60m -maint-archive /tmp/archive.db ./archive/
//
// It copies the archive given into a temporary folder and measures there:
// opening it (the upgrade, with the backup before it), an automatic
// backup, the look at the backups folder every start makes, a restore,
// deleting one article, changing one article's note (the index's secure
// delete on and off, and in a Rewrite, which makes the index anew), and
// compact. Each step but the upgrade and compact
// runs several times; it prints medians.
var maintArchive = flag.String("maint-archive", "", "the archive `file` BenchmarkMaintenance100k copies and measures")

func BenchmarkMaintenance100k(b *testing.B) {
	if *maintArchive == "" {
		b.Skip("no -maint-archive")
	}
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "archive.db")
	for _, suffix := range []string{"", "-wal"} {
		if err := copyFile(path+suffix, *maintArchive+suffix); err != nil && !os.IsNotExist(err) {
			b.Fatal(err)
		}
	}
	for range b.N {
		start := time.Now()
		s, err := Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
		report("open and upgrade (backup first)", time.Since(start), nil)
		var n int
		s.db.QueryRow(`SELECT count(*) FROM articles`).Scan(&n)
		fmt.Printf("articles: %d; archive %.1f MB\n", n, float64(s.fileSize())/1e6)
		measureBackups(b, s)
		measureEdits(b, s)
		start = time.Now()
		r, err := s.Compact(ctx)
		if err != nil {
			b.Fatal(err)
		}
		report("compact", time.Since(start), nil)
		fmt.Printf("compact: %.1f MB before, %.1f MB after\n", float64(r.Before)/1e6, float64(r.After)/1e6)
		var ru syscall.Rusage
		syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
		fmt.Printf("peak RSS of the benchmark process: %d MiB\n", ru.Maxrss>>10)
	}
}

// measureBackups times automatic backups, the look a start takes when
// none is due, and a restore (on a second copy, so s stays open).
func measureBackups(b *testing.B, s *Store) {
	ctx := context.Background()
	var made, looks []time.Duration
	var last BackupInfo
	for range 3 {
		start := time.Now()
		bi, err := s.AutoBackup(ctx, ReasonManual, 2)
		if err != nil {
			b.Fatal(err)
		}
		made, last = append(made, time.Since(start)), bi
	}
	report("automatic backup (VACUUM INTO, synced)", 0, made)
	fmt.Printf("backup size: %.1f MB\n", float64(last.Size)/1e6)
	for range 5 {
		start := time.Now()
		if _, did, err := s.BackupIfDue(ctx, BackupEvery); err != nil || did {
			b.Fatalf("a backup made a moment ago: due %v, %v", did, err)
		}
		looks = append(looks, time.Since(start))
	}
	report("start with no backup due", 0, looks)
	var restores []time.Duration
	other := filepath.Join(b.TempDir(), "restored.db")
	for range 3 {
		start := time.Now()
		r, err := Restore(ctx, other, last.Path)
		if err != nil {
			b.Fatal(err)
		}
		restores = append(restores, time.Since(start))
		os.Remove(r.Aside)
	}
	report("restore (check, copy, sync, rename)", 0, restores)
}

// measureEdits times deleting one article and changing one note, with
// the index's secure delete on (as archives are) and off (as before).
func measureEdits(b *testing.B, s *Store) {
	ctx := context.Background()
	ids, err := listIDs(ctx, s.db, `SELECT id FROM articles ORDER BY id DESC LIMIT 30`)
	if err != nil || len(ids) < 30 {
		b.Fatalf("%d articles, %v", len(ids), err)
	}
	var deletes []time.Duration
	for _, id := range ids[:5] {
		start := time.Now()
		if err := s.DeleteArticles(ctx, id); err != nil {
			b.Fatal(err)
		}
		deletes = append(deletes, time.Since(start))
	}
	report("delete one article (secure)", 0, deletes)
	for _, on := range []int{1, 0} {
		if _, err := s.db.Exec(`INSERT INTO articles_fts(articles_fts, rank) VALUES ('secure-delete', ?)`, on); err != nil {
			b.Fatal(err)
		}
		var notes []time.Duration
		for i, id := range ids[5:30] {
			start := time.Now()
			if err := s.SetNote(ctx, id, fmt.Sprintf("note %d of the benchmark, secure delete %d", i, on)); err != nil {
				b.Fatal(err)
			}
			notes = append(notes, time.Since(start))
		}
		report(fmt.Sprintf("set a note (index secure-delete %d)", on), 0, notes)
	}
	if _, err := s.db.Exec(`INSERT INTO articles_fts(articles_fts, rank) VALUES ('secure-delete', 1)`); err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	err = s.Rewrite(ctx, func() error {
		for _, id := range ids[5:30] {
			if err := s.SetNote(ctx, id, "changed in a rewrite"); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	report("Rewrite of 25 notes (index made anew)", time.Since(start), nil)
}

// report prints one measurement: d, or the median, least and most of ds.
func report(what string, d time.Duration, ds []time.Duration) {
	if ds == nil {
		fmt.Printf("%-40s %v\n", what, d.Round(time.Millisecond))
		return
	}
	slices.Sort(ds)
	fmt.Printf("%-40s median %v (%v–%v, %d runs)\n", what, ds[len(ds)/2].Round(time.Millisecond),
		ds[0].Round(time.Millisecond), ds[len(ds)-1].Round(time.Millisecond), len(ds))
}
