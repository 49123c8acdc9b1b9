package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/bundle"
	"github.com/clippings/clippings/importer"
	"github.com/clippings/clippings/internal/words"
)

func runImport(ctx context.Context, c *cli, args []string) error {
	fs := c.flags("import")
	paths, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		fs.Usage()
		return errUsage
	}
	return c.withStore(ctx, func(store *archive.Store) error { return importPaths(ctx, c, store, paths) })
}

// importPaths merges the .clippings bundles among paths and imports the
// other files and folders as saved pages, with a progress bar and a
// report.
func importPaths(ctx context.Context, c *cli, store *archive.Store, paths []string) error {
	// .clippings bundles are merged whole; everything else is a saved page.
	var pages []string
	for _, p := range paths {
		if bundle.HasExt(p) {
			if err := importBundle(ctx, c, store, p); err != nil {
				return err
			}
			continue
		}
		pages = append(pages, p)
	}
	if len(pages) == 0 {
		return nil
	}
	paths = pages

	bar := newProgressBar(c.stdout, "importing")
	rep, err := importer.Import(ctx, store, paths, importer.Options{}, func(p importer.Progress) {
		bar.update(p.Done, p.Total, describe(p.Last), p.Last.Err != nil)
	})
	bar.done()
	if err == nil || len(rep.Files) > 0 {
		printReport(c.stdout, rep)
	}
	if errors.Is(err, context.Canceled) {
		return errors.New("import interrupted: run the same command again to import the rest")
	}
	if err != nil && len(rep.Files) > 0 && archive.IsFileFault(err) {
		return fmt.Errorf("import stopped after %s: %w", words.Plural(len(rep.Files), "file", "files"), err)
	}
	if err != nil {
		return err
	}
	if rep.Imported+rep.Versions+rep.Present == 0 {
		return errors.New("nothing could be imported")
	}
	return nil
}

// printReport prints the totals of an import, then each failed file and
// why.
func printReport(w io.Writer, rep importer.Report) {
	parts := []string{fmt.Sprintf("%d imported", rep.Imported)}
	if rep.Versions > 0 {
		parts = append(parts, words.Plural(rep.Versions, "new version", "new versions"))
	}
	parts = append(parts, fmt.Sprintf("%d already present", rep.Present), fmt.Sprintf("%d failed", rep.Failed))
	fmt.Fprintln(w, strings.Join(parts, ", "))
	if fails := rep.Failures(); len(fails) > 0 {
		fmt.Fprintln(w, "failed:")
		for _, f := range fails {
			fmt.Fprintf(w, "  %s: %s\n", f.Path, reason(f))
		}
	}
}

// reason is why a file failed, without the file's name that the error
// repeats.
func reason(f importer.FileResult) string {
	msg := f.Err.Error()
	for _, prefix := range []string{"import " + f.Path + ": ", "store " + f.Path + ": ", "import " + filepath.Base(f.Path) + ": "} {
		msg = strings.TrimPrefix(msg, prefix)
	}
	return msg
}

// describe is one line for a file of an import.
func describe(r importer.FileResult) string {
	switch {
	case r.Err != nil:
		return fmt.Sprintf("%s: failed: %s", r.Path, reason(r))
	case r.Outcome == archive.AlreadyPresent:
		return fmt.Sprintf("%s: already present", r.Path)
	case r.Outcome == archive.NewVersion:
		return fmt.Sprintf("%s: new version of %s", r.Path, words.Plural(len(r.IDs), "article", "articles"))
	}
	n := len(r.IDs)
	if n == 1 {
		return fmt.Sprintf("%s: imported (article %d)", r.Path, r.IDs[0])
	}
	return fmt.Sprintf("%s: imported %d articles", r.Path, n)
}

// progressBar shows the progress of a long job: on a terminal one line
// redrawn in place (at most ten times a second) above which the lines
// that matter (failures) stay; elsewhere one line for each item.
type progressBar struct {
	w      io.Writer
	tty    bool
	label  string
	start  time.Time
	last   time.Time
	shown  bool
	column int // terminal width
}

// redrawEvery is the least time between two redraws of the bar.
const redrawEvery = 100 * time.Millisecond

func newProgressBar(w io.Writer, label string) *progressBar {
	b := &progressBar{w: w, label: label, start: time.Now(), column: 80}
	if f, ok := w.(*os.File); ok && os.Getenv("TERM") != "dumb" {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			b.tty = true
		}
	}
	if n, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && n >= 40 {
		b.column = n
	}
	return b
}

// update reports that done of total items are finished, the last as line;
// keep marks a line that must stay visible on a terminal too.
func (b *progressBar) update(done, total int, line string, keep bool) {
	if !b.tty {
		fmt.Fprintf(b.w, "[%d/%d] %s\n", done, total, line)
		return
	}
	if keep {
		fmt.Fprintf(b.w, "\r\033[K%s\n", line)
		b.shown = false
	}
	now := time.Now()
	if b.shown && done < total && now.Sub(b.last) < redrawEvery {
		return
	}
	b.last, b.shown = now, true
	fmt.Fprintf(b.w, "\r\033[K%s", b.render(done, total, line))
}

// render draws the bar: label, bar, count, rate, time left, last item.
func (b *progressBar) render(done, total int, line string) string {
	const width = 24
	filled := 0
	if total > 0 {
		filled = done * width / total
	}
	elapsed := time.Since(b.start).Seconds()
	rate, eta := 0.0, ""
	if elapsed > 0 && done > 0 {
		rate = float64(done) / elapsed
		left := time.Duration(float64(total-done)/rate) * time.Second
		eta = " ETA " + left.Round(time.Second).String()
	}
	s := fmt.Sprintf("%s [%s%s] %d/%d %.0f/s%s ", b.label, strings.Repeat("#", filled), strings.Repeat(".", width-filled),
		done, total, rate, eta)
	room := b.column - len(s) - 1
	if name := filepath.Base(strings.SplitN(line, ": ", 2)[0]); room > 8 {
		if r := []rune(name); len(r) > room {
			name = "…" + string(r[len(r)-room+1:])
		}
		s += name
	}
	return s
}

// done ends the bar's line.
func (b *progressBar) done() {
	if b.tty && b.shown {
		fmt.Fprint(b.w, "\r\033[K")
	}
}
