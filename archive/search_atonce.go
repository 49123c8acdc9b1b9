package archive

import (
	"context"
	"strings"
)

// Ranking every result at once.
//
// When a query is known to have no more results than its rank window
// (p.window()), they are all ranked in one statement, which also gives
// the total by a window count; the rank window then does not apply. It is
// known when the filters leave no more articles than that (a tag and a
// date range usually do), or when a word of the query's phrases and ANDed
// words is in no more articles (counted up to the window's size, which
// costs little even for a common word). The matches are walked once, each
// looked up in the set of articles passing the filters, and bm25 is
// computed for the results only: ORDER BY +rank keeps FTS5 from taking
// over the ordering, which would rank every match before the filters
// apply. Otherwise (ranked in search_run.go) the newest matches are read
// first to find the window.

// filteredSize returns the number of articles passing p's filters,
// counting no further than limit.
func (s *Store) filteredSize(ctx context.Context, p *plan, limit int) (int, error) {
	var n int
	q := `SELECT count(*) FROM (SELECT a.id FROM articles a WHERE ` + strings.Join(p.where, " AND ") + ` LIMIT ?)`
	err := s.db.QueryRowContext(ctx, q, append(append([]any{}, p.args...), limit)...).Scan(&n)
	return n, err
}

// rankedAtOnce fills res with a page of p's results best first, and
// reports that it did, when p is known to have no more results than its
// rank window.
func (s *Store) rankedAtOnce(ctx context.Context, p *plan, opt SearchOptions, res *Results) (bool, error) {
	if len(p.where) > 0 {
		n, err := s.filteredSize(ctx, p, p.window()+1)
		if err != nil || n > p.window() {
			return false, err
		}
	} else if few, err := s.fewMatches(ctx, p); err != nil || !few {
		return false, err
	}
	return true, s.rankAll(ctx, p, opt, res)
}

// rankAll fills res with a page of p's results best first, ranking every
// result, and the total, in one statement. The caller knows that there
// are no more than about p.window() results.
func (s *Store) rankAll(ctx context.Context, p *plan, opt SearchOptions, res *Results) error {
	limit, offset := page(opt.Offset, opt.Limit)
	cond, args := `articles_fts MATCH ?`, []any{p.match}
	if len(p.where) > 0 {
		cond += ` AND +rowid IN (SELECT a.id FROM articles a WHERE ` + strings.Join(p.where, " AND ") + `)`
		args = append(args, p.args...)
	}
	q := `SELECT rowid, rank, count(*) OVER () FROM articles_fts WHERE ` + cond + ` ORDER BY +rank LIMIT ? OFFSET ?`
	rows, err := s.db.QueryContext(ctx, q, append(args, limit, offset)...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var ids []int64
	ranks := map[int64]float64{}
	for rows.Next() {
		var id int64
		var rank float64
		if err := rows.Scan(&id, &rank, &res.Total); err != nil {
			return err
		}
		ids, ranks[id] = append(ids, id), rank
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()
	if len(ids) == 0 && offset > 0 { // a page past the end: count them
		if res.Total, _, err = s.countSplit(ctx, p, true, 0); err != nil {
			return err
		}
	}
	if res.Hits, err = s.hits(ctx, ids); err != nil {
		return err
	}
	for i := range res.Hits {
		res.Hits[i].Rank = ranks[res.Hits[i].ID]
	}
	return s.goSnippets(ctx, p, res.Hits)
}

// fewMatches reports whether one of p's bounding words (see plan.bounds)
// is in no more than p.window() articles: then so are p's matches, and
// they can be ranked without first reading the newest of them (for a
// phrase of common words, that is a pass over their positions).
func (s *Store) fewMatches(ctx context.Context, p *plan) (bool, error) {
	const q = `SELECT count(*) FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?)`
	for _, w := range p.bounds {
		var n int
		if err := s.db.QueryRowContext(ctx, q, w, p.window()+1).Scan(&n); err != nil {
			return false, err
		}
		if n <= p.window() {
			return true, nil
		}
	}
	return false, nil
}

// maxBounds is how many words fewMatches tries.
const maxBounds = 4

// boundWords returns FTS5 expressions of single words of the phrases and
// words ANDed at the top of a query (text): every result matches each of
// them. Only worth it for a phrase or several terms; CJK runs and prefix
// words are left out.
func boundWords(text []*node) []string {
	if len(text) == 1 && !text[0].phrase {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	for _, n := range text {
		if n.kind != nText || hasCJK(n.text) {
			continue
		}
		words := strings.FieldsFunc(n.text, notWordChar)
		if n.prefix && len(words) > 0 {
			words = words[:len(words)-1]
		}
		for _, w := range words {
			if k := foldWord(w); !seen[k] && len(out) < maxBounds {
				seen[k] = true
				out = append(out, ftsString(w, false))
			}
		}
	}
	return out
}

func notWordChar(r rune) bool { return !isWordChar(r) }
