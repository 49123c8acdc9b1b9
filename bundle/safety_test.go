package bundle

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/archive/archivetest"
)

// fixtureCleaner cleans the fixture's originals again as this Clippings
// would: each gives the article the fixture made from it (copied now,
// before the test changes the fixture). An original listed in fail does
// not clean.
func fixtureCleaner(fx *fixture, fail map[string]bool) Cleaner {
	made := map[string]*archive.Article{}
	for _, a := range fx.doc.Articles {
		for _, c := range append([]DocContent{a.DocContent}, a.Versions...) {
			art := c.article()
			art.Blocks = append([]archive.Block(nil), art.Blocks...)
			art.Figures = append([]archive.Figure(nil), art.Figures...)
			made[c.Provenance.OriginalSHA256] = art
		}
	}
	return func(_ context.Context, o *archive.Original) (*archive.Capture, error) {
		a := made[o.SHA256]
		if a == nil || fail[o.SHA256] {
			return nil, errors.New("not an article")
		}
		fresh := *a
		return &archive.Capture{Original: *o, Articles: []*archive.Article{&fresh}}, nil
	}
}

// A bundle is merged all or nothing: what the archive would refuse is
// found before anything is written, and a merge that stops half-way
// (here: cancelled after its articles were stored) leaves nothing.
func TestMergeAllOrNothing(t *testing.T) {
	ctx := context.Background()
	t.Run("InvalidTag", func(t *testing.T) {
		for _, tag := range []string{"/", "a\x00b", " "} {
			fx := newFixture()
			fx.doc.Articles[1].Tags = append(fx.doc.Articles[1].Tags, tag)
			dst := emptyStore(t)
			if _, err := Merge(ctx, dst, fx.write(t), nil); !errors.Is(err, ErrInvalid) {
				t.Errorf("tag %q: %v, want ErrInvalid", tag, err)
			}
			assertEmpty(t, dst)
		}
	})
	t.Run("TwoFreeNotes", func(t *testing.T) {
		fx := newFixture()
		lib := &fx.doc.Articles[1]
		lib.Annotations = append(lib.Annotations, DocAnnotation{Kind: archive.KindNote, Note: "A second note."})
		dst := emptyStore(t)
		if _, err := Merge(ctx, dst, fx.write(t), nil); err != nil {
			t.Fatal(err)
		}
		id, _ := dst.ArticleByURL(ctx, "https://example.com/lib")
		notes, err := dst.Annotations(ctx, archive.AnnotationFilter{ArticleID: id, Kind: archive.KindNote})
		if err != nil || len(notes) != 1 || notes[0].Note != "Follow up with the archivist.\n\nA second note." {
			t.Errorf("notes %+v (%v), want the two joined in one", notes, err)
		}
	})
	t.Run("StoppedHalfWay", func(t *testing.T) {
		dst := emptyStore(t)
		cctx, cancel := context.WithCancel(ctx)
		defer cancel()
		path := newFixture().write(t)
		_, err := MergeWith(cctx, dst, path, Options{Progress: func(done, total int) {
			if done == total-1 { // the articles, tags and annotations are in
				cancel()
			}
		}})
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("got %v, want the context's error", err)
		}
		assertEmpty(t, dst)
		if tags, _ := dst.Tags(ctx); len(tags) != 0 {
			t.Errorf("tags %v left after the merge was stopped", tags)
		}
	})
}

