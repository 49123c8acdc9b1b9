package archive

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clippings/clippings/archive/query"
)

// A tag's name is normalised once, here, whatever the way in (the command
// line, the window, a bundle, a capture): white space trimmed around each
// level and empty levels dropped (query.NormTag), so that "/lead",
// "a//b" and "trail/" are stored, found, renamed and deleted as "lead",
// "a/b" and "trail". A name left empty, or holding a control character
// (NUL, escapes, line breaks) or bytes that are not UTF-8, is refused.

// TagName returns the stored form of the tag name s, or an error wrapping
// ErrInvalid that says what is wrong with it.
func TagName(s string) (string, error) {
	if !utf8.ValidString(s) {
		return "", fmt.Errorf("%w: tag name %q is not valid UTF-8", ErrInvalid, s)
	}
	if strings.IndexFunc(s, unicode.IsControl) >= 0 {
		return "", fmt.Errorf("%w: tag name %q holds a control character", ErrInvalid, s)
	}
	n := query.NormTag(s)
	if n == "" {
		return "", fmt.Errorf("%w: empty tag name %q", ErrInvalid, s)
	}
	return n, nil
}

// unnamedTag is the name migration 0007 gives a stored tag whose name
// was nothing but slashes, spaces or control characters.
const unnamedTag = "unnamed"

// normaliseTags is the step of migration 0007: every stored tag whose
// name is not in normal form gets it, and joins the tag already holding
// that name (their articles are merged) when there is one. A name that
// normalises to nothing becomes unnamedTag.
func normaliseTags(ctx context.Context, tx *sql.Tx) error {
	type tag struct {
		id   int64
		name string
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, name FROM tags ORDER BY id`)
	if err != nil {
		return err
	}
	var odd []tag
	for rows.Next() {
		var t tag
		if err := rows.Scan(&t.id, &t.name); err != nil {
			rows.Close()
			return err
		}
		if n, err := TagName(t.name); err != nil || n != t.name {
			odd = append(odd, t)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, t := range odd {
		if err := moveOne(ctx, tx, renamed{id: t.id, name: t.name, dest: storedForm(t.name)}, true); err != nil {
			return fmt.Errorf("tag %q: %w", t.name, err)
		}
	}
	return nil
}

// storedForm is the normal form of a stored name, with its control
// characters and bytes that are not UTF-8 removed; unnamedTag when
// nothing is left.
func storedForm(name string) string {
	name = strings.ToValidUTF8(name, "")
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, name)
	if n, err := TagName(name); err == nil {
		return n
	}
	return unnamedTag
}
