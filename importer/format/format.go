// Package format decodes the containers web pages are saved in into a
// neutral Page: the main HTML document, undecoded, plus the resources the
// container carries (images above all), the URL the page was saved from and
// the capture date. Cleaning the HTML is not done here; package importer
// does it and uses Page.Resource to find the image behind a figure.
//
// One reader per container:
//
//   - MHTML: "Webpage, single file" from Chrome and Edge (multipart/related,
//     quoted-printable, base64 or binary parts). The main document is the
//     text/html part whose Content-Location is the Snapshot-Content-Location,
//     else the first text/html part. Every other part is a Resource, by
//     Content-Location and by "cid:" Content-ID.
//   - WebArchive: Safari .webarchive (a plist). The main document is
//     WebMainResource; when it is a <frameset>, the subframe holding the most
//     text becomes the main document instead (and Page.URL is that frame's
//     URL). The subresources and the documents of every frame are Resources.
//   - WARC: .warc and .warc.gz (WARC/1.0, 1.1 and the older 0.17). Every
//     response record with status 200 and an HTML payload, and every HTML
//     resource record, is one Page; the image records of the file are the
//     Resources of every page (one shared map). Chunked transfer coding and
//     gzip or deflate content coding are undone; revisit records and a
//     second capture of a URL with the same bytes are skipped. Limits bounds
//     what is read; a damaged record ends the reading with an error, and the
//     pages read before it are returned along with it.
//   - SingleFile: a plain HTML file with every resource inlined as data:
//     URIs. SingleFile reads the "Page saved with SingleFile" comment (URL
//     and saved date); HTML makes a Page of any HTML file with it, or with
//     the "saved from url" mark SavedFromURL reads; Page.Resource decodes
//     the data: URIs.
//   - Complete: a browser's "Web page, complete" save, NAME.html beside
//     NAME_files/. Only files inside the HTML file's own folder are read,
//     through an os.Root: "../x", absolute paths and symlinks leading out
//     are never opened.
//
// No reader ever goes to the network. Errors wrap the sentinels ErrMalformed,
// ErrTooLarge and ErrNoPage with what was wrong and where ("warc: record 3:
// malformed container: truncated: 32 of 58 bytes"), so callers can test
// them with errors.Is and show them as they are.
package format

import (
	"errors"
	"time"
)

// Format names, as in Page.Format.
const (
	FormatMHTML      = "mhtml"
	FormatWARC       = "warc"
	FormatWebArchive = "webarchive"
	FormatSingleFile = "singlefile"
	FormatComplete   = "complete"
	FormatHTML       = "html"
)

// Errors the readers wrap; test them with errors.Is.
var (
	// ErrMalformed means the container is damaged or is not of the format
	// asked for: a missing boundary, a truncated record, a bad plist.
	ErrMalformed = errors.New("malformed container")
	// ErrTooLarge means a record or the whole decoded input passes Limits.
	ErrTooLarge = errors.New("too large")
	// ErrNoPage means the container is well formed but holds no HTML page.
	ErrNoPage = errors.New("no html page")
)

// Resource is one file a container carries beside the main document.
type Resource struct {
	URL  string // absolute URL, "cid:…" or, for Complete, the path relative to the page's folder
	MIME string // media type without parameters, lower case; may be empty
	Data []byte
}

// Page is a saved page read from its container.
type Page struct {
	// Format is one of the Format constants.
	Format string
	// HTML is the main document's bytes, in their own charset.
	HTML []byte
	// Charset is the charset the container declares for HTML (MIME part or
	// HTTP header, WebResourceTextEncodingName), or when it is silent the
	// one the HTML's own <meta> declares near its start, as a lower-case
	// label ("koi8-r"). Empty when neither says.
	Charset string
	// Title is the title the container gives (MHTML Subject), if any.
	Title string
	// URL is where the page was saved from (Snapshot-Content-Location,
	// WARC-Target-URI, WebResourceURL, SingleFile's "url:", the "saved from
	// url=" mark). Relative references in HTML resolve against it.
	URL string
	// Captured is the capture date the container gives (MHTML Date,
	// WARC-Date, SingleFile "saved date"); zero when it gives none.
	Captured time.Time
	// Resources holds the container's other files by key: the normalised
	// absolute URL, "cid:ID" for MHTML Content-IDs, the slash-separated
	// path below the page's folder for Complete. Pages read from one WARC
	// share one map. Use Resource to look a reference up.
	Resources map[string]Resource
}

// Limits bounds what WARC reads. A zero field takes its default.
type Limits struct {
	// MaxRecordSize is the largest record, and the largest decoded HTTP
	// body, accepted (default 64 MiB).
	MaxRecordSize int64
	// MaxTotal is the most decompressed bytes read from one input
	// (default 1 GiB); it stops gzip bombs.
	MaxTotal int64
}

// Default limits.
const (
	DefaultMaxRecordSize = 64 << 20
	DefaultMaxTotal      = 1 << 30
)

func (l Limits) withDefaults() Limits {
	if l.MaxRecordSize <= 0 {
		l.MaxRecordSize = DefaultMaxRecordSize
	}
	if l.MaxTotal <= 0 {
		l.MaxTotal = DefaultMaxTotal
	}
	return l
}
