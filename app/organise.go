package app

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/internal/words"
)

// Dialogs that organise articles: tag them, put them in a collection.

// tagDialog asks for tags (with completion) and gives them to articles.
func (u *UI) tagDialog(ids []int64) {
	if len(ids) == 0 {
		u.inform("Nothing selected", "Select articles in the list, or open one, to tag them.")
		return
	}
	var chosen []string
	ed := &tagEditor{names: u.tagNames}
	ed.onAdd = func(t string) { chosen = append(chosen, t); ed.setTags(chosen) }
	ed.onRemove = func(t string) {
		chosen = slices.DeleteFunc(chosen, func(c string) bool { return c == t })
		ed.setTags(chosen)
	}
	content := ed.buildUI()
	d := dialog.NewCustomConfirm(fmt.Sprintf("Tag %s", words.Plural(len(ids), "article", "articles")), "Tag", "Cancel",
		content, func(ok bool) {
			if pending := strings.TrimSpace(ed.entry.Text); ok && pending != "" {
				chosen = append(chosen, pending) // typed but not entered
			}
			if ok && len(chosen) > 0 {
				u.addTags(ids, chosen)
			}
		}, u.win)
	d.Resize(fyne.NewSize(400, 300))
	d.Show()
	u.win.Canvas().Focus(ed.entry)
	u.dialogs.tag = ed
}

// addTags gives tags to articles.
func (u *UI) addTags(ids []int64, tags []string) {
	u.bulk(ids, "Could not tag the articles.", func(ctx context.Context) error {
		_, err := u.lib.AddTags(ctx, ids, tags...)
		return err
	})
	u.tagsChanged()
}

// collectionDialog puts articles in a collection, an existing one or a
// new one.
func (u *UI) collectionDialog(ids []int64) {
	if len(ids) == 0 {
		u.inform("Nothing selected", "Select articles in the list, or open one, to add them to a collection.")
		return
	}
	go func() {
		cols, err := u.lib.Collections(u.ctx)
		u.do(func() {
			if err != nil {
				u.showError("Could not read the collections.", err)
				return
			}
			u.showCollectionDialog(ids, cols)
		})
	}()
}

func (u *UI) showCollectionDialog(ids []int64, cols []archive.Collection) {
	paths := make([]string, len(cols))
	byPath := map[string]int64{}
	for i, c := range cols {
		paths[i] = c.Path
		byPath[c.Path] = c.ID
	}
	pick := widget.NewSelect(paths, nil)
	pick.PlaceHolder = "Choose a collection"
	name := &widget.Entry{PlaceHolder: "or a new one: Reading/Summits"}
	name.ExtendBaseWidget(name)
	form := container.NewVBox(pick, name)
	d := dialog.NewCustomConfirm(fmt.Sprintf("Add %s to a collection", words.Plural(len(ids), "article", "articles")),
		"Add", "Cancel", form, func(ok bool) {
			if !ok {
				return
			}
			if path := strings.Trim(strings.TrimSpace(name.Text), "/"); path != "" {
				u.addToCollection(ids, 0, path)
			} else if id, ok := byPath[pick.Selected]; ok {
				u.addToCollection(ids, id, "")
			}
		}, u.win)
	d.Resize(fyne.NewSize(420, d.MinSize().Height))
	d.Show()
	u.dialogs.collection, u.dialogs.newCollection = pick, name
}

// addToCollection adds articles to collection id, or to the collection
// at path, made (with its parents) if missing.
func (u *UI) addToCollection(ids []int64, id int64, path string) {
	u.bulk(ids, "Could not add the articles to the collection.", func(ctx context.Context) error {
		if path != "" {
			var err error
			if id, err = u.makeCollection(ctx, path); err != nil {
				return err
			}
		}
		_, err := u.lib.AddToCollection(ctx, id, ids...)
		return err
	})
}

// makeCollection returns the collection at path, making the missing ones
// along it.
func (u *UI) makeCollection(ctx context.Context, path string) (int64, error) {
	cols, err := u.lib.Collections(ctx)
	if err != nil {
		return 0, err
	}
	var parent int64
	sofar := ""
	for _, name := range strings.Split(path, "/") {
		if name = strings.TrimSpace(name); name == "" {
			continue
		}
		sofar = strings.TrimPrefix(sofar+"/"+name, "/")
		i := slices.IndexFunc(cols, func(c archive.Collection) bool { return strings.EqualFold(c.Path, sofar) })
		if i >= 0 {
			parent = cols[i].ID
			continue
		}
		if parent, err = u.lib.CreateCollection(ctx, parent, name); err != nil {
			return 0, err
		}
	}
	return parent, nil
}

// newCollection asks for the name of a new collection.
func (u *UI) newCollection() {
	name := &widget.Entry{PlaceHolder: "Reading/Summits"}
	name.ExtendBaseWidget(name)
	d := dialog.NewForm("New collection", "Create", "Cancel", []*widget.FormItem{{Text: "Name", Widget: name}},
		func(ok bool) {
			path := strings.Trim(strings.TrimSpace(name.Text), "/")
			if !ok || path == "" {
				return
			}
			go func() {
				_, err := u.makeCollection(u.ctx, path)
				u.do(func() {
					if err != nil {
						u.showError("Could not make the collection.", err)
						return
					}
					u.sidebar.reload()
				})
			}()
		}, u.win)
	d.Resize(fyne.NewSize(420, d.MinSize().Height)) // room for a path such as Reading/Summits/2019
	d.Show()
	u.win.Canvas().Focus(name)
	u.dialogs.newCollection = name
}
