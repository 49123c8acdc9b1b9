package archive

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// AnnotationFilter selects annotations. Zero fields select everything; a
// Limit of 0 or less means DefaultLimit.
type AnnotationFilter struct {
	ArticleID int64          // only this article's
	Kind      AnnotationKind // only highlights or only notes
	Color     string         // only this colour
	Text      string         // passage or note contains this (case-insensitive for ASCII letters)
	Orphaned  bool           // only highlights whose passage was lost
	Offset    int
	Limit     int
}

const annotationColumns = `an.id, an.article_id, an.kind, an.exact, an.prefix, an.suffix,
	an.start_char, an.end_char, an.color, an.note, an.orphaned, an.created, an.modified, a.title`

// Annotations returns annotations across the archive: an article's in
// text order (its free note first), otherwise the most recently changed
// first. It returns an error only when the database fails.
func (s *Store) Annotations(ctx context.Context, f AnnotationFilter) ([]Annotation, error) {
	var where []string
	var args []any
	add := func(cond string, arg any) {
		where = append(where, cond)
		args = append(args, arg)
	}
	order := `an.modified DESC, an.id DESC`
	if f.ArticleID != 0 {
		add(`an.article_id = ?`, f.ArticleID)
		order = `an.kind = 'highlight', an.start_char, an.id`
	}
	if f.Kind != "" {
		add(`an.kind = ?`, string(f.Kind))
	}
	if f.Color != "" {
		add(`an.color = ? COLLATE NOCASE`, f.Color)
	}
	if f.Text != "" {
		pat := "%" + escapeLike(f.Text) + "%"
		where = append(where, `(an.exact LIKE ? ESCAPE '\' OR an.note LIKE ? ESCAPE '\')`)
		args = append(args, pat, pat)
	}
	if f.Orphaned {
		where = append(where, `an.orphaned = 1`)
	}
	q := `SELECT ` + annotationColumns + ` FROM annotations an JOIN articles a ON a.id = an.article_id`
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, ` AND `)
	}
	offset, limit := page(f.Offset, f.Limit)
	q += ` ORDER BY ` + order + ` LIMIT ? OFFSET ?`
	list, err := queryAnnotations(ctx, s.q(), q, append(args, limit, offset)...)
	if err != nil {
		return nil, fmt.Errorf("list annotations: %w", err)
	}
	return list, nil
}

// queryAnnotations runs q, which selects annotationColumns.
func queryAnnotations(ctx context.Context, db querier, q string, args ...any) ([]Annotation, error) {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []Annotation
	for rows.Next() {
		var a Annotation
		var kind string
		var created, modified sql.NullString
		if err := rows.Scan(&a.ID, &a.ArticleID, &kind, &a.Quote.Exact, &a.Quote.Prefix, &a.Quote.Suffix,
			&a.Start, &a.End, &a.Color, &a.Note, &a.Orphaned, &created, &modified, &a.Title); err != nil {
			return nil, err
		}
		a.Kind = AnnotationKind(kind)
		if a.Created, err = parseTime(created); err != nil {
			return nil, err
		}
		if a.Modified, err = parseTime(modified); err != nil {
			return nil, err
		}
		list = append(list, a)
	}
	return list, rows.Err()
}

// escapeLike escapes the wildcards of a LIKE pattern (with ESCAPE '\').
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// notesText is what articles.notes holds for a list of annotations:
// passages and notes, one a line.
func notesText(list []Annotation) string {
	var b strings.Builder
	for _, a := range list {
		for _, s := range []string{a.Quote.Exact, a.Note} {
			if s = strings.TrimSpace(s); s != "" {
				if b.Len() > 0 {
					b.WriteByte('\n')
				}
				b.WriteString(s)
			}
		}
	}
	return b.String()
}

const articleAnnotationsQuery = `SELECT ` + annotationColumns + `
FROM annotations an JOIN articles a ON a.id = an.article_id
WHERE an.article_id = ? ORDER BY an.kind = 'highlight', an.start_char, an.id`

// refreshNotes rewrites articles.notes (and the bigrams, which include
// them) of article id after its annotations changed.
func refreshNotes(ctx context.Context, tx *sql.Tx, id int64) error {
	list, err := queryAnnotations(ctx, tx, articleAnnotationsQuery, id)
	if err != nil {
		return fmt.Errorf("read annotations: %w", err)
	}
	notes := notesText(list)
	var old string
	var f [5]string
	const q = `SELECT notes, title, subtitle, byline, text, captions FROM articles WHERE id = ?`
	if err := tx.QueryRowContext(ctx, q, id).Scan(&old, &f[0], &f[1], &f[2], &f[3], &f[4]); err != nil {
		return fmt.Errorf("read article: %w", err)
	}
	if old == notes {
		return nil
	}
	const upd = `UPDATE articles SET notes = ?, cjk = ? WHERE id = ?`
	if _, err := tx.ExecContext(ctx, upd, notes, cjkOf(f[0], f[1], f[2], f[3], f[4], notes), id); err != nil {
		return fmt.Errorf("index annotations: %w", err)
	}
	return nil
}

// reanchorArticle finds the highlights of article id again in its new
// text, flags those it cannot find as orphaned, and returns the article's
// notes column for the new text. It does not write articles.
func reanchorArticle(ctx context.Context, tx *sql.Tx, id int64, text string, now time.Time) (string, error) {
	list, err := queryAnnotations(ctx, tx, articleAnnotationsQuery, id)
	if err != nil {
		return "", fmt.Errorf("read annotations: %w", err)
	}
	rs := []rune(text)
	const upd = `
UPDATE annotations SET exact = ?, prefix = ?, suffix = ?, start_char = ?, end_char = ?, orphaned = ?, modified = ?
WHERE id = ?`
	for i := range list {
		a := &list[i]
		if a.Kind != KindHighlight {
			continue
		}
		if s, e, ok := anchor(rs, a.Quote, a.Start); ok {
			a.Quote, a.Start, a.End, a.Orphaned = quoteAt(rs, s, e), s, e, false
		} else {
			a.Start, a.End, a.Orphaned = -1, -1, true
		}
		if _, err := tx.ExecContext(ctx, upd, a.Quote.Exact, a.Quote.Prefix, a.Quote.Suffix,
			a.Start, a.End, a.Orphaned, formatTime(now), a.ID); err != nil {
			return "", fmt.Errorf("re-anchor annotation %d: %w", a.ID, err)
		}
	}
	return notesText(list), nil
}
