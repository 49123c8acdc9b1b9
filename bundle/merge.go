package bundle

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/clippings/clippings/archive"
)

// Destination is the archive Merge writes to, in one transaction.
// *archive.Store is one.
type Destination interface {
	Batch(ctx context.Context, fn func(b *archive.Batch) error) error
}

// writer is what Merge does inside the transaction; *archive.Batch
// does it.
type writer interface {
	AddCapture(ctx context.Context, c *archive.Capture) (archive.AddResult, error)
	Article(ctx context.Context, id int64) (*archive.Article, error)
	AddTags(ctx context.Context, ids []int64, tags ...string) (int, error)
	SetStarred(ctx context.Context, starred bool, ids ...int64) error
	SetRead(ctx context.Context, read bool, ids ...int64) error
	Annotations(ctx context.Context, f archive.AnnotationFilter) ([]archive.Annotation, error)
	AddHighlight(ctx context.Context, id int64, h archive.NewHighlight) (*archive.Annotation, error)
	SetNote(ctx context.Context, id int64, text string) error
	Collections(ctx context.Context) ([]archive.Collection, error)
	CreateCollection(ctx context.Context, parent int64, name string) (int64, error)
	AddToCollection(ctx context.Context, id int64, articles ...int64) (int, error)
	SavedSearch(ctx context.Context, name string) (*archive.SavedSearch, error)
	SaveSearch(ctx context.Context, name, query string) error
	AnnotationRestorer
}

// AnnotationRestorer stores an annotation exactly as exported: its times,
// offsets and orphaned flag. Every Destination's batch does.
type AnnotationRestorer interface {
	RestoreAnnotation(ctx context.Context, articleID int64, a archive.Annotation) (int64, error)
}

// Cleaner cleans an original again, as importing the file would (the
// command line gives the importer's Extract). Merge compares each
// article of a bundle with the article cleaned again from its original
// (agree.go).
type Cleaner func(ctx context.Context, o *archive.Original) (*archive.Capture, error)

// Options are Merge's options.
type Options struct {
	// Progress, if not nil, is called after each step.
	Progress func(done, total int)
	// Clean, if not nil, checks every article of the bundle against its
	// original: one whose text or address does not agree with the
	// original is stored as cleaned again from it, and the articles of
	// an original that no longer cleans are left out. Without it the
	// bundle's text is trusted.
	Clean Cleaner
}

// Report says what Merge did.
type Report struct {
	Articles    int      // articles in the bundle
	Stored      int      // captures stored (new articles, or new versions of stored ones)
	Present     int      // captures the archive already had
	Annotations int      // highlights and notes added
	Collections int      // collections created
	Recleaned   int      // article versions stored as cleaned again from their original
	Skipped     []string // what could not be merged, and why
}

// Merge merges the bundle at path into dst, trusting its text (MergeWith
// with progress and no Cleaner).
func Merge(ctx context.Context, dst Destination, path string, progress func(done, total int)) (Report, error) {
	return MergeWith(ctx, dst, path, Options{Progress: progress})
}

// MergeWith merges the bundle at path into dst: its articles with their
// earlier versions (deduplicated by AddCapture: the same original file,
// or the same address with the same text, is not stored again), then
// their tags, starred and read states, annotations (a highlight or note
// already there is not added twice; the free notes of an article are
// joined), collections (created when missing, the articles appended) and
// saved searches (one whose name is taken is left out).
//
// It is all or nothing. The whole bundle is checked before anything is
// written (limits.go, the hashes, names, keys, and with opt.Clean every
// article against its original); a bundle that fails the checks gives an
// error wrapping ErrInvalid. Then everything is written in one
// transaction: when the archive fails half-way (or ctx ends), nothing
// of the bundle is kept, and the error names the bundle.
func MergeWith(ctx context.Context, dst Destination, path string, opt Options) (Report, error) {
	b, err := openReader(path)
	if err != nil {
		return Report{}, fmt.Errorf("import %s: %w", path, err)
	}
	defer b.zr.Close()
	doc, err := b.loadDocument()
	if err != nil {
		return Report{}, fmt.Errorf("import %s: %w: %v", path, ErrInvalid, err)
	}
	im := newMerger(b, doc, opt)
	plan := im.plan()
	im.total = len(plan) + len(doc.Articles) + 1
	if opt.Clean != nil {
		im.total += len(plan)
	}
	if err := im.verify(ctx, plan); err != nil {
		return Report{Articles: len(doc.Articles)}, fmt.Errorf("import %s: %w", path, err)
	}
	err = dst.Batch(ctx, func(tx *archive.Batch) error {
		im.dst = tx
		return im.run(ctx, plan)
	})
	if err != nil {
		return Report{Articles: len(doc.Articles)}, fmt.Errorf("import %s (nothing of it was kept): %w", path, err)
	}
	return im.rep, nil
}

