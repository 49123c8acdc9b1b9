package bundle

// Limits of a bundle Merge accepts, each refused with an error naming it
// before anything is written (docs/reliability.md, "Bundles"). A bundle
// is held to the limits of the files the importer reads, and every part
// of its document is counted as it is read, so that a small zip cannot
// make Merge use memory or time out of proportion (ten million empty
// articles in a 29 KB zip, a 1 GiB original in a 1 MB zip).
const (
	// MaxOriginalSize is the largest original: the importer's
	// MaxFileSize, the largest file it reads.
	MaxOriginalSize = 64 << 20
	// MaxImageSize is the largest image: the importer's MaxImageSize.
	MaxImageSize = 16 << 20
	// MaxCaptureImages is the most image bytes one capture brings, as
	// for an imported page.
	MaxCaptureImages = 64 << 20
	// MaxArticles is the most articles a bundle holds.
	MaxArticles = 250_000
	// MaxVersions is the most earlier versions of one article.
	MaxVersions = 1_000
	// MaxAnnotations is the most annotations of one article.
	MaxAnnotations = 20_000
	// MaxTags is the most tags of one article.
	MaxTags = 1_000
	// MaxCollections is the most collections a bundle holds; each path
	// is at most archive.MaxCollectionDepth names long.
	MaxCollections = 100_000
	// MaxSavedSearches is the most saved searches a bundle holds.
	MaxSavedSearches = 10_000
)

// Limits of the zip itself (variables for the tests).
var (
	maxEntries          = 500_000
	maxEntrySize uint64 = 1 << 30 // the document
	maxSize      uint64 = 16 << 30
)
