package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// terminalProgress returns a progress function drawing a bar on standard
// error when it is a terminal, nil (no progress shown) otherwise. The bar
// is ended when the job reports done == total.
func terminalProgress(c *cli, label string) func(done, total int) {
	if !isTerminal(c.stderr) {
		return nil
	}
	bar := newProgressBar(c.stderr, label)
	return func(done, total int) {
		bar.update(done, total, "", false)
		if done == total {
			bar.done()
		}
	}
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
	b.tty = os.Getenv("TERM") != "dumb" && isTerminal(w)
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
		control(b.w, "\r\033[K")
		fmt.Fprintf(b.w, "%s\n", line)
		b.shown = false
	}
	now := time.Now()
	if b.shown && done < total && now.Sub(b.last) < redrawEvery {
		return
	}
	b.last, b.shown = now, true
	control(b.w, "\r\033[K")
	fmt.Fprint(b.w, b.render(done, total, line))
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
		control(b.w, "\r\033[K")
	}
}
