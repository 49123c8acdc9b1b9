package bundle

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clippings/clippings/archive"
)

func TestWrite(t *testing.T) {
	fx := newFixture()
	path := fx.write(t)
	names, files := entries(t, path)
	if len(names) == 0 || names[0] != docName {
		t.Fatalf("entries %v: want %s first", names, docName)
	}
	if got, want := len(names), 1+len(fx.originals)+len(fx.images); got != want {
		t.Errorf("%d entries, want %d: %v", got, want, names)
	}
	for sha, data := range fx.originals {
		if !bytes.Equal(files[originalsDir+sha], data) {
			t.Errorf("original %s is not in the bundle as it was", sha)
		}
	}
	for sha, data := range fx.images {
		if !bytes.Equal(files[imagesDir+sha], data) {
			t.Errorf("image %s is not in the bundle as it was", sha)
		}
	}
	var doc Document
	if err := json.Unmarshal(files[docName], &doc); err != nil || len(doc.Articles) != len(fx.doc.Articles) {
		t.Errorf("the document: %v", err)
	}
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, imagesDir) && f.Method != zip.Store {
			t.Errorf("%s: method %d, want images stored as they are (zip.Store)", f.Name, f.Method)
		}
		if !f.Modified.Equal(day("2024-04-01")) {
			t.Errorf("%s: dated %v", f.Name, f.Modified)
		}
	}
}

// anyFile has every original and image, its bytes being its name.
type anyFile struct{}

func (anyFile) Original(_ context.Context, sha string) (*archive.Original, error) {
	return &archive.Original{SHA256: sha, Data: []byte(sha)}, nil
}

func (anyFile) Image(_ context.Context, sha string) (*archive.Image, error) {
	return &archive.Image{SHA256: sha, Data: []byte(sha)}, nil
}

// refs returns a writeDoc for Write that writes an empty document naming
// originals and images.
func refs(originals, images []string) func(io.Writer) (Refs, error) {
	return func(w io.Writer) (Refs, error) {
		r := Refs{Originals: map[string]bool{}, Images: map[string]bool{}}
		for _, s := range originals {
			r.Originals[s] = true
		}
		for _, s := range images {
			r.Images[s] = true
		}
		_, err := io.WriteString(w, "{}")
		return r, err
	}
}

func TestWriteErrors(t *testing.T) {
	ctx := context.Background()
	gone := shaOf([]byte("gone"))
	when := day("2024-04-01")
	t.Run("MissingOriginal", func(t *testing.T) {
		if err := Write(ctx, io.Discard, when, newFixture(), refs([]string{gone}, nil)); !errors.Is(err, archive.ErrNotFound) {
			t.Errorf("got %v, want the error of the original the archive lacks", err)
		}
	})
	t.Run("MissingImageLeftOut", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "b"+Ext)
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		err = Write(ctx, f, when, newFixture(), refs(nil, []string{gone}))
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if names, _ := entries(t, path); len(names) != 1 {
			t.Errorf("entries %v, want the document alone", names)
		}
	})
	t.Run("NotASHA", func(t *testing.T) {
		if err := Write(ctx, io.Discard, when, anyFile{}, refs([]string{"../evil"}, nil)); err == nil || !strings.Contains(err.Error(), "not a SHA-256") {
			t.Errorf("got %v, want a name refused", err)
		}
	})
	t.Run("Cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(ctx)
		cancel()
		if err := Write(ctx, io.Discard, when, anyFile{}, refs([]string{gone}, nil)); !errors.Is(err, context.Canceled) {
			t.Errorf("got %v, want the context's error", err)
		}
	})
}

func TestHasExt(t *testing.T) {
	for name, want := range map[string]bool{"a.clippings": true, "/x/B.CLIPPINGS": true, "a.clippings.zip": false, "clippings": false, "a.html": false} {
		if got := HasExt(name); got != want {
			t.Errorf("HasExt(%q) = %v, want %v", name, got, want)
		}
	}
}
