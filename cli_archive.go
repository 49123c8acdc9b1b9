package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/clippings/clippings/archive"
)

// Commands that organise the archive: tags, notes, collections, saved
// searches, states, versions, backup and check.
func init() {
	for name, cmd := range map[string]command{
		"tag": {"tag articles, and list, rename, merge or delete tags",
			"add|remove TAG (ID... | --query Q)  |  list  |  rename OLD NEW  |  merge INTO TAG...  |  delete TAG", runTag},
		"note": {"highlight passages, write notes, list annotations",
			"add ID QUOTE [--color C] [--note T] [--nth N]  |  set ID TEXT  |  list [ID] [--color C] [--text T] [--orphaned]  |  edit NOTE-ID [--color C] [--note T]  |  delete NOTE-ID", runNote},
		"collection": {"make collections and put articles in them",
			"create PATH  |  add PATH (ID... | --query Q)  |  remove PATH ID...  |  move PATH ID POSITION  |  list  |  show PATH  |  rename PATH NAME  |  delete PATH", runCollection},
		"saved": {"save searches under a name (use them as saved:NAME)",
			"add NAME QUERY  |  list  |  run NAME  |  rename OLD NEW  |  delete NAME", runSaved},
		"star":     {"star articles (--off to unstar)", "[--off] ID...", runStar},
		"read":     {"mark articles read (--unread to undo)", "[--unread] ID...", runRead},
		"versions": {"list the versions of an article", "ID", runVersions},
		"backup":   {"copy the archive safely, even while the app runs", "DEST", runBackup},
		"check":    {"check the archive, its index and the stored files' hashes", "", runCheck},
	} {
		commands[name] = cmd
	}
}

// orgOpts are the flags of the organising commands; each uses some.
type orgOpts struct {
	json, off, orphaned bool
	yes                 bool // delete: really delete
	query, color, note  string
	text                string
	nth, limit          int
}

// parseOpts parses args for command name and returns the positional ones.
func (c *cli) parseOpts(name string, args []string, o *orgOpts) ([]string, error) {
	fs := c.flags(name)
	fs.BoolVar(&o.json, "json", false, "print JSON")
	fs.StringVar(&o.query, "query", "", "act on the articles this search finds")
	switch name {
	case "note":
		fs.StringVar(&o.color, "color", "", "colour of a highlight; with list, only this colour")
		fs.StringVar(&o.note, "note", "", "note on a highlight")
		fs.StringVar(&o.text, "text", "", "with list, only annotations containing this text")
		fs.BoolVar(&o.orphaned, "orphaned", false, "with list, only highlights whose passage was lost")
		fs.IntVar(&o.nth, "nth", 0, "highlight the `N`th occurrence of the quote")
	case "star":
		fs.BoolVar(&o.off, "off", false, "unstar")
	case "delete":
		fs.BoolVar(&o.yes, "yes", false, "delete them (without it, only list them)")
	case "read":
		fs.BoolVar(&o.off, "unread", false, "mark unread")
	case "saved":
		fs.IntVar(&o.limit, "limit", 20, "with run, show at most `N` hits")
	}
	return parse(fs, args)
}

// explain prints where a malformed query went wrong.
func (c *cli) explain(err error) error {
	var qe *archive.QueryError
	if errors.As(err, &qe) {
		fmt.Fprintf(c.stderr, "%s\n", qe.Caret())
	}
	return err
}

// usageErr prints the usage of command name.
func (c *cli) usageErr(name string) error {
	fmt.Fprintf(c.stderr, "Usage: clippings %s %s\n", name, commands[name].usage)
	return errUsage
}

func argIDs(args []string) ([]int64, error) {
	ids := make([]int64, len(args))
	for i, a := range args {
		id, err := strconv.ParseInt(a, 10, 64)
		if err != nil || id <= 0 {
			return nil, fmt.Errorf("%q is not an article number", a)
		}
		ids[i] = id
	}
	return ids, nil
}

// targetIDs returns the article IDs given, or those --query finds.
func targetIDs(ctx context.Context, s *archive.Store, args []string, o *orgOpts) ([]int64, error) {
	if o.query != "" {
		if len(args) > 0 {
			return nil, errors.New("give article numbers or --query, not both")
		}
		return s.SearchIDs(ctx, o.query)
	}
	if len(args) == 0 {
		return nil, errors.New("no article numbers (or --query)")
	}
	return argIDs(args)
}

func emitJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// output prints v as JSON with --json, else runs text; unless err.
func (c *cli) output(o *orgOpts, v any, err error, text func()) error {
	switch {
	case err != nil:
		return err
	case o.json:
		return emitJSON(c.stdout, v)
	}
	text()
	return nil
}

