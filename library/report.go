package library

import (
	"fmt"
	"strings"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/internal/words"
)

// Report says what an import of a library did.
type Report struct {
	Source  string // the kind of library ("Wallabag export")
	Path    string
	Entries int // entries read from it

	Articles int // new articles
	Merged   int // entries merged into the stored article they repeat
	Versions int // new versions of stored articles (same address, other text)
	Links    int // reading-list entries stored as not captured

	Tags        int // article–tag pairs added
	Notes       int // notes added
	Collections int // collections made
	Highlights  archive.AnchorCounts

	Skipped []Skip  // entries left out, and why
	IDs     []int64 // the articles stored or merged into, in order
}

// Skip is an entry left out of an import.
type Skip struct {
	Entry  string // "entry 4668", "item ABCD2345", or the part of the export
	Reason string
}

// add counts what storing one entry did and returns its outcome.
func (r *Report) add(res archive.LibraryResult, link bool) string {
	r.IDs = append(r.IDs, res.ID)
	r.Tags += res.Tags
	r.Collections += res.Collections
	if res.Note {
		r.Notes++
	}
	h := res.Highlights
	r.Highlights.Exact += h.Exact
	r.Highlights.Fuzzy += h.Fuzzy
	r.Highlights.Orphaned += h.Orphaned
	r.Highlights.Present += h.Present
	var out string
	switch {
	case res.Outcome == archive.AlreadyPresent:
		r.Merged++
		out = "merged into"
	case res.Outcome == archive.NewVersion:
		r.Versions++
		out = "new version of"
	case link:
		r.Links++
		out = "link (not captured) as"
	default:
		r.Articles++
		out = "imported as"
	}
	return fmt.Sprintf("%s article %d", out, res.ID)
}

// Summary is the report in a few lines: what was stored, then each entry
// skipped and why.
func (r Report) Summary() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s: %s read\n", r.Source, r.Path, words.Plural(r.Entries, "entry", "entries"))
	parts := []string{words.Plural(r.Articles, "article", "articles"),
		fmt.Sprintf("%d merged", r.Merged), words.Plural(r.Versions, "new version", "new versions")}
	if r.Links > 0 {
		parts = append(parts, words.Plural(r.Links, "link", "links")+" not captured")
	}
	parts = append(parts, fmt.Sprintf("%d skipped", len(r.Skipped)))
	fmt.Fprintf(&b, "  %s\n", strings.Join(parts, ", "))
	h := r.Highlights
	fmt.Fprintf(&b, "  %s, %s, %s added; %s (%d exact, %d fuzzy, %d orphaned, %d already there)\n",
		words.Plural(r.Tags, "tag", "tags"), words.Plural(r.Notes, "note", "notes"),
		words.Plural(r.Collections, "collection", "collections"),
		words.Plural(h.Exact+h.Fuzzy+h.Orphaned, "highlight", "highlights"), h.Exact, h.Fuzzy, h.Orphaned, h.Present)
	if len(r.Skipped) > 0 {
		b.WriteString("  skipped:\n")
		for _, s := range r.Skipped {
			fmt.Fprintf(&b, "    %s: %s\n", s.Entry, s.Reason)
		}
	}
	return b.String()
}
