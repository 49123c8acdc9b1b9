package archive

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"slices"
	"strings"
)

// LinkHosts returns the hosts the article's body links to (inline links
// of its blocks and table cells), each once, sorted: lower case, without
// "www." or a port.
func LinkHosts(a *Article) []string {
	seen := map[string]bool{}
	for marks := range a.MarkLists() {
		for _, m := range *marks {
			if m.Kind != InlineLink {
				continue
			}
			if h := linkHost(m.Href); h != "" {
				seen[h] = true
			}
		}
	}
	hosts := make([]string, 0, len(seen))
	for h := range seen {
		hosts = append(hosts, h)
	}
	slices.Sort(hosts)
	return hosts
}

// linkHost returns the host of an http(s) address as LinkHosts keeps it,
// or "".
func linkHost(href string) string {
	u, err := url.Parse(href)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	return normHost(u.Hostname())
}

// normHost lower-cases a host and drops a leading "www." and a trailing dot.
func normHost(h string) string {
	h = strings.TrimSuffix(strings.ToLower(strings.TrimSpace(h)), ".")
	return strings.TrimPrefix(h, "www.")
}

// hostKey returns the labels of host reversed, with a trailing dot:
// "uk.co.bbc." for bbc.co.uk. A site's subdomains share its key as a
// prefix.
func hostKey(host string) string {
	labels := strings.Split(host, ".")
	slices.Reverse(labels)
	return strings.Join(labels, ".") + "."
}

const (
	deleteLinksQuery = `DELETE FROM article_links WHERE article_id = ?`
	insertLinkQuery  = `INSERT OR IGNORE INTO article_links (article_id, rkey, host) VALUES (?, ?, ?)`
)

// setLinks records the hosts the current version of article id links to.
func setLinks(ctx context.Context, tx *sql.Tx, id int64, a *Article) error {
	if _, err := tx.ExecContext(ctx, deleteLinksQuery, id); err != nil {
		return fmt.Errorf("links of article %d: %w", id, err)
	}
	for _, h := range LinkHosts(a) {
		if _, err := tx.ExecContext(ctx, insertLinkQuery, id, hostKey(h), h); err != nil {
			return fmt.Errorf("links of article %d: %w", id, err)
		}
	}
	return nil
}

// linksCond matches articles whose body links to the site v (a host; its
// subdomains too) or, with prefix, to a host starting with v.
func linksCond(v string, prefix bool) (string, []any) {
	host := normHost(v)
	if prefix {
		return `a.id IN (SELECT article_id FROM article_links WHERE host LIKE ? ESCAPE '\')`, []any{escapeLike(host) + "%"}
	}
	key := hostKey(host)
	// '/' is the character after '.': the range holds key and every key it prefixes.
	return `a.id IN (SELECT article_id FROM article_links WHERE rkey >= ? AND rkey < ?)`,
		[]any{key, strings.TrimSuffix(key, ".") + "/"}
}