// runSubcommand parses the arguments of a command with subcommands and runs
// fn with the open archive, the subcommand and its arguments.
func (c *cli) runSubcommand(ctx context.Context, name string, args []string, fn func(s *archive.Store, sub string, rest []string, o *orgOpts) error) error {
	var o orgOpts
	rest, err := c.parseOpts(name, args, &o)
	if err != nil {
		return err
	}
	if len(rest) == 0 {
		return c.usageErr(name)
	}
	return c.withStore(ctx, func(s *archive.Store) error { return fn(s, rest[0], rest[1:], &o) })
}

func runTag(ctx context.Context, c *cli, args []string) error {
	return c.runSubcommand(ctx, "tag", args, func(s *archive.Store, sub string, rest []string, o *orgOpts) error {
		switch {
		case sub == "list" && len(rest) == 0:
			return c.listTags(ctx, s, o)
		case (sub == "add" || sub == "remove") && len(rest) >= 1:
			ids, err := targetIDs(ctx, s, rest[1:], o)
			if err != nil {
				return err
			}
			n, err := s.AddTags(ctx, ids, rest[0])
			if sub == "remove" {
				n, err = s.RemoveTags(ctx, ids, rest[0])
			}
			if err == nil {
				fmt.Fprintf(c.stdout, "%s %q: %d of %d articles changed\n", sub, rest[0], n, len(ids))
			}
			return err
		case sub == "rename" && len(rest) == 2:
			return c.printCount("renamed %d tags\n")(s.RenameTag(ctx, rest[0], rest[1]))
		case sub == "merge" && len(rest) >= 2:
			return c.printCount("merged %d tags\n")(s.MergeTags(ctx, rest[0], rest[1:]...))
		case sub == "delete" && len(rest) == 1:
			return c.printCount("removed from %d articles\n")(s.DeleteTag(ctx, rest[0]))
		}
		return c.usageErr("tag")
	})
}

// printCount returns a function that prints n with format unless err.
func (c *cli) printCount(format string) func(n int, err error) error {
	return func(n int, err error) error {
		if err == nil {
			fmt.Fprintf(c.stdout, format, n)
		}
		return err
	}
}

func (c *cli) listTags(ctx context.Context, s *archive.Store, o *orgOpts) error {
	tags, err := s.Tags(ctx)
	return c.output(o, tags, err, func() {
		for _, t := range tags {
			depth := strings.Count(t.Name, "/")
			leaf := t.Name[strings.LastIndexByte(t.Name, '/')+1:]
			fmt.Fprintf(c.stdout, "%6d %6d  %s%s\n", t.Count, t.Total, strings.Repeat("  ", depth), leaf)
		}
		if len(tags) > 0 {
			fmt.Fprintln(c.stdout, "(articles with the tag itself; with it or a tag below it)")
		}
	})
}

func runNote(ctx context.Context, c *cli, args []string) error {
	return c.runSubcommand(ctx, "note", args, func(s *archive.Store, sub string, rest []string, o *orgOpts) error {
		switch {
		case sub == "add" && len(rest) >= 2:
			ids, err := argIDs(rest[:1])
			if err != nil {
				return err
			}
			h := archive.NewHighlight{Exact: strings.Join(rest[1:], " "), Occurrence: o.nth, Color: o.color, Note: o.note}
			an, err := s.AddHighlight(ctx, ids[0], h)
			if err == nil {
				fmt.Fprintf(c.stdout, "note %d: characters %d–%d of article %d\n", an.ID, an.Start, an.End, an.ArticleID)
			}
			return err
		case sub == "set" && len(rest) >= 1:
			ids, err := argIDs(rest[:1])
			if err != nil {
				return err
			}
			return s.SetNote(ctx, ids[0], strings.Join(rest[1:], " "))
		case sub == "list" && len(rest) <= 1:
			return c.listNotes(ctx, s, rest, o)
		case sub == "edit" && len(rest) == 1:
			return c.editNote(ctx, s, rest[0], o)
		case sub == "delete" && len(rest) == 1:
			ids, err := argIDs(rest)
			if err != nil {
				return err
			}
			return s.DeleteAnnotation(ctx, ids[0])
		}
		return c.usageErr("note")
	})
}

func (c *cli) editNote(ctx context.Context, s *archive.Store, arg string, o *orgOpts) error {
	ids, err := argIDs([]string{arg})
	if err != nil {
		return err
	}
	var u archive.AnnotationUpdate
	if o.color != "" {
		u.Color = &o.color
	}
	if o.note != "" {
		u.Note = &o.note
	}
	return s.UpdateAnnotation(ctx, ids[0], u)
}

