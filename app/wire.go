package app

// Wiring: each screen gets the env, the part of the library it uses and
// callbacks into the others, never the UI itself. A callback into a
// screen made later is a closure, so that it finds that screen.

// newSearch makes the search bar and its facets; the list shows what it
// searches.
func (u *UI) newSearch() *searchBar {
	s := &searchBar{env: u.env, lib: u.lib, debounce: u.debounce,
		onTyping: u.list.cancelPending, onSearch: u.list.setSearch,
		scope: func() string { return u.list.scope }, onSaved: func() { u.sidebar.reload() }}
	s.facets = &facetPanel{env: u.env, lib: u.lib, delay: u.facetDelay,
		onFilter: s.addFilter, onDates: s.setDates}
	return s
}

// newSidebar makes the sidebar, whose entries choose what the list shows.
func (u *UI) newSidebar() *sidebar {
	return &sidebar{env: u.env, lib: u.lib, onChoose: u.list.setScope, onNewCollection: u.newCollection}
}

// newExports makes the export dialog's screen, which exports the list's
// selection or query, a tag, a collection or everything.
func (u *UI) newExports() *exports {
	return &exports{env: u.env, lib: u.lib, selected: func() []int64 { return u.list.selectedIDs() },
		query: func() string { return u.list.query() }, tagNames: u.tagNames}
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
