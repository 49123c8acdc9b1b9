package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"

	"github.com/clippings/clippings/archive"
)

// command is one subcommand of the command line.
type command struct {
	summary string
	usage   string // arguments after the command name
	run     func(ctx context.Context, c *cli, args []string) error
}

// commands is the dispatch table of the command line. It is filled in
// init because the commands' own usage messages refer back to it; files
// with more commands add theirs in their own init.
var commands map[string]command

func init() {
	commands = map[string]command{
		"import":  {"import saved pages (files or folders) into the archive", "[--archive A] PATH...", runImport},
		"extract": {"print the cleaned article of a saved page; touches no archive", "[--json] FILE", runExtract},
		"search":  {"search the archive, best matches first", "[--archive A] [--json] [--limit N] QUERY", runSearch},
		"list":    {"list the archive's articles, newest first", "[--archive A] [--limit N] [--offset N]", runList},
		"show":    {"print one article as text", "[--archive A] ID", runShow},
	}
}

// cli carries what every command needs.
type cli struct {
	stdout, stderr io.Writer
	archivePath    string // from --archive; empty means the default place
}

// errUsage marks an error already explained by a usage message.
var errUsage = errors.New("usage")

func run(args []string, stdout, stderr io.Writer) int {
	c := &cli{stdout: stdout, stderr: stderr}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	global := c.flags("clippings")
	help := global.Bool("help", false, "show this help")
	global.Usage = func() { c.usage() }
	if err := global.Parse(args); err != nil {
		return 2
	}
	if *help || (global.NArg() > 0 && global.Arg(0) == "help") {
		c.usage()
		return 0
	}
	if global.NArg() == 0 {
		return c.report(runGUI(c))
	}
	name, rest := global.Arg(0), global.Args()[1:]
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "clippings: unknown command %q\n\n", name)
		c.usage()
		return 2
	}
	return c.report(cmd.run(ctx, c, rest))
}

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
			"Run \"clippings check\" to see what is wrong, and restore the archive from a backup made with\n" +
			"\"clippings backup\". Never overwrite the damaged file: keep a copy of it as it is."
	}
	return ""
}

func (c *cli) usage() {
	fmt.Fprint(c.stderr, `Clippings keeps saved news articles cleaned, searchable and citable, offline.

Usage:
  clippings [--archive A]          open the window
  clippings COMMAND [ARGS]         work on the command line

Commands:
`)
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(c.stderr, "  %-9s %s\n", n, commands[n].summary)
	}
	fmt.Fprint(c.stderr, `
The archive is one SQLite file: --archive A, else $CLIPPINGS_ARCHIVE, else
$XDG_DATA_HOME/clippings/archive.db (~/.local/share/clippings/archive.db).
Run "clippings COMMAND --help" for a command's options.
`)
}

// flags returns a flag set for a command that knows --archive.
func (c *cli) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	fs.StringVar(&c.archivePath, "archive", c.archivePath, "the archive file (default $CLIPPINGS_ARCHIVE or ~/.local/share/clippings/archive.db)")
	fs.Usage = func() {
		cmd := commands[name]
		fmt.Fprintf(c.stderr, "Usage: clippings %s %s\n\n%s.\n\nOptions:\n", name, cmd.usage, cmd.summary)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags that may come before, between or after the positional
// arguments, and returns the positional ones. Everything after "--" is
// positional, so a query may start with "-".
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var tail []string
	for i, a := range args {
		if a == "--" {
			args, tail = args[:i], args[i+1:]
			break
		}
	}
	var pos []string
	for {
		if err := fs.Parse(args); err == flag.ErrHelp {
			return nil, err
		} else if err != nil {
			return nil, fmt.Errorf("%w: %v", errUsage, err)
		}
		if fs.NArg() == 0 {
			return append(pos, tail...), nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// path returns the archive file named by --archive, $CLIPPINGS_ARCHIVE or
// the default place.
func (c *cli) path() (string, error) {
	if c.archivePath != "" {
		return c.archivePath, nil
	}
	return archive.DefaultPath()
}

// open opens the archive named by --archive, $CLIPPINGS_ARCHIVE or the default place.
func (c *cli) open(ctx context.Context) (*archive.Store, error) {
	path, err := c.path()
	if err != nil {
		return nil, err
	}
	s, err := archive.Open(ctx, path)
	if err != nil {
		return nil, err // it names the file
	}
	return s, nil
}

// withStore opens the archive, runs fn and closes it.
func (c *cli) withStore(ctx context.Context, fn func(s *archive.Store) error) error {
	s, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	return c.explain(fn(s))
}
