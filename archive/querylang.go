package archive

import (
	"time"

	"github.com/clippings/clippings/archive/query"
)

// The search language (words, phrases, OR, NOT, field filters, dates) is
// parsed by the package archive/query, which knows nothing of the
// database; compile.go turns its trees into SQL. These names keep the
// archive's API as it was.
type (
	// Query is a parsed search.
	Query = query.Query
	// QueryError is a query that cannot be parsed or run: what is wrong
	// and where. It wraps ErrBadQuery.
	QueryError = query.Error
	// Sort is the order of search results.
	Sort = query.Sort
)

// The orders of search results.
const (
	SortRelevance = query.SortRelevance // best match first (bm25, title weighted); newest first when there are no words
	SortNewest    = query.SortNewest    // by date (published, else captured, else imported), newest first
	SortOldest    = query.SortOldest    // by date, oldest first
	SortTitle     = query.SortTitle     // by title, A to Z (case folded)
	SortSite      = query.SortSite      // by site, A to Z, newest first within a site
)

// ParseQuery parses a query in the search language. It returns an error
// of type *QueryError (wrapping ErrBadQuery) saying what is wrong and
// where. Relative dates count from now.
func ParseQuery(q string) (*Query, error) { return query.Parse(q, time.Now()) }
