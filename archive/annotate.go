package archive

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// AnnotationKind says what an annotation is.
type AnnotationKind string

// The kinds of annotation.
const (
	KindHighlight AnnotationKind = "highlight" // a passage of the text, with an optional note
	KindNote      AnnotationKind = "note"      // the free note of an article (one at most)
)

// Annotation is a highlight or the free note of an article.
type Annotation struct {
	ID        int64          `json:"id"`
	ArticleID int64          `json:"article_id"`
	Kind      AnnotationKind `json:"kind"`
	Quote     TextQuote      `json:"quote,omitzero"` // the passage; empty for a note
	// Start and End are the passage's offsets in characters (Unicode code
	// points, Go runes) of the article's current Article.Text(), [Start,
	// End); -1 for a note or an orphaned highlight.
	Start    int       `json:"start"`
	End      int       `json:"end"`
	Color    string    `json:"color,omitempty"`
	Note     string    `json:"note,omitempty"`
	Orphaned bool      `json:"orphaned,omitempty"` // the text changed and the passage was not found again
	Created  time.Time `json:"created"`
	Modified time.Time `json:"modified"`
	Title    string    `json:"title,omitempty"` // the article's title (filled by Annotations)
}

// NewHighlight says which passage to highlight: either by offsets (Start <
// End, in runes of Article.Text(); Exact, if given, must then be the text
// there) or by its text alone (Exact, with Start = End = 0): the text must
// occur once, or Occurrence picks the nth (from 1). Runs of white space in
// Exact match any run of white space in the text.
type NewHighlight struct {
	Exact      string
	Start, End int
	Occurrence int
	Color      string
	Note       string
}

// Errors of annotations.
var (
	// ErrQuoteNotFound is returned when a passage to highlight is not in the text.
	ErrQuoteNotFound = errors.New("passage not found in the article")
	// ErrAmbiguous is returned when a passage occurs more than once and no
	// occurrence was chosen.
	ErrAmbiguous = errors.New("passage occurs more than once")
	// ErrInvalid is returned for an argument that cannot be right (an empty
	// name, offsets outside the text, a collection moved into itself…).
	ErrInvalid = errors.New("invalid argument")
)

// AddHighlight highlights a passage of article id's current text. It
// returns the stored highlight, or an error wrapping ErrNotFound (no such
// article), ErrQuoteNotFound, ErrAmbiguous or ErrInvalid (offsets outside
// the text, nothing to highlight).
func (s *Store) AddHighlight(ctx context.Context, id int64, h NewHighlight) (*Annotation, error) {
	var out *Annotation
	err := s.write(ctx, func(tx *sql.Tx) error {
		text, err := articleText(ctx, tx, id)
		if err != nil {
			return err
		}
		rs := []rune(text)
		start, end, err := locate(rs, h)
		if err != nil {
			return err
		}
		now := time.Now().UTC()
		out = &Annotation{ArticleID: id, Kind: KindHighlight, Quote: quoteAt(rs, start, end),
			Start: start, End: end, Color: h.Color, Note: h.Note, Created: now, Modified: now}
		if out.ID, err = insertAnnotation(ctx, tx, out); err != nil {
			return err
		}
		return s.notesChanged(ctx, tx, id)
	})
	if err != nil {
		return nil, fmt.Errorf("highlight in article %d: %w", id, err)
	}
	return out, nil
}

// locate returns the offsets h designates in text.
func locate(text []rune, h NewHighlight) (int, int, error) {
	if h.Start != 0 || h.End != 0 {
		if h.Start < 0 || h.End <= h.Start || h.End > len(text) {
			return 0, 0, fmt.Errorf("%w: offsets %d–%d outside the text (%d characters)", ErrInvalid, h.Start, h.End, len(text))
		}
		if h.Exact != "" && string(fold(text[h.Start:h.End], false).r) != string(fold([]rune(h.Exact), false).r) {
			return 0, 0, fmt.Errorf("%w at %d–%d", ErrQuoteNotFound, h.Start, h.End)
		}
		return h.Start, h.End, nil
	}
	exact := fold([]rune(strings.TrimSpace(h.Exact)), false).r
	if len(exact) == 0 {
		return 0, 0, fmt.Errorf("%w: nothing to highlight", ErrInvalid)
	}
	t := fold(text, false)
	at := occurrences(t.r, exact)
	switch {
	case len(at) == 0:
		return 0, 0, ErrQuoteNotFound
	case h.Occurrence > len(at) || h.Occurrence < 0:
		return 0, 0, fmt.Errorf("%w: occurrence %d of %d", ErrInvalid, h.Occurrence, len(at))
	case h.Occurrence == 0 && len(at) > 1:
		return 0, 0, fmt.Errorf("%w (%d times)", ErrAmbiguous, len(at))
	}
	i := at[max(h.Occurrence-1, 0)]
	s, e := t.span(i, i+len(exact))
	return s, e, nil
}

