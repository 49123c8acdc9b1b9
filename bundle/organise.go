package bundle

import (
	"context"
	"errors"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/clippings/clippings/archive"
)

// annotations adds the article's highlights and free note that dst does
// not have yet. The free notes of the bundle's article are joined into
// one (an article has one free note), appended to the archive's own
// note. A highlight whose offsets hold its passage in the stored text is
// restored as exported; another is placed by its passage (its times
// become now), and left out when the passage is not found. Each check is
// a look-up: n annotations cost n steps, not n².
func (im *merger) annotations(ctx context.Context, id int64, a *DocArticle) error {
	if len(a.Annotations) == 0 {
		return nil
	}
	have, err := im.dst.Annotations(ctx, archive.AnnotationFilter{ArticleID: id, Limit: math.MaxInt32})
	if err != nil {
		return err
	}
	stored, err := im.dst.Article(ctx, id)
	if err != nil {
		return err
	}
	text := []rune(stored.Text())
	highlights := map[string]bool{}
	note := ""
	for _, h := range have {
		if h.Kind == archive.KindNote {
			note = h.Note
		} else {
			highlights[highlightKey(h.Quote.Exact, h.Note)] = true
		}
	}
	var notes []DocAnnotation
	for _, n := range a.Annotations {
		if n.Kind == archive.KindNote {
			if t := strings.TrimSpace(n.Note); t != "" && !strings.Contains(note, t) && !slices.ContainsFunc(notes, func(o DocAnnotation) bool { return o.Note == n.Note }) {
				notes = append(notes, n)
			}
			continue
		}
		key := highlightKey(n.Quote.Exact, n.Note)
		if highlights[key] {
			continue
		}
		highlights[key] = true
		if err := im.addHighlight(ctx, id, a, n, text); err != nil {
			return err
		}
	}
	if len(notes) == 0 {
		return nil
	}
	im.rep.Annotations++
	if strings.TrimSpace(note) == "" && len(notes) == 1 {
		n := notes[0]
		_, err := im.dst.RestoreAnnotation(ctx, id, archive.Annotation{ArticleID: id, Kind: archive.KindNote,
			Start: -1, End: -1, Note: n.Note, Created: n.Created, Modified: n.Modified})
		return err
	}
	texts := make([]string, 0, len(notes)+1)
	if strings.TrimSpace(note) != "" {
		texts = append(texts, note)
	}
	for _, n := range notes {
		texts = append(texts, n.Note)
	}
	return im.dst.SetNote(ctx, id, strings.Join(texts, "\n\n"))
}

// highlightKey identifies a highlight: its passage and its note.
func highlightKey(exact, note string) string { return exact + "\x00" + note }

// addHighlight stores one highlight of article id, whose stored text is
// text: as exported when its offsets hold its passage there (or it was
// orphaned and stays so), else placed by its passage.
func (im *merger) addHighlight(ctx context.Context, id int64, a *DocArticle, n DocAnnotation, text []rune) error {
	fits := !n.Orphaned && n.Start >= 0 && n.End > n.Start && n.End <= len(text) &&
		string(text[n.Start:n.End]) == n.Quote.Exact
	if fits && !im.recleaned[a.Key] {
		ann := archive.Annotation{ArticleID: id, Kind: n.Kind, Quote: n.Quote, Start: n.Start, End: n.End,
			Color: n.Color, Note: n.Note, Created: n.Created, Modified: n.Modified}
		if _, err := im.dst.RestoreAnnotation(ctx, id, ann); err != nil {
			return err
		}
		im.rep.Annotations++
		return nil
	}
	h := archive.NewHighlight{Exact: n.Quote.Exact, Color: n.Color, Note: n.Note}
	if fits {
		h.Start, h.End = n.Start, n.End
	}
	_, err := im.dst.AddHighlight(ctx, id, h)
	if err != nil && h.End > 0 && isAnchorErr(err) {
		h.Start, h.End = 0, 0
		_, err = im.dst.AddHighlight(ctx, id, h)
	}
	switch {
	case err == nil:
		im.rep.Annotations++
		return nil
	case isAnchorErr(err) && n.Orphaned:
		ann := archive.Annotation{ArticleID: id, Kind: n.Kind, Quote: n.Quote, Start: -1, End: -1,
			Color: n.Color, Note: n.Note, Orphaned: true, Created: n.Created, Modified: n.Modified}
		if _, err := im.dst.RestoreAnnotation(ctx, id, ann); err != nil {
			return err
		}
		im.rep.Annotations++
		return nil
	case isAnchorErr(err):
		im.skip("%s: highlight %q left out: not found in the text (%v)", shorten(a.Key, 60), shorten(n.Quote.Exact, 60), err)
		return nil
	}
	return err
}

