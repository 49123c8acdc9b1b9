package archive

import (
	"context"
	"fmt"
	"sort"
	"strings"
)

// MaxCollectionDepth is how deep collections nest: a path has at most
// this many names. Deeper trees made listing collections, and the
// window's sidebar, cost time in the square of the depth (a 3,000-level
// path from a bundle took a minute); no one files that deep.
const MaxCollectionDepth = 32

// depthQuery counts the levels from collection ? up to the top.
const depthQuery = `
WITH RECURSIVE up(id, d) AS (
	SELECT id, 1 FROM collections WHERE id = ?1
	UNION ALL
	SELECT c.parent_id, up.d + 1 FROM collections c JOIN up ON c.id = up.id
	WHERE c.parent_id IS NOT NULL AND up.d <= ?2
)
SELECT coalesce(max(d), 0) FROM up`

// heightQuery counts the levels of collection ? and those below it.
const heightQuery = `
WITH RECURSIVE down(id, d) AS (
	SELECT id, 1 FROM collections WHERE id = ?1
	UNION ALL
	SELECT c.id, down.d + 1 FROM collections c JOIN down ON c.parent_id = down.id
	WHERE down.d <= ?2
)
SELECT coalesce(max(d), 0) FROM down`

// checkDepth returns an error wrapping ErrInvalid when putting a tree of
// height levels inside parent (0 for the top) would nest collections
// deeper than MaxCollectionDepth.
func checkDepth(ctx context.Context, q querier, parent int64, height int) error {
	depth := 0
	if parent != 0 {
		if err := q.QueryRowContext(ctx, depthQuery, parent, MaxCollectionDepth).Scan(&depth); err != nil {
			return err
		}
	}
	if depth+height > MaxCollectionDepth {
		return fmt.Errorf("%w: collections nest at most %d deep", ErrInvalid, MaxCollectionDepth)
	}
	return nil
}

// treeHeight returns the levels of collection id and those below it.
func treeHeight(ctx context.Context, q querier, id int64) (int, error) {
	var h int
	err := q.QueryRowContext(ctx, heightQuery, id, MaxCollectionDepth).Scan(&h)
	return h, err
}

// setPaths fills the paths of a complete list of collections and sorts it
// in tree order. Each path is made once from its parent's, so the work
// grows with the number of collections, not with their depth squared; a
// parent loop (which the schema does not prevent) ends the path.
func setPaths(all []Collection) {
	byID := make(map[int64]int, len(all))
	for i := range all {
		byID[all[i].ID] = i
	}
	keys := make([][]string, len(all))
	state := make([]byte, len(all)) // 0 not done, 1 in progress, 2 done
	var fill func(i int)
	fill = func(i int) {
		state[i] = 1
		c := &all[i]
		key := []string{strings.ToLower(c.Name)}
		c.Path = c.Name
		if p, ok := byID[c.ParentID]; ok && c.ParentID != 0 {
			if state[p] == 0 {
				fill(p)
			}
			if state[p] == 2 {
				c.Path = all[p].Path + "/" + c.Name
				key = append(append(make([]string, 0, len(keys[p])+1), keys[p]...), key[0])
			}
		}
		keys[i] = key
		state[i] = 2
	}
	for i := range all {
		if state[i] == 0 {
			fill(i)
		}
	}
	order := make([]int, len(all))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(x, y int) bool {
		a, b := keys[order[x]], keys[order[y]]
		for k := 0; k < len(a) && k < len(b); k++ {
			if a[k] != b[k] {
				return a[k] < b[k]
			}
		}
		return len(a) < len(b)
	})
	sorted := make([]Collection, len(all))
	for i, o := range order {
		sorted[i] = all[o]
	}
	copy(all, sorted)
}
