package archive

import (
	"errors"
	"fmt"
	"strings"

	"github.com/clippings/clippings/archive/query"
)

// Date expressions of the date filters. They must read exactly as in the
// indexes of migrations/0002_organise.sql.
const (
	publishedExpr = `a.published`
	capturedExpr  = `coalesce(a.captured, a.imported)`
	dateExpr      = `coalesce(a.published, a.captured, a.imported)`
)

// stateConds are the conditions of is: and has:.
var stateConds = map[string]string{
	"is:starred":     `a.starred = 1`,
	"is:unstarred":   `a.starred = 0`,
	"is:read":        `a.read = 1`,
	"is:unread":      `a.read = 0`,
	"has:notes":      `EXISTS (SELECT 1 FROM annotations an WHERE an.article_id = a.id)`,
	"has:highlights": `EXISTS (SELECT 1 FROM annotations an WHERE an.article_id = a.id AND an.kind = 'highlight')`,
	"has:note":       `EXISTS (SELECT 1 FROM annotations an WHERE an.article_id = a.id AND an.kind = 'note')`,
	"has:tags":       `EXISTS (SELECT 1 FROM article_tags at WHERE at.article_id = a.id)`,
	"has:versions":   `EXISTS (SELECT 1 FROM article_versions v WHERE v.article_id = a.id)`,
}

// filter returns the condition of a field filter.
func (c *compiler) filter(n *query.Node) (string, []any, error) {
	v := n.Text
	switch n.Field {
	case "is", "has":
		return stateConds[n.Field+":"+v], nil, nil
	case "published":
		return dateCond(publishedExpr, n), dateArgs(n), nil
	case "captured":
		return dateCond(capturedExpr, n), dateArgs(n), nil
	case "date":
		return dateCond(dateExpr, n), dateArgs(n), nil
	case "site":
		return siteCond(v, n.Prefix)
	case "tag":
		cond, args := subtreeCond, []any{v, v, v}
		if n.Prefix {
			cond, args = `t.name LIKE ? ESCAPE '\'`, []any{escapeLike(v) + "%"}
		}
		if c.row && c.denseTag(cond, args) {
			return `EXISTS (SELECT 1 FROM article_tags at JOIN tags t ON t.id = at.tag_id
				WHERE at.article_id = a.id AND ` + cond + `)`, args, nil
		}
		return `a.id IN (SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id
			WHERE ` + cond + `)`, args, nil
	case "links":
		cond, args := linksCond(v, n.Prefix)
		return cond, args, nil
	case "lang":
		if n.Prefix {
			return `a.language LIKE ? ESCAPE '\'`, []any{escapeLike(v) + "%"}, nil
		}
		return `(a.language = ? COLLATE NOCASE OR a.language LIKE ? ESCAPE '\')`, []any{v, escapeLike(v) + "-%"}, nil
	case "key":
		if n.Prefix {
			return `a.id IN (SELECT article_id FROM citation_keys WHERE key LIKE ? ESCAPE '\')`, []any{escapeLike(v) + "%"}, nil
		}
		return `a.id IN (SELECT article_id FROM citation_keys WHERE key = ?)`, []any{v}, nil
	case "collection":
		return c.collection(n)
	case "id": // a Selection's IDs, as a JSON array
		return `a.id ` + idsIn, []any{v}, nil
	case "saved":
		return c.savedSearch(n)
	}
	return "", nil, c.errAt(n, "unknown filter %s:", n.Field)
}

func (c *compiler) errAt(n *query.Node, format string, args ...any) error {
	return &QueryError{Query: c.q.String(), Pos: max(n.Pos, 0), Msg: fmt.Sprintf(format, args...)}
}

// notFound is errAt for a collection or saved search that does not exist:
// for a value of a Selection (no place in the query), an error wrapping
// ErrNotFound.
func (c *compiler) notFound(n *query.Node, format string, args ...any) error {
	if n.Pos < 0 {
		return fmt.Errorf("%s: %w", fmt.Sprintf(format, args...), ErrNotFound)
	}
	return c.errAt(n, format, args...)
}

