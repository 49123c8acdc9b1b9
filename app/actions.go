package app

import "github.com/clippings/clippings/archive"

// Actions of the window that several screens start.

// readerKey handles a letter typed while the reader has focus, or while
// nothing has: j and k step through the list, h highlights the selection,
// n highlights it with a note, t goes to the tags, / to the search.
func (u *UI) readerKey(r rune) bool {
	switch r {
	case 'j':
		u.list.step(1)
	case 'k':
		u.list.step(-1)
	case 'h':
		u.reader.highlight(u.reader.tools.color, "")
	case 'n':
		u.reader.highlightWithNote(u.reader.tools.color)
	case 't':
		u.win.Canvas().Focus(u.reader.panel.tags.entry)
	case '/':
		u.focusSearch()
	default:
		return false
	}
	return true
}

// focusSearch puts the keyboard in the search field.
func (u *UI) focusSearch() {
	u.showWelcome(false)
	u.win.Canvas().Focus(u.search.entry)
}

// zoomText makes the reader's text a point larger (+1) or smaller (-1).
func (u *UI) zoomText(step int) {
	u.prefs.setFontSize(u.prefs.fontSize() + float32(step))
	u.reader.view.SetScale(u.prefs.fontScale())
}

// markRead marks article id read, in the background.
func (u *UI) markRead(id int64) {
	go func() {
		err := u.lib.SetRead(u.ctx, true, id)
		u.do(func() {
			if err != nil {
				u.log.Warn("mark read", "article", id, "err", err)
				return
			}
			u.list.setRead(id, true)
			u.sidebar.addCount(nodeUnread, -1)
		})
	}()
}

// tagNames returns the names of the archive's tags, for completion.
func (u *UI) tagNames() []string { return u.tags }

// tagsChanged reloads what shows the archive's tags after they changed.
func (u *UI) tagsChanged() {
	go func() {
		tags, err := u.lib.Tags(u.ctx)
		u.do(func() { u.applyTags(tags, err) })
	}()
}

func (u *UI) applyTags(tags []archive.TagCount, err error) {
	if err != nil {
		u.log.Warn("load tags", "err", err)
		return
	}
	u.tags = u.tags[:0]
	for _, t := range tags {
		u.tags = append(u.tags, t.Name)
	}
}
