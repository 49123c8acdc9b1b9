package archive

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/clippings/clippings/archive/query"
)

// LibraryItem is one article of another reading tool's library (a Zotero
// item, a Wallabag entry, …) with what the tool kept about it.
type LibraryItem struct {
	// Original is the file the item came from. It is stored once and
	// shared by the items of one export; an original already stored is
	// not stored again.
	Original Original
	Position int      // the item's place among the articles of Original
	Article  *Article // the cleaned article, with its tags and states
	Images   []Image
	// MergeInto, when not 0, is a stored article that is the same as
	// Article: Article is not stored, its tags, states, note,
	// highlights and collections go to that article.
	MergeInto   int64
	Collections []string // paths of collections ("Research/Climate"), made when missing
	Note        string   // added to the article's free note
	Highlights  []LibraryHighlight
}

// LibraryHighlight is a highlighted passage as another tool kept it:
// its text, anchored in the article when stored.
type LibraryHighlight struct {
	Exact, Note, Color string
	Created            time.Time // zero when unknown
}

// AnchorCounts says how the highlights of an item were placed.
type AnchorCounts struct {
	Exact    int // found as they are (white space and case aside)
	Fuzzy    int // found with a few characters different
	Orphaned int // not found: kept, flagged orphaned
	Present  int // the article had them already
}

// LibraryResult is what AddLibraryItem did.
type LibraryResult struct {
	ID int64
	// Outcome is Imported (a new article), NewVersion (of a stored
	// article with the same address) or AlreadyPresent (merged into a
	// stored article).
	Outcome     Outcome
	Tags        int  // article–tag pairs added
	Note        bool // the note was added
	Highlights  AnchorCounts
	Collections int // collections made
}

// AddLibraryItem stores one item of a library in one transaction: the
// article as AddCapture stores an article (a new one, or a new version
// of the stored article with the same address and other text; the same
// address and content, or without an address the same title and text,
// stores nothing), or nothing when it.MergeInto names the stored article;
// then on that article its tags, starred and read states (set, never
// unset), its note (appended to the free note unless already in it),
// its highlights (anchored exactly, else fuzzily, else kept orphaned;
// one already there is not added twice) and its collections.
//
// It returns an error naming the original, and stores nothing, when the
// item is invalid (no article, a wrong SHA-256), when it.MergeInto is not
// an article (wrapping ErrNotFound) or when the database fails.
func (s *Store) AddLibraryItem(ctx context.Context, it *LibraryItem) (LibraryResult, error) {
	name := captureName(&Capture{Original: it.Original})
	if err := validateItem(it); err != nil {
		return LibraryResult{}, fmt.Errorf("add %s: %w", name, err)
	}
	now := time.Now().UTC()
	var row *articleRow
	if it.MergeInto == 0 {
		a := *it.Article
		a.Tags = nil // added by mergeItem, which counts them
		rows, err := articleRows(&Capture{Original: it.Original, Articles: []*Article{&a}}, now)
		if err != nil {
			return LibraryResult{}, fmt.Errorf("add %s: %w", name, err)
		}
		row = &rows[0]
	}
	var res LibraryResult
	err := s.write(ctx, func(tx *sql.Tx) error {
		var err error
		if res.ID, res.Outcome, err = storeItem(ctx, tx, it, row, now); err != nil {
			return err
		}
		return mergeItem(ctx, tx, res.ID, it, &res, now)
	})
	if err != nil {
		return LibraryResult{}, fmt.Errorf("add %s: %w", name, err)
	}
	return res, nil
}

// validateItem checks what AddLibraryItem needs before the transaction.
func validateItem(it *LibraryItem) error {
	if it.Article == nil {
		return fmt.Errorf("%w: no article", ErrInvalid)
	}
	if it.MergeInto != 0 {
		return nil
	}
	return validateCapture(&Capture{Original: it.Original, Articles: []*Article{it.Article}, Images: it.Images})
}

// sameTextQuery finds an article without an address by its title and text.
const sameTextQuery = `SELECT id FROM articles WHERE url_key = '' AND title = ? AND text = ? ORDER BY id LIMIT 1`