// dateCond is a date range on expr. Unknown dates (NULL) are outside
// every range, also under NOT: -published:2019 keeps undated articles.
func dateCond(expr string, n *query.Node) string {
	parts := []string{expr + " IS NOT NULL"}
	if !n.From.IsZero() {
		parts = append(parts, expr+" >= ?")
	}
	if !n.To.IsZero() {
		parts = append(parts, expr+" < ?")
	}
	return "(" + strings.Join(parts, " AND ") + ")"
}

func dateArgs(n *query.Node) []any {
	var args []any
	if !n.From.IsZero() {
		args = append(args, formatTime(n.From))
	}
	if !n.To.IsZero() {
		args = append(args, formatTime(n.To))
	}
	return args
}

// siteCond matches the site's name (without case) or the host of the
// article's address (url_key, which has no scheme and no www.).
func siteCond(v string, prefix bool) (string, []any, error) {
	host := strings.TrimPrefix(strings.ToLower(v), "www.")
	if prefix {
		return `(a.site LIKE ? ESCAPE '\' OR a.url_key LIKE ? ESCAPE '\')`,
			[]any{escapeLike(v) + "%", escapeLike(host) + "%"}, nil
	}
	return `(a.site = ? COLLATE NOCASE OR a.url_key = ? OR (a.url_key > ? AND a.url_key < ?) OR (a.url_key > ? AND a.url_key < ?))`,
		[]any{v, host, host + "/", host + "0", host + "?", host + "@"}, nil
}

// collection is in the collection named by path, or one below it.
func (c *compiler) collection(n *query.Node) (string, []any, error) {
	ids, err := c.e.s.pathTree(c.ctx, n.Text)
	if errors.Is(err, ErrNotFound) {
		return "", nil, c.notFound(n, "no collection %q", n.Text)
	}
	if err != nil {
		return "", nil, err
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	marks := strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",")
	return `a.id IN (SELECT article_id FROM collection_articles WHERE collection_id IN (` + marks + `))`, args, nil
}

// maxSavedDepth bounds saved searches that name saved searches.
const maxSavedDepth = 8

// savedSearch is what the saved search n.Text finds: its query compiled
// into one condition.
func (c *compiler) savedSearch(n *query.Node) (string, []any, error) {
	key := strings.ToLower(n.Text)
	if c.saved[key] || len(c.saved) >= maxSavedDepth {
		return "", nil, c.errAt(n, "saved search %q refers to itself", n.Text)
	}
	ss, err := c.e.s.SavedSearch(c.ctx, n.Text)
	if errors.Is(err, ErrNotFound) {
		return "", nil, c.notFound(n, "no saved search %q", n.Text)
	}
	if err != nil {
		return "", nil, err
	}
	sub, err := query.Parse(ss.Query, c.q.Now())
	if err != nil {
		return "", nil, c.errAt(n, "saved search %q: %v", n.Text, err)
	}
	if sub.Root() == nil && sub.InNotes() {
		return stateConds["has:notes"], nil, nil
	}
	if sub.Root() == nil {
		return "1", nil, nil
	}
	inner := &compiler{ctx: c.ctx, e: c.e, q: sub, p: c.p, inNotes: sub.InNotes(), saved: c.saved}
	c.saved[key] = true
	defer delete(c.saved, key)
	cond, args, err := inner.sql(sub.Root())
	if err != nil {
		var qe *QueryError
		if errors.As(err, &qe) {
			return "", nil, c.errAt(n, "saved search %q: %s", n.Text, qe.Msg)
		}
		return "", nil, err
	}
	return cond, args, nil
}

// denseTag reports whether the tags matching cond (over tags t, with
// args) are on more than tuning.denseTagRows articles; an error counts as no.
func (c *compiler) denseTag(cond string, args []any) bool {
	var n int
	err := c.e.db.QueryRowContext(c.ctx, `SELECT count(*) FROM (SELECT 1 FROM article_tags at JOIN tags t ON t.id = at.tag_id
WHERE `+cond+` LIMIT ?)`, append(append([]any{}, args...), c.e.tune.denseTagRows+1)...).Scan(&n)
	return err == nil && n > c.e.tune.denseTagRows
}
