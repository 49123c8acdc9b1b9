package export

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/bundle"
)

// writeJSON writes the Document of the export (package bundle).
func writeJSON(ctx context.Context, j *job) error {
	_, err := writeDocument(ctx, j, j.out)
	return err
}

// writeBundle writes a .clippings bundle: the Document, the originals and
// the images (package bundle).
func writeBundle(ctx context.Context, j *job) error {
	return bundle.Write(ctx, j.out, j.opt.Now, j.src, func(w io.Writer) (bundle.Refs, error) {
		return writeDocument(ctx, j, w)
	})
}

// writeDocument streams the Document of the export to w, one article at
// a time, in canonical order (docOrder), then the collections, saved
// searches, originals and images. It returns what the document refers to.
func writeDocument(ctx context.Context, j *job, w io.Writer) (bundle.Refs, error) {
	fmt.Fprintf(w, "{\n  \"format\": %s,\n  \"version\": %d,\n  \"title\": %s,\n  \"articles\": [",
		mustJSON(bundle.DocFormat), bundle.DocVersion, mustJSON(j.opt.Title))
	origs, images := map[string]bool{}, map[string]bool{}
	for n, i := range docOrder(j.entries) {
		j.progress(n, len(j.entries))
		da, err := j.docArticle(ctx, j.entries[i])
		if err != nil {
			return bundle.Refs{}, err
		}
		for _, c := range append([]bundle.DocContent{da.DocContent}, da.Versions...) {
			origs[c.Provenance.OriginalSHA256] = true
			for _, f := range c.Figures {
				if f.ImageSHA != "" {
					images[f.ImageSHA] = true
				}
			}
		}
		if n > 0 {
			io.WriteString(w, ",")
		}
		io.WriteString(w, "\n    ")
		if err := writeIndented(w, "    ", da); err != nil {
			return bundle.Refs{}, err
		}
	}
	io.WriteString(w, "\n  ],\n  \"collections\": ")
	if err := j.writeDocTail(ctx, w, origs, images); err != nil {
		return bundle.Refs{}, err
	}
	j.done()
	return bundle.Refs{Originals: origs, Images: images}, nil
}

// writeDocTail writes the collections, saved searches, originals and
// images of the document, and closes it.
func (j *job) writeDocTail(ctx context.Context, w io.Writer, origs, images map[string]bool) error {
	cols, err := j.docCollections(ctx)
	if err != nil {
		return err
	}
	saved, err := j.docSaved(ctx)
	if err != nil {
		return err
	}
	ol, err := j.docOriginals(ctx, origs)
	if err != nil {
		return err
	}
	il, err := j.docImages(ctx, images)
	if err != nil {
		return err
	}
	parts := []struct {
		name string
		v    any
	}{{"", cols}, {"saved_searches", saved}, {"originals", ol}, {"images", il}}
	for i, p := range parts {
		if i > 0 {
			fmt.Fprintf(w, ",\n  %q: ", p.name)
		}
		if err := writeIndented(w, "  ", p.v); err != nil {
			return err
		}
	}
	_, err = io.WriteString(w, "\n}\n")
	return err
}

// writeIndented writes v as JSON indented by two spaces, its lines after
// the first prefixed by indent (the caller places the first).
func writeIndented(w io.Writer, indent string, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent(indent, "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
	return err
}

// mustJSON is the JSON of a string or number.
func mustJSON(v any) string {
	b, _ := json.Marshal(v) // strings and numbers always marshal
	return string(b)
}

// docOrder is the order of articles in the document: by import time,
// then date, address, title, original and key, none of which changes
// when the document is imported into another archive.
func docOrder(entries []*entry) []int {
	order := make([]int, len(entries))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(x, y int) bool {
		a, b := entries[order[x]].Meta, entries[order[y]].Meta
		switch {
		case !a.Imported.Equal(b.Imported):
			return a.Imported.Before(b.Imported)
		case !a.Published.Equal(b.Published):
			return a.Published.Before(b.Published)
		case a.URL != b.URL:
			return a.URL < b.URL
		case a.Title != b.Title:
			return a.Title < b.Title
		case a.OriginalSHA != b.OriginalSHA:
			return a.OriginalSHA < b.OriginalSHA
		}
		return entries[order[x]].Key < entries[order[y]].Key
	})
	return order
}

