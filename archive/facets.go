package archive

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

// FacetCount is one value of a facet and how many results have it.
type FacetCount struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// Facets counts the results of a query by site, tag, year and month (of
// the article's date: published, else captured, else imported).
//
// Up to 2,000 results (tuning.facetSample) the counts are exact. Beyond, they are
// counted over every Sample-th article (by ID, which follows the order of
// import) and multiplied by Sample: estimates, good for the shape of a
// timeline, which keep the cost bounded however many articles match.
type Facets struct {
	Total  int          `json:"total"`  // the results, exactly
	Sample int          `json:"sample"` // 1: exact counts; k: counts estimated from every k-th article
	Sites  []FacetCount `json:"sites"`  // most results first; the site's name, else its host
	Tags   []FacetCount `json:"tags"`   // most results first; each tag as given to articles
	Years  []FacetCount `json:"years"`  // "2019", in order
	Months []FacetCount `json:"months"` // "2019-03", in order
}

// siteExpr is the site of an article for facets: its name, else the host
// of its address.
const siteExpr = `coalesce(nullif(a.site, ''), substr(a.url_key, 1, instr(a.url_key || '/', '/') - 1))`

// Facets returns the facet counts of the query's results; an empty query
// counts the whole archive. It returns the errors of Search.
func (s *Store) Facets(ctx context.Context, query string) (*Facets, error) {
	return s.facets(ctx, Selection{Query: query})
}

// facets is SelectFacets.
func (s *Store) facets(ctx context.Context, sel Selection) (*Facets, error) {
	start, e := time.Now(), s.engine()
	pr, err := e.prepare(ctx, sel)
	if err != nil {
		return nil, err
	}
	f := &Facets{Sites: []FacetCount{}, Tags: []FacetCount{}, Years: []FacetCount{}, Months: []FacetCount{}}
	from, args, how, err := e.facetSource(ctx, pr.p, f)
	if err != nil {
		return nil, searchError(ctx, sel.Query, err)
	}
	// Tags are counted on another connection meanwhile (into f.Tags only).
	tagged := make(chan error, 1)
	e.s.bg.goWork(func() { tagged <- e.tagFacets(ctx, from, args, f) })
	err = e.siteMonthFacets(ctx, from, args, f)
	if tagErr := <-tagged; err == nil {
		err = tagErr
	}
	if err != nil {
		return nil, searchError(ctx, sel.Query, err)
	}
	e.logSel("facets", sel, start, "count", how, "sample", f.Sample)
	return f, nil
}

// facetSource counts the results of p into f and chooses the sample;
// it returns the FROM clause of the articles to count, an article being
// a, read through articles_meta, which holds the columns facets need, and
// how the results were counted.
func (e *engine) facetSource(ctx context.Context, p *plan, f *Facets) (string, []any, strategy, error) {
	matches, err := e.matchCount(ctx, p)
	if err != nil {
		return "", nil, "", err
	}
	var how strategy
	if f.Total, how, err = e.resultCount(ctx, p); err != nil {
		return "", nil, "", err
	}
	f.Sample = max(1, (f.Total+e.tune.facetSample-1)/e.tune.facetSample)
	sample := ""
	if f.Sample > 1 {
		sample = " WHERE id % " + strconv.Itoa(f.Sample) + " = 0"
	}
	ids, args := p.idsQuery(e.tune.inSet(matches))
	return `articles a INDEXED BY articles_meta WHERE a.id IN (SELECT id FROM (` + ids + `)` + sample + `)`, args, how, nil
}

// siteMonthFacets counts by site and by month in one pass, scaled by the
// sample.
// from is the FROM clause of the results, an article being a.
func (e *engine) siteMonthFacets(ctx context.Context, from string, args []any, f *Facets) error {
	q := `SELECT ` + siteExpr + `, substr(` + dateExpr + `, 1, 7), count(*) FROM ` + from + ` GROUP BY 1, 2`
	rows, err := e.db.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	sites, months, years := map[string]int{}, map[string]int{}, map[string]int{}
	for rows.Next() {
		var site, month string
		var n int
		if err := rows.Scan(&site, &month, &n); err != nil {
			return err
		}
		n *= f.Sample
		if site != "" {
			sites[site] += n
		}
		if len(month) == 7 {
			months[month] += n
			years[month[:4]] += n
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	f.Sites, f.Months, f.Years = byCount(sites), byValue(months), byValue(years)
	return nil
}

// tagFacets counts by tag.
func (e *engine) tagFacets(ctx context.Context, from string, args []any, f *Facets) error {
	q := `SELECT t.name, count(*) FROM article_tags at JOIN tags t ON t.id = at.tag_id
WHERE at.article_id IN (SELECT a.id FROM ` + from + `) GROUP BY t.id`
	rows, err := e.db.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("tags: %w", err)
	}
	defer rows.Close()
	tags := map[string]int{}
	for rows.Next() {
		var name string
		var n int
		if err := rows.Scan(&name, &n); err != nil {
			return fmt.Errorf("tags: %w", err)
		}
		tags[name] = n * f.Sample
	}
	f.Tags = byCount(tags)
	return rows.Err()
}

// byCount returns m most frequent first, then by value.
func byCount(m map[string]int) []FacetCount {
	out := make([]FacetCount, 0, len(m))
	for v, n := range m {
		out = append(out, FacetCount{v, n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return strings.ToLower(out[i].Value) < strings.ToLower(out[j].Value)
	})
	return out
}

// byValue returns m in value order.
func byValue(m map[string]int) []FacetCount {
	out := make([]FacetCount, 0, len(m))
	for v, n := range m {
		out = append(out, FacetCount{v, n})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Value < out[j].Value })
	return out
}
