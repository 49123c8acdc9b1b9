package importer

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/clippings/clippings/archive"
)

// Archive is what Reextract needs of the archive; *archive.Store is one.
type Archive interface {
	Sources(ctx context.Context) ([]archive.Source, error)
	Original(ctx context.Context, sha string) (*archive.Original, error)
	ArticleVersion(ctx context.Context, id int64, n int) (*archive.Article, error)
	ReplaceVersionText(ctx context.Context, id int64, n int, a *archive.Article) error
	Image(ctx context.Context, sha string) (*archive.Image, error)
}

// ReextractResult is what re-cleaning did to one version of an article.
type ReextractResult struct {
	Source  archive.Source
	Title   string // the title after re-cleaning (before, when it failed)
	Changed bool   // the content was replaced; false when it came out the same
	Err     error
}

// ReextractReport sums up a Reextract run.
type ReextractReport struct {
	Results            []ReextractResult
	Changed, Unchanged int
	Failed             int
}

// Reextract cleans every stored original again with the current cleaner
// and gives each version of each article its new content through
// ReplaceVersionText, which keeps the article's tags, states, collections
// and annotations (re-anchored): it brings an archive written by an
// earlier release up to the record of this one (authors, confidence,
// language, dates, title, URL). Originals are cleaned in parallel
// (opt.Workers, 0 for one per CPU) and written one at a time. A version
// that comes out the same is left alone; one whose original no longer
// cleans, or no longer holds it, is reported as failed and left as it is.
// Figures keep the stored image they had when the new cleaning finds the
// same address but not the image (the files beside a "complete" save are
// not kept with the original), and never point to an image the archive
// lacks. progress, if not nil, is called after each version.
//
// It returns an error when the sources cannot be listed or ctx is
// cancelled; the report then holds what was done.
func Reextract(ctx context.Context, a Archive, opt Options, progress func(done, total int, r ReextractResult)) (ReextractReport, error) {
	srcs, err := a.Sources(ctx)
	if err != nil {
		return ReextractReport{}, err
	}
	groups, order := groupSources(srcs)
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	var (
		rep   ReextractReport
		mu    sync.Mutex // one writer, and the report
		wg    sync.WaitGroup
		jobs  = make(chan string)
		known = &imageCheck{a: a, seen: map[string]bool{}}
	)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for sha := range jobs {
				c, err := recleanOriginal(ctx, a, sha)
				mu.Lock()
				for _, src := range groups[sha] {
					r := replaceVersion(ctx, a, known, c, err, src)
					rep.add(r)
					if progress != nil {
						progress(len(rep.Results), len(srcs), r)
					}
				}
				mu.Unlock()
			}
		}()
	}
