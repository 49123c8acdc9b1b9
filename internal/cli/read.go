package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/internal/words"
)

// runSearch prints the best matches of a query.
func runSearch(ctx context.Context, c *cli, args []string) error {
	fs := c.archiveFlags()
	asJSON := fs.Bool("json", false, "print the hits as JSON")
	limit := fs.Int("limit", 20, "show at most `N` hits")
	terms, err := c.positional(fs, args, 1, -1)
	if err != nil {
		return err
	}
	return c.withStore(ctx, func(store *archive.Store) error {
		res, err := store.Find(ctx, strings.Join(terms, " "), archive.SearchOptions{Limit: *limit})
		if err != nil {
			return err
		}
		if *asJSON {
			return writeHitsJSON(c.stdout, res.Hits)
		}
		c.printHits(res.Hits)
		if len(res.Hits) < res.Total {
			fmt.Fprintf(c.stdout, "%d of %d hits\n", len(res.Hits), res.Total)
		} else {
			fmt.Fprintf(c.stdout, "%d hits\n", len(res.Hits))
		}
		return nil
	})
}

// printHits prints each hit's number and summary, and its snippet below.
func (c *cli) printHits(hits []archive.Hit) {
	bold := isTerminal(c.stdout)
	for _, h := range hits {
		fmt.Fprintf(c.stdout, "%5d  %s\n", h.ID, summaryLine(h.Summary))
		if bold { // the spans made safe by snippetText, the bold sequences kept
			control(c.stdout, "       "+snippetText(h.Snippet, true)+"\n")
		} else {
			fmt.Fprintf(c.stdout, "       %s\n", snippetText(h.Snippet, false))
		}
	}
}

// hitJSON is a hit as search --json prints it.
type hitJSON struct {
	ID        int64   `json:"id"`
	Title     string  `json:"title"`
	Site      string  `json:"site"`
	URL       string  `json:"url"`
	Published string  `json:"published"`
	Snippet   string  `json:"snippet"` // matched terms between [ and ]
	Rank      float64 `json:"rank"`
}

// writeHitsJSON prints hits as a JSON array of hitJSON.
func writeHitsJSON(w io.Writer, hits []archive.Hit) error {
	out := make([]hitJSON, len(hits))
	for i, h := range hits {
		out[i] = hitJSON{ID: h.ID, Title: h.Title, Site: h.Site, URL: h.URL,
			Published: rfc3339(h.Published), Snippet: snippetText(h.Snippet, false), Rank: h.Rank}
	}
	return emitJSON(w, out)
}

// runList lists the archive's articles, newest first.
func runList(ctx context.Context, c *cli, args []string) error {
	fs := c.archiveFlags()
	limit := fs.Int("limit", 50, "list at most `N` articles")
	offset := fs.Int("offset", 0, "skip the newest `N` articles")
	if _, err := c.positional(fs, args, 0, 0); err != nil {
		return err
	}
	return c.withStore(ctx, func(store *archive.Store) error {
		list, err := store.List(ctx, archive.ListFilter{Offset: *offset, Limit: *limit})
		if err != nil {
			return err
		}
		for _, s := range list {
			fmt.Fprintf(c.stdout, "%5d  %s\n", s.ID, summaryLine(s))
		}
		// Said on stderr: the output stays a list, empty, for scripts.
		switch {
		case len(list) > 0:
		case *offset > 0:
			fmt.Fprintf(c.stderr, "no articles after the newest %d\n", *offset)
		default:
			fmt.Fprintf(c.stderr, "the archive %s holds no articles yet\n", store.Path())
		}
		return nil
	})
}

// runShow prints one article as text.
func runShow(ctx context.Context, c *cli, args []string) error {
	rest, err := c.positional(c.archiveFlags(), args, 1, 1)
	if err != nil {
		return err
	}
	ids, err := parseIDs(rest[0])
	if err != nil {
		return fmt.Errorf("show: %w", err)
	}
	return c.withStore(ctx, func(store *archive.Store) error {
		a, err := store.Article(ctx, ids[0])
		if err != nil {
			return fmt.Errorf("show %d: %w", ids[0], err)
		}
		writeArticle(c.stdout, a)
		return nil
	})
}