func (c *cli) listNotes(ctx context.Context, s *archive.Store, args []string, o *orgOpts) error {
	f := archive.AnnotationFilter{Color: o.color, Text: o.text, Orphaned: o.orphaned, Limit: 1_000_000}
	if len(args) == 1 {
		ids, err := argIDs(args)
		if err != nil {
			return err
		}
		f.ArticleID = ids[0]
	}
	list, err := s.Annotations(ctx, f)
	return c.output(o, list, err, func() {
		for _, a := range list {
			where := "note"
			if a.Kind == archive.KindHighlight {
				where = fmt.Sprintf("%d–%d", a.Start, a.End)
				if a.Orphaned {
					where = "orphaned"
				}
			}
			fmt.Fprintf(c.stdout, "%5d  article %d (%s), %s %s\n", a.ID, a.ArticleID, a.Title, where, a.Color)
			if a.Quote.Exact != "" {
				fmt.Fprintf(c.stdout, "       “%s”\n", strings.Join(strings.Fields(a.Quote.Exact), " "))
			}
			if a.Note != "" {
				fmt.Fprintf(c.stdout, "       %s\n", a.Note)
			}
		}
	})
}

func runCollection(ctx context.Context, c *cli, args []string) error {
	return c.runSubcommand(ctx, "collection", args, func(s *archive.Store, sub string, rest []string, o *orgOpts) error {
		switch {
		case sub == "list" && len(rest) == 0:
			list, err := s.Collections(ctx)
			return c.output(o, list, err, func() {
				for _, col := range list {
					fmt.Fprintf(c.stdout, "%6d  %s%s\n", col.Count, strings.Repeat("  ", strings.Count(col.Path, "/")), col.Name)
				}
			})
		case sub == "create" && len(rest) == 1:
			return createCollectionPath(ctx, s, rest[0])
		case len(rest) == 0:
			return c.usageErr("collection")
		}
		coll, err := s.CollectionByPath(ctx, rest[0])
		if err != nil {
			return err
		}
		return c.collectionSub(ctx, s, sub, coll, rest[1:], o)
	})
}

// collectionSub runs the subcommands that act on one collection.
func (c *cli) collectionSub(ctx context.Context, s *archive.Store, sub string, coll *archive.Collection, rest []string, o *orgOpts) error {
	switch {
	case sub == "show" && len(rest) == 0:
		list, err := s.CollectionArticles(ctx, coll.ID, archive.ListFilter{Limit: 1_000_000})
		return c.output(o, list, err, func() {
			for i, a := range list {
				fmt.Fprintf(c.stdout, "%3d. %5d  %s\n", i+1, a.ID, summaryLine(a))
			}
		})
	case sub == "add" || sub == "remove":
		ids, err := targetIDs(ctx, s, rest, o)
		if err != nil {
			return err
		}
		if sub == "add" {
			return c.printCount("added %d articles\n")(s.AddToCollection(ctx, coll.ID, ids...))
		}
		return c.printCount("removed %d articles\n")(s.RemoveFromCollection(ctx, coll.ID, ids...))
	case sub == "move" && len(rest) == 2:
		ids, err := argIDs(rest)
		if err != nil {
			return err
		}
		return s.MoveInCollection(ctx, coll.ID, ids[0], int(ids[1])-1)
	case sub == "rename" && len(rest) == 1:
		return s.RenameCollection(ctx, coll.ID, rest[0])
	case sub == "delete" && len(rest) == 0:
		return s.DeleteCollection(ctx, coll.ID)
	}
	return c.usageErr("collection")
}

// createCollectionPath makes the collection at path and any missing above it.
func createCollectionPath(ctx context.Context, s *archive.Store, path string) error {
	var parent int64
	var done []string
	for _, name := range strings.Split(path, "/") {
		if name = strings.TrimSpace(name); name == "" {
			continue
		}
		done = append(done, name)
		if c, err := s.CollectionByPath(ctx, strings.Join(done, "/")); err == nil {
			parent = c.ID
			continue
		} else if !errors.Is(err, archive.ErrNotFound) {
			return err
		}
		id, err := s.CreateCollection(ctx, parent, name)
		if err != nil {
			return err
		}
		parent = id
	}
	if parent == 0 {
		return fmt.Errorf("%w: empty collection path", archive.ErrInvalid)
	}
	return nil
}

