package bundle

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/clippings/clippings/archive"
)

// decodeDocument reads a document, list by list, checking each article,
// collection and saved search as it is read and counting them against
// the limits: a document of ten million empty articles is refused at the
// first one, not after decoding them all.
func decodeDocument(r io.Reader) (*Document, error) {
	dec := json.NewDecoder(r)
	if err := expectDelim(dec, '{'); err != nil {
		return nil, err
	}
	var doc Document
	keys := map[string]bool{}
	seen := map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		name, _ := tok.(string)
		if seen[name] {
			return nil, fmt.Errorf("%q twice", name)
		}
		seen[name] = true
		switch name {
		case "format":
			err = dec.Decode(&doc.Format)
		case "version":
			err = dec.Decode(&doc.Version)
		case "title":
			err = dec.Decode(&doc.Title)
		case "articles":
			doc.Articles, err = decodeList(dec, name, MaxArticles, func(a *DocArticle) error { return checkArticle(a, keys) })
		case "collections":
			doc.Collections, err = decodeList(dec, name, MaxCollections, checkCollection)
		case "saved_searches":
			doc.SavedSearches, err = decodeList[DocSavedSearch](dec, name, MaxSavedSearches, nil)
		case "originals":
			doc.Originals, err = decodeList[DocOriginal](dec, name, maxEntries, nil)
		case "images":
			doc.Images, err = decodeList[DocImage](dec, name, maxEntries, nil)
		default:
			var skip json.RawMessage
			err = dec.Decode(&skip)
		}
		if err != nil {
			return nil, err
		}
	}
	if err := expectDelim(dec, '}'); err != nil {
		return nil, err
	}
	return &doc, nil
}

// decodeList reads a JSON list (or null) of at most max values, checking
// each with check.
func decodeList[T any](dec *json.Decoder, name string, max int, check func(*T) error) ([]T, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if tok == nil {
		return nil, nil
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return nil, fmt.Errorf("%s: not a list", name)
	}
	var out []T
	for dec.More() {
		if len(out) == max {
			return nil, fmt.Errorf("%s: more than %d", name, max)
		}
		var v T
		if err := dec.Decode(&v); err != nil {
			return nil, fmt.Errorf("%s: item %d: %w", name, len(out)+1, err)
		}
		if check != nil {
			if err := check(&v); err != nil {
				return nil, fmt.Errorf("%s: item %d: %w", name, len(out)+1, err)
			}
		}
		out = append(out, v)
	}
	if err := expectDelim(dec, ']'); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}

// expectDelim reads the next token, which must be d.
func expectDelim(dec *json.Decoder, d json.Delim) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if got, ok := tok.(json.Delim); !ok || got != d {
		return fmt.Errorf("%v where %q belongs", tok, d)
	}
	return nil
}

// checkArticle checks one article of the document: a key of its own,
// at most MaxVersions, MaxAnnotations and MaxTags, tag names the archive
// takes, annotations of known kinds.
func checkArticle(a *DocArticle, keys map[string]bool) error {
	if a.Key == "" || keys[a.Key] {
		return fmt.Errorf("missing or repeated key %q", a.Key)
	}
	keys[a.Key] = true
	switch {
	case len(a.Versions) > MaxVersions:
		return fmt.Errorf("article %s: %d earlier versions (at most %d)", a.Key, len(a.Versions), MaxVersions)
	case len(a.Annotations) > MaxAnnotations:
		return fmt.Errorf("article %s: %d annotations (at most %d)", a.Key, len(a.Annotations), MaxAnnotations)
	case len(a.Tags) > MaxTags:
		return fmt.Errorf("article %s: %d tags (at most %d)", a.Key, len(a.Tags), MaxTags)
	}
	for i, t := range a.Tags {
		n, err := archive.TagName(t)
		if err != nil {
			return fmt.Errorf("article %s: %w", a.Key, err)
		}
		a.Tags[i] = n
	}
	for _, n := range a.Annotations {
		if n.Kind != archive.KindHighlight && n.Kind != archive.KindNote {
			return fmt.Errorf("article %s: annotation of kind %q", a.Key, n.Kind)
		}
		if n.Kind == archive.KindHighlight && strings.TrimSpace(n.Quote.Exact) == "" {
			return fmt.Errorf("article %s: a highlight of nothing", a.Key)
		}
	}
	return nil
}

// checkCollection checks a collection's path: names that are not
// empty, at most archive.MaxCollectionDepth of them.
func checkCollection(c *DocCollection) error {
	names := strings.Split(c.Path, "/")
	if len(names) > archive.MaxCollectionDepth {
		return fmt.Errorf("collection %.60q…: %d levels (at most %d)", c.Path, len(names), archive.MaxCollectionDepth)
	}
	for _, name := range names {
		if strings.TrimSpace(name) == "" {
			return fmt.Errorf("collection %q: empty name", c.Path)
		}
	}
	return nil
}
