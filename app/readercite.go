package app

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/clippings/clippings/app/blockview"
	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/export"
)

// CiteKeeper changes an article's citation key (archive.SetCitationKey:
// archive.ErrInvalid for a malformed key, archive.ErrKeyTaken when
// another article has it).
type CiteKeeper interface {
	SetCitationKey(ctx context.Context, id int64, key string) error
}

// loadKey reads the citation key of the article of doc.
func loadKey(ctx context.Context, lib articleSource, doc *readerDoc) error {
	keys, err := lib.CitationKeys(ctx, []int64{doc.id})
	if err != nil {
		return err
	}
	doc.key = keys[doc.id]
	return nil
}

// showKey adds the citation key to the provenance line of doc's items.
func showKey(doc *readerDoc) {
	if doc.key == "" {
		return
	}
	for i, it := range doc.items {
		if it.Kind == blockview.Provenance {
			doc.items[i].Text += " · Citation key " + doc.key
			return
		}
	}
}

// citePanel is the Cite dialog's content: the article's citation key, to
// edit, and its reference in a chosen style, each with a button that
// copies it.
type citePanel struct {
	r     *reader
	doc   *readerDoc
	key   *widget.Entry
	save  *widget.Button
	style *widget.Select
	ref   *widget.Label
}

// cite opens the Cite dialog for the article shown (the reader's context
// menu offers it).
func (r *reader) cite() {
	if r.doc == nil {
		return
	}
	c := &citePanel{r: r, doc: r.doc}
	d := dialog.NewCustom("Cite", "Close", c.buildUI(), r.win)
	d.Resize(fyne.NewSize(560, d.MinSize().Height+60))
	d.Show()
	r.citing = c
	d.SetOnClosed(func() { r.citing = nil })
}

func (c *citePanel) buildUI() fyne.CanvasObject {
	c.key = widget.NewEntry()
	c.key.SetText(c.doc.key)
	c.key.OnSubmitted = func(string) { c.saveKey() }
	c.key.OnChanged = func(s string) { c.keyChanged(s) }
	c.save = &widget.Button{Text: "Save key", OnTapped: c.saveKey}
	c.save.Disable()
	copyKey := &widget.Button{Text: "Copy key", Icon: theme.ContentCopyIcon(), OnTapped: func() { c.r.clip.SetContent(c.doc.key) }}
	names := make([]string, len(export.Styles))
	for i, s := range export.Styles {
		names[i] = s.Name
	}
	c.ref = &widget.Label{Wrapping: fyne.TextWrapWord, Selectable: true}
	c.style = widget.NewSelect(names, func(string) { c.showReference() })
	c.style.SetSelected(c.styleName(c.r.citeStyle))
	copyRef := &widget.Button{Text: "Copy reference", Icon: theme.ContentCopyIcon(), OnTapped: func() { c.r.clip.SetContent(c.ref.Text) }}
	keyRow := container.NewBorder(nil, nil, widget.NewLabel("Citation key"), container.NewHBox(c.save, copyKey), c.key)
	styleRow := container.NewBorder(nil, nil, widget.NewLabel("Style"), copyRef, c.style)
	return container.NewVBox(keyRow, styleRow, c.ref)
}

// styleName is the name shown for s; Chicago's for an unknown style.
func (c *citePanel) styleName(s export.Style) string {
	for _, st := range export.Styles {
		if st.Style == s {
			return st.Name
		}
	}
	return export.Styles[0].Name
}

// chosenStyle is the style chosen in the dialog.
func (c *citePanel) chosenStyle() export.Style {
	for _, st := range export.Styles {
		if st.Name == c.style.Selected {
			return st.Style
		}
	}
	return export.Styles[0].Style
}

// showReference shows the article's reference in the chosen style, the
// style the next dialog opens with.
func (c *citePanel) showReference() {
	c.r.citeStyle = c.chosenStyle()
	ref, err := export.Reference(c.doc.article, c.doc.key, c.r.citeStyle)
	if err != nil {
		ref = err.Error()
	}
	c.ref.SetText(ref)
}

// keyChanged enables Save for a changed key that may be one.
func (c *citePanel) keyChanged(s string) {
	if s != c.doc.key && archive.ValidCitationKey(s) {
		c.save.Enable()
	} else {
		c.save.Disable()
	}
}

// saveKey stores the key typed; the archive refuses one another article
// has, and the dialog says so.
func (c *citePanel) saveKey() {
	key, doc := c.key.Text, c.doc
	if key == doc.key {
		return
	}
	c.save.Disable()
	go func() {
		err := c.r.lib.SetCitationKey(c.r.ctx, doc.id, key)
		c.r.do(func() {
			switch {
			case errors.Is(err, archive.ErrKeyTaken) || errors.Is(err, archive.ErrInvalid):
				c.r.inform("Citation key not changed", err.Error())
				c.key.SetText(doc.key)
				return
			case err != nil:
				c.r.showError("Could not change the citation key.", err)
				return
			}
			doc.key = key
			c.showReference()
			if c.r.doc == doc {
				c.r.reload() // the provenance line shows the key
			}
		})
	}()
}