// storeItem stores the item's article (unless it is stored already) and
// returns its ID and what storing it did.
func storeItem(ctx context.Context, tx *sql.Tx, it *LibraryItem, r *articleRow, now time.Time) (int64, Outcome, error) {
	if it.MergeInto != 0 {
		if _, err := articleText(ctx, tx, it.MergeInto); err != nil {
			return 0, 0, fmt.Errorf("article %d: %w", it.MergeInto, err)
		}
		return it.MergeInto, AlreadyPresent, nil
	}
	cur, err := currentVersion(ctx, tx, r.urlKey)
	if err != nil {
		return 0, 0, err
	}
	if cur != nil && cur.sameContent(r) {
		return cur.id, AlreadyPresent, nil
	}
	if r.urlKey == "" {
		var id int64
		err := tx.QueryRowContext(ctx, sameTextQuery, r.a.Title, r.text).Scan(&id)
		if err == nil {
			return id, AlreadyPresent, nil
		} else if !errors.Is(err, sql.ErrNoRows) {
			return 0, 0, err
		}
	}
	origID, err := ensureOriginal(ctx, tx, &it.Original, now)
	if err != nil {
		return 0, 0, err
	}
	if err := insertImages(ctx, tx, it.Images); err != nil {
		return 0, 0, err
	}
	var idx indexQueue
	id, out, err := storeArticle(ctx, tx, &idx, origID, it.Position, r, now)
	if err != nil {
		return 0, 0, err
	}
	return id, out, idx.flush(ctx, tx)
}

