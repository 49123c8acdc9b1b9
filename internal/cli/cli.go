// Package cli is Clippings' command line: one table of commands, each
// with its own flags, working on the archive named by --archive,
// $CLIPPINGS_ARCHIVE or the default place. Without a command Run opens
// the window through the function package main gives it, so that the
// command line does not depend on the GUI.
//
// Only import (and the commands that make something: collection create,
// saved add) may create the archive; every other command on a missing
// archive is an error naming it.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"os/signal"
	"slices"

	"github.com/clippings/clippings/archive"
)

// command is one command of the command line.
type command struct {
	summary string
	usage   string // the arguments after the command name
	run     func(ctx context.Context, c *cli, args []string) error
}

// commands is the command table.
var commands = map[string]command{
	// Bring pages in, read them.
	"import":    {"import saved pages (files or folders), .clippings bundles and other tools' libraries into the archive", "[--archive A] [--reading-list] PATH...", runImport},
	"extract":   {"print the cleaned article of a saved page; touches no archive", "[--json] FILE", runExtract},
	"search":    {"search the archive, best matches first", "[--archive A] [--json] [--limit N] QUERY", runSearch},
	"list":      {"list the archive's articles, newest first", "[--archive A] [--limit N] [--offset N]", runList},
	"show":      {"print one article as text", "[--archive A] ID", runShow},
	"versions":  {"list the versions of an article, or show what changed between two (--diff: the last two, or A and B)", "[--archive A] [--json] ID [--diff [A B]]", runVersions},
	"export":    {"write articles as Markdown, HTML, EPUB, PDF, citations, CSV, JSON or a .clippings bundle", "--format F [--query Q | --tag T | --collection C | --ids N,N…] [--archive A] -o OUT", runExport},
	"reextract": {"clean every stored original again with the current cleaner, keeping tags and annotations", "[--archive A]", runReextract},
	// Organise them.
	"tag":        {"tag articles, and list, rename, merge or delete tags", "add|remove TAG (ID... | --query Q)  |  list  |  rename OLD NEW  |  merge INTO TAG...  |  delete TAG", runTag},
	"note":       {"highlight passages, write notes, list annotations", "add ID QUOTE [--color C] [--note T] [--nth N]  |  set ID TEXT  |  list [ID] [--color C] [--text T] [--orphaned]  |  edit NOTE-ID [--color C] [--note T]  |  delete NOTE-ID", runNote},
	"collection": {"make collections and put articles in them", "create PATH  |  add PATH (ID... | --query Q)  |  remove PATH ID...  |  move PATH ID POSITION  |  list  |  show PATH  |  rename PATH NAME  |  delete PATH", runCollection},
	"saved":      {"save searches under a name (use them as saved:NAME)", "add NAME QUERY  |  list  |  run NAME  |  rename OLD NEW  |  delete NAME", runSaved},
	"star":       {"star articles (--off to unstar)", "[--off] (ID... | --query Q)", runStar},
	"read":       {"mark articles read (--unread to undo)", "[--unread] (ID... | --query Q)", runRead},
	"delete":     {"delete articles with their versions, tags, notes and stored files (lists them first; --yes deletes)", "[--yes] (ID... | --query Q)", runDelete},
	// Keep the archive safe.
	"backup":  {"back the archive up (even while the app runs), list the automatic backups", "[--archive A] [DEST]  |  --list [--json]  |  --keep N", runBackup},
	"restore": {"put an automatic backup (the newest, or BACKUP) in place of the archive, keeping the file it replaces", "[--archive A] [BACKUP]", runRestore},
	"check":   {"check the archive, its index, the stored files' hashes and the articles' checksums", "[--archive A] [--json]", runCheck},
	"compact": {"rewrite the archive without free space and without any trace of deleted articles", "[--archive A]", runCompact},
}

// cli carries what every command needs.
type cli struct {
	stdout, stderr io.Writer
	archivePath    string  // from --archive; empty means $CLIPPINGS_ARCHIVE or the default place
	name           string  // the command running
	cmd            command // its entry in the table
}

