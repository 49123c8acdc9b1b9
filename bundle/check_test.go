package bundle

import (
	"bytes"
	"context"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// assertEmpty fails unless dst holds no article, collection or saved
// search.
func assertEmpty(t *testing.T, dst interface {
	Count(context.Context) (int, error)
}) {
	t.Helper()
	if n, err := dst.Count(context.Background()); err != nil || n != 0 {
		t.Errorf("%d articles (%v) after a refused bundle, want none", n, err)
	}
}

func TestMergeBadBundle(t *testing.T) {
	ctx := context.Background()
	_, good := entries(t, newFixture().write(t))
	with := func(change func(m map[string][]byte)) map[string][]byte {
		m := maps.Clone(good)
		change(m)
		return m
	}
	someOriginal, someImage := "", ""
	for k := range good {
		if strings.HasPrefix(k, originalsDir) {
			someOriginal = k
		}
		if strings.HasPrefix(k, imagesDir) {
			someImage = k
		}
	}
	edit := func(old, new string) func(m map[string][]byte) {
		return func(m map[string][]byte) { m[docName] = bytes.Replace(m[docName], []byte(old), []byte(new), 1) }
	}
	cases := map[string]map[string][]byte{
		"ZipSlip":         with(func(m map[string][]byte) { m["../../evil.txt"] = []byte("x") }),
		"AbsolutePath":    with(func(m map[string][]byte) { m["/tmp/evil"] = []byte("x") }),
		"Backslash":       with(func(m map[string][]byte) { m[`originals\..\..\evil`] = []byte("x") }),
		"UnknownEntry":    with(func(m map[string][]byte) { m["run.sh"] = []byte("x") }),
		"UpperCaseSHA":    with(func(m map[string][]byte) { m[strings.ToUpper(someOriginal)] = m[someOriginal] }),
		"NoDocument":      with(func(m map[string][]byte) { delete(m, docName) }),
		"BadJSON":         with(func(m map[string][]byte) { m[docName] = []byte("{") }),
		"NewerVersion":    with(edit(`"version": 1`, `"version": 99`)),
		"OtherFormat":     with(edit(DocFormat, "zotero")),
		"RepeatedKey":     with(edit(`"key": "lib2024"`, `"key": "trains2024"`)),
		"AnnotationKind":  with(edit(`"kind": "note"`, `"kind": "script"`)),
		"EmptyCollection": with(edit(`"path": "Reading/Summits"`, `"path": "Reading//Summits"`)),
		"UnknownMember": with(edit(`"articles": [
        "lib2024"
      ]`, `"articles": ["nobody"]`)),
		"WrongHash":       with(func(m map[string][]byte) { m[someOriginal] = []byte("tampered") }),
		"MissingOriginal": with(func(m map[string][]byte) { delete(m, someOriginal) }),
		"MissingImage":    with(func(m map[string][]byte) { delete(m, someImage) }),
	}
	for name, files := range cases {
		t.Run(name, func(t *testing.T) {
			if maps.EqualFunc(files, good, bytes.Equal) {
				t.Fatal("the case changes nothing")
			}
			dst := emptyStore(t)
			if _, err := Merge(ctx, dst, zipOf(t, files), nil); !errors.Is(err, ErrInvalid) {
				t.Fatalf("got %v, want ErrInvalid", err)
			}
			assertEmpty(t, dst)
		})
	}
	t.Run("TooManyEntries", func(t *testing.T) {
		defer func(n int) { maxEntries = n }(maxEntries)
		maxEntries = len(good) - 1
		dst := emptyStore(t)
		if _, err := Merge(ctx, dst, zipOf(t, good), nil); !errors.Is(err, ErrInvalid) {
			t.Fatalf("got %v, want ErrInvalid", err)
		}
		assertEmpty(t, dst)
	})
	t.Run("OversizedEntry", func(t *testing.T) {
		defer func(n uint64) { maxEntrySize = n }(maxEntrySize)
		maxEntrySize = 20
		dst := emptyStore(t)
		if _, err := Merge(ctx, dst, zipOf(t, good), nil); !errors.Is(err, ErrInvalid) {
			t.Fatalf("got %v, want ErrInvalid", err)
		}
		assertEmpty(t, dst)
	})
	t.Run("NotAZip", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "x"+Ext)
		if err := os.WriteFile(path, []byte("hello"), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Merge(ctx, emptyStore(t), path, nil); !errors.Is(err, ErrInvalid) {
			t.Fatalf("got %v, want ErrInvalid", err)
		}
	})
	t.Run("Good", func(t *testing.T) {
		if _, err := Merge(ctx, emptyStore(t), zipOf(t, good), nil); err != nil {
			t.Fatalf("the unchanged entries, zipped again: %v", err)
		}
	})
}