// merger is one run of Merge.
type merger struct {
	dst       writer
	b         *reader
	doc       *Document
	opt       Options
	ids       map[string]int64       // article key → ID in dst
	originals map[string]DocOriginal // by lower-case SHA-256
	images    map[string]DocImage    // by lower-case SHA-256
	rep       Report
	done      int
	total     int
	// recleaned are the articles whose current version was stored as
	// cleaned again: their annotations are placed by their passage.
	recleaned map[string]bool
	// leftOut are the articles whose current version verify left out
	// (reported there).
	leftOut map[string]bool
}

func newMerger(b *reader, doc *Document, opt Options) *merger {
	if opt.Progress == nil {
		opt.Progress = func(int, int) {}
	}
	im := &merger{b: b, doc: doc, opt: opt, ids: map[string]int64{}, originals: map[string]DocOriginal{},
		images: map[string]DocImage{}, recleaned: map[string]bool{}, leftOut: map[string]bool{}}
	for _, o := range doc.Originals {
		im.originals[strings.ToLower(o.SHA256)] = o
	}
	for _, i := range doc.Images {
		im.images[strings.ToLower(i.SHA256)] = i
	}
	im.rep.Articles = len(doc.Articles)
	return im
}

// planned is one capture to store: an original and the article versions
// cleaned from it.
type planned struct {
	sha      string
	first    time.Time // the earliest import time of its versions
	contents []*DocContent
	owners   []*DocArticle
	// fresh[k], when set, is what is stored for contents[k]: the article
	// cleaned again from the original (agree.go); cleaned holds the
	// images that cleaning found.
	fresh   []*archive.Article
	cleaned *archive.Capture
}

func (im *merger) run(ctx context.Context, plan []*planned) error {
	for _, p := range plan {
		if err := ctx.Err(); err != nil {
			return err
		}
		if len(p.contents) > 0 {
			if err := im.store(ctx, p); err != nil {
				return err
			}
		}
		im.step()
	}
	for i := range im.doc.Articles {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := im.merge(ctx, &im.doc.Articles[i]); err != nil {
			return err
		}
		im.step()
	}
	if err := im.collections(ctx); err != nil {
		return err
	}
	if err := im.savedSearches(ctx); err != nil {
		return err
	}
	im.step()
	return ctx.Err()
}

func (im *merger) step() {
	im.done++
	im.opt.Progress(im.done, im.total)
}

// plan groups the article versions by original, earlier versions of an
// article before later ones, the originals in the order they were first
// imported, so that replaying them rebuilds the versions.
func (im *merger) plan() []*planned {
	by := map[string]*planned{}
	var out []*planned
	for i := range im.doc.Articles {
		a := &im.doc.Articles[i]
		for k := 0; k <= len(a.Versions); k++ {
			c := &a.DocContent
			if k < len(a.Versions) {
				c = &a.Versions[k]
			}
			sha := strings.ToLower(c.Provenance.OriginalSHA256)
			p := by[sha]
			if p == nil {
				p = &planned{sha: sha, first: c.Provenance.Imported}
				by[sha] = p
				out = append(out, p)
			}
			if c.Provenance.Imported.Before(p.first) {
				p.first = c.Provenance.Imported
			}
			p.contents = append(p.contents, c)
			p.owners = append(p.owners, a)
			p.fresh = append(p.fresh, nil)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].first.Equal(out[j].first) {
			return out[i].first.Before(out[j].first)
		}
		return out[i].sha < out[j].sha
	})
	return out
}

