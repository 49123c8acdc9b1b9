package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/bundle"
	"github.com/clippings/clippings/export"
	"github.com/clippings/clippings/internal/words"
)

func init() {
	commands["export"] = command{
		"write articles as Markdown, HTML, EPUB, PDF, citations, CSV, JSON or a .clippings bundle",
		"--format F [--query Q | --tag T | --collection C | --ids N,N…] [--archive A] -o OUT",
		runExport,
	}
}

func runExport(ctx context.Context, c *cli, args []string) error {
	fs := c.flags("export")
	var opt export.Options
	var format, query, tag, collection, ids string
	fs.StringVar(&format, "format", "", "the format: "+formatNames())
	fs.StringVar(&opt.Out, "o", "", "the file, or the folder for markdown and html, to write")
	fs.StringVar(&opt.Title, "title", "", "the title of the book, document or index (default \"Clippings\")")
	fs.BoolVar(&opt.Overwrite, "overwrite", false, "replace an existing output file (a folder gets the new files)")
	fs.StringVar(&opt.CJKFont, "cjk-font", "", "pdf: a TrueType `font` for Chinese, Japanese and Korean (else found on the system)")
	fs.StringVar(&query, "query", "", "export what this search finds (the search language of clippings search)")
	fs.StringVar(&tag, "tag", "", "export the articles with this tag (or one below it)")
	fs.StringVar(&collection, "collection", "", "export this collection (path like Reading/Summits), in its order")
	fs.StringVar(&ids, "ids", "", "export these articles (comma-separated numbers)")
	if rest, err := parse(fs, args); err != nil {
		return err
	} else if len(rest) > 0 || format == "" || opt.Out == "" || chosen(query, tag, collection, ids) > 1 {
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
// selection given, or every article.
func selectArticles(ctx context.Context, store *archive.Store, query, tag, collection, ids string) ([]int64, error) {
	var sel []int64
	var err error
	switch {
	case query != "":
		sel, err = export.SelectQuery(ctx, store, query)
	case tag != "":
		sel, err = export.SelectTag(ctx, store, tag)
	case collection != "":
		sel, err = export.SelectCollection(ctx, store, collection)
	case ids != "":
		sel, err = parseIDs(ids)
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

// parseIDs reads "3,5,8".
func parseIDs(s string) ([]int64, error) {
	var out []int64
	for _, f := range strings.Split(s, ",") {
		id, err := strconv.ParseInt(strings.TrimSpace(f), 10, 64)
		if err != nil {
			return nil, fmt.Errorf("%q is not an article number", f)
		}
		out = append(out, id)
	}
	return out, nil
}

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

// importBundle merges a .clippings bundle into the archive, printing what
// it did; runImport calls it for a path ending in bundle.Ext.
func importBundle(ctx context.Context, c *cli, store *archive.Store, path string) error {
	rep, err := bundle.Merge(ctx, store, path, terminalProgress(c, "merging "+filepath.Base(path)))
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "%s: %d articles; %d captures stored, %d already present; %d annotations and %d collections added\n",
		path, rep.Articles, rep.Stored, rep.Present, rep.Annotations, rep.Collections)
	for _, s := range rep.Skipped {
		fmt.Fprintf(c.stdout, "  left out: %s\n", s)
	}
	return nil
}