// summaryLine is "Title — site, date"; an article without a title is
// "Untitled", as in the window.
func summaryLine(s archive.Summary) string {
	published := ""
	if !s.Published.IsZero() {
		published = s.Published.Format("2006-01-02")
	}
	title := strings.TrimSpace(s.Title)
	if title == "" {
		title = "Untitled"
	}
	if meta := words.Join(", ", s.Site, published); meta != "" {
		return oneLine(title + " — " + meta)
	}
	return oneLine(title)
}

// writeArticle prints an article as plain text for reading in a terminal.
func writeArticle(w io.Writer, a *archive.Article) {
	fmt.Fprintln(w, a.Title)
	fmt.Fprintln(w, strings.Repeat("=", min(len([]rune(a.Title)), 78)))
	for _, s := range []string{a.Standfirst, a.Byline, words.Join(", ", a.Site, date(a.Published)), a.URL} {
		if s != "" {
			fmt.Fprintln(w, s)
		}
	}
	for _, b := range a.Blocks {
		fmt.Fprintln(w)
		switch b.Kind {
		case archive.Heading:
			fmt.Fprintf(w, "%s %s\n", strings.Repeat("#", max(b.Level, 2)), b.Text)
		case archive.ListItem:
			fmt.Fprintf(w, "%s• %s\n", strings.Repeat("  ", max(b.Level-1, 0)), b.Text)
		case archive.Quote:
			fmt.Fprintf(w, "> %s\n", b.Text)
		case archive.FigureRef:
			if b.Figure >= 0 && b.Figure < len(a.Figures) {
				f := a.Figures[b.Figure]
				fmt.Fprintf(w, "[Figure: %s]\n", words.Join(" — ", f.Caption, f.Credit))
			}
		default:
			fmt.Fprintln(w, b.Text)
		}
	}
	if len(a.Related) > 0 {
		fmt.Fprintln(w, "\nRelated:")
		for _, l := range a.Related {
			fmt.Fprintf(w, "  %s <%s>\n", l.Title, l.URL)
		}
	}
	fmt.Fprintf(w, "\nSource: %s (%s), SHA-256 %s\n", a.FileName, a.Format, a.OriginalSHA)
	if len(a.Authors) > 0 {
		fmt.Fprintln(w, "Authors: "+authorsLine(a.Authors))
	}
	if a.Confidence != "" {
		fmt.Fprintf(w, "Confidence: %s\n", a.Confidence)
	}
}

// authorsLine lists authors with what is known of each: "Robert Burns (AP
// National Security Writer); Associated Press (organization)".
func authorsLine(authors []archive.Author) string {
	parts := make([]string, len(authors))
	for i, au := range authors {
		kind := ""
		if au.Kind == archive.Organization {
			kind = string(au.Kind)
		}
		parts[i] = au.Name
		if more := words.Join(", ", kind, au.Role); more != "" {
			parts[i] += " (" + more + ")"
		}
	}
	return strings.Join(parts, "; ")
}

// date is t as "2 January 2006", "" when zero.
func date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2 January 2006")
}

// rfc3339 is t in RFC 3339, "" when zero.
func rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

// snippetText joins a snippet's spans, marking matches between [ and ],
// or on a terminal in bold, the spans then made terminalSafe.
func snippetText(spans []archive.Span, bold bool) string {
	open, closing, safe := "[", "]", func(s string) string { return s }
	if bold {
		open, closing, safe = "\x1b[1m", "\x1b[0m", terminalSafe
	}
	var b strings.Builder
	for _, s := range spans {
		if s.Match {
			b.WriteString(open + safe(s.Text) + closing)
		} else {
			b.WriteString(safe(s.Text))
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
