package app

import (
	"fyne.io/fyne/v2"

	"github.com/clippings/clippings/archive"
)

// Wiring: each screen gets the env, the part of the library it uses and
// callbacks into the others, never the UI itself. A callback into a
// screen made later is a closure, so that it finds that screen.

// newReader makes the reader, which tells the list what changed.
func (u *UI) newReader() *reader {
	return &reader{env: u.env, lib: u.lib, clip: u.app.Clipboard(), scale: u.prefs.fontScale(),
		onKey: u.readerKey, onRead: u.markRead, onZoom: u.zoomText, tagNames: u.tagNames,
		onChanged: func() { u.list.changed() }, onAnnotated: func(id int64, has bool) { u.list.annotated(id, has) },
		onTagsChanged: u.tagsChanged}
}

// newList makes the article list: it opens articles in the reader, drops
// them on the sidebar's collections, and offers the actions on articles.
func (u *UI) newList() *articleList {
	return &articleList{env: u.env, loader: pageLoader{lib: u.lib, col: u.lib, annotated: u.notes.has}, notes: &u.notes,
		onSelected: u.reader.show, onLoaded: u.onListLoaded, current: func() int64 { return u.reader.current },
		actions: listActions{tag: u.tagDialog, collect: u.collectionDialog, export: func(ids []int64) { u.exports.show(ids) },
			delete: u.confirmDelete, setRead: u.setRead, setStarred: u.setStarred},
		collectionAt: func(at fyne.Position) (int64, bool) { return u.sidebar.collectionAt(at) },
		onQueryError: func(err error) { u.search.showProblem(err) }, prefixed: func() bool { return u.search.prefixed() },
		onDrop: func(ids []int64, col int64) { u.addToCollection(ids, col, "") }}
}

// newSearch makes the search bar and its facets; the list shows what it
// searches.
func (u *UI) newSearch() *searchBar {
	s := &searchBar{env: u.env, lib: u.lib, debounce: u.debounce, settleDelay: u.settle,
		onTyping: u.list.cancelPending, onSearch: u.list.setSearch,
		scope: func() archive.Selection { return u.list.scope }, onSaved: func() { u.sidebar.reload() }}
	s.facets = &facetPanel{env: u.env, lib: u.lib, delay: u.facetDelay,
		onPick: s.pick, onDates: s.setDates}
	return s
}

// newSidebar makes the sidebar, whose entries choose what the list shows.
func (u *UI) newSidebar() *sidebar {
	return &sidebar{env: u.env, lib: u.lib, onChoose: u.list.setScope, onNewCollection: u.newCollection}
}

// newImports makes the import screen; what it stores shows everywhere.
func (u *UI) newImports() *imports {
	return &imports{env: u.env, sink: u.lib, opt: u.importOpt, onFinished: u.imported, readingList: u.prefs.readingList}
}

// imported shows what an import stored: the list, the sidebar and the
// tags again, and the article if there was just one.
func (u *UI) imported(ids []int64) {
	u.list.reload()
	u.sidebar.reload()
	u.tagsChanged()
	if len(ids) == 1 {
		u.reader.show(ids[0])
	}
}

// newExports makes the export dialog's screen, which exports the list's
// selected rows or what it shows, a tag, a collection or everything.
func (u *UI) newExports() *exports {
	return &exports{env: u.env, lib: u.lib, selected: func() []int64 { return u.list.selectedIDs() },
		shown: func() archive.Selection { return u.list.selection() }, tagNames: u.tagNames, prefs: u.app.Preferences()}
}

// newWelcome makes the screen of an empty archive, whose buttons import.
func (u *UI) newWelcome() *welcome {
	return &welcome{onSamples: u.imports.importSamples, onFiles: u.imports.chooseFiles, onFolder: u.imports.chooseFolder}
}