// errUsage marks an error already explained by a usage message.
var errUsage = errors.New("usage")

// Run runs the command line with args (without the program's name) and
// returns the exit status: 0, 1 when the command failed (said on stderr),
// 2 for a usage error. Without a command it calls window with the archive
// given by --archive ("" when none) and returns when the window closes.
func Run(args []string, stdout, stderr io.Writer, window func(archivePath string) error) int {
	c := &cli{stdout: termOut{stdout}, stderr: termOut{stderr}}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	global := flag.NewFlagSet("clippings", flag.ContinueOnError)
	global.SetOutput(c.stderr)
	global.StringVar(&c.archivePath, "archive", "", archiveHelp)
	help := global.Bool("help", false, "show this help")
	global.Usage = c.usage
	if err := global.Parse(args); err != nil {
		return 2
	}
	if *help || (global.NArg() > 0 && global.Arg(0) == "help") {
		c.usage()
		return 0
	}
	if global.NArg() == 0 {
		return c.report(window(c.archivePath))
	}
	c.name = global.Arg(0)
	cmd, ok := commands[c.name]
	if !ok {
		fmt.Fprintf(c.stderr, "clippings: unknown command %q\n\n", c.name)
		c.usage()
		return 2
	}
	c.cmd = cmd
	return c.report(cmd.run(ctx, c, global.Args()[1:]))
}

// report prints err, with what to do about it, and returns the exit status.
func (c *cli) report(err error) int {
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	}
	fmt.Fprintf(c.stderr, "clippings: %v\n", err)
	if h := hint(err); h != "" {
		fmt.Fprintln(c.stderr, h)
	}
	return 1
}

// hint says what to do about an error of the archive file.
func hint(err error) string {
	switch {
	case errors.Is(err, errNoArchive):
		return "Import some pages first (clippings import PATH... makes the archive), or name the archive\n" +
			"with --archive A or $CLIPPINGS_ARCHIVE."
	case errors.Is(err, archive.ErrJournalReplaced):
		return "Another program deleted or replaced the archive's -wal and -shm files while Clippings had the\n" +
			"archive open. To keep the archive whole, that Clippings writes nothing more to it: close every\n" +
			"Clippings window and command, then run \"clippings check\". Changes made just before the files were\n" +
			"deleted may be missing; \"clippings backup --list\" shows the automatic backups."
	case errors.Is(err, archive.ErrBusy):
		return "The archive is in use by another Clippings (a window or a command still running).\n" +
			"Close the other Clippings, or wait until it has finished, and run the same command again."
	case errors.Is(err, archive.ErrReadOnly):
		return "The archive is read-only: check the permissions of the file and its folder, or copy the\n" +
			"file somewhere you may write and use --archive COPY. Reading commands work meanwhile."
	case errors.Is(err, archive.ErrDiskFull):
		return "The disk holding the archive is full. Nothing stored was lost: free some space and run\n" +
			"the same command again."
	case errors.Is(err, archive.ErrDamaged):
		return "The archive file is damaged (or not a Clippings archive); nothing was written to it.\n" +
			"Run \"clippings check\" to see what is wrong, then \"clippings restore\" to put the newest automatic\n" +
			"backup in its place (\"clippings backup --list\" lists them); restore keeps the damaged file."
	}
	return ""
}

// usage prints the help of the command line.
func (c *cli) usage() {
	fmt.Fprint(c.stderr, `Clippings keeps saved news articles cleaned, searchable and citable, offline.

Usage:
  clippings [--archive A]          open the window
  clippings COMMAND [ARGS]         work on the command line

Commands:
`)
	for _, n := range slices.Sorted(maps.Keys(commands)) {
		fmt.Fprintf(c.stderr, "  %-9s %s\n", n, commands[n].summary)
	}
	fmt.Fprint(c.stderr, `
The archive is one SQLite file: --archive A, else $CLIPPINGS_ARCHIVE, else
$XDG_DATA_HOME/clippings/archive.db (~/.local/share/clippings/archive.db).
Run "clippings COMMAND --help" for a command's options.
`)
}