// ensureOriginal returns the ID of the original o, storing it first when
// it is not stored yet.
func ensureOriginal(ctx context.Context, tx *sql.Tx, o *Original, now time.Time) (int64, error) {
	sha := normSHA(o.SHA256)
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM originals WHERE sha256 = ?`, sha).Scan(&id)
	if err == nil || !errors.Is(err, sql.ErrNoRows) {
		return id, err
	}
	blob, enc, err := pack(o.Data)
	if err != nil {
		return 0, fmt.Errorf("compress: %w", err)
	}
	return insertOriginal(ctx, tx, o, sha, blob, enc, now)
}

// mergeItem gives article id the item's tags, states, note, highlights
// and collections.
func mergeItem(ctx context.Context, tx *sql.Tx, id int64, it *LibraryItem, res *LibraryResult, now time.Time) error {
	var err error
	if res.Tags, err = addItemTags(ctx, tx, id, it.Article.Tags); err != nil {
		return err
	}
	const states = `UPDATE articles SET starred = starred OR ?, read = read OR ? WHERE id = ?`
	if _, err := tx.ExecContext(ctx, states, it.Article.Starred, it.Article.Read, id); err != nil {
		return err
	}
	for _, path := range it.Collections {
		n, err := addToCollectionPath(ctx, tx, path, id, now)
		if err != nil {
			return fmt.Errorf("collection %q: %w", path, err)
		}
		res.Collections += n
	}
	if res.Note, err = appendNote(ctx, tx, id, it.Note, now); err != nil {
		return err
	}
	if err := addItemHighlights(ctx, tx, id, it.Highlights, &res.Highlights, now); err != nil {
		return err
	}
	return refreshNotes(ctx, tx, id)
}

// addItemTags attaches tags to article id and returns how many were new
// to it.
func addItemTags(ctx context.Context, tx *sql.Tx, id int64, tags []string) (int, error) {
	n := 0
	for _, t := range tags {
		if t = query.NormTag(t); t == "" {
			continue
		}
		if _, err := tx.ExecContext(ctx, insertTagQuery, t); err != nil {
			return 0, fmt.Errorf("tag %q: %w", t, err)
		}
		res, err := tx.ExecContext(ctx, insertArticleTagQuery, id, t)
		if err != nil {
			return 0, fmt.Errorf("tag %q: %w", t, err)
		}
		k, _ := res.RowsAffected()
		n += int(k)
	}
	return n, nil
}

// appendNote adds text to the free note of article id, unless the note
// holds it already, and reports whether it did.
func appendNote(ctx context.Context, tx *sql.Tx, id int64, text string, now time.Time) (bool, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return false, nil
	}
	var old string
	err := tx.QueryRowContext(ctx, `SELECT note FROM annotations WHERE article_id = ? AND kind = 'note'`, id).Scan(&old)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return false, err
	}
	if strings.Contains(old, text) {
		return false, nil
	}
	if strings.TrimSpace(old) != "" {
		text = old + "\n\n" + text
	}
	_, err = tx.ExecContext(ctx, setNoteQuery, id, text, formatTime(now))
	return err == nil, err
}

// addItemHighlights anchors the highlights in article id's text and
// stores those it does not have yet, counting how each was placed.
func addItemHighlights(ctx context.Context, tx *sql.Tx, id int64, hs []LibraryHighlight, n *AnchorCounts, now time.Time) error {
	if len(hs) == 0 {
		return nil
	}
	text, err := articleText(ctx, tx, id)
	if err != nil {
		return err
	}
	have, err := queryAnnotations(ctx, tx, articleAnnotationsQuery, id)
	if err != nil {
		return fmt.Errorf("read annotations: %w", err)
	}
	rs := []rune(text)
	for _, h := range hs {
		if strings.TrimSpace(h.Exact) == "" {
			continue
		}
		a := Annotation{ArticleID: id, Kind: KindHighlight, Quote: TextQuote{Exact: strings.TrimSpace(h.Exact)},
			Start: -1, End: -1, Orphaned: true, Color: h.Color, Note: h.Note, Created: h.Created, Modified: now}
		if a.Created.IsZero() {
			a.Created = now
		}
		count := &n.Orphaned
		if s, e, ok := exactAnchor(rs, a.Quote, -1); ok {
			a.Quote, a.Start, a.End, a.Orphaned, count = quoteAt(rs, s, e), s, e, false, &n.Exact
		} else if s, e, ok := fuzzyAnchor(rs, a.Quote); ok {
			a.Quote, a.Start, a.End, a.Orphaned, count = quoteAt(rs, s, e), s, e, false, &n.Fuzzy
		}
		if hasHighlight(have, a) {
			n.Present++
			continue
		}
		*count++
		if _, err := insertAnnotation(ctx, tx, &a); err != nil {
			return err
		}
		have = append(have, a)
	}
	return nil
}

// hasHighlight reports whether list holds h already: a highlight with
// the same note at the same place, or of the same passage (white space
// and case folded).
func hasHighlight(list []Annotation, h Annotation) bool {
	exact := string(fold([]rune(h.Quote.Exact), true).r)
	for _, a := range list {
		if a.Kind != KindHighlight || strings.TrimSpace(a.Note) != strings.TrimSpace(h.Note) {
			continue
		}
		if !a.Orphaned && !h.Orphaned && a.Start == h.Start && a.End == h.End ||
			string(fold([]rune(a.Quote.Exact), true).r) == exact {
			return true
		}
	}
	return false
}

// addToCollectionPath appends article id to the collection at path
// ("a/b"), making the collections of the path that are missing, and
// returns how many it made.
func addToCollectionPath(ctx context.Context, tx *sql.Tx, path string, id int64, now time.Time) (int, error) {
	var parent int64
	made := 0
	for _, name := range strings.Split(path, "/") {
		if name = strings.TrimSpace(name); name == "" {
			continue
		}
		const find = `SELECT id FROM collections WHERE coalesce(parent_id, 0) = ? AND name = ? COLLATE NOCASE`
		var cid int64
		err := tx.QueryRowContext(ctx, find, parent, name).Scan(&cid)
		if errors.Is(err, sql.ErrNoRows) {
			const q = `INSERT INTO collections (parent_id, name, created) VALUES (?, ?, ?) RETURNING id`
			err = tx.QueryRowContext(ctx, q, parentArg(parent), name, formatTime(now)).Scan(&cid)
			made++
		}
		if err != nil {
			return 0, err
		}
		parent = cid
	}
	if parent == 0 {
		return 0, nil
	}
	const q = `
INSERT INTO collection_articles (collection_id, article_id, position, added)
VALUES (?1, ?2, (SELECT coalesce(max(position), 0) + 1 FROM collection_articles WHERE collection_id = ?1), ?3)
ON CONFLICT DO NOTHING`
	_, err := tx.ExecContext(ctx, q, parent, id, formatTime(now))
	return made, err
}
