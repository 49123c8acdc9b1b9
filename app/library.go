package app

import (
	"context"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/export"
	"github.com/clippings/clippings/importer"
)

// Library is what the window needs of the archive. *archive.Store
// satisfies it. It is made of small interfaces, one per concern, so that
// a screen's tests can see what it uses.
type Library interface {
	importer.Sink
	Reader
	Searcher
	Annotator
	Tagger
	Organiser
	collectionSource
	CiteKeeper
	export.Source
	export.Selector
}

// Reader reads articles and what they show (export.Source reads the
// rest: articles, versions, images).
type Reader interface {
	Count(ctx context.Context) (int, error)
	List(ctx context.Context, f archive.ListFilter) ([]archive.Summary, error)
	// TagsOf gives the tags of a page of the list's rows in one query.
	TagsOf(ctx context.Context, ids []int64) (map[int64][]string, error)
	// ArticleByURL finds the article saved from an address, so that a
	// related link opens it; archive.ErrNotFound when there is none.
	ArticleByURL(ctx context.Context, url string) (int64, error)
}

// Searcher lists what a selection selects (archive.Selection: choices
// made by pointing, as values, and the text typed in the search language)
// and keeps saved searches.
type Searcher interface {
	Select(ctx context.Context, sel archive.Selection, opt archive.SearchOptions) (*archive.Results, error)
	SelectCount(ctx context.Context, sel archive.Selection) (int, error)
	SelectIDs(ctx context.Context, sel archive.Selection) ([]int64, error)
	SelectFacets(ctx context.Context, sel archive.Selection) (*archive.Facets, error)
	// SearchIDs finds what a query in the search language finds.
	SearchIDs(ctx context.Context, query string) ([]int64, error)
	SaveSearch(ctx context.Context, name, query string) error
	DeleteSavedSearch(ctx context.Context, name string) error
}

// Annotator keeps highlights and notes.
type Annotator interface {
	AddHighlight(ctx context.Context, id int64, h archive.NewHighlight) (*archive.Annotation, error)
	UpdateAnnotation(ctx context.Context, id int64, u archive.AnnotationUpdate) error
	DeleteAnnotation(ctx context.Context, id int64) error
	SetNote(ctx context.Context, id int64, text string) error
}

// Tagger keeps tags.
type Tagger interface {
	Tags(ctx context.Context) ([]archive.TagCount, error)
	AddTags(ctx context.Context, ids []int64, tags ...string) (int, error)
	RemoveTags(ctx context.Context, ids []int64, tags ...string) (int, error)
}

// Organiser keeps collections and the read and starred states, and
// deletes articles.
type Organiser interface {
	CreateCollection(ctx context.Context, parent int64, name string) (int64, error)
	AddToCollection(ctx context.Context, id int64, articles ...int64) (int, error)
	SetRead(ctx context.Context, read bool, ids ...int64) error
	SetStarred(ctx context.Context, starred bool, ids ...int64) error
	DeleteArticles(ctx context.Context, ids ...int64) error
}
