package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"

	"github.com/clippings/clippings/archive"
)

// archiveHelp is the help of --archive.
const archiveHelp = "the archive file (default $CLIPPINGS_ARCHIVE or ~/.local/share/clippings/archive.db)"

// flags returns an empty flag set for the running command, whose usage
// message is the command's line of the table and its options.
func (c *cli) flags() *flag.FlagSet {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	fs.Usage = func() {
		fmt.Fprintf(c.stderr, "Usage: clippings %s %s\n\n%s.\n\nOptions:\n", c.name, c.cmd.usage, c.cmd.summary)
		fs.PrintDefaults()
	}
	return fs
}

// archiveFlags returns the flag set of a command that works on the
// archive: it knows --archive.
func (c *cli) archiveFlags() *flag.FlagSet {
	fs := c.flags()
	fs.StringVar(&c.archivePath, "archive", c.archivePath, archiveHelp)
	return fs
}

// parse parses flags that may come before, between or after the positional
// arguments, and returns the positional ones. Everything after "--" is
// positional. So is a word that starts with one "-" but names no flag of
// fs, such as the negated term of a query ("-tag:health plague"); "--x"
// of an unknown x is still a usage error.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		name, ok := flagName(fs, a)
		if !ok {
			pos = append(pos, a)
			continue
		}
		flags = append(flags, a)
		if takesValue(fs, name, a) && i+1 < len(args) {
			i++
			flags = append(flags, args[i])
		}
	}
	if err := fs.Parse(flags); errors.Is(err, flag.ErrHelp) {
		return nil, err
	} else if err != nil {
		return nil, fmt.Errorf("%w: %v", errUsage, err)
	}
	return pos, nil
}

// flagName returns the name in a ("-name", "--name", "-name=value") and
// whether a is to be parsed as a flag: when it names a flag of fs or
// asks for help, or has two dashes.
func flagName(fs *flag.FlagSet, a string) (string, bool) {
	if len(a) < 2 || a[0] != '-' {
		return "", false
	}
	name, _, _ := strings.Cut(strings.TrimPrefix(a[1:], "-"), "=")
	if name == "" || name[0] == '-' {
		return "", false
	}
	if fs.Lookup(name) != nil || name == "h" || name == "help" {
		return name, true
	}
	return name, strings.HasPrefix(a, "--")
}

// takesValue reports whether flag name, given as a, takes the next
// argument as its value.
func takesValue(fs *flag.FlagSet, name, a string) bool {
	f := fs.Lookup(name)
	if f == nil || strings.Contains(a, "=") {
		return false
	}
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return !ok || !b.IsBoolFlag()
}

// usageErr prints the usage line of the running command.
func (c *cli) usageErr() error {
	fmt.Fprintf(c.stderr, "Usage: clippings %s %s\n", c.name, c.cmd.usage)
	return errUsage
}

// positional parses args with fs and returns the positional arguments,
// of which there must be least to most (-1: no limit).
func (c *cli) positional(fs *flag.FlagSet, args []string, least, most int) ([]string, error) {
	rest, err := parse(fs, args)
	if err != nil {
		return nil, err
	}
	if len(rest) < least || (most >= 0 && len(rest) > most) {
		fs.Usage()
		return nil, errUsage
	}
	return rest, nil
}

// subcommand parses args with fs and returns the subcommand and its
// arguments.
func (c *cli) subcommand(fs *flag.FlagSet, args []string) (string, []string, error) {
	rest, err := parse(fs, args)
	if err != nil {
		return "", nil, err
	}
	if len(rest) == 0 {
		return "", nil, c.usageErr()
	}
	return rest[0], rest[1:], nil
}

// parseIDs reads article numbers, one in each argument (white space
// around it ignored); zero and negative numbers are refused. It is the
// only parser of article numbers: arguments, --ids and note numbers.
func parseIDs(args ...string) ([]int64, error) {
	ids := make([]int64, len(args))
	for i, a := range args {
		id, err := strconv.ParseInt(strings.TrimSpace(a), 10, 64)
		if err != nil || id <= 0 {
			return nil, fmt.Errorf("%q is not an article number", a)
		}
		ids[i] = id
	}
	return ids, nil
}

// withTargets runs a command that acts on the articles given by number
// or found by --query: it adds --query to fs (which has the command's
// other flags), parses args, opens the archive and runs fn with the IDs.
func (c *cli) withTargets(ctx context.Context, fs *flag.FlagSet, args []string, fn func(s *archive.Store, ids []int64) error) error {
	var query string
	fs.StringVar(&query, "query", "", "act on the articles this search finds")
	rest, err := c.positional(fs, args, 0, -1)
	if err != nil {
		return err
	}
	return c.withStore(ctx, func(s *archive.Store) error {
		ids, err := targetIDs(ctx, s, rest, query)
		if err != nil {
			return fmt.Errorf("%s: %w", c.name, err)
		}
		return fn(s, ids)
	})
}

// targetIDs returns the article IDs given, or those query finds.
func targetIDs(ctx context.Context, s *archive.Store, args []string, query string) ([]int64, error) {
	if query != "" {
		if len(args) > 0 {
			return nil, errors.New("give article numbers or --query, not both")
		}
		return s.SearchIDs(ctx, query)
	}
	if len(args) == 0 {
		return nil, errors.New("no article numbers (or --query)")
	}
	return parseIDs(args...)
}
