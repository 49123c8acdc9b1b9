package bundle

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	"github.com/clippings/clippings/archive"
)

// A bundle's article is what some Clippings cleaned from an original the
// bundle carries; nothing makes the text it carries be that. With a
// Cleaner, Merge cleans every original again and keeps a bundle's
// article only when it is what cleaning its original gives now (the
// same title, standfirst, byline, site, address, language, dates, text
// and captions: a bundle exported by this version of Clippings). Any
// other is replaced by the article cleaned again, and reported: as not
// agreeing with its original when fewer than minAgreement of its
// distinct words are in the article cleaned again (unrelated text), else
// as cleaned differently (by another version of Clippings, or edited).
// So a bundle cannot put text of its own under an address the archive
// holds, where it would become that article's current version, nor
// change a word of a quotation. Its highlights are then placed by their
// passage. An original that no longer cleans, or no longer holds an
// article the bundle says it does, cannot vouch for that article: it is
// left out (reported). docs/reliability.md has the figures minAgreement
// was chosen from.
const minAgreement = 0.6

// verify checks what can be checked before anything is written: the
// image bytes each capture brings, and with a Cleaner every article
// against its original.
func (im *merger) verify(ctx context.Context, plan []*planned) error {
	for _, p := range plan {
		if err := im.checkImages(p); err != nil {
			return err
		}
		if im.opt.Clean == nil {
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := im.verifyCapture(ctx, p); err != nil {
			return err
		}
		im.step()
	}
	return nil
}

// checkImages refuses a capture whose figures use more than
// MaxCaptureImages bytes of images.
func (im *merger) checkImages(p *planned) error {
	seen := map[string]bool{}
	var total uint64
	for _, c := range p.contents {
		for _, f := range c.Figures {
			sha := strings.ToLower(f.ImageSHA)
			if im.images[sha].MIME == "" || seen[sha] {
				continue
			}
			seen[sha] = true
			if total += im.b.images[sha].UncompressedSize64; total > MaxCaptureImages {
				return fmt.Errorf("%w: original %s: its figures use more than %d MiB of images", ErrInvalid, p.sha, MaxCaptureImages>>20)
			}
		}
	}
	return nil
}

// verifyCapture cleans p's original again and decides, for each article
// version cleaned from it, whether the bundle's content is stored, or the
// content cleaned again, or nothing.
func (im *merger) verifyCapture(ctx context.Context, p *planned) error {
	data, err := readEntry(im.b.originals[p.sha])
	if err != nil {
		return err
	}
	o := im.originals[p.sha]
	fresh, err := im.opt.Clean(ctx, &archive.Original{SHA256: p.sha, Name: o.Name, Format: o.Format, Data: data})
	if err == nil && (fresh == nil || len(fresh.Articles) == 0) {
		err = fmt.Errorf("no article")
	}
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		im.skip("original %s: it does not clean any more, so it cannot vouch for its articles, which were left out (%v)", shorten(o.Name, 80), err)
		for k := range p.contents {
			im.dropped(p, k)
		}
		p.contents, p.owners, p.fresh = nil, nil, nil
		return nil
	}
	p.cleaned = fresh
	keep := 0
	for k, c := range p.contents {
		got := c.article()
		match := matchFresh(fresh.Articles, got)
		switch {
		case match == nil:
			im.skip("%s: %q is not in its original %s any more; left out", shorten(p.owners[k].Key, 60), shorten(got.Title, 60), shorten(o.Name, 80))
			im.dropped(p, k)
			continue
		case !sameContent(got, match):
			why := "was cleaned differently (by another version of Clippings, or edited)"
			if !agrees(got, match) {
				why = "does not agree with it"
			}
			im.skip("%s: %q %s; stored as cleaned again from its original %s", shorten(p.owners[k].Key, 60),
				shorten(got.Title, 60), why, shorten(o.Name, 80))
			im.rep.Recleaned++
			p.fresh[k] = recleaned(match, got)
		}
		p.contents[keep], p.owners[keep], p.fresh[keep] = p.contents[k], p.owners[k], p.fresh[k]
		keep++
	}
	p.contents, p.owners, p.fresh = p.contents[:keep], p.owners[:keep], p.fresh[:keep]
	return nil
}

