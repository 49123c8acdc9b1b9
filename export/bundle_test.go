package export

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/clippings/clippings/archive"
)

// exportTo exports ids of src in format f to a new file and returns its path.
func exportTo(t *testing.T, src Source, ids []int64, f Format) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out"+Extension(f))
	if _, err := Export(context.Background(), src, ids, Options{Format: f, Out: out}, nil); err != nil {
		t.Fatalf("export %s: %v", f, err)
	}
	return out
}

// exportJSON exports every article of s as JSON and returns it.
func exportJSON(t *testing.T, s *archive.Store) []byte {
	t.Helper()
	ids, err := SelectAll(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(exportTo(t, s, ids, JSON))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// emptyStore opens a new archive.
func emptyStore(t *testing.T) *archive.Store {
	t.Helper()
	s, err := archive.Open(context.Background(), filepath.Join(t.TempDir(), "empty.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// comparable returns a document for comparing two exports. When the
// archive cannot restore annotations as they were, their times are the
// time of the import, so they are left out of the comparison.
func comparable(t *testing.T, data []byte, dst any) string {
	t.Helper()
	if _, ok := dst.(AnnotationRestorer); ok {
		return string(data)
	}
	var doc Document
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	for i := range doc.Articles {
		for k := range doc.Articles[i].Annotations {
			a := &doc.Articles[i].Annotations[k]
			a.Created, a.Modified = time.Time{}, time.Time{}
		}
	}
	out, _ := json.MarshalIndent(doc, "", "  ")
	return string(out)
}

func TestBundleRoundTrip(t *testing.T) {
	ctx := context.Background()
	fx := newFixture(t)
	first := exportJSON(t, fx.store)
	bundle := exportTo(t, fx.store, fx.all, Bundle)

	t.Run("OK", func(t *testing.T) {
		dst := emptyStore(t)
		rep, err := ImportBundle(ctx, dst, bundle, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := rep.Articles, len(fx.all); got != want {
			t.Errorf("articles %d, want %d", got, want)
		}
		again := exportJSON(t, dst)
		if got, want := comparable(t, again, dst), comparable(t, first, dst); got != want {
			t.Errorf("JSON after the round trip differs:\n%s", diffLines(want, got))
		}
		if _, ok := any(dst).(AnnotationRestorer); !ok {
			t.Log("archive.Store has no RestoreAnnotation: annotation times were compared without their times")
		}
	})
	t.Run("Twice", func(t *testing.T) {
		dst := emptyStore(t)
		for i := 0; i < 2; i++ {
			if _, err := ImportBundle(ctx, dst, bundle, nil); err != nil {
				t.Fatal(err)
			}
		}
		rep, err := ImportBundle(ctx, dst, bundle, nil)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Stored != 0 || rep.Annotations != 0 || rep.Collections != 0 {
			t.Errorf("third import changed something: %+v", rep)
		}
		if got, want := comparable(t, exportJSON(t, dst), dst), comparable(t, first, dst); got != want {
			t.Errorf("JSON after importing three times differs:\n%s", diffLines(want, got))
		}
	})
	t.Run("IntoItself", func(t *testing.T) {
		if _, err := ImportBundle(ctx, fx.store, bundle, nil); err != nil {
			t.Fatal(err)
		}
		if got := exportJSON(t, fx.store); !bytes.Equal(got, first) {
			t.Errorf("importing an archive's bundle into itself changed it:\n%s", diffLines(string(first), string(got)))
		}
	})
}

func TestBundleCollectionRoundTrip(t *testing.T) {
	ctx := context.Background()
	fx := newFixture(t)
	ids, err := SelectCollection(ctx, fx.store, "reading")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(ids), 3; got != want {
		t.Fatalf("collection Reading and below: %d articles, want %d", got, want)
	}
	first, err := os.ReadFile(exportTo(t, fx.store, ids, JSON))
	if err != nil {
		t.Fatal(err)
	}
	dst := emptyStore(t)
	if _, err := ImportBundle(ctx, dst, exportTo(t, fx.store, ids, Bundle), nil); err != nil {
		t.Fatal(err)
	}
	if got, want := comparable(t, exportJSON(t, dst), dst), comparable(t, first, dst); got != want {
		t.Errorf("JSON after the round trip differs:\n%s", diffLines(want, got))
	}
}

// diffLines shows the first lines where two texts differ.
func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return "line " + strconv.Itoa(i+1) + ":\n- " + a + "\n+ " + b
		}
	}
	return "(same lines)"
}

// badBundle writes a zip with the given entries.
func badBundle(t *testing.T, entries map[string][]byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "bad.clippings")
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, data := range entries {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// bundleEntries reads a bundle's entries.
func bundleEntries(t *testing.T, path string) map[string][]byte {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	out := map[string][]byte{}
	for _, f := range zr.File {
		data, err := readEntry(f)
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name] = data
	}
	return out
}

func TestImportBadBundle(t *testing.T) {
	ctx := context.Background()
	fx := newFixture(t)
	good := bundleEntries(t, exportTo(t, fx.store, fx.all, Bundle))
	with := func(change func(m map[string][]byte)) map[string][]byte {
		m := map[string][]byte{}
		for k, v := range good {
			m[k] = v
		}
		change(m)
		return m
	}
	someOriginal := ""
	for k := range good {
		if strings.HasPrefix(k, bundleOriginals) {
			someOriginal = k
		}
	}
	cases := map[string]map[string][]byte{
		"ZipSlip":      with(func(m map[string][]byte) { m["../../evil.txt"] = []byte("x") }),
		"AbsolutePath": with(func(m map[string][]byte) { m["/tmp/evil"] = []byte("x") }),
		"Backslash":    with(func(m map[string][]byte) { m[`originals\..\..\evil`] = []byte("x") }),
		"UnknownEntry": with(func(m map[string][]byte) { m["run.sh"] = []byte("x") }),
		"NoDocument":   with(func(m map[string][]byte) { delete(m, bundleDoc) }),
		"BadJSON":      with(func(m map[string][]byte) { m[bundleDoc] = []byte("{") }),
		"NewerVersion": with(func(m map[string][]byte) {
			m[bundleDoc] = bytes.Replace(m[bundleDoc], []byte(`"version": 1`), []byte(`"version": 99`), 1)
		}),
		"OtherFormat": with(func(m map[string][]byte) {
			m[bundleDoc] = bytes.Replace(m[bundleDoc], []byte(DocFormat), []byte("zotero"), 1)
		}),
		"WrongHash":       with(func(m map[string][]byte) { m[someOriginal] = []byte("tampered") }),
		"MissingOriginal": with(func(m map[string][]byte) { delete(m, someOriginal) }),
	}
	for name, entries := range cases {
		t.Run(name, func(t *testing.T) {
			dst := emptyStore(t)
			_, err := ImportBundle(ctx, dst, badBundle(t, entries), nil)
			if !errors.Is(err, ErrBadBundle) {
				t.Fatalf("got %v, want ErrBadBundle", err)
			}
			assertEmpty(t, dst)
		})
	}
	t.Run("TooManyEntries", func(t *testing.T) {
		defer func(n int) { maxBundleEntries = n }(maxBundleEntries)
		maxBundleEntries = len(good) - 1
		dst := emptyStore(t)
		if _, err := ImportBundle(ctx, dst, badBundle(t, good), nil); !errors.Is(err, ErrBadBundle) {
			t.Fatalf("got %v, want ErrBadBundle", err)
		}
		assertEmpty(t, dst)
	})
	t.Run("OversizedEntry", func(t *testing.T) {
		defer func(n uint64) { maxEntrySize = n }(maxEntrySize)
		maxEntrySize = 100
		dst := emptyStore(t)
		if _, err := ImportBundle(ctx, dst, badBundle(t, good), nil); !errors.Is(err, ErrBadBundle) {
			t.Fatalf("got %v, want ErrBadBundle", err)
		}
		assertEmpty(t, dst)
	})
	t.Run("NotAZip", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "x.clippings")
		os.WriteFile(path, []byte("hello"), 0o644)
		if _, err := ImportBundle(ctx, emptyStore(t), path, nil); !errors.Is(err, ErrBadBundle) {
			t.Fatalf("got %v, want ErrBadBundle", err)
		}
	})
}

// assertEmpty fails unless s holds no article, collection or saved search.
func assertEmpty(t *testing.T, s *archive.Store) {
	t.Helper()
	ctx := context.Background()
	n, err := s.Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	cols, _ := s.Collections(ctx)
	saved, _ := s.SavedSearches(ctx)
	if n != 0 || len(cols) != 0 || len(saved) != 0 {
		t.Errorf("archive changed: %d articles, %d collections, %d saved searches", n, len(cols), len(saved))
	}
}

// restoringStore is an archive that says it restores annotations; it
// records what it is given and stores it as new annotations.
type restoringStore struct {
	*archive.Store
	got []archive.Annotation
}

func (r *restoringStore) RestoreAnnotation(ctx context.Context, id int64, a archive.Annotation) (int64, error) {
	r.got = append(r.got, a)
	if a.Kind == archive.KindNote {
		return 0, r.SetNote(ctx, id, a.Note)
	}
	n, err := r.AddHighlight(ctx, id, archive.NewHighlight{Start: a.Start, End: a.End, Exact: a.Quote.Exact, Color: a.Color, Note: a.Note})
	if err != nil {
		return 0, err
	}
	return n.ID, nil
}

func TestBundleMerge(t *testing.T) {
	ctx := context.Background()
	fx := newFixture(t)
	bundle := exportTo(t, fx.store, fx.all, Bundle)
	t.Run("Restorer", func(t *testing.T) {
		dst := &restoringStore{Store: emptyStore(t)}
		if _, err := ImportBundle(ctx, dst, bundle, nil); err != nil {
			t.Fatal(err)
		}
		want, _ := fx.store.Annotations(ctx, archive.AnnotationFilter{Limit: 100})
		if len(dst.got) != len(want) {
			t.Fatalf("%d annotations restored, want %d", len(dst.got), len(want))
		}
		for _, g := range dst.got {
			found := false
			for _, w := range want {
				found = found || (g.Quote == w.Quote && g.Note == w.Note && g.Created.Equal(w.Created) && g.Modified.Equal(w.Modified))
			}
			if !found {
				t.Errorf("restored %+v is not one of the originals", g)
			}
		}
	})
	t.Run("KeepsWhatIsThere", func(t *testing.T) {
		dst := emptyStore(t)
		if _, err := ImportBundle(ctx, dst, bundle, nil); err != nil {
			t.Fatal(err)
		}
		ids, _ := SelectTag(ctx, dst, "research")
		if len(ids) != 1 {
			t.Fatalf("tagged research: %v", ids)
		}
		if err := dst.SetNote(ctx, ids[0], "Mine."); err != nil {
			t.Fatal(err)
		}
		if _, err := dst.AddTags(ctx, ids, "mine"); err != nil {
			t.Fatal(err)
		}
		if _, err := ImportBundle(ctx, dst, bundle, nil); err != nil {
			t.Fatal(err)
		}
		a, _ := dst.Article(ctx, ids[0])
		notes, _ := dst.Annotations(ctx, archive.AnnotationFilter{ArticleID: ids[0], Kind: archive.KindNote})
		if len(a.Tags) != 3 || len(notes) != 1 || !strings.HasPrefix(notes[0].Note, "Mine.\n\nFollow up") {
			t.Errorf("tags %v, note %+v: want the archive's tag and note kept, the bundle's added", a.Tags, notes)
		}
		hl, _ := dst.Annotations(ctx, archive.AnnotationFilter{ArticleID: ids[0], Kind: archive.KindHighlight})
		if len(hl) != 2 {
			t.Errorf("%d highlights after importing twice, want 2", len(hl))
		}
	})
}
