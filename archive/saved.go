package archive

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// SavedSearch is a query kept under a name: a smart collection. Run it
// with Find, or use it inside other queries as saved:NAME.
type SavedSearch struct {
	ID      int64     `json:"id"`
	Name    string    `json:"name"`
	Query   string    `json:"query"`
	Created time.Time `json:"created"`
}

const saveSearchQuery = `
INSERT INTO saved_searches (name, query, created) VALUES (?, ?, ?)
ON CONFLICT (name) DO UPDATE SET query = excluded.query`

// SaveSearch keeps query under name, replacing the query of a saved
// search of that name (names compare without case). The query must
// parse. It returns an error wrapping ErrInvalid for an empty name, or a
// *QueryError for a malformed query.
func (s *Store) SaveSearch(ctx context.Context, name, query string) error {
	name = strings.TrimSpace(name)
	if name == "" {
		return fmt.Errorf("save search: %w: empty name", ErrInvalid)
	}
	if _, err := ParseQuery(query); err != nil {
		return fmt.Errorf("save search %q: %w", name, err)
	}
	if _, err := s.q().ExecContext(ctx, saveSearchQuery, name, query, formatTime(time.Now())); err != nil {
		return fmt.Errorf("save search %q: %w", name, err)
	}
	return nil
}

// SavedSearches returns the saved searches by name. It returns an error
// only when the database fails.
func (s *Store) SavedSearches(ctx context.Context) ([]SavedSearch, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, query, created FROM saved_searches ORDER BY name COLLATE NOCASE`)
	if err != nil {
		return nil, fmt.Errorf("list saved searches: %w", err)
	}
	defer rows.Close()
	var out []SavedSearch
	for rows.Next() {
		ss, err := scanSaved(rows)
		if err != nil {
			return nil, fmt.Errorf("list saved searches: %w", err)
		}
		out = append(out, ss)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list saved searches: %w", err)
	}
	return out, nil
}

func scanSaved(row interface{ Scan(...any) error }) (SavedSearch, error) {
	var ss SavedSearch
	var created sql.NullString
	if err := row.Scan(&ss.ID, &ss.Name, &ss.Query, &created); err != nil {
		return ss, err
	}
	var err error
	ss.Created, err = parseTime(created)
	return ss, err
}

// SavedSearch returns the saved search called name (without case). It
// returns an error wrapping ErrNotFound when there is none.
func (s *Store) SavedSearch(ctx context.Context, name string) (*SavedSearch, error) {
	const q = `SELECT id, name, query, created FROM saved_searches WHERE name = ?`
	ss, err := scanSaved(s.q().QueryRowContext(ctx, q, strings.TrimSpace(name)))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("saved search %q: %w", name, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("saved search %q: %w", name, err)
	}
	return &ss, nil
}

// RenameSavedSearch renames a saved search. It returns an error wrapping
// ErrNotFound, ErrExists (the new name is taken) or ErrInvalid (empty).
func (s *Store) RenameSavedSearch(ctx context.Context, old, name string) error {
	name = strings.TrimSpace(name)
	err := fmt.Errorf("%w: empty name", ErrInvalid)
	if name != "" {
		err = changed(s.db.ExecContext(ctx, `UPDATE saved_searches SET name = ? WHERE name = ?`, name, strings.TrimSpace(old)))
	}
	if err != nil {
		return fmt.Errorf("rename saved search %q: %w", old, uniqueErr(err))
	}
	return nil
}

// DeleteSavedSearch deletes the saved search called name. It returns an
// error wrapping ErrNotFound when there is none.
func (s *Store) DeleteSavedSearch(ctx context.Context, name string) error {
	if err := changed(s.db.ExecContext(ctx, `DELETE FROM saved_searches WHERE name = ?`, strings.TrimSpace(name))); err != nil {
		return fmt.Errorf("delete saved search %q: %w", name, err)
	}
	return nil
}
