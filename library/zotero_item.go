package library

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/importer"
)

// Zotero's attachment link modes (Zotero.Attachments.LINK_MODE_*).
const (
	zoteroImportedFile = 0
	zoteroImportedURL  = 1 // a snapshot
	zoteroLinkedFile   = 2
)

// Zotero's annotation types (Zotero.Annotations.ANNOTATION_TYPE_*).
const (
	zoteroHighlight = 1
	zoteroNote      = 2
	zoteroUnderline = 5
)

// entry reads one Zotero item: its metadata, tags, collections, child
// notes and the snapshot with its annotations.
func (z *zotero) entry(id int64, key string, pos int) (entry, error) {
	e := entry{ref: "item " + key, pos: pos}
	fields, err := z.pairs(`
SELECT f.fieldName, v.value FROM itemData d JOIN fields f ON f.fieldID = d.fieldID
JOIN itemDataValues v ON v.valueID = d.valueID WHERE d.itemID = ?`, id)
	if err != nil {
		return e, fmt.Errorf("fields: %w", err)
	}
	authors, err := z.creators(id)
	if err != nil {
		return e, fmt.Errorf("creators: %w", err)
	}
	if e.tags, err = z.column(`SELECT t.name FROM itemTags it JOIN tags t ON t.tagID = it.tagID WHERE it.itemID = ? ORDER BY t.name`, id); err != nil {
		return e, fmt.Errorf("tags: %w", err)
	}
	colls, err := z.column(`SELECT collectionID FROM collectionItems WHERE itemID = ? ORDER BY collectionID`, id)
	if err != nil {
		return e, fmt.Errorf("collections: %w", err)
	}
	for _, c := range colls {
		var cid int64
		fmt.Sscan(c, &cid)
		if p := z.collections[cid]; p != "" {
			e.collections = append(e.collections, p)
		}
	}
	notes, err := z.column(`SELECT note FROM itemNotes WHERE parentItemID = ? AND itemID NOT IN (SELECT itemID FROM deletedItems) ORDER BY itemID`, id)
	if err != nil {
		return e, fmt.Errorf("notes: %w", err)
	}
	for i := range notes {
		notes[i] = htmlText(notes[i])
	}
	if x := strings.TrimSpace(fields["extra"]); x != "" {
		notes = append(notes, "Extra: "+x)
	}
	e.url, e.title, e.saved = fields["url"], fields["title"], parseTime(fields["accessDate"])
	m := meta{title: fields["title"], url: fields["url"], subtitle: fields["abstractNote"], lang: fields["language"],
		site: firstOf(fields["publicationTitle"], fields["websiteTitle"], fields["blogTitle"]), authors: authors,
		published: zoteroDate(fields["date"]), captured: e.saved, format: zoteroFormat + e.ref}
	path, att, err := z.snapshot(id)
	if err != nil {
		return e, fmt.Errorf("attachments: %w", err)
	}
	if path == "" {
		e.fail = "no HTML snapshot (only web snapshots become articles)"
		return e, nil
	}
	if notes, err = z.annotations(&e, att, notes); err != nil {
		return e, fmt.Errorf("annotations: %w", err)
	}
	e.note = strings.Join(notes, "\n\n")
	z.cleanSnapshot(&e, path, m)
	return e, nil
}

// cleanSnapshot makes the snapshot at path the entry's content and its
// original.
func (z *zotero) cleanSnapshot(e *entry, path string, m meta) {
	var orig *archive.Original
	e.clean = func() (*archive.Article, []archive.Image, error) {
		c, err := importer.ReadFile(context.Background(), path)
		if err != nil {
			return nil, nil, err
		}
		orig = &c.Original
		a := c.Articles[0]
		m.apply(a)
		return a, c.Images, nil
	}
	e.own = func() *archive.Original { return orig }
}