// isAnchorErr reports whether err says a passage could not be placed.
func isAnchorErr(err error) bool {
	return errors.Is(err, archive.ErrQuoteNotFound) || errors.Is(err, archive.ErrAmbiguous) || errors.Is(err, archive.ErrInvalid)
}

// shorten puts s on one line of printable characters and cuts it to n
// characters with an ellipsis.
func shorten(s string, n int) string {
	rs := []rune(strings.Join(strings.Fields(strings.Map(printable, s)), " "))
	if len(rs) <= n {
		return string(rs)
	}
	return string(rs[:n-1]) + "…"
}

// printable is r, or a space for a character that is not printable (a
// bundle's text may hold terminal escapes).
func printable(r rune) rune {
	if unicode.IsPrint(r) {
		return r
	}
	return ' '
}

// collections makes the bundle's collections in dst (those missing) and
// appends their articles.
func (im *merger) collections(ctx context.Context) error {
	if len(im.doc.Collections) == 0 {
		return nil
	}
	all, err := im.dst.Collections(ctx)
	if err != nil {
		return err
	}
	byPath := map[string]int64{}
	for _, c := range all {
		byPath[strings.ToLower(c.Path)] = c.ID
	}
	for _, c := range im.doc.Collections {
		id, err := im.ensureCollection(ctx, byPath, c.Path)
		if err != nil {
			return err
		}
		var ids []int64
		for _, k := range c.Articles {
			if a := im.ids[k]; a != 0 {
				ids = append(ids, a)
			}
		}
		if len(ids) > 0 {
			if _, err := im.dst.AddToCollection(ctx, id, ids...); err != nil {
				return err
			}
		}
	}
	return nil
}

// ensureCollection returns the ID of the collection at path, creating it
// and its missing ancestors.
func (im *merger) ensureCollection(ctx context.Context, byPath map[string]int64, path string) (int64, error) {
	var parent int64
	var sofar []string
	for _, name := range strings.Split(path, "/") {
		name = strings.TrimSpace(name)
		sofar = append(sofar, name)
		key := strings.ToLower(strings.Join(sofar, "/"))
		if id, ok := byPath[key]; ok {
			parent = id
			continue
		}
		id, err := im.dst.CreateCollection(ctx, parent, name)
		if err != nil {
			return 0, err
		}
		im.rep.Collections++
		byPath[key], parent = id, id
	}
	return parent, nil
}

// savedSearches adds the bundle's saved searches whose names are free.
func (im *merger) savedSearches(ctx context.Context) error {
	for _, s := range im.doc.SavedSearches {
		old, err := im.dst.SavedSearch(ctx, s.Name)
		switch {
		case err == nil && old.Query == s.Query:
			continue
		case err == nil:
			im.skip("saved search %q left out: the archive has one of that name (%q)", shorten(s.Name, 60), shorten(old.Query, 60))
			continue
		case !errors.Is(err, archive.ErrNotFound):
			return err
		}
		if err := im.dst.SaveSearch(ctx, s.Name, s.Query); err != nil {
			im.skip("saved search %q left out: %v", shorten(s.Name, 60), err)
		}
	}
	return nil
}