// dropped notes that content k of p is left out: when it is its
// article's current version, the article's tags and annotations go too.
func (im *merger) dropped(p *planned, k int) {
	if p.contents[k] == &p.owners[k].DocContent {
		im.leftOut[p.owners[k].Key] = true
	}
}

// matchFresh returns the article cleaned again that stands for got: the
// only one, else the one of the same address, else nil.
func matchFresh(fresh []*archive.Article, got *archive.Article) *archive.Article {
	if len(fresh) == 1 {
		return fresh[0]
	}
	for _, a := range fresh {
		if sameAddress(got, a) {
			return a
		}
	}
	return nil
}

// sameAddress reports whether got (a bundle's article) has the address
// of fresh (cleaned again): the same canonical address, or none where
// the capture's address is the same.
func sameAddress(got, fresh *archive.Article) bool {
	if got.URL != "" {
		return archive.SameAddress(got.URL, fresh.URL) || (fresh.URL == "" && archive.SameAddress(got.URL, fresh.CaptureURL))
	}
	return fresh.URL == "" || archive.SameAddress(got.CaptureURL, fresh.CaptureURL)
}

// sameContent reports whether a bundle's article is what cleaning its
// original gives now, in everything a reader reads.
func sameContent(got, fresh *archive.Article) bool {
	return got.Title == fresh.Title && got.Standfirst == fresh.Standfirst && got.Byline == fresh.Byline &&
		got.Site == fresh.Site && got.Language == fresh.Language && sameAddress(got, fresh) &&
		got.Published.Equal(fresh.Published) && got.Modified.Equal(fresh.Modified) &&
		got.Text() == fresh.Text() && got.Captions() == fresh.Captions()
}

// agrees reports whether a bundle's article agrees with the article
// cleaned again from its original: the same address, and at least
// minAgreement of its distinct words in the fresh one.
func agrees(got, fresh *archive.Article) bool {
	if !sameAddress(got, fresh) {
		return false
	}
	have := wordSet(fresh)
	mine := wordSet(got)
	if len(mine) == 0 {
		return len(have) == 0
	}
	in := 0
	for w := range mine {
		if have[w] {
			in++
		}
	}
	return float64(in) >= minAgreement*float64(len(mine))
}

// wordSet returns the distinct words of an article's title, standfirst,
// byline, text and captions, lower-cased; in scripts written without
// spaces, each character counts as a word.
func wordSet(a *archive.Article) map[string]bool {
	set := map[string]bool{}
	for _, s := range []string{a.Title, a.Standfirst, a.Byline, a.Text(), a.Captions()} {
		var w strings.Builder
		flush := func() {
			if w.Len() > 0 {
				set[w.String()] = true
				w.Reset()
			}
		}
		for _, r := range strings.ToLower(s) {
			switch {
			case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Thai):
				flush()
				set[string(r)] = true
			case unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Mn, r):
				w.WriteRune(r)
			default:
				flush()
			}
		}
		flush()
	}
	return set
}

// recleaned is the article cleaned again, fresh, with the provenance of
// the bundle's article got (its original, file, and times).
func recleaned(fresh, got *archive.Article) *archive.Article {
	a := *fresh
	a.OriginalSHA, a.FileName, a.Format = got.OriginalSHA, got.FileName, got.Format
	a.Captured, a.Imported = got.Captured, got.Imported
	if a.CaptureURL == "" {
		a.CaptureURL = got.CaptureURL
	}
	a.Figures = append([]archive.Figure(nil), fresh.Figures...)
	for i := range a.Figures {
		f := &a.Figures[i]
		for _, g := range got.Figures {
			if f.ImageSHA == "" && g.ImageSHA != "" && f.Image == g.Image {
				f.ImageSHA = g.ImageSHA // the image beside the page, which the bundle carries
			}
		}
	}
	return &a
}

// cleanedImage returns the image sha of the capture cleaned again, or nil.
func cleanedImage(c *archive.Capture, sha string) *archive.Image {
	for i := range c.Images {
		if strings.EqualFold(c.Images[i].SHA256, sha) {
			return &c.Images[i]
		}
	}
	return nil
}