func runSaved(ctx context.Context, c *cli, args []string) error {
	return c.runSubcommand(ctx, "saved", args, func(s *archive.Store, sub string, rest []string, o *orgOpts) error {
		switch {
		case sub == "add" && len(rest) >= 2:
			return s.SaveSearch(ctx, rest[0], strings.Join(rest[1:], " "))
		case sub == "list" && len(rest) == 0:
			list, err := s.SavedSearches(ctx)
			return c.output(o, list, err, func() {
				for _, ss := range list {
					fmt.Fprintf(c.stdout, "%-20s %s\n", ss.Name, ss.Query)
				}
			})
		case sub == "run" && len(rest) == 1:
			return c.runSavedSearch(ctx, s, rest[0], o)
		case sub == "rename" && len(rest) == 2:
			return s.RenameSavedSearch(ctx, rest[0], rest[1])
		case sub == "delete" && len(rest) == 1:
			return s.DeleteSavedSearch(ctx, rest[0])
		}
		return c.usageErr("saved")
	})
}

func (c *cli) runSavedSearch(ctx context.Context, s *archive.Store, name string, o *orgOpts) error {
	ss, err := s.SavedSearch(ctx, name)
	if err != nil {
		return err
	}
	res, err := s.Find(ctx, ss.Query, archive.SearchOptions{Limit: o.limit})
	if err == nil && o.json {
		return writeHitsJSON(c.stdout, res.Hits)
	}
	return c.output(o, nil, err, func() {
		bold := isTerminal(c.stdout)
		for _, h := range res.Hits {
			fmt.Fprintf(c.stdout, "%5d  %s\n       %s\n", h.ID, summaryLine(h.Summary), snippetText(h.Snippet, bold))
		}
		fmt.Fprintf(c.stdout, "%d of %d hits (%s)\n", len(res.Hits), res.Total, res.Sort)
	})
}

func runStar(ctx context.Context, c *cli, args []string) error { return c.setState(ctx, "star", args) }
func runRead(ctx context.Context, c *cli, args []string) error { return c.setState(ctx, "read", args) }

// runSimple parses the arguments of a command without subcommands, checks
// their number (-1: any) and runs fn with the open archive.
func (c *cli) runSimple(ctx context.Context, name string, args []string, n int, fn func(s *archive.Store, rest []string, o *orgOpts) error) error {
	var o orgOpts
	rest, err := c.parseOpts(name, args, &o)
	if err != nil {
		return err
	}
	if n >= 0 && len(rest) != n {
		return c.usageErr(name)
	}
	return c.withStore(ctx, func(s *archive.Store) error { return fn(s, rest, &o) })
}

// setState runs star or read.
func (c *cli) setState(ctx context.Context, name string, args []string) error {
	return c.runSimple(ctx, name, args, -1, func(s *archive.Store, rest []string, o *orgOpts) error {
		ids, err := targetIDs(ctx, s, rest, o)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if name == "star" {
			return s.SetStarred(ctx, !o.off, ids...)
		}
		return s.SetRead(ctx, !o.off, ids...)
	})
}

func runVersions(ctx context.Context, c *cli, args []string) error {
	return c.runSimple(ctx, "versions", args, 1, func(s *archive.Store, rest []string, o *orgOpts) error {
		ids, err := argIDs(rest)
		if err != nil {
			return err
		}
		vs, err := s.Versions(ctx, ids[0])
		return c.output(o, vs, err, func() {
			for _, v := range vs {
				mark, captured := " ", "?"
				if v.Current {
					mark = "*"
				}
				if !v.Captured.IsZero() {
					captured = v.Captured.Format("2006-01-02")
				}
				fmt.Fprintf(c.stdout, "%s %2d  captured %-10s imported %s  %s  %s\n", mark, v.Number,
					captured, v.Imported.Format("2006-01-02 15:04"), v.FileName, v.Title)
			}
		})
	})
}

func runBackup(ctx context.Context, c *cli, args []string) error {
	return c.runSimple(ctx, "backup", args, 1, func(s *archive.Store, rest []string, o *orgOpts) error {
		if err := s.Backup(ctx, rest[0]); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "backed up %s to %s\n", s.Path(), rest[0])
		return nil
	})
}

// errCheck reports that check found problems (already printed).
var errCheck = errors.New("the archive has problems")

func runCheck(ctx context.Context, c *cli, args []string) error {
	var o orgOpts
	rest, err := c.parseOpts("check", args, &o)
	if err != nil {
		return err
	}
	if len(rest) != 0 {
		return c.usageErr("check")
	}
	path, err := c.path()
	if err != nil {
		return err
	}
	// CheckFile, not Open: a damaged archive is checked read-only, as far
	// as it can be read, and its problems listed.
	rep, err := archive.CheckFile(ctx, path)
	err = c.output(&o, rep, err, func() {
		for _, p := range rep.Problems {
			fmt.Fprintln(c.stdout, p)
		}
		fmt.Fprintf(c.stdout, "checked %d articles, %d originals, %d images: %d problems\n",
			rep.Articles, rep.Originals, rep.Images, len(rep.Problems))
	})
	if err == nil && !rep.OK() {
		return errCheck
	}
	return err
}
