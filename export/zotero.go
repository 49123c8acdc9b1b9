package export

import (
	"context"
	"strings"
)

// The Zotero folder: the HTML folder (a page per article, its images),
// and references.bib, whose entries carry what Zotero's BibTeX import
// reads besides the citation: the article's page as a snapshot attached
// to the item (file = {Snapshot:PAGE.html:text/html}, relative to the
// .bib file), its note and highlights as a note (annote), its tags
// (keywords).

// zoteroBib is the name of the BibTeX file in the folder.
const zoteroBib = "references.bib"

func writeZotero(ctx context.Context, j *job) error {
	pages, err := writeHTMLPages(ctx, j, []string{zoteroBib})
	if err != nil {
		return err
	}
	return j.writeTo(zoteroBib, func(w writer) error {
		for i, e := range j.entries {
			if err := ctx.Err(); err != nil {
				return err
			}
			f := bibFields(e)
			f = append(f, [2]string{"file", "Snapshot:" + zoteroPath(pages[i]) + ":text/html"})
			f = appendNonEmpty(f, "annote", bibText(zoteroNote(e)))
			writeBibEntry(w, e, f)
		}
		return nil
	})
}

// zoteroPath escapes a path for a file field, where : and ; separate.
func zoteroPath(p string) string {
	return strings.NewReplacer(`\`, `\\`, `:`, `\:`, `;`, `\;`).Replace(p)
}

// zoteroNote is an entry's free note and highlights as one text.
func zoteroNote(e *entry) string {
	var parts []string
	if n := strings.TrimSpace(e.note()); n != "" {
		parts = append(parts, n)
	}
	for _, h := range e.highlights() {
		q := "Highlight: “" + strings.TrimSpace(h.Quote.Exact) + "”"
		if n := strings.TrimSpace(h.Note); n != "" {
			q += " — " + n
		}
		parts = append(parts, q)
	}
	return strings.Join(parts, " ¶ ")
}
