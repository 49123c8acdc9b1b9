package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/clippings/clippings/archive"
)

// noteFlags are the options of note.
type noteFlags struct {
	asJSON, orphaned  bool
	color, note, text string
	nth               int
}

// runNote highlights passages, sets an article's note, and lists, edits
// or deletes annotations.
func runNote(ctx context.Context, c *cli, args []string) error {
	var f noteFlags
	fs := c.archiveFlags()
	fs.BoolVar(&f.asJSON, "json", false, "with list, print JSON")
	fs.StringVar(&f.color, "color", "", "colour of a highlight; with list, only this colour")
	fs.StringVar(&f.note, "note", "", "note on a highlight")
	fs.StringVar(&f.text, "text", "", "with list, only annotations containing this text")
	fs.BoolVar(&f.orphaned, "orphaned", false, "with list, only highlights whose passage was lost")
	fs.IntVar(&f.nth, "nth", 0, "highlight the `N`th occurrence of the quote")
	sub, rest, err := c.subcommand(fs, args)
	if err != nil {
		return err
	}
	return c.withStore(ctx, func(s *archive.Store) error {
		switch {
		case sub == "add" && len(rest) >= 2:
			return c.addHighlight(ctx, s, rest[0], strings.Join(rest[1:], " "), &f)
		case sub == "set" && len(rest) >= 1:
			ids, err := parseIDs(rest[0])
			if err != nil {
				return err
			}
			return s.SetNote(ctx, ids[0], strings.Join(rest[1:], " "))
		case sub == "list" && len(rest) <= 1:
			return c.listNotes(ctx, s, rest, &f)
		case sub == "edit" && len(rest) == 1:
			return c.editNote(ctx, s, rest[0], &f)
		case sub == "delete" && len(rest) == 1:
			ids, err := parseIDs(rest[0])
			if err != nil {
				return err
			}
			return s.DeleteAnnotation(ctx, ids[0])
		}
		return c.usageErr()
	})
}

// addHighlight highlights quote in article arg.
func (c *cli) addHighlight(ctx context.Context, s *archive.Store, arg, quote string, f *noteFlags) error {
	ids, err := parseIDs(arg)
	if err != nil {
		return err
	}
	h := archive.NewHighlight{Exact: quote, Occurrence: f.nth, Color: f.color, Note: f.note}
	an, err := s.AddHighlight(ctx, ids[0], h)
	if err == nil {
		fmt.Fprintf(c.stdout, "note %d: characters %d–%d of article %d\n", an.ID, an.Start, an.End, an.ArticleID)
	}
	return err
}

// editNote changes the colour or the note of annotation arg.
func (c *cli) editNote(ctx context.Context, s *archive.Store, arg string, f *noteFlags) error {
	ids, err := parseIDs(arg)
	if err != nil {
		return err
	}
	var u archive.AnnotationUpdate
	if f.color != "" {
		u.Color = &f.color
	}
	if f.note != "" {
		u.Note = &f.note
	}
	return s.UpdateAnnotation(ctx, ids[0], u)
}

// listNotes lists the annotations, of the article in args if given.
func (c *cli) listNotes(ctx context.Context, s *archive.Store, args []string, f *noteFlags) error {
	filter := archive.AnnotationFilter{Color: f.color, Text: f.text, Orphaned: f.orphaned, Limit: 1_000_000}
	if len(args) == 1 {
		ids, err := parseIDs(args[0])
		if err != nil {
			return err
		}
		filter.ArticleID = ids[0]
	}
	list, err := s.Annotations(ctx, filter)
	return c.output(f.asJSON, list, err, func() {
		for _, a := range list {
			where := "note"
			if a.Kind == archive.KindHighlight {
				where = fmt.Sprintf("%d–%d", a.Start, a.End)
				if a.Orphaned {
					where = "orphaned"
				}
			}
			fmt.Fprintf(c.stdout, "%5d  article %d (%s), %s %s\n", a.ID, a.ArticleID, oneLine(a.Title), where, a.Color)
			if a.Quote.Exact != "" {
				fmt.Fprintf(c.stdout, "       “%s”\n", strings.Join(strings.Fields(a.Quote.Exact), " "))
			}
			if a.Note != "" {
				fmt.Fprintf(c.stdout, "       %s\n", a.Note)
			}
		}
	})
}
