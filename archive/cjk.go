package archive

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode"
)

// Chinese, Japanese and Korean.
//
// The unicode61 tokenizer splits text at spaces and punctuation, so a
// sentence written without spaces becomes one long token and a word inside
// it cannot be found. Like Zotero, Clippings indexes such text a second
// time as overlapping two-character pieces (bigrams): 北京举行会谈 becomes
// "北京 京举 举行 行会 会谈 谈". The last character of each run is added
// alone, so that every character of the run starts exactly one piece. The
// pieces go into the column articles.cjk (indexed as articles_fts.cjk).
//
// A query word in these scripts becomes a phrase of its bigrams on that
// column: 会谈 → {cjk}:"会谈", 举行会谈 → {cjk}:"举行 行会 会谈" (the
// pieces must follow each other, as they do in the text). A one-character
// word matches every piece it starts: {cjk}:"谈"*. So words of any length,
// including the two-character words most common in Chinese, are found; the
// price is an occasional match that straddles two words (東京都 holds 京都).
// Korean separates words with spaces, but particles attach to them
// (서울에서 = 서울 + 에서), so Hangul is split the same way.

// isCJK reports whether r belongs to a script written (in effect) without
// spaces between words: Han, Hiragana, Katakana (with its prolonged sound
// mark) and Hangul.
func isCJK(r rune) bool {
	if r < 0x1100 {
		return false
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		r == 0x30FC || r == 0xFF70
}

// hasCJK reports whether s holds a CJK character.
func hasCJK(s string) bool { return strings.IndexFunc(s, isCJK) >= 0 }

// isWordChar reports whether the unicode61 tokenizer keeps r in a token.
func isWordChar(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.In(r, unicode.L, unicode.N, unicode.Co, unicode.Mn)
}

// cjkGrams returns the bigram text of the CJK runs in parts, "" when there
// are none. A token of letters that mixes scripts (使用iPhone的) also
// yields its other-script pieces as words ("iPhone"), since unicode61 keeps
// the whole token as one and would not find them.
func cjkGrams(parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		if !hasCJK(p) {
			continue
		}
		for _, tok := range strings.FieldsFunc(p, func(r rune) bool { return !isWordChar(r) }) {
			if hasCJK(tok) {
				writeGrams(&b, tok)
			}
		}
	}
	return b.String()
}

// writeGrams writes the pieces of one token: bigrams for its CJK runs,
// words for the rest.
func writeGrams(b *strings.Builder, tok string) {
	rs := []rune(tok)
	for i := 0; i < len(rs); {
		j := i + 1
		cjk := isCJK(rs[i])
		for j < len(rs) && isCJK(rs[j]) == cjk {
			j++
		}
		if cjk {
			for k := i; k+1 < j; k++ {
				sep(b)
				b.WriteRune(rs[k])
				b.WriteRune(rs[k+1])
			}
			sep(b)
			b.WriteRune(rs[j-1])
		} else {
			sep(b)
			b.WriteString(string(rs[i:j]))
		}
		i = j
	}
}

func sep(b *strings.Builder) {
	if b.Len() > 0 {
		b.WriteByte(' ')
	}
}

// cjkQuery returns the bigram phrase that finds the CJK run w in the cjk
// column, and whether it must match as a prefix (a single character).
func cjkQuery(w string) (phrase string, prefix bool) {
	rs := []rune(w)
	if len(rs) == 1 {
		return w, true
	}
	var b strings.Builder
	for k := 0; k+1 < len(rs); k++ {
		sep(&b)
		b.WriteRune(rs[k])
		b.WriteRune(rs[k+1])
	}
	return b.String(), false
}

// cjkOf returns the cjk column of an article row.
func cjkOf(title, subtitle, byline, text, captions, notes string) string {
	return cjkGrams(title, subtitle, byline, text, captions, notes)
}

// backfillCJK fills articles.cjk for the articles stored before the column
// existed (migration 0002). It reads every article once.
func backfillCJK(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, title, subtitle, byline, text, captions FROM articles`)
	if err != nil {
		return fmt.Errorf("read articles: %w", err)
	}
	grams := map[int64]string{}
	for rows.Next() {
		var id int64
		var f [5]string
		if err := rows.Scan(&id, &f[0], &f[1], &f[2], &f[3], &f[4]); err != nil {
			rows.Close()
			return fmt.Errorf("read articles: %w", err)
		}
		if g := cjkOf(f[0], f[1], f[2], f[3], f[4], ""); g != "" {
			grams[id] = g
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read articles: %w", err)
	}
	return setByID(ctx, tx, `UPDATE articles SET cjk = ? WHERE id = ?`, grams)
}

// setByID runs update, which sets one column of an article (arguments:
// the value, then the ID), for each article of values.
func setByID(ctx context.Context, tx *sql.Tx, update string, values map[int64]string) error {
	for id, v := range values {
		if _, err := tx.ExecContext(ctx, update, v, id); err != nil {
			return fmt.Errorf("article %d: %w", id, err)
		}
	}
	return nil
}
