package archive

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	authornames "github.com/clippings/clippings/internal/names"
	"github.com/gosimple/unidecode"
)

// Citation keys, stored with each article when it is first imported and
// never changed by Clippings afterwards (migrations/0011_citation_keys.sql),
// after Better BibTeX's rule: the first author's family name (an
// organisation's short name: "bbc" for BBC News, "fao" for the Food and
// Agriculture Organization; the site's when the article names no
// author), the year published, the first significant word of the title,
// all transliterated to lower-case ASCII ("肖春芳" gives "xiao"):
// "lindqvist2024libraries". A key already taken gets a letter: a, b, … z,
// aa…

// ErrKeyTaken is returned by SetCitationKey when another article has the
// key.
var ErrKeyTaken = errors.New("citation key taken by another article")

// stopWords are not used as the title word of a key.
var stopWords = map[string]bool{"the": true, "a": true, "an": true, "of": true, "on": true, "in": true,
	"and": true, "to": true, "for": true, "at": true, "by": true, "with": true, "is": true, "are": true,
	"from": true, "how": true, "why": true, "what": true, "who": true, "when": true, "der": true,
	"die": true, "das": true, "ein": true, "eine": true, "und": true, "le": true, "la": true, "les": true,
	"un": true, "une": true, "des": true, "du": true, "el": true, "los": true, "las": true, "il": true,
	"lo": true, "gli": true, "de": true, "het": true, "een": true, "en": true, "et": true, "y": true, "o": true}

// CitationKeyBase returns the key a makes before collisions are resolved.
func CitationKeyBase(a *Article) string {
	who := keyWord(authorWord(a), false)
	if who == "" {
		who = keyWord(orgShortName(a.Site), false)
	}
	if who == "" {
		who = "anon"
	}
	year := "nd" // no date
	if !a.Published.IsZero() {
		year = strconv.Itoa(a.Published.Year()) // the page's own year
	}
	return who + year + keyWord(a.Title, true)
}

// authorWord is the name the first author gives a key: a person's family
// name, an organisation's short name.
func authorWord(a *Article) string {
	if len(a.Authors) > 0 {
		au := a.Authors[0]
		if au.Kind == Organization {
			return orgShortName(au.Name)
		}
		if p := authornames.Parse(au.Name, a.Language); p.Literal == "" {
			return p.Family
		}
		return au.Name
	}
	for _, p := range authornames.Byline(a.Byline, a.Language) {
		if p.Literal != "" {
			return orgShortName(p.Literal)
		}
		return p.Family
	}
	return ""
}

// orgShortName is what an organisation is called for short: the initials
// of a name of three significant words or more ("Food and Agriculture
// Organization": "FAO"), else its first word ("BBC News": "BBC").
func orgShortName(name string) string {
	var sig []string
	for _, w := range strings.Fields(name) {
		if !stopWords[strings.ToLower(w)] {
			sig = append(sig, w)
		}
	}
	if len(sig) >= 3 && unicode.IsUpper([]rune(sig[0])[0]) {
		var b strings.Builder
		for _, w := range sig {
			b.WriteRune([]rune(w)[0])
		}
		return b.String()
	}
	if len(sig) > 0 {
		return sig[0]
	}
	return ""
}

// keyWord is the first word of s transliterated to lower-case ASCII
// letters and digits, skipping stop words when significant; "" when
// there is none.
func keyWord(s string, significant bool) string {
	ascii := strings.ToLower(unidecode.Unidecode(s))
	for _, w := range strings.FieldsFunc(ascii, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '\'')
	}) {
		w = strings.ReplaceAll(w, "'", "")
		if w != "" && (!significant || !stopWords[w]) {
			return w
		}
	}
	return ""
}

// KeySuffix is the letter that tells apart the nth key (from 0) of a
// base taken: a, b, … z, aa, ab…
func KeySuffix(n int) string { return letters(n) }

// letters numbers from 0 as a, b, … z, aa, ab…
func letters(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('a'+(i-1)%26)) + s
	}
	return s
}

// keyPattern is what a key may be: letters, digits and _ - : . + after a
// letter or digit, as BibTeX and pandoc read keys.
var keyPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_\-:.+]{0,99}$`)

// ValidCitationKey reports whether key may be a citation key.
func ValidCitationKey(key string) bool { return keyPattern.MatchString(key) }

// assignCitationKey gives article id of a its key: want when it is a
// valid key no article has, else the first of the base, the base with
// a, b… that no article has.
func assignCitationKey(ctx context.Context, tx *sql.Tx, id int64, a *Article, want string) (string, error) {
	key, err := freeKey(ctx, tx, want, CitationKeyBase(a))
	if err != nil {
		return "", fmt.Errorf("citation key: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO citation_keys (article_id, key) VALUES (?, ?)`, id, key); err != nil {
		return "", fmt.Errorf("citation key %s: %w", key, err)
	}
	return key, nil
}

