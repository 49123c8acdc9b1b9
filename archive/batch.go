package archive

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
)

// Batch is one write transaction holding many changes, for merging a
// bundle all or nothing: either every change made through it is
// committed, or none is. Each of its methods behaves as the Store method
// of the same name, inside the transaction (each on its own savepoint, so
// a method that fails changes nothing and the batch may go on); what one
// wrote, the next reads. A Batch is valid only inside the function given
// to Store.Batch, and not for concurrent use.
type Batch struct {
	s *Store // bound to the transaction
}

// batchState is what a Store bound to a Batch's transaction carries.
type batchState struct {
	tx *sql.Tx
	// notes are the articles whose annotations changed: their notes
	// column (and index row) is rewritten once, when the batch ends,
	// rather than after each annotation (which made adding n highlights
	// to one article cost n² reads and index writes).
	notes map[int64]bool
}

// Batch runs fn in one write transaction and commits what it did when fn
// returns nil; when fn returns an error, or ctx ends, nothing fn did is
// kept. It returns fn's error, or one wrapping ErrBusy, ErrReadOnly,
// ErrDiskFull or ErrDamaged when the archive cannot be written.
func (s *Store) Batch(ctx context.Context, fn func(b *Batch) error) error {
	if s.batch != nil {
		return fmt.Errorf("%w: a batch inside a batch", ErrInvalid)
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		bound := &Store{db: s.db, path: s.path, gate: s.gate, now: s.now, tune: s.tune, log: s.log,
			batch: &batchState{tx: tx, notes: map[int64]bool{}}}
		if err := fn(&Batch{s: bound}); err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		return bound.batch.flushNotes(ctx)
	})
}

// flushNotes rewrites the notes column of the articles whose annotations
// changed in the batch.
func (b *batchState) flushNotes(ctx context.Context) error {
	ids := make([]int64, 0, len(b.notes))
	for id := range b.notes {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	for _, id := range ids {
		if err := refreshNotes(ctx, b.tx, id); err != nil {
			return fmt.Errorf("article %d: %w", id, err)
		}
	}
	return nil
}

// q is what the store reads and writes through: its batch's transaction
// when bound to one, else the pool.
func (s *Store) q() querier {
	if s.batch != nil {
		return s.batch.tx
	}
	return s.db
}

// step runs fn on a savepoint of the batch's transaction, rolled back
// when fn fails.
func (b *batchState) step(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if _, err := b.tx.ExecContext(ctx, `SAVEPOINT batch_step`); err != nil {
		return err
	}
	if err := fn(b.tx); err != nil {
		b.tx.ExecContext(ctx, `ROLLBACK TO batch_step`)
		b.tx.ExecContext(ctx, `RELEASE batch_step`)
		return err
	}
	_, err := b.tx.ExecContext(ctx, `RELEASE batch_step`)
	return err
}

// notesChanged notes that the annotations of article id changed: its
// notes column is rewritten now, or at the end of the batch.
func (s *Store) notesChanged(ctx context.Context, tx *sql.Tx, id int64) error {
	if s.batch != nil {
		s.batch.notes[id] = true
		return nil
	}
	return refreshNotes(ctx, tx, id)
}

// AddCapture is Store.AddCapture inside the batch.
func (b *Batch) AddCapture(ctx context.Context, c *Capture) (AddResult, error) {
	return b.s.AddCapture(ctx, c)
}

// Article is Store.Article inside the batch.
func (b *Batch) Article(ctx context.Context, id int64) (*Article, error) {
	return b.s.Article(ctx, id)
}

// AddTags is Store.AddTags inside the batch.
func (b *Batch) AddTags(ctx context.Context, ids []int64, tags ...string) (int, error) {
	return b.s.AddTags(ctx, ids, tags...)
}

// SetStarred is Store.SetStarred inside the batch.
func (b *Batch) SetStarred(ctx context.Context, starred bool, ids ...int64) error {
	return b.s.SetStarred(ctx, starred, ids...)
}

// SetRead is Store.SetRead inside the batch.
func (b *Batch) SetRead(ctx context.Context, read bool, ids ...int64) error {
	return b.s.SetRead(ctx, read, ids...)
}

// Annotations is Store.Annotations inside the batch.
func (b *Batch) Annotations(ctx context.Context, f AnnotationFilter) ([]Annotation, error) {
	return b.s.Annotations(ctx, f)
}

// AddHighlight is Store.AddHighlight inside the batch.
func (b *Batch) AddHighlight(ctx context.Context, id int64, h NewHighlight) (*Annotation, error) {
	return b.s.AddHighlight(ctx, id, h)
}

// RestoreAnnotation is Store.RestoreAnnotation inside the batch.
func (b *Batch) RestoreAnnotation(ctx context.Context, id int64, a Annotation) (int64, error) {
	return b.s.RestoreAnnotation(ctx, id, a)
}

// SetNote is Store.SetNote inside the batch.
func (b *Batch) SetNote(ctx context.Context, id int64, text string) error {
	return b.s.SetNote(ctx, id, text)
}

// Collections is Store.Collections inside the batch.
func (b *Batch) Collections(ctx context.Context) ([]Collection, error) {
	return b.s.Collections(ctx)
}

// CreateCollection is Store.CreateCollection inside the batch.
func (b *Batch) CreateCollection(ctx context.Context, parent int64, name string) (int64, error) {
	return b.s.CreateCollection(ctx, parent, name)
}

// AddToCollection is Store.AddToCollection inside the batch.
func (b *Batch) AddToCollection(ctx context.Context, id int64, articles ...int64) (int, error) {
	return b.s.AddToCollection(ctx, id, articles...)
}

// SavedSearch is Store.SavedSearch inside the batch.
func (b *Batch) SavedSearch(ctx context.Context, name string) (*SavedSearch, error) {
	return b.s.SavedSearch(ctx, name)
}

// SaveSearch is Store.SaveSearch inside the batch.
func (b *Batch) SaveSearch(ctx context.Context, name, query string) error {
	return b.s.SaveSearch(ctx, name, query)
}
