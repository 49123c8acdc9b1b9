package app

import (
	"context"
	"fmt"
	"image"
	"net/url"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"github.com/clippings/clippings/app/blockview"
	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/archive/versiondiff"
	"github.com/clippings/clippings/export"
)

// readerDoc is an article ready to be shown.
type readerDoc struct {
	id       int64
	article  *archive.Article
	items    []blockview.Item
	links    []relatedLink
	notes    []archive.Annotation // the article's highlights and free note
	versions []archive.Version    // oldest first; the last is the current text
	version  int                  // the version shown; 0 for the current one
	diff     *versiondiff.Diff    // what changed from the version before, when compared
	key      string               // the article's citation key
}

// current reports whether the doc shows the article's current text, the
// one highlights refer to.
func (d *readerDoc) current() bool {
	return d.diff == nil && (d.version == 0 || d.version == len(d.versions))
}

// reader is the right pane: the article chosen in the list, its toolbar
// and the panel of its tags, note and highlights.
type reader struct {
	env
	lib   readerLibrary
	clip  fyne.Clipboard // where Copy puts text
	scale float32        // the text size at first, relative to the theme's

	// Callbacks: onKey takes the letters typed in the text (true if
	// used); onRead marks an article opened read; onZoom makes the text a
	// point larger or smaller; onChanged says an article's star or tags
	// changed, onAnnotated that it has annotations (or none any more),
	// onTagsChanged that the archive's tags changed; tagNames returns
	// them, for completion.
	onKey         func(r rune) bool
	onRead        func(id int64)
	onZoom        func(step int)
	onChanged     func()
	onAnnotated   func(id int64, has bool)
	onTagsChanged func()
	tagNames      func() []string
	openURL       func(*url.URL) error // opens the browser; nil: the app's OpenURL (readerlinks.go)

	// citeStyle is the style the Cite dialog shows a reference in;
	// citing is that dialog while it is open.
	citeStyle export.Style
	citing    *citePanel

	view    *blockview.View
	tools   *readerTools
	panel   *notesPanel
	current int64 // the article shown or on its way
	doc     *readerDoc
	cancel  context.CancelFunc
	compare bool // show what changed from the version before (readerversions.go)
}

// readerLibrary is what the reader reads and writes of the archive.
type readerLibrary interface {
	articleSource
	Annotator
	CiteKeeper
	SetStarred(ctx context.Context, starred bool, ids ...int64) error
	AddTags(ctx context.Context, ids []int64, tags ...string) (int, error)
	RemoveTags(ctx context.Context, ids []int64, tags ...string) (int, error)
}

// articleSource is what loadArticle reads: an article, its versions,
// annotations and images (as an export reads them), and the articles its
// links point to.
type articleSource interface {
	export.Source
	ArticleByURL(ctx context.Context, url string) (int64, error)
}

func (r *reader) buildUI() fyne.CanvasObject {
	r.view = blockview.New()
	r.view.SetItems([]blockview.Item{{Kind: blockview.Meta, Text: noArticle}})
	r.view.OnLink = r.openLink
	r.view.OnHref = r.openHref
	r.view.OnMark = r.markMenu
	r.view.OnMenu = r.contextMenu
	r.view.OnKey = r.onKey
	r.view.OnSelect = r.selectionChanged
	r.view.SetScale(r.scale)
	r.view.Later = func(f func()) { go r.do(f) }
	r.tools = &readerTools{r: r}
	r.panel = &notesPanel{r: r}
	split := container.NewHSplit(r.view, r.panel.buildUI())
	split.Offset = 0.72
	return container.NewBorder(r.tools.buildUI(), nil, nil, nil, split)
}

// show loads article id in the background and shows it when it arrives,
// cancelling the load of the article chosen before.
func (r *reader) show(id int64) {
	if r.doc == nil || r.doc.id != id {
		r.compare = false // a comparison is of the article it was asked for
	}
	r.showVersion(id, 0)
}

// quickLoad is how long the UI goroutine waits for an article to load
// before it goes on and lets the load hand the article over through
// fyne.Do. Reading an article takes about a millisecond, and applying it
// at once saves waiting for the next frame (tens of milliseconds with
// software rendering); a slow load never holds the window up longer.
const quickLoad = 8 * time.Millisecond

// showVersion shows version n of article id (0: the current one).
func (r *reader) showVersion(id int64, n int) {
	if r.cancel != nil {
		r.cancel()
	}
	ctx, cancel := context.WithCancel(r.ctx)
	r.current, r.cancel = id, cancel
	start := r.timing.start()
	var (
		doc  *readerDoc
		err  error
		done = make(chan struct{})
	)
	compare := r.compare
	go func() {
		doc, err = loadArticle(ctx, r.lib, id, n)
		if err == nil && compare {
			err = addComparison(ctx, r.lib, doc)
		}
		r.timing.since("open article: read", start)
		close(done)
	}()
	apply := func() {
		applied := r.timing.start()
		r.apply(id, doc, err)
		r.timing.since("open article: lay out", applied)
		r.timing.since("open article", start)
	}
	select {
	case <-done:
		apply()
	case <-time.After(quickLoad):
		go func() {
			<-done
			r.do(apply)
		}()
	}
}