// creators returns an item's creators in order: a person (first and last
// name), or an organisation (a single name, fieldMode 1); creators other
// than authors with their role ("editor").
func (z *zotero) creators(id int64) ([]archive.Author, error) {
	rows, err := z.db.Query(`
SELECT coalesce(c.firstName, ''), coalesce(c.lastName, ''), coalesce(c.fieldMode, 0), coalesce(t.creatorType, '')
FROM itemCreators ic JOIN creators c ON c.creatorID = ic.creatorID
LEFT JOIN creatorTypes t ON t.creatorTypeID = ic.creatorTypeID
WHERE ic.itemID = ? ORDER BY ic.orderIndex`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []archive.Author
	for rows.Next() {
		var first, last, role string
		var mode int
		if err := rows.Scan(&first, &last, &mode, &role); err != nil {
			return nil, err
		}
		a := archive.Author{Name: strings.TrimSpace(first + " " + last), Kind: archive.Person}
		if mode == 1 {
			a.Name, a.Kind = strings.TrimSpace(last+" "+first), archive.Organization
		}
		if role != "author" {
			a.Role = role
		}
		if a.Name != "" {
			out = append(out, a)
		}
	}
	return out, rows.Err()
}

// snapshot returns the path of an item's HTML snapshot (the first not in
// the trash), with the attachment's ID; "" when it has none.
func (z *zotero) snapshot(id int64) (string, int64, error) {
	rows, err := z.db.Query(`
SELECT a.itemID, i.key, coalesce(a.linkMode, -1), coalesce(a.contentType, ''), coalesce(a.path, '')
FROM itemAttachments a JOIN items i ON i.itemID = a.itemID
WHERE a.parentItemID = ? AND a.itemID NOT IN (SELECT itemID FROM deletedItems) ORDER BY a.itemID`, id)
	if err != nil {
		return "", 0, err
	}
	defer rows.Close()
	for rows.Next() {
		var att int64
		var key, ctype, path string
		var mode int
		if err := rows.Scan(&att, &key, &mode, &ctype, &path); err != nil {
			return "", 0, err
		}
		ext := strings.ToLower(filepath.Ext(path))
		if ctype != "text/html" && ctype != "application/xhtml+xml" && ext != ".html" && ext != ".htm" {
			continue
		}
		var file string
		switch name, ok := strings.CutPrefix(path, "storage:"); {
		case ok && (mode == zoteroImportedURL || mode == zoteroImportedFile):
			file = filepath.Join(z.dir, "storage", key, filepath.Base(name))
		case mode == zoteroLinkedFile && filepath.IsAbs(path):
			file = path
		}
		if st, err := os.Stat(file); file != "" && err == nil && st.Mode().IsRegular() {
			return file, att, rows.Err()
		}
	}
	return "", 0, rows.Err()
}

// annotations gives e the highlights and underlines of the snapshot att
// (Zotero 7) and returns notes with the annotations that are notes.
// Annotations without text (images, ink) are reported left out.
func (z *zotero) annotations(e *entry, att int64, notes []string) ([]string, error) {
	if !z.hasAnnotations {
		return notes, nil
	}
	rows, err := z.db.Query(`
SELECT a.type, coalesce(a.text, ''), coalesce(a.comment, ''), coalesce(a.color, ''), i.dateAdded
FROM itemAnnotations a JOIN items i ON i.itemID = a.itemID
WHERE a.parentItemID = ? AND a.itemID NOT IN (SELECT itemID FROM deletedItems) ORDER BY a.sortIndex, a.itemID`, att)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	other := 0
	for rows.Next() {
		var kind int
		var text, comment, color, added string
		if err := rows.Scan(&kind, &text, &comment, &color, &added); err != nil {
			return nil, err
		}
		switch {
		case (kind == zoteroHighlight || kind == zoteroUnderline) && strings.TrimSpace(text) != "":
			e.highlights = append(e.highlights, archive.LibraryHighlight{Exact: text, Note: comment, Color: color, Created: parseTime(added)})
		case kind == zoteroNote && strings.TrimSpace(comment) != "":
			notes = append(notes, comment)
		default:
			other++
		}
	}
	if other > 0 {
		z.src.skipped = append(z.src.skipped, Skip{Entry: e.ref, Reason: fmt.Sprintf("%d annotations without text (images, ink) left out", other)})
	}
	return notes, rows.Err()
}

// zoteroDate reads Zotero's stored date, "2019-03-14 14 March 2019"
// ("00" for an unknown month or day); zero when there is none.
func zoteroDate(s string) time.Time {
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' {
		d := s[:10]
		d = strings.Replace(d, "-00", "-01", 2)
		if t, err := time.Parse("2006-01-02", d); err == nil && t.Year() > 0 {
			return t
		}
	}
	return parseTime(s)
}

// pairs returns the two columns of query's rows as a map.
func (z *zotero) pairs(query string, args ...any) (map[string]string, error) {
	rows, err := z.db.Query(query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var k string
		var v sql.NullString
		if err := rows.Scan(&k, &v); err != nil {
			return nil, err
		}
		out[k] = v.String
	}
	return out, rows.Err()
}

// column returns the one column of query's rows.
func (z *zotero) column(query string, args ...any) ([]string, error) {
	rows, err := z.db.Query(query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v sql.NullString
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v.String)
	}
	return out, rows.Err()
}