// store adds one planned capture to dst and notes the IDs of the
// articles whose current version it holds.
func (im *merger) store(ctx context.Context, p *planned) error {
	c, err := im.capture(p)
	if err != nil {
		return err
	}
	res, err := im.dst.AddCapture(ctx, c)
	if err != nil {
		return err
	}
	if res.Outcome == archive.AlreadyPresent {
		im.rep.Present++
	} else {
		im.rep.Stored++
	}
	ids, err := im.resolve(ctx, c, res)
	if err != nil {
		return err
	}
	for k, owner := range p.owners {
		if p.contents[k] == &owner.DocContent && ids[k] != 0 {
			im.ids[owner.Key] = ids[k]
			if p.fresh[k] != nil {
				im.recleaned[owner.Key] = true
			}
		}
	}
	return nil
}

// capture builds the archive.Capture of a planned one, with the images
// its figures use.
func (im *merger) capture(p *planned) (*archive.Capture, error) {
	data, err := readEntry(im.b.originals[p.sha])
	if err != nil {
		return nil, err
	}
	o := im.originals[p.sha]
	c := &archive.Capture{Original: archive.Original{SHA256: p.sha, Name: o.Name, Format: o.Format, Data: data}}
	have := map[string]bool{}
	for k, content := range p.contents {
		a := content.article()
		if p.fresh[k] != nil {
			a = p.fresh[k]
		}
		a.Tags, a.Starred, a.Read = p.owners[k].Tags, p.owners[k].Starred, p.owners[k].Read
		c.Articles = append(c.Articles, a)
		for i := range a.Figures {
			f := &a.Figures[i]
			sha := strings.ToLower(f.ImageSHA)
			switch {
			case sha == "" || have[sha]:
				continue
			case im.images[sha].MIME != "":
				img, err := readEntry(im.b.images[sha])
				if err != nil {
					return nil, err
				}
				c.Images = append(c.Images, archive.Image{SHA256: sha, MIME: im.images[sha].MIME, Data: img})
			case p.cleaned != nil && cleanedImage(p.cleaned, sha) != nil:
				c.Images = append(c.Images, *cleanedImage(p.cleaned, sha))
			default:
				f.ImageSHA = "" // not in the bundle: the figure keeps its address only
				continue
			}
			have[sha] = true
		}
	}
	return c, nil
}

// resolve returns the ID in dst of each article of c. AddCapture gives
// them in order, except when the original was already stored: then each
// is matched by address, else by title.
func (im *merger) resolve(ctx context.Context, c *archive.Capture, res archive.AddResult) ([]int64, error) {
	if res.Outcome != archive.AlreadyPresent && len(res.IDs) == len(c.Articles) {
		return res.IDs, nil
	}
	stored := make([]*archive.Article, 0, len(res.IDs))
	for _, id := range res.IDs {
		a, err := im.dst.Article(ctx, id)
		if err != nil {
			return nil, err
		}
		stored = append(stored, a)
	}
	out := make([]int64, len(c.Articles))
	for k, a := range c.Articles {
		for _, s := range stored {
			if (a.URL != "" && s.URL == a.URL) || (a.URL == "" && s.Title == a.Title) {
				out[k] = s.ID
				break
			}
		}
		if out[k] == 0 && len(res.IDs) == len(c.Articles) {
			out[k] = res.IDs[k]
		}
	}
	return out, nil
}

// merge adds an article's tags, states and annotations in dst.
func (im *merger) merge(ctx context.Context, a *DocArticle) error {
	id := im.ids[a.Key]
	if id == 0 && im.leftOut[a.Key] {
		return nil
	}
	if id == 0 {
		im.skip("article %q: its tags and annotations left out: not found in the archive after storing it", shorten(a.Title, 60))
		return nil
	}
	if len(a.Tags) > 0 {
		if _, err := im.dst.AddTags(ctx, []int64{id}, a.Tags...); err != nil {
			return err
		}
	}
	if a.Starred {
		if err := im.dst.SetStarred(ctx, true, id); err != nil {
			return err
		}
	}
	if a.Read {
		if err := im.dst.SetRead(ctx, true, id); err != nil {
			return err
		}
	}
	return im.annotations(ctx, id, a)
}

// skip records something left out.
func (im *merger) skip(format string, args ...any) {
	im.rep.Skipped = append(im.rep.Skipped, fmt.Sprintf(format, args...))
}
