package bundle

import (
	"context"
	"errors"
	"math"
	"strings"
	"unicode"

	"github.com/clippings/clippings/archive"
)

// annotations adds the article's highlights and free note that dst does
// not have yet.
func (im *merger) annotations(ctx context.Context, id int64, a *DocArticle) error {
	if len(a.Annotations) == 0 {
		return nil
	}
	have, err := im.dst.Annotations(ctx, archive.AnnotationFilter{ArticleID: id, Limit: math.MaxInt32})
	if err != nil {
		return err
	}
	for _, n := range a.Annotations {
		if hasAnnotation(have, n) {
			continue
		}
		if err := im.addAnnotation(ctx, id, a, n, have); err != nil {
			return err
		}
	}
	return nil
}

// hasAnnotation reports whether list holds n already: the same note, or
// a highlight of the same passage with the same note.
func hasAnnotation(list []archive.Annotation, n DocAnnotation) bool {
	for _, h := range list {
		if h.Kind != n.Kind {
			continue
		}
		if n.Kind == archive.KindNote {
			if strings.Contains(h.Note, strings.TrimSpace(n.Note)) {
				return true
			}
			continue
		}
		if h.Quote.Exact == n.Quote.Exact && h.Note == n.Note && (h.Start == n.Start || n.Orphaned || h.Orphaned) {
			return true
		}
	}
	return false
}

// addAnnotation stores one annotation: as it was when dst can restore
// annotations, else as a new highlight or note. A free note where the
// article has another one is appended to it.
func (im *merger) addAnnotation(ctx context.Context, id int64, a *DocArticle, n DocAnnotation, have []archive.Annotation) error {
	if n.Kind == archive.KindNote {
		for _, h := range have {
			if h.Kind == archive.KindNote && strings.TrimSpace(h.Note) != "" {
				return im.setNote(ctx, id, h.Note+"\n\n"+n.Note) // keep both notes
			}
		}
	}
	if r, ok := im.dst.(AnnotationRestorer); ok {
		ann := archive.Annotation{ArticleID: id, Kind: n.Kind, Quote: n.Quote, Start: n.Start, End: n.End,
			Color: n.Color, Note: n.Note, Orphaned: n.Orphaned, Created: n.Created, Modified: n.Modified}
		if _, err := r.RestoreAnnotation(ctx, id, ann); err != nil {
			return err
		}
		im.rep.Annotations++
		return nil
	}
	if n.Kind == archive.KindNote {
		return im.setNote(ctx, id, n.Note)
	}
	return im.addHighlight(ctx, id, a, n)
}

// setNote sets the free note of article id.
func (im *merger) setNote(ctx context.Context, id int64, text string) error {
	if err := im.dst.SetNote(ctx, id, text); err != nil {
		return err
	}
	im.rep.Annotations++
	return nil
}

// addHighlight adds a highlight by its offsets, else by its passage.
func (im *merger) addHighlight(ctx context.Context, id int64, a *DocArticle, n DocAnnotation) error {
	h := archive.NewHighlight{Exact: n.Quote.Exact, Color: n.Color, Note: n.Note}
	if !n.Orphaned && n.End > n.Start && n.Start >= 0 {
		h.Start, h.End = n.Start, n.End
	}
	_, err := im.dst.AddHighlight(ctx, id, h)
	if err != nil && h.End > 0 && isAnchorErr(err) {
		h.Start, h.End = 0, 0 // the text differs: look for the passage
		_, err = im.dst.AddHighlight(ctx, id, h)
	}
	switch {
	case err == nil:
		im.rep.Annotations++
		return nil
	case isAnchorErr(err):
		im.skip("%s: highlight %q not found in the text (%v)", a.Key, shorten(n.Quote.Exact, 60), err)
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
			im.skip("saved search %q: the archive has one of that name (%q)", s.Name, old.Query)
			continue
		case !errors.Is(err, archive.ErrNotFound):
			return err
		}
		if err := im.dst.SaveSearch(ctx, s.Name, s.Query); err != nil {
			im.skip("saved search %q: %v", s.Name, err)
		}
	}
	return nil
}
