package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/export"
	"github.com/clippings/clippings/internal/words"
)

// runExport writes the articles of one selection (or all) in a format.
func runExport(ctx context.Context, c *cli, args []string) error {
	fs := c.archiveFlags()
	var opt export.Options
	var format, query, tag, collection, ids string
	fs.StringVar(&format, "format", "", "the format: "+formatNames())
	fs.StringVar(&opt.Out, "o", "", "the file, or the folder for markdown and html, to write")
	fs.StringVar(&opt.Title, "title", "", "the title of the book, document or index (default \"Clippings\")")
	fs.BoolVar(&opt.Overwrite, "overwrite", false, "replace an existing output (a folder an earlier export made is replaced whole; other files in a folder stay)")
	fs.BoolVar(&opt.VersionChanges, "changes", false, "markdown, html: append what changed between the versions of each article")
	fs.StringVar(&opt.CJKFont, "cjk-font", "", "pdf: a TrueType `font` for Chinese, Japanese and Korean (else found on the system)")
	fs.StringVar(&query, "query", "", "export what this search finds (the search language of clippings search)")
	fs.StringVar(&tag, "tag", "", "export the articles with this tag (or one below it)")
	fs.StringVar(&collection, "collection", "", "export this collection (path like Reading/Summits), in its order")
	fs.StringVar(&ids, "ids", "", "export these articles (comma-separated numbers)")
	if _, err := c.positional(fs, args, 0, 0); err != nil {
		return err
	} else if format == "" || opt.Out == "" || chosen(query, tag, collection, ids) > 1 {
		fs.Usage()
		return errUsage
	}
	opt.Format = export.Format(format)
	if export.Describe(opt.Format) == "" {
		return fmt.Errorf("export: unknown format %q; use one of %s", format, formatNames())
	}
	return c.withStore(ctx, func(store *archive.Store) error {
		sel, err := selectArticles(ctx, store, query, tag, collection, ids)
		if err != nil {
			return err
		}
		res, err := export.Export(ctx, store, sel, opt, terminalProgress(c, "exporting"))
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "exported %s as %s to %s (%s)\n", words.Plural(res.Articles, "article", "articles"),
			res.Format, res.Out, words.Plural(res.Files, "file", "files"))
		for _, w := range res.Warnings {
			fmt.Fprintf(c.stdout, "  note: %s\n", w)
		}
		return nil
	})
}

// formatNames lists the export formats.
func formatNames() string {
	var names []string
	for _, f := range export.Formats() {
		names = append(names, string(f))
	}
	return strings.Join(names, ", ")
}

// chosen counts the selections given.
func chosen(ss ...string) int {
	n := 0
	for _, s := range ss {
		if s != "" {
			n++
		}
	}
	return n
}

// selectArticles returns the articles to export: those of the one
// selection given, or every article. The tag is a name, never parsed; the
// query is in the search language.
func selectArticles(ctx context.Context, store *archive.Store, query, tag, collection, ids string) ([]int64, error) {
	var sel []int64
	var err error
	switch {
	case query != "" && strings.TrimSpace(query) == "": // a blank search finds nothing
	case query != "":
		sel, err = export.Select(ctx, store, archive.Selection{Query: query})
	case tag != "":
		sel, err = export.Select(ctx, store, archive.Selection{Tags: []string{tag}})
	case collection != "":
		sel, err = export.SelectCollection(ctx, store, collection)
	case ids != "":
		sel, err = parseIDs(strings.Split(ids, ",")...)
	default:
		sel, err = export.SelectAll(ctx, store)
	}
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	if len(sel) == 0 {
		return nil, errors.New("export: no articles match")
	}
	return sel, nil
}
