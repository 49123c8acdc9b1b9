package main

import (
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

// importTimeout bounds one import of a test folder.
const importTimeout = 10 * time.Minute

// crashSeed returns the seed of a test's random choices: $CLIPPINGS_CRASH_SEED,
// else the time. It is logged, so that a failure can be replayed.
func crashSeed(t *testing.T) uint64 {
	seed := uint64(time.Now().UnixNano())
	if s, err := strconv.ParseUint(os.Getenv("CLIPPINGS_CRASH_SEED"), 10, 64); err == nil {
		seed = s
	}
	t.Logf("seed %d (set CLIPPINGS_CRASH_SEED to replay)", seed)
	return seed
}

// removeArchive deletes an archive file with its WAL and shared memory.
func removeArchive(t testing.TB, path string) {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		if err := os.Remove(path + suffix); err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
	}
}

var progressLine = regexp.MustCompile(`^\[(\d+)/(\d+)\] `)

// TestCrashDuringImport kills `clippings import` of a large folder at
// random moments (while the archive is created, while files are cleaned
// and stored, at the end while the index is optimised) and checks after
// every kill that the archive is whole and holds only part of what the
// finished import holds. A run after a kill resumes on the same archive;
// once one finishes the next starts from nothing. At the end one run
// finishes the job: the archive must then equal the reference archive
// (imported without a kill): nothing lost, nothing twice.
func TestCrashDuringImport(t *testing.T) {
	size := sizeOf(t)
	rng := rand.New(rand.NewPCG(crashSeed(t), 1))
	dir := t.TempDir()
	c := writeCorpus(t, filepath.Join(dir, "pages"), size.pages, true)

	ref := filepath.Join(dir, "reference.db")
	start := time.Now()
	code, out, errs := runChild(t, importTimeout, "import", "--archive", ref, c.dir)
	full := time.Since(start)
	if code != 0 {
		t.Fatalf("reference import: exit %d\n%s\n%s", code, tail(out, 20), errs)
	}
	refState := mustBeWhole(t, ref, "reference archive")
	t.Logf("size %s: %d files (%d bad), reference import %v: %d articles, %d versions, %d originals, %d images",
		size.name, c.pages, c.bad, full.Round(time.Millisecond), refState.articles, refState.versions, refState.originals, refState.images)
	if refState.articles < c.pages/2 {
		t.Fatalf("reference archive has %d articles from %d files", refState.articles, c.pages)
	}

	db := filepath.Join(dir, "crash.db")
	var kills, finished int
	phases := map[string]int{}
	for kills < size.kills {
		phase, ch := killImport(t, rng, db, c.dir, full)
		if !ch.killed() {
			finished++
			if code := ch.cmd.ProcessState.ExitCode(); code != 0 {
				t.Fatalf("import finished with exit %d before the kill:\n%s", code, ch.stderr.String())
			}
		} else {
			kills++
			phases[phase]++
		}
		when := fmt.Sprintf("after kill %d (%s)", kills, phase)
		st := mustBeWhole(t, db, when)
		if extra := st.subsetOf(refState); len(extra) > 0 {
			t.Fatalf("%s: %s", when, strings.Join(extra, "\n"))
		}
		if st.migrated {
			if code, out, errs := inProcess("check", "--archive", db); code != 0 || !strings.Contains(out, " 0 problems") {
				t.Fatalf("%s: clippings check: exit %d\n%s%s", when, code, out, errs)
			}
		}
		if !ch.killed() {
			removeArchive(t, db) // finished: start again from nothing
		}
	}
	code, out, errs = runChild(t, importTimeout, "import", "--archive", db, c.dir)
	if code != 0 {
		t.Fatalf("last import: exit %d\n%s\n%s", code, tail(out, 20), errs)
	}
	st := mustBeWhole(t, db, "after the last import")
	if diff := st.sameAs(refState); len(diff) > 0 {
		t.Fatalf("after %d kills the archive differs from the reference:\n%s", kills, strings.Join(diff, "\n"))
	}
	t.Logf("%d kills %v, %d runs finished before their kill; archive whole after each, equal to the reference at the end",
		kills, phases, finished)
}

// killImport starts an import into db and kills it at a random moment,
// chosen one of four ways; it returns how and the dead child.
func killImport(t *testing.T, rng *rand.Rand, db, dir string, full time.Duration) (string, *child) {
	ch := startChild(t, "cli", nil, "import", "--archive", db, dir)
	phase := []string{"at a random time", "after a random file", "early (open, migrations, hashing)", "at the end (optimise, close)"}[rng.IntN(4)]
	switch phase {
	case "at a random time":
		sleepOrExit(ch, time.Duration(rng.Int64N(int64(full))))
	case "early (open, migrations, hashing)":
		sleepOrExit(ch, time.Duration(rng.Int64N(int64(400*time.Millisecond))))
	default:
		target := 0
		for line := range ch.lines {
			m := progressLine.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			done, _ := strconv.Atoi(m[1])
			total, _ := strconv.Atoi(m[2])
			if target == 0 {
				target = total
				if phase == "after a random file" {
					target = 1 + rng.IntN(total)
				}
			}
			if done >= target {
				break
			}
		}
		sleepOrExit(ch, time.Duration(rng.Int64N(int64(30*time.Millisecond))))
	}
	ch.kill()
	ch.wait(time.Minute)
	go ch.drain()
	return phase, ch
}

// sleepOrExit waits for d or until the child exits.
func sleepOrExit(ch *child, d time.Duration) {
	select {
	case <-ch.exited:
	case <-time.After(d):
	}
}

// tail returns the last n lines of s.
func tail(s string, n int) string {
	lines := strings.Split(s, "\n")
	return strings.Join(lines[max(len(lines)-n, 0):], "\n")
}
