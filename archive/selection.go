package archive

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/clippings/clippings/archive/query"
)

// Selection is what a list shows: the text a user typed, and the choices
// made by pointing (a tag or a collection in the sidebar, a site, the
// selected articles), kept as values. Query is parsed in the search
// language; the other fields are never parsed: each is compared as a
// value, bound as a parameter, so a name holding a quote, a backslash, a
// colon or a bracket selects exactly what it names. The fields are
// ANDed; each works as the filter its comment names. The zero Selection
// selects every article.
type Selection struct {
	Query      string   // typed text in the search language; "" for none
	Tags       []string // tagged with each, or with a tag below it (tag:)
	Collection string   // in the collection at this path (names from the top joined by "/", without case), or in one inside it (collection:)
	Site       string   // the site's name, or the host of the article's address (site:)
	Saved      string   // what the saved search of this name finds (saved:)
	IDs        []int64  // only these articles; nil for no such limit
	Starred    bool     // only starred articles (is:starred)
	Unread     bool     // only unread articles (is:unread)
	// Dated (published, else captured, else imported) in [From, To)
	// (date:); a zero end is open.
	From, To time.Time
}

// IsZero reports whether sel is the zero Selection: every article.
func (sel Selection) IsZero() bool {
	return sel.Query == "" && sel.Tags == nil && sel.Collection == "" && sel.Site == "" && sel.Saved == "" &&
		sel.IDs == nil && !sel.Starred && !sel.Unread && sel.From.IsZero() && sel.To.IsZero()
}

// values returns the filters of the fields other than Query as nodes of
// no place in the query (Pos -1). It returns an error wrapping ErrInvalid
// for a tag with no name, or dates that end before they start.
func (sel Selection) values() ([]*query.Node, error) {
	var out []*query.Node
	add := func(field, value string) {
		out = append(out, &query.Node{Kind: query.Filter, Pos: -1, Field: field, Text: value})
	}
	for _, t := range sel.Tags {
		name := query.NormTag(t)
		if name == "" {
			return nil, fmt.Errorf("tag %q: %w", t, ErrInvalid)
		}
		add("tag", name)
	}
	if sel.Collection != "" {
		add("collection", sel.Collection)
	}
	if v := strings.TrimSpace(sel.Site); v != "" {
		add("site", v)
	}
	if sel.Saved != "" {
		add("saved", sel.Saved)
	}
	if sel.IDs != nil {
		list, err := json.Marshal(sel.IDs)
		if err != nil {
			return nil, err
		}
		add("id", string(list))
	}
	if sel.Starred {
		add("is", "starred")
	}
	if sel.Unread {
		add("is", "unread")
	}
	if !sel.From.IsZero() || !sel.To.IsZero() {
		if !sel.From.IsZero() && !sel.To.IsZero() && !sel.From.Before(sel.To) {
			return nil, fmt.Errorf("dates %s to %s: %w", sel.From.Format(time.DateOnly), sel.To.Format(time.DateOnly), ErrInvalid)
		}
		out = append(out, &query.Node{Kind: query.Filter, Pos: -1, Field: "date", From: sel.From.UTC(), To: sel.To.UTC()})
	}
	return out, nil
}

// prepared is a selection parsed and compiled.
type prepared struct {
	q *Query
	p *plan
	// blank: no words, no filters, no sort: and no value fields. The
	// methods taking a query string find nothing for it; a Selection
	// selects every article.
	blank bool
}

// prepare parses and compiles a selection.
func (e *engine) prepare(ctx context.Context, sel Selection) (*prepared, error) {
	q, err := query.Parse(sel.Query, e.s.clock())
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", sel.Query, err)
	}
	values, err := sel.values()
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", sel.Query, err)
	}
	p, err := e.compile(ctx, q, values...)
	if err != nil {
		return nil, searchError(ctx, sel.Query, err)
	}
	if q.InNotes() {
		p.notes = true
		if q.Root() == nil && len(values) == 0 {
			p.where = append(p.where, stateConds["has:notes"])
		}
	}
	_, sorted := q.Sort()
	return &prepared{q: q, p: p, blank: q.Empty() && !sorted && len(values) == 0}, nil
}

// Select returns a page of the articles sel selects, in the order opt
// asks for (a sort: in sel.Query overrides it; relevance without words is
// newest first). The zero Selection, or one whose Query is only a sort:,
// lists every article. It returns the errors of Search, and one wrapping
// ErrNotFound when sel names a collection or saved search that does not
// exist, or ErrInvalid for a tag with no name or dates that end before
// they start.
func (s *Store) Select(ctx context.Context, sel Selection, opt SearchOptions) (*Results, error) {
	return s.find(ctx, sel, opt, false)
}

// SelectCount returns how many articles sel selects. It returns the
// errors of Select.
func (s *Store) SelectCount(ctx context.Context, sel Selection) (int, error) {
	return s.count(ctx, sel, false)
}

// SelectIDs returns the IDs of every article sel selects, the most
// recently added first. It returns the errors of Select.
func (s *Store) SelectIDs(ctx context.Context, sel Selection) ([]int64, error) {
	return s.searchIDs(ctx, sel, false)
}

// SelectFacets returns the facet counts of the articles sel selects (of
// every article for the zero Selection). It returns the errors of Select.
func (s *Store) SelectFacets(ctx context.Context, sel Selection) (*Facets, error) {
	return s.facets(ctx, sel)
}

// logSel writes the line of a search of sel to the timing log.
func (e *engine) logSel(what string, sel Selection, start time.Time, attrs ...any) {
	if e.log == nil {
		return
	}
	values := sel
	values.Query = ""
	if !values.IsZero() {
		attrs = append(attrs, "selection", fmt.Sprintf("%+v", sel))
	}
	e.logRun(what, sel.Query, start, attrs...)
}