// freeKey returns want when it is valid and free, else the first free
// one of base, base+"a", base+"b"…
func freeKey(ctx context.Context, tx *sql.Tx, want, base string) (string, error) {
	if ValidCitationKey(want) {
		if free, err := keyFree(ctx, tx, want); err != nil || free {
			return want, err
		}
	}
	for n := -1; ; n++ {
		key := base
		if n >= 0 {
			key += letters(n)
		}
		if free, err := keyFree(ctx, tx, key); err != nil || free {
			return key, err
		}
	}
}

// keyFree reports whether no article has key (without case).
func keyFree(ctx context.Context, tx *sql.Tx, key string) (bool, error) {
	var taken int
	err := tx.QueryRowContext(ctx, `SELECT count(*) FROM citation_keys WHERE key = ?`, key).Scan(&taken)
	return taken == 0, err
}

// backfillCitationKeys gives every stored article its key, in the order
// they were imported (the migration's Go step).
func backfillCitationKeys(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, title, byline, authors, site, language, published FROM articles ORDER BY id`)
	if err != nil {
		return fmt.Errorf("read articles: %w", err)
	}
	var arts []*Article
	for rows.Next() {
		a := &Article{}
		var published sql.NullString
		var authors string
		if err := rows.Scan(&a.ID, &a.Title, &a.Byline, &authors, &a.Site, &a.Language, &published); err != nil {
			rows.Close()
			return fmt.Errorf("read articles: %w", err)
		}
		if a.Authors, err = decodeJSON[Author](authors); err != nil {
			rows.Close()
			return fmt.Errorf("article %d: authors: %w", a.ID, err)
		}
		if a.Published, err = parseTime(published); err != nil {
			rows.Close()
			return fmt.Errorf("article %d: %w", a.ID, err)
		}
		arts = append(arts, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read articles: %w", err)
	}
	for _, a := range arts {
		if _, err := assignCitationKey(ctx, tx, a.ID, a, ""); err != nil {
			return fmt.Errorf("article %d: %w", a.ID, err)
		}
	}
	return nil
}

// CitationKeys returns the citation keys of the articles ids that exist.
func (s *Store) CitationKeys(ctx context.Context, ids []int64) (map[int64]string, error) {
	out := make(map[int64]string, len(ids))
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(start+500, len(ids))]
		q := `SELECT article_id, key FROM citation_keys WHERE article_id IN (?` + strings.Repeat(",?", len(chunk)-1) + `)`
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		rows, err := s.db.QueryContext(ctx, q, args...)
		if err != nil {
			return nil, fmt.Errorf("citation keys: %w", err)
		}
		for rows.Next() {
			var id int64
			var key string
			if err := rows.Scan(&id, &key); err != nil {
				rows.Close()
				return nil, fmt.Errorf("citation keys: %w", err)
			}
			out[id] = key
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("citation keys: %w", err)
		}
	}
	return out, nil
}

// CitationKey returns the citation key of article id, or an error
// wrapping ErrNotFound.
func (s *Store) CitationKey(ctx context.Context, id int64) (string, error) {
	var key string
	err := s.db.QueryRowContext(ctx, `SELECT key FROM citation_keys WHERE article_id = ?`, id).Scan(&key)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("citation key of article %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return "", fmt.Errorf("citation key of article %d: %w", id, err)
	}
	return key, nil
}

// SetCitationKey changes the citation key of article id. It returns an
// error wrapping ErrInvalid for a malformed key (see ValidCitationKey),
// ErrKeyTaken when another article has it (compared without case), or
// ErrNotFound when there is no such article.
func (s *Store) SetCitationKey(ctx context.Context, id int64, key string) error {
	if !ValidCitationKey(key) {
		return fmt.Errorf("citation key %q: %w: letters, digits and _ - : . + only, starting with a letter or digit", key, ErrInvalid)
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		var other int64
		err := tx.QueryRowContext(ctx, `SELECT article_id FROM citation_keys WHERE key = ?`, key).Scan(&other)
		switch {
		case err == nil && other != id:
			return fmt.Errorf("%w (article %d)", ErrKeyTaken, other)
		case err != nil && !errors.Is(err, sql.ErrNoRows):
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE citation_keys SET key = ? WHERE article_id = ?`, key, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("citation key of article %d: %w", id, err)
	}
	return nil
}
