package app

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"time"

	"github.com/clippings/clippings/archive"
)

// The live view: the window follows the archive when anything changes
// it — the command line, a script, another program using the archive,
// or the window's own edits. A goroutine asks the archive once a second
// whether anything changed since it last looked (archive.Watcher: one
// PRAGMA on a connection of its own, 7 µs), and only when something did
// does the window read again what it shows: the sidebar's counts,
// collections and tags, the rows of the list (keeping the selection and
// the place in the list), the facets, the article in the reader (a new
// version, new highlights, tags or star) and the marks of annotated
// rows. Everything is read off the UI goroutine and applied through
// fyne.Do, in place: nothing is cleared first, so nothing flickers.

// livePoll is how often the window asks whether the archive changed.
const livePoll = time.Second

// watchable is a Library that can tell when the archive changes;
// *archive.Store is one.
type watchable interface {
	Watch(ctx context.Context) (*archive.Watcher, error)
}

// follow starts watching the archive, once; a Library that cannot be
// watched is not followed, nor is any when poll is 0 (most tests).
func (u *UI) follow() {
	wl, ok := u.lib.(watchable)
	if !ok || u.watching || u.poll <= 0 {
		return
	}
	w, err := wl.Watch(u.ctx)
	if err != nil {
		u.log.Warn("the window will not follow changes to the archive", "err", err)
		return
	}
	u.watching = true
	go u.watch(w)
}

// watch asks w every poll interval whether the archive changed, until
// the window closes.
func (u *UI) watch(w *archive.Watcher) {
	defer w.Close()
	tick := time.NewTicker(u.poll)
	defer tick.Stop()
	for {
		select {
		case <-u.ctx.Done():
			return
		case <-tick.C:
		}
		u.look(w)
	}
}

// look asks w whether the archive changed since the last look and, if
// it did, has the window read it again. It runs off the UI goroutine.
func (u *UI) look(w *archive.Watcher) {
	changed, err := w.Changed(u.ctx)
	switch {
	case u.ctx.Err() != nil:
	case err != nil:
		u.log.Debug("watch the archive", "err", err) // busy: the next look tries again
	case changed:
		u.do(u.archiveChanged)
	}
}

// archiveChanged reads again what the window shows. It runs on the UI
// goroutine.
func (u *UI) archiveChanged() {
	if u.ctx.Err() != nil {
		return
	}
	u.refreshes++
	if u.content.Objects[0] != u.main {
		u.list.reload() // the welcome screen: the archive may hold articles now
	} else {
		u.list.changed()
		u.search.facets.load(u.list.cur.sel)
	}
	u.sidebar.reload()
	u.tagsChanged()
	u.loadNotes()
	u.reader.refresh()
}

// readerState is what the reader shows of an article that another
// process may change: its versions, annotations, tags and states.
type readerState struct {
	versions int
	notes    []archive.Annotation
	tags     []string
	starred  bool
}

// loadReaderState reads the state of article id.
func loadReaderState(ctx context.Context, lib readerLibrary, id int64) (readerState, error) {
	var st readerState
	vs, err := lib.Versions(ctx, id)
	if err != nil {
		return st, err
	}
	a, err := lib.Article(ctx, id)
	if err != nil {
		return st, err
	}
	notes, err := lib.Annotations(ctx, archive.AnnotationFilter{ArticleID: id, Limit: maxAnnotations})
	if err != nil {
		return st, err
	}
	return readerState{versions: len(vs), notes: notes, tags: a.Tags, starred: a.Starred}, nil
}

// refresh brings the article shown up to date with the archive: a new
// version is shown (when the current one was), new annotations drawn and
// listed, tags and star shown; an article deleted elsewhere leaves the
// reader. Nothing is redrawn when nothing changed, and a note being
// typed is kept.
func (r *reader) refresh() {
	doc := r.doc
	if doc == nil || r.current != doc.id {
		return
	}
	go func() {
		st, err := loadReaderState(r.ctx, r.lib, doc.id)
		r.do(func() { r.applyState(doc, st, err) })
	}()
}

// applyState shows st, the state of doc's article read just now.
func (r *reader) applyState(doc *readerDoc, st readerState, err error) {
	if r.doc != doc || r.current != doc.id {
		return // another article was opened meanwhile
	}
	switch {
	case errors.Is(err, archive.ErrNotFound):
		r.clear()
		return
	case err != nil:
		r.log.Debug("refresh the article", "id", doc.id, "err", err)
		return
	case st.versions != len(doc.versions):
		// A new version: show it if the current one was shown, else
		// just list it.
		r.showVersion(doc.id, doc.version)
		return
	}
	if !reflect.DeepEqual(st.notes, doc.notes) {
		if note := freeNote(st.notes); note != freeNote(doc.notes) {
			r.panel.showNote(note) // unless one is being typed
		}
		doc.notes = st.notes
		r.showMarks()
		r.panel.update(doc)
	}
	if !slices.Equal(st.tags, doc.article.Tags) || st.starred != doc.article.Starred {
		doc.article.Tags, doc.article.Starred = st.tags, st.starred
		r.tools.showStar(st.starred)
		r.panel.tags.setTags(st.tags)
	}
}