// With a Cleaner, a bundle's article must agree with its original: one
// whose text was replaced by unrelated text, even under the address of
// an article the archive holds, never becomes that article's current
// version; it is stored as cleaned again from its original instead. The
// articles of an original that no longer cleans are left out.
func TestMergeChecksArticlesAgainstOriginals(t *testing.T) {
	ctx := context.Background()
	t.Run("Agree", func(t *testing.T) {
		fx := newFixture()
		rep, err := MergeWith(ctx, emptyStore(t), fx.write(t), Options{Clean: fixtureCleaner(fx, nil)})
		if err != nil || rep.Recleaned != 0 || len(rep.Skipped) != 0 || rep.Stored != 3 {
			t.Errorf("report %+v (%v): want the three captures stored as they are", rep, err)
		}
	})
	t.Run("UnrelatedText", func(t *testing.T) {
		fx := newFixture()
		clean := fixtureCleaner(fx, nil)
		lib := &fx.doc.Articles[1]
		lib.Blocks[0].Text = "Shares in the mining company fell sharply after the quarterly results were published on Tuesday."
		dst := emptyStore(t)
		rep, err := MergeWith(ctx, dst, fx.write(t), Options{Clean: clean})
		if err != nil || rep.Recleaned != 1 {
			t.Fatalf("report %+v (%v): want one version cleaned again", rep, err)
		}
		if got := byURL(t, dst, "https://example.com/lib").Text(); !strings.Contains(got, "Libraries keep the news") {
			t.Errorf("stored text %q: want the original's", got)
		}
	})
	t.Run("OneWordChanged", func(t *testing.T) {
		fx := newFixture()
		clean := fixtureCleaner(fx, nil)
		lib := &fx.doc.Articles[1]
		lib.Blocks[0].Text = strings.Replace(lib.Blocks[0].Text, "A library is", "A library is not", 1)
		dst := emptyStore(t)
		rep, err := MergeWith(ctx, dst, fx.write(t), Options{Clean: clean})
		if err != nil || rep.Recleaned != 1 || len(rep.Skipped) != 1 || !strings.Contains(rep.Skipped[0], "cleaned differently") {
			t.Fatalf("report %+v (%v): want one version cleaned again, said so", rep, err)
		}
		a := byURL(t, dst, "https://example.com/lib")
		if strings.Contains(a.Text(), "is not") {
			t.Errorf("stored text %q: want the original's", a.Text())
		}
		notes, _ := dst.Annotations(ctx, archive.AnnotationFilter{ArticleID: a.ID, Kind: archive.KindHighlight})
		if len(notes) != 1 || notes[0].Orphaned {
			t.Errorf("highlights %+v: want the one placed by its passage", notes)
		}
	})
	t.Run("AddressOfAStoredArticle", func(t *testing.T) {
		fx := newFixture()
		clean := fixtureCleaner(fx, nil)
		dst := emptyStore(t)
		mine := archivetest.Article("Night trains", "My own capture of the night trains story, with its byline.")
		mine.URL, mine.Byline, mine.Site = "https://example.com/trains", "By A. Reporter", "Example News"
		id := archivetest.MustAddArticles(t, dst, mine)[0]
		// The bundle's "libraries" article claims the trains address,
		// with text of its own.
		lib := &fx.doc.Articles[1]
		lib.URL = "https://example.com/trains"
		lib.Blocks[0].Text = "Night trains were cancelled for good, the ministry said."
		fx.doc.Articles = fx.doc.Articles[1:]
		fx.doc.Collections = nil
		rep, err := MergeWith(ctx, dst, fx.write(t), Options{Clean: clean})
		if err != nil || rep.Recleaned != 1 {
			t.Fatalf("report %+v (%v): want the article cleaned again", rep, err)
		}
		a, err := dst.Article(ctx, id)
		if err != nil || a.Text() != mine.Text() || a.Byline != mine.Byline || a.Site != mine.Site {
			t.Errorf("the stored article became %+v (%v)", a, err)
		}
		if vs, _ := dst.Versions(ctx, id); len(vs) != 1 {
			t.Errorf("the stored article has %d versions, want 1", len(vs))
		}
		if got := byURL(t, dst, "https://example.com/lib").Text(); !strings.Contains(got, "Libraries keep the news") {
			t.Errorf("the bundle's article: %q, want it stored as its original says", got)
		}
	})
	t.Run("OriginalNoLongerCleans", func(t *testing.T) {
		fx := newFixture()
		libSHA := fx.doc.Articles[1].Provenance.OriginalSHA256
		dst := emptyStore(t)
		rep, err := MergeWith(ctx, dst, fx.write(t), Options{Clean: fixtureCleaner(fx, map[string]bool{libSHA: true})})
		if err != nil || rep.Stored != 2 || len(rep.Skipped) != 1 || !strings.Contains(rep.Skipped[0], "left out") {
			t.Fatalf("report %+v (%v): want the libraries article left out, said once", rep, err)
		}
		if _, err := dst.ArticleByURL(ctx, "https://example.com/lib"); !errors.Is(err, archive.ErrNotFound) {
			t.Errorf("the article of the original that does not clean: %v, want it left out", err)
		}
	})
}

