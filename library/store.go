package library

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode"

	"github.com/clippings/clippings/archive"
)

// source is what a reader found in a library.
type source struct {
	original archive.Original // the export file; zero when each entry has its own
	entries  []entry
	skipped  []Skip // what could not be read at all
}

// entry is one item of a library: an article (or a link) with what the
// tool kept about it.
type entry struct {
	ref string // how the report names it: "entry 4668", "item ABCD2345"
	pos int    // its place among the export's entries
	url string
	// title is the entry's title, kept for a link.
	title string
	// clean returns the entry's article; nil for a link without content.
	clean func() (*archive.Article, []archive.Image, error)
	// own, when not nil, returns the entry's own original once clean has
	// run (a Zotero snapshot); else the export is its original.
	own         func() *archive.Original
	tags        []string
	collections []string
	note        string
	highlights  []archive.LibraryHighlight
	starred     bool
	read        bool
	saved       time.Time // when the tool saved it
	fail        string    // why it cannot be imported; "" when it can
}

// run is one run of Import.
type run struct {
	dst Archive
	src *source
	opt Options
	rep *Report
}

// store stores one entry and says what became of it. It returns an error
// only when the archive cannot be written at all.
func (im *run) store(ctx context.Context, e *entry) (string, error) {
	if e.fail != "" {
		return im.skip(e, e.fail), nil
	}
	a, images, err := im.article(e)
	if err != nil {
		return im.skip(e, err.Error()), nil
	}
	if a == nil {
		return im.skip(e, "a link without content (--reading-list, or Preferences › Importing in the window, keeps it, marked not captured)"), nil
	}
	it := &archive.LibraryItem{Original: im.src.original, Position: e.pos, Article: a, Images: images,
		Collections: e.collections, Note: e.note, Highlights: e.highlights}
	if e.own != nil && e.own() != nil {
		it.Original = *e.own()
	}
	if it.MergeInto, err = im.sameStored(ctx, a, e.clean == nil); err != nil {
		return "", err
	}
	res, err := im.dst.AddLibraryItem(ctx, it)
	switch {
	case err != nil && (archive.IsFileFault(err) || ctx.Err() != nil):
		return "", err
	case err != nil:
		return im.skip(e, err.Error()), nil
	}
	return im.rep.add(res, e.clean == nil), nil
}

// article returns the entry's article with what the tool kept about it,
// nil for a link when no reading list is wanted.
func (im *run) article(e *entry) (*archive.Article, []archive.Image, error) {
	var a *archive.Article
	var images []archive.Image
	tags := e.tags
	if e.clean == nil {
		if !im.opt.ReadingList {
			return nil, nil, nil
		}
		a, tags = linkArticle(e, im.rep.Source), append(append([]string(nil), tags...), NotCaptured)
	} else {
		var err error
		if a, images, err = e.clean(); err != nil {
			return nil, nil, err
		}
	}
	a.Tags, a.Starred, a.Read = tags, e.starred, e.read
	return a, images, nil
}

// skip records an entry left out and returns the outcome to report.
func (im *run) skip(e *entry, reason string) string {
	im.rep.Skipped = append(im.rep.Skipped, Skip{Entry: e.ref, Reason: reason})
	return "skipped: " + reason
}

// sameStored returns the stored article that a is the same as: the one
// with its address and about the same text (for a link, any text), or 0.
func (im *run) sameStored(ctx context.Context, a *archive.Article, link bool) (int64, error) {
	if a.URL == "" {
		return 0, nil
	}
	id, err := im.dst.ArticleByURL(ctx, a.URL)
	if errors.Is(err, archive.ErrNotFound) {
		return 0, nil
	} else if err != nil {
		return 0, err
	}
	if link {
		return id, nil
	}
	stored, err := im.dst.Article(ctx, id)
	if err != nil {
		return 0, err
	}
	if similar(stored.Text(), a.Text()) {
		return id, nil
	}
	return 0, nil
}

// sameText is how much of the longer of two texts the other must share,
// word for word, for them to be the same article cleaned twice (a saved
// page and a reading app's copy) rather than two versions of it.
const sameText = 0.9

// similar reports whether a and b share sameText of their words.
func similar(a, b string) bool {
	wa, wb := wordCounts(a), wordCounts(b)
	na, nb, shared := 0, 0, 0
	for w, n := range wa {
		na += n
		shared += min(n, wb[w])
	}
	for _, n := range wb {
		nb += n
	}
	return max(na, nb) > 0 && float64(shared) >= sameText*float64(max(na, nb))
}

// wordCounts counts the words of s, lower-cased.
func wordCounts(s string) map[string]int {
	out := map[string]int{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	}) {
		out[w]++
	}
	return out
}

// linkArticle is the reading-list article of a link: its title and
// address, and a body saying that the page was not captured.
func linkArticle(e *entry, tool string) *archive.Article {
	title := strings.TrimSpace(e.title)
	if title == "" {
		title = e.url
	}
	site := ""
	if u, err := url.Parse(e.url); err == nil {
		site = strings.TrimPrefix(u.Hostname(), "www.")
	}
	return &archive.Article{Title: title, URL: e.url, CaptureURL: e.url, Site: site, Captured: e.saved,
		Confidence: archive.ConfidenceStub, Format: fmt.Sprintf("%s, %s", tool, e.ref),
		Blocks: []archive.Block{
			{Kind: archive.Paragraph, Text: "Not captured: the " + tool + " held only the address of this page."},
			{Kind: archive.Paragraph, Text: e.url},
		}}
}