// docArticle reads everything about one article.
func (j *job) docArticle(ctx context.Context, e *entry) (bundle.DocArticle, error) {
	if err := ctx.Err(); err != nil {
		return bundle.DocArticle{}, err
	}
	a, err := j.src.Article(ctx, e.ID)
	if err != nil {
		return bundle.DocArticle{}, err
	}
	da := bundle.ArticleOf(e.Key, a)
	for _, n := range e.Notes {
		da.Annotations = append(da.Annotations, bundle.AnnotationOf(n))
	}
	vs, err := j.src.Versions(ctx, e.ID)
	if err != nil {
		return bundle.DocArticle{}, err
	}
	for _, v := range vs {
		if v.Current {
			continue
		}
		old, err := j.src.ArticleVersion(ctx, e.ID, v.Number)
		if err != nil {
			return bundle.DocArticle{}, err
		}
		da.Versions = append(da.Versions, bundle.ContentOf(old))
	}
	return da, nil
}

// docCollections lists the collections that hold exported articles, and
// their ancestors, in tree order, each with its exported articles.
func (j *job) docCollections(ctx context.Context) ([]bundle.DocCollection, error) {
	all, err := j.src.Collections(ctx)
	if err != nil {
		return nil, err
	}
	keys := make(map[int64]string, len(j.entries))
	for _, e := range j.entries {
		keys[e.ID] = e.Key
	}
	var held []bundle.DocCollection
	for _, c := range all {
		ids, err := collectionMembers(ctx, j.src, c.ID)
		if err != nil {
			return nil, err
		}
		dc := bundle.DocCollection{Path: c.Path, Articles: []string{}}
		for _, id := range ids {
			if k, ok := keys[id]; ok {
				dc.Articles = append(dc.Articles, k)
			}
		}
		held = append(held, dc)
	}
	out := []bundle.DocCollection{}
	for _, c := range held {
		if hasMembersBelow(held, c.Path) {
			out = append(out, c)
		}
	}
	return out, nil
}

// hasMembersBelow reports whether the collection at path, or one below
// it, holds an exported article.
func hasMembersBelow(cols []bundle.DocCollection, path string) bool {
	for _, c := range cols {
		if len(c.Articles) > 0 && (c.Path == path || strings.HasPrefix(c.Path, path+"/")) {
			return true
		}
	}
	return false
}

// memberLister lists the articles of a collection; Source and Selector are ones.
type memberLister interface {
	CollectionArticles(ctx context.Context, id int64, f archive.ListFilter) ([]archive.Summary, error)
}

// memberPage is how many articles of a collection are read at a time.
const memberPage = 1000

// collectionMembers returns the articles of collection id in order.
func collectionMembers(ctx context.Context, src memberLister, id int64) ([]int64, error) {
	var ids []int64
	for {
		page, err := src.CollectionArticles(ctx, id, archive.ListFilter{Offset: len(ids), Limit: memberPage})
		if err != nil {
			return nil, err
		}
		for _, s := range page {
			ids = append(ids, s.ID)
		}
		if len(page) < memberPage {
			return ids, nil
		}
	}
}

// docSaved lists the saved searches.
func (j *job) docSaved(ctx context.Context) ([]bundle.DocSavedSearch, error) {
	list, err := j.src.SavedSearches(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]bundle.DocSavedSearch, 0, len(list))
	for _, s := range list {
		out = append(out, bundle.DocSavedSearch{Name: s.Name, Query: s.Query})
	}
	return out, nil
}

// docOriginals describes the originals shas, sorted.
func (j *job) docOriginals(ctx context.Context, shas map[string]bool) ([]bundle.DocOriginal, error) {
	out := make([]bundle.DocOriginal, 0, len(shas))
	for _, sha := range slices.Sorted(maps.Keys(shas)) {
		o, err := j.src.Original(ctx, sha)
		if err != nil {
			return nil, err
		}
		out = append(out, bundle.DocOriginal{SHA256: o.SHA256, Name: o.Name, Format: o.Format, Size: int64(len(o.Data))})
	}
	return out, nil
}

// docImages describes the images shas that the archive holds, sorted.
func (j *job) docImages(ctx context.Context, shas map[string]bool) ([]bundle.DocImage, error) {
	out := make([]bundle.DocImage, 0, len(shas))
	for _, sha := range slices.Sorted(maps.Keys(shas)) {
		im, err := j.src.Image(ctx, sha)
		if errors.Is(err, archive.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, bundle.DocImage{SHA256: im.SHA256, MIME: im.MIME, Size: int64(len(im.Data))})
	}
	return out, nil
}