// apply shows doc, the article id, unless another was chosen meanwhile.
func (r *reader) apply(id int64, doc *readerDoc, err error) {
	if id != r.current {
		return
	}
	if err != nil {
		r.current = 0 // choosing it again tries again
		r.showError("Could not open the article.", err)
		return
	}
	r.doc = doc
	r.view.SetItems(doc.items)
	r.showMarks()
	r.tools.update(doc)
	r.panel.update(doc)
	r.win.SetTitle(doc.article.Title + " — Clippings")
	if !doc.article.Read {
		r.onRead(id)
	}
}

// showMarks draws the highlights of the article shown, if its current
// text is shown.
func (r *reader) showMarks() {
	var marks []blockview.Mark
	if r.doc != nil && r.doc.current() {
		for _, a := range r.doc.notes {
			if a.Kind == archive.KindHighlight && !a.Orphaned {
				marks = append(marks, blockview.Mark{ID: a.ID, Start: a.Start, End: a.End, Color: a.Color})
			}
		}
	}
	r.view.SetMarks(marks)
}

// loadArticle reads version n of article id (0: the current one), the
// images of its figures, its annotations and versions, and finds which
// related links the archive holds, and turns it all into reader items. It
// runs off the UI goroutine. A figure whose image cannot be read is shown
// by its caption alone; only a failure to read the article is an error.
func loadArticle(ctx context.Context, lib articleSource, id int64, n int) (*readerDoc, error) {
	doc := &readerDoc{id: id, version: n}
	var err error
	if doc.versions, err = lib.Versions(ctx, id); err != nil {
		return nil, fmt.Errorf("versions of article %d: %w", id, err)
	}
	if n > 0 && n < len(doc.versions) {
		doc.article, err = lib.ArticleVersion(ctx, id, n)
	} else {
		doc.version = 0
		doc.article, err = lib.Article(ctx, id)
	}
	if err != nil {
		return nil, fmt.Errorf("article %d: %w", id, err)
	}
	if err := loadKey(ctx, lib, doc); err != nil {
		return nil, fmt.Errorf("citation key of article %d: %w", id, err)
	}
	if doc.notes, err = lib.Annotations(ctx, archive.AnnotationFilter{ArticleID: id, Limit: maxAnnotations}); err != nil {
		return nil, fmt.Errorf("annotations of article %d: %w", id, err)
	}
	images, err := loadImages(ctx, lib, doc.article)
	if err != nil {
		return nil, err
	}
	doc.links = resolveLinks(ctx, lib, doc.article.Related)
	doc.items = articleItems(doc.article, images, doc.links)
	showKey(doc)
	return doc, nil
}

// maxAnnotations is more highlights than an article will ever have.
const maxAnnotations = 100_000

func loadImages(ctx context.Context, lib articleSource, a *archive.Article) (map[int]image.Image, error) {
	images := make(map[int]image.Image)
	dec := blockview.NewImageDecoder()
	for i, f := range a.Figures {
		if f.ImageSHA == "" {
			continue
		}
		img, err := loadImage(ctx, lib, dec, f.ImageSHA)
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			continue // shown as a missing image; the caption stays
		}
		images[i] = img
	}
	return images, nil
}

func loadImage(ctx context.Context, lib articleSource, dec *blockview.ImageDecoder, sha string) (image.Image, error) {
	im, err := lib.Image(ctx, sha)
	if err != nil {
		return nil, fmt.Errorf("image %s: %w", sha, err)
	}
	img, err := dec.Decode(im.Data)
	if err != nil {
		return nil, fmt.Errorf("decode image %s (%s): %w", sha, im.MIME, err)
	}
	return img, nil
}

// resolveLinks finds the related links whose page the archive holds. A
// failed lookup shows the address, as for a page not held.
func resolveLinks(ctx context.Context, lib articleSource, related []archive.Link) []relatedLink {
	links := make([]relatedLink, len(related))
	for i, l := range related {
		links[i].Link = l
		if l.URL == "" {
			continue
		}
		if id, err := lib.ArticleByURL(ctx, l.URL); err == nil {
			links[i].id = id
		}
	}
	return links
}

// clear empties the reader (the article shown was deleted).
func (r *reader) clear() {
	if r.cancel != nil {
		r.cancel()
	}
	r.current, r.doc = 0, nil
	r.view.SetItems([]blockview.Item{{Kind: blockview.Meta, Text: noArticle}})
	r.view.SetMarks(nil)
	r.tools.clear()
	r.panel.clear()
	r.win.SetTitle("Clippings")
}

// noArticle is what the reader says when it shows no article.
const noArticle = "Choose an article in the list to read it."

// reload loads the article shown again (its annotations changed
// elsewhere, or its tags), keeping the version.
func (r *reader) reload() {
	if r.doc != nil && r.current == r.doc.id {
		r.showVersion(r.doc.id, r.doc.version)
	}
}

// selectionChanged enables the highlight tools when text is selected.
func (r *reader) selectionChanged() {
	r.tools.selectionChanged(r.view.HasSelection())
}