// rawBundle writes a bundle holding the document doc and the entries of
// extra, whose headers may declare any size.
func rawBundle(t *testing.T, doc []byte, extra ...*zip.FileHeader) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "raw"+Ext)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zw := zip.NewWriter(f)
	w, err := zw.CreateHeader(&zip.FileHeader{Name: docName, Method: zip.Deflate})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(doc)
	for _, h := range extra {
		if _, err := zw.CreateRaw(h); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// Resource bombs in bundles are refused by a documented limit, with
// little memory, before anything is written; what is within the limits
// costs time in proportion to its size.
func TestMergeLimits(t *testing.T) {
	ctx := context.Background()
	t.Run("TenMillionEmptyArticles", func(t *testing.T) {
		var doc bytes.Buffer
		doc.WriteString(`{"format":"clippings-export","version":1,"articles":[`)
		doc.WriteString(strings.Repeat("{},", 10_000_000))
		doc.WriteString(`{}]}`)
		path := rawBundle(t, doc.Bytes())
		doc = bytes.Buffer{}
		if st, _ := os.Stat(path); st != nil {
			t.Logf("a %d KB bundle of 10 million empty articles", st.Size()>>10)
		}
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		dst := emptyStore(t)
		if _, err := Merge(ctx, dst, path, nil); !errors.Is(err, ErrInvalid) {
			t.Fatalf("got %v, want ErrInvalid", err)
		}
		runtime.ReadMemStats(&after)
		if alloc := (after.TotalAlloc - before.TotalAlloc) >> 20; alloc > 64 {
			t.Errorf("%d MiB allocated to refuse it, want at most 64", alloc)
		}
		assertEmpty(t, dst)
	})
	t.Run("HugeOriginal", func(t *testing.T) {
		sha := strings.Repeat("ab", 32)
		h := &zip.FileHeader{Name: originalsDir + sha, Method: zip.Deflate, UncompressedSize64: 1 << 30, CompressedSize64: 0}
		path := rawBundle(t, []byte(`{"format":"clippings-export","version":1}`), h)
		_, err := Merge(ctx, emptyStore(t), path, nil)
		if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), fmt.Sprint(MaxOriginalSize)) {
			t.Errorf("a 1 GiB original: %v, want ErrInvalid naming the limit", err)
		}
	})
	t.Run("DeepCollection", func(t *testing.T) {
		fx := newFixture()
		fx.doc.Collections = []DocCollection{{Path: strings.TrimSuffix(strings.Repeat("deeper/", 3000), "/"), Articles: []string{"lib2024"}}}
		dst := emptyStore(t)
		if _, err := Merge(ctx, dst, fx.write(t), nil); !errors.Is(err, ErrInvalid) {
			t.Errorf("a 3,000-level collection: %v, want ErrInvalid", err)
		}
		assertEmpty(t, dst)
	})
	t.Run("ListLevel", func(t *testing.T) {
		fx := newFixture()
		fx.doc.Articles[1].Blocks = append(fx.doc.Articles[1].Blocks, archive.Block{Kind: archive.ListItem, Text: "deep", Level: 1 << 40})
		dst := emptyStore(t)
		if _, err := Merge(ctx, dst, fx.write(t), nil); err != nil {
			t.Fatal(err)
		}
		for _, b := range byURL(t, dst, "https://example.com/lib").Blocks {
			if b.Kind == archive.ListItem && b.Level != archive.MaxListLevel {
				t.Errorf("a list item of level 2^40 stored at level %d, want %d", b.Level, archive.MaxListLevel)
			}
		}
	})
	t.Run("ManyHighlights", func(t *testing.T) {
		fx := newFixture()
		lib := &fx.doc.Articles[1]
		h := lib.Annotations[1]
		for i := range 4000 {
			h.Note = fmt.Sprintf("note %d", i)
			lib.Annotations = append(lib.Annotations, h)
		}
		dst := emptyStore(t)
		start := time.Now()
		rep, err := Merge(ctx, dst, fx.write(t), nil)
		if err != nil || rep.Annotations != 4002 {
			t.Fatalf("report %+v (%v), want 4,002 annotations", rep, err)
		}
		t.Logf("4,002 annotations on one article merged in %v", time.Since(start).Round(time.Millisecond))
		id, _ := dst.ArticleByURL(ctx, "https://example.com/lib")
		if n, err := dst.Annotations(ctx, archive.AnnotationFilter{ArticleID: id, Limit: 10000}); err != nil || len(n) != 4002 {
			t.Errorf("%d annotations stored (%v), want 4,002", len(n), err)
		}
		if n, err := dst.SearchCount(ctx, `"note 3999"`); err != nil || n != 1 {
			t.Errorf("the last note is not in the index: %d, %v", n, err)
		}
	})
	t.Run("CountedAsRead", func(t *testing.T) {
		dec := json.NewDecoder(strings.NewReader(`[{"key":"a"},{"key":"b"},{"key":"c"}]`))
		_, err := decodeList[DocArticle](dec, "articles", 2, nil)
		if err == nil || !strings.Contains(err.Error(), "more than 2") {
			t.Errorf("three articles where two are allowed: %v", err)
		}
	})
}
