package archive

import (
	"context"
	"testing"
)

// TestMigrateCitationKeys: an archive from before citation keys gives
// each of its articles one, unique, as the rule makes them.
func TestMigrateCitationKeys(t *testing.T) {
	ctx := context.Background()
	s := openV1(t)
	ids := []int64{v1Fish, v1FishAgain, v1Chinese, v1Japanese, v1Korean, v1KoreanEnglish}
	keys, err := s.CitationKeys(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, id := range ids {
		k := keys[id]
		a, err := s.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if base := CitationKeyBase(a); k == "" || seen[k] || len(k) < len(base) || k[:len(base)] != base {
			t.Errorf("article %d (%q): key %q, base %q", id, a.Title, k, base)
		}
		seen[k] = true
	}
}
