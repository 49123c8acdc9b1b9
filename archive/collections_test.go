package archive

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func collectionPaths(t *testing.T, s *Store) string {
	t.Helper()
	all, err := s.Collections(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var parts []string
	for _, c := range all {
		parts = append(parts, c.Path+"="+strconv.Itoa(c.Count))
	}
	return strings.Join(parts, " ")
}

func inCollection(t *testing.T, s *Store, id int64) []int64 {
	t.Helper()
	list, err := s.CollectionArticles(context.Background(), id, ListFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return summaryIDs(list)
}

func TestCollections(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := mustOpen(t)
	var ids []int64
	for _, name := range []string{"a0", "a1", "a2", "a3"} {
		ids = append(ids, mustAdd(t, s, newCapture(name, name, &Article{Title: "Article " + name}))...)
	}
	reading, err := s.CreateCollection(ctx, 0, "Reading")
	if err != nil {
		t.Fatal(err)
	}
	summits, err := s.CreateCollection(ctx, reading, "Summits")
	if err != nil {
		t.Fatal(err)
	}
	other, err := s.CreateCollection(ctx, 0, "archive")
	if err != nil {
		t.Fatal(err)
	}
	t.Run("CreateErrors", func(t *testing.T) {
		for _, tt := range []struct {
			parent int64
			name   string
			want   error
		}{
			{0, "reading", ErrExists},
			{reading, "SUMMITS", ErrExists},
			{0, " ", ErrInvalid},
			{0, "a/b", ErrInvalid},
			{999, "x", ErrNotFound},
		} {
			if _, err := s.CreateCollection(ctx, tt.parent, tt.name); !errors.Is(err, tt.want) {
				t.Errorf("create %d/%q: %v, want %v", tt.parent, tt.name, err, tt.want)
			}
		}
		if _, err := s.CreateCollection(ctx, summits, "Reading"); err != nil {
			t.Errorf("same name elsewhere: %v", err)
		}
	})
	t.Run("Articles", func(t *testing.T) {
		if n, err := s.AddToCollection(ctx, summits, ids[2], ids[0], ids[1], ids[0]); err != nil || n != 3 {
			t.Fatalf("add: %d, %v", n, err)
		}
		if _, err := s.AddToCollection(ctx, other, ids[0]); err != nil {
			t.Fatal(err)
		}
		if got, want := inCollection(t, s, summits), []int64{ids[2], ids[0], ids[1]}; !slices.Equal(got, want) {
			t.Errorf("order %v, want %v", got, want)
		}
		if _, err := s.AddToCollection(ctx, summits, 999); !errors.Is(err, ErrNotFound) {
			t.Errorf("missing article: %v", err)
		}
		if _, err := s.AddToCollection(ctx, 999, ids[0]); !errors.Is(err, ErrNotFound) {
			t.Errorf("missing collection: %v", err)
		}
		in, err := s.ArticleCollections(ctx, ids[0])
		if err != nil || len(in) != 2 || in[0].Path != "archive" || in[1].Path != "Reading/Summits" {
			t.Errorf("collections of an article: %+v, %v", in, err)
		}
	})
	t.Run("Order", func(t *testing.T) {
		if err := s.MoveInCollection(ctx, summits, ids[1], 0); err != nil {
			t.Fatal(err)
		}
		if got, want := inCollection(t, s, summits), []int64{ids[1], ids[2], ids[0]}; !slices.Equal(got, want) {
			t.Errorf("after move %v, want %v", got, want)
		}
		if err := s.MoveInCollection(ctx, summits, ids[1], 99); err != nil {
			t.Fatal(err)
		}
		if got, want := inCollection(t, s, summits), []int64{ids[2], ids[0], ids[1]}; !slices.Equal(got, want) {
			t.Errorf("after move to the end %v, want %v", got, want)
		}
		if err := s.ReorderCollection(ctx, summits, []int64{ids[0], ids[1], ids[2]}); err != nil {
			t.Fatal(err)
		}
		if got, want := inCollection(t, s, summits), []int64{ids[0], ids[1], ids[2]}; !slices.Equal(got, want) {
			t.Errorf("after reorder %v, want %v", got, want)
		}
		for _, bad := range [][]int64{{ids[0], ids[1]}, {ids[0], ids[1], ids[2], ids[3]}, {ids[0], ids[0], ids[1]}} {
			if err := s.ReorderCollection(ctx, summits, bad); !errors.Is(err, ErrInvalid) {
				t.Errorf("reorder %v: %v, want ErrInvalid", bad, err)
			}
		}
		if err := s.MoveInCollection(ctx, summits, ids[3], 0); !errors.Is(err, ErrNotFound) {
			t.Errorf("move an article not in it: %v", err)
		}
	})
	t.Run("Search", func(t *testing.T) {
		for q, want := range map[string]int{"collection:reading": 3, "collection:Reading/Summits": 3, "collection:archive": 1, "-collection:reading": 1} {
			if n, err := s.SearchCount(ctx, q); err != nil || n != want {
				t.Errorf("%q: %d, %v; want %d", q, n, err, want)
			}
		}
	})
	t.Run("RenameMoveDelete", func(t *testing.T) {
		if err := s.RenameCollection(ctx, summits, "Meetings"); err != nil {
			t.Fatal(err)
		}
		if err := s.MoveCollection(ctx, reading, summits); !errors.Is(err, ErrInvalid) {
			t.Errorf("move into its own child: %v", err)
		}
		if err := s.MoveCollection(ctx, summits, other); err != nil {
			t.Fatal(err)
		}
		if got, want := collectionPaths(t, s), "archive=1 archive/Meetings=3 archive/Meetings/Reading=0 Reading=0"; got != want {
			t.Errorf("collections %s, want %s", got, want)
		}
		if c, err := s.CollectionByPath(ctx, "ARCHIVE / meetings"); err != nil || c.ID != summits {
			t.Errorf("by path: %+v, %v", c, err)
		}
		if n, err := s.RemoveFromCollection(ctx, summits, ids[0], ids[3]); err != nil || n != 1 {
			t.Errorf("remove: %d, %v", n, err)
		}
		if err := s.DeleteCollection(ctx, other); err != nil {
			t.Fatal(err)
		}
		if got, want := collectionPaths(t, s), "Reading=0"; got != want {
			t.Errorf("after delete %s, want %s", got, want)
		}
		if got := countRows(t, s, "articles"); got != 4 {
			t.Errorf("%d articles after deleting collections", got)
		}
		if err := s.DeleteCollection(ctx, other); !errors.Is(err, ErrNotFound) {
			t.Errorf("delete again: %v", err)
		}
	})
}

func TestSavedSearches(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, ids := langFixture(t)
	if err := s.SaveSearch(ctx, "Animals", "tag:animals"); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveSearch(ctx, "2019", "published:2019 saved:animals"); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveSearch(ctx, "bad", `"unclosed`); !errors.Is(err, ErrBadQuery) {
		t.Errorf("bad query saved: %v", err)
	}
	if err := s.SaveSearch(ctx, " ", "x"); !errors.Is(err, ErrInvalid) {
		t.Errorf("empty name: %v", err)
	}
	for q, want := range map[string]string{
		"saved:animals":         "seal walrus",
		"saved:animals -colony": "seal",
		"saved:2019":            "seal walrus",
		"-saved:animals walrus": "",
		`saved:"Animals"`:       "seal walrus",
	} {
		got, err := s.SearchIDs(ctx, q)
		if err != nil {
			t.Errorf("%q: %v", q, err)
			continue
		}
		if g := strings.Join(names(got, ids), " "); g != want {
			t.Errorf("%q: %q, want %q", q, g, want)
		}
	}
	if err := s.SaveSearch(ctx, "animals", "tag:animals/mammals"); err != nil {
		t.Fatal(err)
	}
	list, err := s.SavedSearches(ctx)
	if err != nil || len(list) != 2 || list[0].Name != "2019" || list[1].Query != "tag:animals/mammals" {
		t.Errorf("saved searches %+v, %v", list, err)
	}
	if err := s.RenameSavedSearch(ctx, "2019", "animals"); !errors.Is(err, ErrExists) {
		t.Errorf("rename onto another: %v", err)
	}
	if err := s.RenameSavedSearch(ctx, "2019", "Old animals"); err != nil {
		t.Error(err)
	}
	if err := s.DeleteSavedSearch(ctx, "old animals"); err != nil {
		t.Error(err)
	}
	if _, err := s.SavedSearch(ctx, "old animals"); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleted: %v", err)
	}
}
