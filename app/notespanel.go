package app

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/clippings/clippings/app/blockview"
	"github.com/clippings/clippings/archive"
)

// noteDelay is how long the free note waits after the last keystroke
// before it is saved.
const noteDelay = 700 * time.Millisecond

// notesPanel is the column beside the article: its tags (edited in
// place), its free note, and its highlights, each of which scrolls the
// article to its passage.
type notesPanel struct {
	r     *reader
	tags  *tagEditor
	note  *widget.Entry
	list  *widget.List
	count *widget.Label

	doc       *readerDoc           // the article the panel shows
	marks     []archive.Annotation // its highlights, in text order
	noteTimer *time.Timer
	noteDirty bool // the note was typed and not saved yet
}

func (p *notesPanel) buildUI() fyne.CanvasObject {
	p.tags = &tagEditor{names: p.r.tagNames, onAdd: p.addTag, onRemove: p.removeTag}
	p.note = widget.NewMultiLineEntry()
	p.note.SetPlaceHolder("Note on this article")
	p.note.Wrapping = fyne.TextWrapWord
	p.note.SetMinRowsVisible(4)
	p.note.OnChanged = p.noteChanged
	p.note.Disable()
	p.count = &widget.Label{Text: "Highlights", TextStyle: fyne.TextStyle{Bold: true}}
	p.list = &widget.List{Length: func() int { return len(p.marks) }, CreateItem: p.createRow,
		UpdateItem: p.updateRow, OnSelected: p.jump}
	head := container.NewVBox(heading("Tags"), p.tags.buildUI(), heading("Note"), p.note, p.count)
	return container.NewBorder(head, nil, nil, nil, p.list)
}

func heading(s string) *widget.Label {
	return &widget.Label{Text: s, TextStyle: fyne.TextStyle{Bold: true}}
}

// update shows the tags, note and highlights of doc.
func (p *notesPanel) update(doc *readerDoc) {
	if p.doc != doc {
		p.flushNote()
		p.doc = doc
		p.note.OnChanged = nil // not the user typing
		p.note.SetText(freeNote(doc.notes))
		p.note.OnChanged = p.noteChanged
	}
	p.note.Enable()
	p.tags.setTags(doc.article.Tags)
	p.marks = p.marks[:0]
	for _, a := range doc.notes {
		if a.Kind == archive.KindHighlight {
			p.marks = append(p.marks, a)
		}
	}
	p.count.SetText("Highlights (" + strconv.Itoa(len(p.marks)) + ")")
	p.list.UnselectAll()
	p.list.Refresh()
}

// clear empties the panel when no article is shown; a note typed and not
// saved yet is dropped with its (deleted) article.
func (p *notesPanel) clear() {
	if p.noteTimer != nil {
		p.noteTimer.Stop()
	}
	p.noteDirty, p.doc = false, nil
	p.note.OnChanged = nil
	p.note.SetText("")
	p.note.OnChanged = p.noteChanged
	p.note.Disable()
	p.tags.setTags(nil)
	p.marks = p.marks[:0]
	p.count.SetText("Highlights")
	p.list.Refresh()
}

// freeNote returns the text of the free note among an article's
// annotations.
func freeNote(notes []archive.Annotation) string {
	for _, a := range notes {
		if a.Kind == archive.KindNote {
			return a.Note
		}
	}
	return ""
}

func (p *notesPanel) createRow() fyne.CanvasObject {
	swatch := &canvas.Rectangle{CornerRadius: 3}
	swatch.SetMinSize(fyne.NewSize(6, 30))
	quote := &widget.Label{Text: "passage", Truncation: fyne.TextTruncateEllipsis}
	note := &widget.Label{Text: "note", Truncation: fyne.TextTruncateEllipsis, SizeName: theme.SizeNameCaptionText,
		TextStyle: fyne.TextStyle{Italic: true}, Importance: widget.LowImportance}
	return container.NewBorder(nil, nil, swatch, nil, container.New(&rowLayout{}, quote, note))
}

func (p *notesPanel) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(p.marks) {
		return
	}
	a := p.marks[i]
	c := o.(*fyne.Container)
	text := c.Objects[0].(*fyne.Container)
	swatch := c.Objects[1].(*canvas.Rectangle)
	swatch.FillColor = blockview.HighlightColor(a.Color)
	swatch.Refresh()
	quote := "“" + ellipsis(a.Quote.Exact, 200) + "”"
	if a.Orphaned {
		quote = "(not found in the current text) " + quote
	}
	text.Objects[0].(*widget.Label).SetText(quote)
	text.Objects[1].(*widget.Label).SetText(ellipsis(a.Note, 200))
}

// jump scrolls the article to highlight i and selects its passage.
func (p *notesPanel) jump(i widget.ListItemID) {
	p.list.UnselectAll()
	if i >= len(p.marks) || p.doc != p.r.doc {
		return
	}
	a := p.marks[i]
	if a.Orphaned || !p.doc.current() || !p.r.view.SelectBody(a.Start, a.End) {
		p.r.inform("Passage not shown", "This highlight's passage is not in the text shown.")
	}
}

// noteChanged saves the note once the user pauses.
func (p *notesPanel) noteChanged(string) {
	p.noteDirty = true
	if p.noteTimer != nil {
		p.noteTimer.Stop()
	}
	doc := p.doc
	p.noteTimer = time.AfterFunc(noteDelay, func() {
		p.r.do(func() {
			if p.doc == doc {
				p.flushNote()
			}
		})
	})
}

// flushNote saves the note typed, if any.
func (p *notesPanel) flushNote() {
	if !p.noteDirty || p.doc == nil {
		return
	}
	p.noteDirty = false
	if p.noteTimer != nil {
		p.noteTimer.Stop()
	}
	doc, text := p.doc, p.note.Text
	go func() {
		err := p.r.lib.SetNote(p.r.ctx, doc.id, text)
		p.r.do(func() { p.applyNote(doc, text, err) })
	}()
}

func (p *notesPanel) applyNote(doc *readerDoc, text string, err error) {
	if err != nil {
		p.r.showError("Could not save the note.", err)
		return
	}
	var notes []archive.Annotation
	for _, a := range doc.notes {
		if a.Kind != archive.KindNote {
			notes = append(notes, a)
		}
	}
	if strings.TrimSpace(text) != "" {
		notes = append([]archive.Annotation{{ArticleID: doc.id, Kind: archive.KindNote, Note: text, Start: -1, End: -1}}, notes...)
	}
	doc.notes = notes
	p.r.onAnnotated(doc.id, len(notes) > 0)
}

// addTag tags the article shown.
func (p *notesPanel) addTag(tag string) {
	p.changeTags(tag, true)
}

func (p *notesPanel) removeTag(tag string) {
	p.changeTags(tag, false)
}

func (p *notesPanel) changeTags(tag string, add bool) {
	doc := p.doc
	if doc == nil {
		return
	}
	go func() {
		var err error
		if add {
			_, err = p.r.lib.AddTags(p.r.ctx, []int64{doc.id}, tag)
		} else {
			_, err = p.r.lib.RemoveTags(p.r.ctx, []int64{doc.id}, tag)
		}
		var a *archive.Article
		if err == nil {
			a, err = p.r.lib.Article(p.r.ctx, doc.id) // the tags as the archive cleaned them
		}
		p.r.do(func() {
			if err != nil {
				p.r.showError("Could not change the tags.", err)
				return
			}
			doc.article.Tags = a.Tags
			if p.doc == doc {
				p.tags.setTags(a.Tags)
			}
			p.r.onTagsChanged()
			p.r.onChanged()
		})
	}()
}
