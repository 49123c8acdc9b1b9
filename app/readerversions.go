package app

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/clippings/clippings/app/blockview"
	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/archive/versiondiff"
)

// The versions of an article: a row under the reader's toolbar, shown
// for an article captured more than once, picks the version shown and
// can show what changed from the version before, word by word
// (archive/versiondiff): insertions tinted green and underlined,
// deletions tinted red and struck through, the headline and standfirst
// first, and the summary in words beside the switch.

func (t *readerTools) buildVersionBar() fyne.CanvasObject {
	t.versions = &widget.Select{OnChanged: t.pickVersion}
	t.changes = &widget.Check{Text: "Show changes", OnChanged: t.showChanges}
	t.summary = &widget.Label{SizeName: theme.SizeNameCaptionText, Wrapping: fyne.TextWrapWord}
	row := container.NewBorder(nil, nil, widget.NewLabel("Version"), t.changes, t.versions)
	t.versionBar = container.NewVBox(row, t.summary)
	t.versionBar.Hide()
	return t.versionBar
}

// updateVersions shows the versions of doc, and what changed when the
// doc is a comparison.
func (t *readerTools) updateVersions(doc *readerDoc) {
	if len(doc.versions) < 2 {
		t.versionBar.Hide()
		return
	}
	t.versionNumbers = map[string]int{}
	var opts []string
	chosen := ""
	for _, v := range doc.versions {
		o := versionLabel(v)
		opts = append(opts, o)
		t.versionNumbers[o] = v.Number
		if v.Number == doc.number() {
			chosen = o
		}
	}
	t.versions.OnChanged = nil // setting the options is not the user's choice
	t.versions.SetOptions(opts)
	t.versions.SetSelected(chosen)
	t.versions.OnChanged = t.pickVersion
	t.changes.OnChanged = nil
	t.changes.SetChecked(doc.diff != nil)
	t.changes.OnChanged = t.showChanges
	if doc.number() > 1 {
		t.changes.Enable()
	} else {
		t.changes.Disable() // the first version: nothing before it
	}
	t.summary.SetText("")
	t.summary.Hide()
	if doc.diff != nil {
		t.summary.SetText(fmt.Sprintf("Since version %d: %s.", doc.diff.Old.Number, doc.diff.Summary()))
		t.summary.Show()
	}
	t.versionBar.Show()
}

// versionLabel names a version in the picker by its capture date and
// time (else its import's).
func versionLabel(v archive.Version) string {
	date := v.Captured
	if date.IsZero() {
		date = v.Imported
	}
	s := fmt.Sprintf("%d · %s", v.Number, date.Local().Format("2 Jan 2006, 15:04"))
	if v.Current {
		s += " · current"
	}
	return s
}

func (t *readerTools) pickVersion(o string) {
	if n, ok := t.versionNumbers[o]; ok && t.r.doc != nil {
		t.r.showVersion(t.r.doc.id, n)
	}
}

// showChanges switches the comparison with the version before on or off.
func (t *readerTools) showChanges(on bool) {
	if doc := t.r.doc; doc != nil {
		t.r.compare = on
		t.r.showVersion(doc.id, doc.number())
	}
}

// number is the number of the version doc shows.
func (d *readerDoc) number() int {
	if d.version == 0 {
		return len(d.versions)
	}
	return d.version
}

// addComparison makes doc show what changed from the version before the
// one it shows: its items become the comparison's.
func addComparison(ctx context.Context, lib versiondiff.Source, doc *readerDoc) error {
	n := doc.number()
	if n < 2 {
		return nil
	}
	d, err := versiondiff.Load(ctx, lib, doc.id, n-1, n)
	if err != nil {
		return fmt.Errorf("compare versions of article %d: %w", doc.id, err)
	}
	doc.diff = d
	doc.items = diffItems(doc.article, d)
	return nil
}

// diffItems lays a comparison out as reader items: the headline,
// standfirst and byline with their changes, the date line, then every
// block of the compared bodies. No item is part of the current body:
// highlights cannot be made on a comparison.
func diffItems(a *archive.Article, d *versiondiff.Diff) []blockview.Item {
	items := []blockview.Item{fieldItem(blockview.Title, d.Title, "Untitled")}
	for _, f := range []struct {
		kind blockview.Kind
		f    versiondiff.Field
	}{{blockview.Standfirst, d.Standfirst}, {blockview.Byline, d.Byline}} {
		if f.f.Old != "" || f.f.New != "" {
			items = append(items, fieldItem(f.kind, f.f, ""))
		}
	}
	if line := headerLine(a); line != "" {
		items = append(items, blockview.Item{Kind: blockview.Meta, Text: line})
	}
	for _, b := range d.Body {
		items = append(items, diffBlockItem(b))
	}
	return items
}

// fieldItem is a headline, standfirst or byline with its changes.
func fieldItem(kind blockview.Kind, f versiondiff.Field, empty string) blockview.Item {
	if !f.Changed() {
		return blockview.Item{Kind: kind, Text: orDefault(f.New, empty)}
	}
	return spansItem(kind, f.Spans, "")
}

// diffBlockItem is one block of the compared bodies.
func diffBlockItem(b versiondiff.Block) blockview.Item {
	kind, prefix := blockview.Paragraph, ""
	switch b.Kind {
	case archive.Heading:
		kind = blockview.Heading
		if b.Level > 2 {
			kind = blockview.Subheading
		}
	case archive.ListItem:
		kind, prefix = blockview.ListItem, "• "
	case archive.Quote:
		kind = blockview.Quote
	case archive.Code:
		kind = blockview.Code
	}
	it := spansItem(kind, b.Spans, prefix)
	if kind == blockview.ListItem {
		it.Indent = max(b.Level, 1)
	}
	return it
}

// spansItem joins spans into an item's text, marking the inserted and
// deleted ones as changes.
func spansItem(kind blockview.Kind, spans []versiondiff.Span, prefix string) blockview.Item {
	var b strings.Builder
	b.WriteString(prefix)
	at := utf8.RuneCountInString(prefix)
	var changes []blockview.Change
	for _, s := range spans {
		n := utf8.RuneCountInString(s.Text)
		if s.Op != versiondiff.Equal {
			changes = append(changes, blockview.Change{Start: at, End: at + n, Deleted: s.Op == versiondiff.Deleted})
		}
		b.WriteString(s.Text)
		at += n
	}
	return blockview.Item{Kind: kind, Text: b.String(), Changes: changes}
}
