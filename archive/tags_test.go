package archive_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/archive/archivetest"
)

// tagFixture stores n untagged articles and returns their IDs.
func tagFixture(t *testing.T, n int) (*archive.Store, []int64) {
	t.Helper()
	s := archivetest.MustOpen(t)
	var ids []int64
	for i := range n {
		ids = append(ids, archivetest.MustAddArticles(t, s, archivetest.Article(fmt.Sprintf("Article a%d", i)))...)
	}
	return s, ids
}

func dumpTags(t *testing.T, s *archive.Store) string {
	t.Helper()
	tags, err := s.Tags(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var parts []string
	for _, tc := range tags {
		parts = append(parts, fmt.Sprintf("%s=%d/%d", tc.Name, tc.Count, tc.Total))
	}
	return strings.Join(parts, " ")
}

func articleTags(t *testing.T, s *archive.Store, id int64) string {
	t.Helper()
	a, err := s.Article(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(a.Tags, ",")
}

func TestTags(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, ids := tagFixture(t, 3)
	if n, err := s.AddTags(ctx, ids[:2], "korea/diplomacy", " korea / trade "); err != nil || n != 4 {
		t.Fatalf("add: %d, %v", n, err)
	}
	if n, err := s.AddTags(ctx, ids[1:], "Korea/Diplomacy", "asia"); err != nil || n != 3 {
		t.Fatalf("add again: %d, %v; want 3 new pairs", n, err)
	}
	t.Run("Counts", func(t *testing.T) {
		if got, want := dumpTags(t, s), "asia=2/2 korea=0/3 korea/diplomacy=3/3 korea/trade=2/2"; got != want {
			t.Errorf("tags %s, want %s", got, want)
		}
	})
	t.Run("Invalid", func(t *testing.T) {
		if _, err := s.AddTags(ctx, ids, " / "); !errors.Is(err, archive.ErrInvalid) {
			t.Errorf("empty tag: %v", err)
		}
		if _, err := s.AddTags(ctx, []int64{ids[0], 999}, "x"); !errors.Is(err, archive.ErrNotFound) {
			t.Errorf("missing article: %v", err)
		}
		if got := articleTags(t, s, ids[0]); strings.Contains(got, "x") {
			t.Errorf("tags %s after a failed add", got)
		}
	})
	t.Run("Remove", func(t *testing.T) {
		if n, err := s.RemoveTags(ctx, ids[:1], "korea/trade", "nothing"); err != nil || n != 1 {
			t.Fatalf("remove: %d, %v", n, err)
		}
		if got, want := articleTags(t, s, ids[0]), "korea/diplomacy"; got != want {
			t.Errorf("tags %s, want %s", got, want)
		}
	})
	t.Run("Rename", func(t *testing.T) {
		if n, err := s.RenameTag(ctx, "korea", "Asia/Korea"); err != nil || n != 2 {
			t.Fatalf("rename: %d, %v", n, err)
		}
		if got, want := dumpTags(t, s), "asia=2/3 Asia/Korea=0/3 Asia/Korea/diplomacy=3/3 Asia/Korea/trade=1/1"; got != want {
			t.Errorf("tags %s, want %s", got, want)
		}
		if _, err := s.RenameTag(ctx, "asia/korea/trade", "asia/korea/diplomacy"); !errors.Is(err, archive.ErrExists) {
			t.Errorf("rename onto a tag: %v, want archive.ErrExists", err)
		}
		if _, err := s.RenameTag(ctx, "asia", "asia/x"); !errors.Is(err, archive.ErrInvalid) {
			t.Errorf("rename below itself: %v, want archive.ErrInvalid", err)
		}
		if _, err := s.RenameTag(ctx, "nothing", "x"); !errors.Is(err, archive.ErrNotFound) {
			t.Errorf("rename a missing tag: %v, want archive.ErrNotFound", err)
		}
		if _, err := s.RenameTag(ctx, "ASIA", "asia"); err != nil {
			t.Errorf("case-only rename: %v", err)
		}
	})
	t.Run("Merge", func(t *testing.T) {
		if _, err := s.MergeTags(ctx, "asia/korea/diplomacy", "asia/korea/trade"); err != nil {
			t.Fatal(err)
		}
		if got, want := dumpTags(t, s), "asia=2/3 asia/Korea=0/3 asia/Korea/diplomacy=3/3"; got != want {
			t.Errorf("tags %s, want %s", got, want)
		}
	})
	t.Run("SearchAndBulk", func(t *testing.T) {
		if n, err := s.TagSearch(ctx, "tag:asia/korea -a0", "reviewed"); err != nil || n != 2 {
			t.Fatalf("tag search: %d, %v", n, err)
		}
		got, err := s.SearchIDs(ctx, "tag:reviewed")
		if slices.Sort(got); err != nil || !slices.Equal(got, ids[1:]) {
			t.Errorf("tagged %v, %v; want %v", got, err, ids[1:])
		}
	})
	t.Run("Delete", func(t *testing.T) {
		if n, err := s.DeleteTag(ctx, "asia"); err != nil || n != 5 {
			t.Fatalf("delete: %d, %v", n, err)
		}
		if got, want := dumpTags(t, s), "reviewed=2/2"; got != want {
			t.Errorf("tags %s, want %s", got, want)
		}
		if _, err := s.DeleteTag(ctx, "asia"); !errors.Is(err, archive.ErrNotFound) {
			t.Errorf("delete again: %v", err)
		}
	})
}

func TestStates(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, ids := tagFixture(t, 2)
	if err := s.SetStarred(ctx, true, ids...); err != nil {
		t.Fatal(err)
	}
	if err := s.SetRead(ctx, true, ids[0]); err != nil {
		t.Fatal(err)
	}
	if got, err := s.SearchIDs(ctx, "is:starred is:unread"); err != nil || !slices.Equal(got, ids[1:]) {
		t.Errorf("starred unread: %v, %v", got, err)
	}
	if err := s.SetStarred(ctx, false, ids[0], 999); !errors.Is(err, archive.ErrNotFound) {
		t.Errorf("missing article: %v", err)
	}
	if a, _ := s.Article(ctx, ids[0]); !a.Starred || !a.Read {
		t.Errorf("after a failed call: %+v", a)
	}
	list, err := s.List(ctx, archive.ListFilter{})
	if err != nil || len(list) != 2 || !list[0].Starred || list[0].Read == list[1].Read {
		t.Errorf("list %+v, %v", list, err)
	}
}