const insertAnnotationQuery = `
INSERT INTO annotations (article_id, kind, exact, prefix, suffix, start_char, end_char, color, note, orphaned, created, modified)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

func insertAnnotation(ctx context.Context, tx *sql.Tx, a *Annotation) (int64, error) {
	res, err := tx.ExecContext(ctx, insertAnnotationQuery, a.ArticleID, string(a.Kind),
		a.Quote.Exact, a.Quote.Prefix, a.Quote.Suffix, a.Start, a.End, a.Color, a.Note, a.Orphaned,
		formatTime(a.Created), formatTime(a.Modified))
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// articleText returns the current text of article id, or an error
// wrapping ErrNotFound.
func articleText(ctx context.Context, q querier, id int64) (string, error) {
	var text string
	err := q.QueryRowContext(ctx, `SELECT text FROM articles WHERE id = ?`, id).Scan(&text)
	if errors.Is(err, sql.ErrNoRows) {
		return "", ErrNotFound
	}
	return text, err
}

// AnnotationUpdate changes a highlight's colour or note; nil fields stay.
type AnnotationUpdate struct {
	Color, Note *string
}

// UpdateAnnotation changes the colour or the note of annotation id. It
// returns an error wrapping ErrNotFound when there is no such annotation.
func (s *Store) UpdateAnnotation(ctx context.Context, id int64, u AnnotationUpdate) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		var article int64
		var color, note string
		const q = `SELECT article_id, color, note FROM annotations WHERE id = ?`
		err := tx.QueryRowContext(ctx, q, id).Scan(&article, &color, &note)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		} else if err != nil {
			return err
		}
		if u.Color != nil {
			color = *u.Color
		}
		if u.Note != nil {
			note = *u.Note
		}
		const upd = `UPDATE annotations SET color = ?, note = ?, modified = ? WHERE id = ?`
		if _, err := tx.ExecContext(ctx, upd, color, note, formatTime(time.Now()), id); err != nil {
			return err
		}
		return refreshNotes(ctx, tx, article)
	})
	if err != nil {
		return fmt.Errorf("annotation %d: %w", id, err)
	}
	return nil
}

// DeleteAnnotation deletes annotation id (a highlight or a free note). It
// returns an error wrapping ErrNotFound when there is no such annotation.
func (s *Store) DeleteAnnotation(ctx context.Context, id int64) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		var article int64
		err := tx.QueryRowContext(ctx, `DELETE FROM annotations WHERE id = ? RETURNING article_id`, id).Scan(&article)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		} else if err != nil {
			return err
		}
		return refreshNotes(ctx, tx, article)
	})
	if err != nil {
		return fmt.Errorf("delete annotation %d: %w", id, err)
	}
	return nil
}

const setNoteQuery = `
INSERT INTO annotations (article_id, kind, note, created, modified) VALUES (?1, 'note', ?2, ?3, ?3)
ON CONFLICT (article_id) WHERE kind = 'note' DO UPDATE SET note = excluded.note, modified = excluded.modified`

// SetNote sets the free note of article id; an empty (or blank) text
// deletes it. It returns an error wrapping ErrNotFound when there is no
// such article.
func (s *Store) SetNote(ctx context.Context, id int64, text string) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		if _, err := articleText(ctx, tx, id); err != nil {
			return err
		}
		var err error
		if strings.TrimSpace(text) == "" {
			_, err = tx.ExecContext(ctx, `DELETE FROM annotations WHERE article_id = ? AND kind = 'note'`, id)
		} else {
			_, err = tx.ExecContext(ctx, setNoteQuery, id, text, formatTime(time.Now()))
		}
		if err != nil {
			return err
		}
		return s.notesChanged(ctx, tx, id)
	})
	if err != nil {
		return fmt.Errorf("note of article %d: %w", id, err)
	}
	return nil
}

// write runs fn in a write transaction and commits it; in a batch, on a
// savepoint of the batch's transaction.
func (s *Store) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if s.batch != nil {
		return s.batch.step(ctx, fn)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// RestoreAnnotation stores a as it was exported — quote, offsets, colour,
// note, orphaned flag and times unchanged — on article id, for merging a
// bundle into another archive. It returns the new annotation's ID, or an
// error wrapping ErrNotFound (no such article) or ErrInvalid (no kind).
func (s *Store) RestoreAnnotation(ctx context.Context, id int64, a Annotation) (int64, error) {
	if a.Kind == "" {
		return 0, fmt.Errorf("restore annotation: %w: no kind", ErrInvalid)
	}
	var newID int64
	err := s.write(ctx, func(tx *sql.Tx) error {
		if _, err := articleText(ctx, tx, id); err != nil {
			return err
		}
		a.ArticleID = id
		if a.Created.IsZero() {
			a.Created = time.Now().UTC()
		}
		if a.Modified.IsZero() {
			a.Modified = a.Created
		}
		var err error
		if newID, err = insertAnnotation(ctx, tx, &a); err != nil {
			return err
		}
		return s.notesChanged(ctx, tx, id)
	})
	if err != nil {
		return 0, fmt.Errorf("restore annotation on article %d: %w", id, err)
	}
	return newID, nil
}
