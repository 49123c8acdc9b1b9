// Command clippings is an offline news archive for researchers: it imports
// saved web pages, cleans them into articles and keeps them searchable in
// one SQLite file. Without arguments it opens the window (gui.go); with a
// command (import, extract, search, list, show…) it works on the command
// line (package internal/cli).
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/internal/cli"
)

func main() {
	if err := archive.CheckFTS5(); err != nil {
		fmt.Fprintf(os.Stderr, "clippings: this binary was built without SQLite FTS5 (%v).\n"+
			"Rebuild it with: go build -tags sqlite_fts5 .\n", err)
		os.Exit(2)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run runs the command line, or the window when no command is given, and
// returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	return cli.Run(args, stdout, stderr, runGUI)
}