feed:
	for _, sha := range order {
		select {
		case jobs <- sha:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	return rep, ctx.Err()
}

func (rep *ReextractReport) add(r ReextractResult) {
	rep.Results = append(rep.Results, r)
	switch {
	case r.Err != nil:
		rep.Failed++
	case r.Changed:
		rep.Changed++
	default:
		rep.Unchanged++
	}
}

// groupSources groups sources by original, originals in the order first
// met.
func groupSources(srcs []archive.Source) (map[string][]archive.Source, []string) {
	groups := map[string][]archive.Source{}
	var order []string
	for _, s := range srcs {
		if _, ok := groups[s.OriginalSHA]; !ok {
			order = append(order, s.OriginalSHA)
		}
		groups[s.OriginalSHA] = append(groups[s.OriginalSHA], s)
	}
	return groups, order
}

// recleanOriginal reads a stored original and cleans it.
func recleanOriginal(ctx context.Context, a Archive, sha string) (*archive.Capture, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	o, err := a.Original(ctx, sha)
	if err != nil {
		return nil, err
	}
	return reclean(o)
}

// replaceVersion gives one version its re-cleaned content.
func replaceVersion(ctx context.Context, a Archive, known *imageCheck, c *archive.Capture, cleanErr error, src archive.Source) ReextractResult {
	r := ReextractResult{Source: src}
	old, err := a.ArticleVersion(ctx, src.ArticleID, src.Version)
	if err != nil {
		r.Err = err
		return r
	}
	r.Title = old.Title
	if cleanErr != nil {
		r.Err = cleanErr
		return r
	}
	keep := keepsRecord(old)
	fresh := matchArticle(c.Articles, old, src.Position, keep)
	if fresh == nil {
		r.Err = fmt.Errorf("reextract %s: article %d (%q) is no longer found in it", c.Original.Name, src.ArticleID, old.Title)
		return r
	}
	if err := known.keepImages(ctx, fresh, old); err != nil {
		r.Err = err
		return r
	}
	if keep {
		keepRecord(fresh, old)
	}
	r.Title = fresh.Title
	if sameContent(old, fresh) {
		return r
	}
	if err := a.ReplaceVersionText(ctx, src.ArticleID, src.Version, fresh); err != nil {
		r.Err = err
		return r
	}
	r.Changed = true
	return r
}

// matchArticle finds the re-cleaned article that stands for old, stored
// at position pos among its original's articles: the one at pos when it
// was captured from the same address (or whatever its address when old's
// record is kept: it came from elsewhere), else the one captured from
// old's address, else nil.
func matchArticle(arts []*archive.Article, old *archive.Article, pos int, kept bool) *archive.Article {
	if pos >= 0 && pos < len(arts) && (kept || old.CaptureURL == "" || arts[pos].CaptureURL == old.CaptureURL) {
		return arts[pos]
	}
	for _, a := range arts {
		if old.CaptureURL != "" && a.CaptureURL == old.CaptureURL {
			return a
		}
	}
	return nil
}

// sameContent reports whether re-cleaning changed nothing that is stored:
// the record (title, standfirst, byline, authors, site, URL, language,
// dates, confidence) and the body, figures and related links.
func sameContent(old, fresh *archive.Article) bool {
	return old.Title == fresh.Title && old.Standfirst == fresh.Standfirst && old.Byline == fresh.Byline &&
		old.Site == fresh.Site && old.URL == fresh.URL && old.Language == fresh.Language &&
		old.Confidence == fresh.Confidence && slices.Equal(old.Authors, fresh.Authors) &&
		sameTime(old.Published, fresh.Published) && sameTime(old.Modified, fresh.Modified) &&
		slices.EqualFunc(old.Blocks, fresh.Blocks, sameBlock) && slices.Equal(old.Figures, fresh.Figures) &&
		slices.Equal(old.Related, fresh.Related)
}

// sameTime reports whether two times are equal at the precision the
// archive keeps (milliseconds), in the same time zone offset (the page's
// own, which gives the day it shows).
func sameTime(a, b time.Time) bool {
	_, za := a.Zone()
	_, zb := b.Zone()
	return a.Sub(b).Abs() < time.Millisecond && za == zb
}

// imageCheck remembers which images the archive holds.
type imageCheck struct {
	a    Archive
	seen map[string]bool
}

// keepImages makes the figures of fresh point only to stored images: an
// image the archive lacks is dropped from its figure (re-importing the
// file stores it), and a figure that lost its image but shows the same
// address as one of old's gets that figure's stored image back.
func (k *imageCheck) keepImages(ctx context.Context, fresh, old *archive.Article) error {
	byAddr := map[string]string{}
	for _, f := range old.Figures {
		if f.ImageSHA != "" {
			k.seen[f.ImageSHA] = true
			if f.Image != "" {
				byAddr[f.Image] = f.ImageSHA
			}
		}
	}
	for i := range fresh.Figures {
		f := &fresh.Figures[i]
		if f.ImageSHA != "" {
			ok, err := k.has(ctx, f.ImageSHA)
			if err != nil {
				return err
			}
			if !ok {
				f.ImageSHA = ""
			}
		}
		if f.ImageSHA == "" && f.Image != "" {
			f.ImageSHA = byAddr[f.Image]
		}
	}
	return nil
}

// has reports whether the archive holds the image sha.
func (k *imageCheck) has(ctx context.Context, sha string) (bool, error) {
	if ok, seen := k.seen[sha]; seen {
		return ok, nil
	}
	_, err := k.a.Image(ctx, sha)
	switch {
	case errors.Is(err, archive.ErrNotFound):
		k.seen[sha] = false
	case err != nil:
		return false, err
	default:
		k.seen[sha] = true
	}
	return k.seen[sha], nil
}

// sameBlock reports whether two body blocks are equal, inline marks and
// table cells included.
func sameBlock(a, b archive.Block) bool {
	return reflect.DeepEqual(a, b)
}
