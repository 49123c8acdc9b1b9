package app

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/clippings/clippings/app/blockview"
	"github.com/clippings/clippings/archive"
)

// Highlighting: the selection in the reader becomes a highlight in the
// archive (load: AddHighlight; apply: add it to the article shown).

// highlight highlights the selected passage in color, with note.
func (r *reader) highlight(color, note string) {
	doc := r.doc
	if doc == nil || !doc.current() {
		r.inform("Highlights belong to the current version", "Show the current version of the article to highlight it.")
		return
	}
	start, end, ok := r.view.SelectionInBody()
	if !ok {
		r.inform("Nothing to highlight", "Select a passage of the article's text first.")
		return
	}
	h := archive.NewHighlight{Start: start, End: end, Color: color, Note: strings.TrimSpace(note)}
	go func() {
		a, err := r.lib.AddHighlight(r.ctx, doc.id, h)
		r.do(func() { r.applyHighlight(doc, a, err) })
	}()
}

// applyHighlight adds the new highlight a to doc and draws it.
func (r *reader) applyHighlight(doc *readerDoc, a *archive.Annotation, err error) {
	if err != nil {
		r.showError("Could not save the highlight.", err)
		return
	}
	doc.notes = append(doc.notes, *a)
	if r.doc != doc {
		return
	}
	r.view.SetSelection(blockview.Pos{}, blockview.Pos{})
	r.showMarks()
	r.panel.update(doc)
	r.onAnnotated(doc.id, true)
}

// highlightWithNote asks for a note, then highlights the selection.
func (r *reader) highlightWithNote(color string) {
	if _, _, ok := r.view.SelectionInBody(); !ok {
		r.inform("Nothing to highlight", "Select a passage of the article's text first.")
		return
	}
	note := widget.NewMultiLineEntry()
	note.SetPlaceHolder("Your note on this passage (optional)")
	note.SetMinRowsVisible(4)
	d := dialog.NewForm("Highlight with a note", "Highlight", "Cancel",
		[]*widget.FormItem{{Text: "Note", Widget: note}}, func(ok bool) {
			if ok {
				r.highlight(color, note.Text)
			}
		}, r.win)
	d.Resize(fyne.NewSize(420, 240))
	d.Show()
	r.win.Canvas().Focus(note)
}

// annotation returns the annotation id of the article shown.
func (r *reader) annotation(id int64) (*archive.Annotation, bool) {
	if r.doc == nil {
		return nil, false
	}
	for i := range r.doc.notes {
		if r.doc.notes[i].ID == id {
			return &r.doc.notes[i], true
		}
	}
	return nil, false
}

// markMenu is the menu of a highlight tapped in the text: its note,
// another colour, or delete.
func (r *reader) markMenu(id int64, at fyne.Position) {
	a, ok := r.annotation(id)
	if !ok {
		return
	}
	items := []*fyne.MenuItem{fyne.NewMenuItem("Edit note…", func() { r.editNote(a.ID) })}
	if a.Note != "" {
		note := fyne.NewMenuItem("“"+ellipsis(a.Note, 60)+"”", nil)
		note.Disabled = true
		items = append([]*fyne.MenuItem{note, fyne.NewMenuItemSeparator()}, items...)
	}
	for _, c := range blockview.HighlightColors {
		item := fyne.NewMenuItem(strings.ToUpper(c[:1])+c[1:], func() { r.recolor(id, c) })
		item.Checked = a.Color == c || a.Color == "" && c == blockview.HighlightColors[0]
		items = append(items, item)
	}
	items = append(items, fyne.NewMenuItemSeparator(), fyne.NewMenuItem("Delete highlight", func() { r.deleteAnnotation(id) }))
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), r.win.Canvas(), at)
}

// contextMenu is the reader's menu on a secondary tap: copy, highlight.
func (r *reader) contextMenu(at fyne.Position) {
	sel := r.view.HasSelection()
	cp := fyne.NewMenuItem("Copy", func() {
		r.clip.SetContent(r.view.SelectedText())
	})
	cp.Disabled = !sel
	items := []*fyne.MenuItem{cp, fyne.NewMenuItem("Select all", r.view.SelectAll), fyne.NewMenuItemSeparator()}
	for _, c := range blockview.HighlightColors {
		item := fyne.NewMenuItem("Highlight "+c, func() { r.highlight(c, "") })
		item.Disabled = !sel
		items = append(items, item)
	}
	withNote := fyne.NewMenuItem("Highlight with a note…", func() { r.highlightWithNote(r.tools.color) })
	withNote.Disabled = !sel
	items = append(items, withNote, fyne.NewMenuItemSeparator(), fyne.NewMenuItem("Cite…", r.cite))
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), r.win.Canvas(), at)
}

// recolor gives highlight id another colour.
func (r *reader) recolor(id int64, color string) {
	r.updateAnnotation(id, archive.AnnotationUpdate{Color: &color}, func(a *archive.Annotation) { a.Color = color })
}

// editNote asks for the note of highlight id.
func (r *reader) editNote(id int64) {
	a, ok := r.annotation(id)
	if !ok {
		return
	}
	note := widget.NewMultiLineEntry()
	note.SetText(a.Note)
	note.SetMinRowsVisible(4)
	d := dialog.NewForm("Note on the highlight", "Save", "Cancel",
		[]*widget.FormItem{{Text: "Note", Widget: note}, {Text: "Passage", Widget: wrappedLabel(ellipsis(a.Quote.Exact, 200))}},
		func(ok bool) {
			if ok {
				text := strings.TrimSpace(note.Text)
				r.updateAnnotation(id, archive.AnnotationUpdate{Note: &text}, func(a *archive.Annotation) { a.Note = text })
			}
		}, r.win)
	d.Resize(fyne.NewSize(440, 300))
	d.Show()
}

// updateAnnotation saves u for annotation id, then applies change to the
// copy the reader holds.
func (r *reader) updateAnnotation(id int64, u archive.AnnotationUpdate, change func(*archive.Annotation)) {
	doc := r.doc
	go func() {
		err := r.lib.UpdateAnnotation(r.ctx, id, u)
		r.do(func() {
			if err != nil {
				r.showError("Could not change the highlight.", err)
				return
			}
			r.changeNotes(doc, func(notes []archive.Annotation) []archive.Annotation {
				for i := range notes {
					if notes[i].ID == id {
						change(&notes[i])
					}
				}
				return notes
			})
		})
	}()
}

// deleteAnnotation deletes highlight id.
func (r *reader) deleteAnnotation(id int64) {
	doc := r.doc
	go func() {
		err := r.lib.DeleteAnnotation(context.WithoutCancel(r.ctx), id)
		r.do(func() {
			if err != nil {
				r.showError("Could not delete the highlight.", err)
				return
			}
			r.changeNotes(doc, func(notes []archive.Annotation) []archive.Annotation {
				out := notes[:0]
				for _, a := range notes {
					if a.ID != id {
						out = append(out, a)
					}
				}
				return out
			})
			r.onAnnotated(doc.id, len(doc.notes) > 0)
		})
	}()
}

// changeNotes changes the annotations of doc and shows them if doc is
// still the article shown.
func (r *reader) changeNotes(doc *readerDoc, change func([]archive.Annotation) []archive.Annotation) {
	if doc == nil {
		return
	}
	doc.notes = change(doc.notes)
	if r.doc == doc {
		r.showMarks()
		r.panel.update(doc)
	}
}

// ellipsis shortens s to at most n runes, on one line.
func ellipsis(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if rs := []rune(s); len(rs) > n {
		return string(rs[:n-1]) + "…"
	}
	return s
}

func wrappedLabel(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}
