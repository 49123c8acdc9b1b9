package app

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
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
	rows  *fyne.Container // the highlights, one highlightRow each
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
	p.rows = container.NewVBox()
	head := container.NewVBox(heading("Tags"), p.tags.buildUI(), heading("Note"), p.note, p.count)
	return container.NewBorder(head, nil, nil, nil, container.NewVScroll(p.rows))
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
	p.showRows()
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
	p.showRows()
}

// showNote shows the free note text, written elsewhere, unless the user
// is typing one.
func (p *notesPanel) showNote(text string) {
	if p.noteDirty {
		return
	}
	p.note.OnChanged = nil // not the user typing
	p.note.SetText(text)
	p.note.OnChanged = p.noteChanged
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

// showRows shows a row for each highlight: its passage and its note,
// whole and wrapped (an article has tens of highlights, not thousands).
func (p *notesPanel) showRows() {
	objs := make([]fyne.CanvasObject, len(p.marks))
	for i, a := range p.marks {
		objs[i] = newHighlightRow(a, func() { p.jump(i) })
	}
	p.rows.Objects = objs
	p.rows.Refresh()
}

// jump scrolls the article to highlight i and selects its passage.
func (p *notesPanel) jump(i int) {
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

// highlightRow is a highlight in the panel: a swatch of its colour, the
// passage (in italics), and its note below in the text's size and
// colour, both whole. Tapping it
// jumps to the passage.
type highlightRow struct {
	widget.BaseWidget
	content fyne.CanvasObject
	onTap   func()
}

func newHighlightRow(a archive.Annotation, onTap func()) *highlightRow {
	swatch := &canvas.Rectangle{CornerRadius: 3, FillColor: blockview.HighlightColor(a.Color)}
	swatch.SetMinSize(fyne.NewSize(6, 24))
	quote := "“" + ellipsis(a.Quote.Exact, 300) + "”"
	if a.Orphaned {
		quote = "(not found in the current text) " + quote
	}
	q := wrappedLabel(quote)
	q.TextStyle = fyne.TextStyle{Italic: true}
	lines := container.NewVBox(q)
	if note := strings.TrimSpace(a.Note); note != "" {
		lines.Add(wrappedLabel(note))
	}
	r := &highlightRow{content: container.NewBorder(nil, nil, swatch, nil, lines), onTap: onTap}
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer is part of fyne.Widget.
func (r *highlightRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(r.content)
}

// Tapped is part of fyne.Tappable.
func (r *highlightRow) Tapped(*fyne.PointEvent) { r.onTap() }
