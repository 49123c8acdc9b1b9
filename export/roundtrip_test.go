package export

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/bundle"
)

// The round trip of the two formats that hold everything: export a
// bundle, merge it (package bundle) into another archive, and export
// the JSON again. The merge's own tests are in package bundle.

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
	if _, ok := dst.(bundle.AnnotationRestorer); ok {
		return string(data)
	}
	var doc bundle.Document
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
	path := exportTo(t, fx.store, fx.all, Bundle)

	t.Run("OK", func(t *testing.T) {
		dst := emptyStore(t)
		rep, err := bundle.Merge(ctx, dst, path, nil)
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
		if _, ok := any(dst).(bundle.AnnotationRestorer); !ok {
			t.Log("archive.Store has no RestoreAnnotation: annotation times were compared without their times")
		}
	})
	t.Run("Twice", func(t *testing.T) {
		dst := emptyStore(t)
		for i := 0; i < 2; i++ {
			if _, err := bundle.Merge(ctx, dst, path, nil); err != nil {
				t.Fatal(err)
			}
		}
		rep, err := bundle.Merge(ctx, dst, path, nil)
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
		if _, err := bundle.Merge(ctx, fx.store, path, nil); err != nil {
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
	if _, err := bundle.Merge(ctx, dst, exportTo(t, fx.store, ids, Bundle), nil); err != nil {
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
