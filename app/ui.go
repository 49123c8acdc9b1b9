// Package app is Clippings' Fyne GUI: one window with a sidebar (library
// views, collections, saved searches, tags, sites), the article list with
// its search box, facets and timeline, and the reader, where text can be
// selected, highlighted and annotated, with the article's tags, note and
// highlights beside it. Import, export, preferences and help are in the
// toolbar and the main menu; an empty archive shows a welcome screen that
// offers to import the bundled sample articles.
//
// Each screen lives in its own file (sidebar.go, list.go, search.go,
// facets.go, reader.go, notespanel.go, importdialog.go, exportdialog.go,
// prefsdialog.go, help.go, welcome.go) as a small struct holding its
// widgets and only what it uses: the env (window, context, fyne.Do, log),
// the part of the archive it reads or writes, as a small interface, and
// callbacks into the other screens, which wire.go connects. No screen
// holds the UI. The reader's article widget is the package blockview. Work
// that touches the archive or the disk runs on a goroutine (a load step) and
// its result reaches the widgets on the UI goroutine through fyne.Do (an
// apply step), so tests can drive both halves. The package calls archive and
// importer, never SQL.
package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/importer"
)

// Option changes how New builds the window.
type Option func(*UI)

// WithLogger sends the window's log (the detail behind the errors it shows)
// to l instead of slog.Default().
func WithLogger(l *slog.Logger) Option {
	return func(u *UI) { u.log = l }
}

// WithImportOptions sets the options of the imports started from the
// window (by default one worker per CPU).
func WithImportOptions(opt importer.Options) Option {
	return func(u *UI) { u.importOpt = opt }
}

// env is what every screen has of the window: the window itself, the
// context of its work, the way back to the UI goroutine, and the log.
// Screens get a copy of it, and of nothing else of the UI but what they
// use.
type env struct {
	win    fyne.Window
	ctx    context.Context // lives as long as the window; ends running work on close
	log    *slog.Logger
	timing timing
	// do runs f on the UI goroutine; fyne.Do except in tests, which run
	// the queued functions on the test goroutine.
	do func(f func())
}

// UI is the main window of Clippings. It builds the screens, hands each
// what it uses, and wires their callbacks to one another.
type UI struct {
	env
	app       fyne.App
	lib       Library
	importOpt importer.Options
	prefs     prefs
	tags      []string   // the archive's tag names, for completion
	notes     idSet      // the articles with highlights or a note, for the list's marks
	base      fyne.Theme // the app's theme before the window set its own
	cancel    context.CancelFunc

	// debounce is how long the search waits after the last keystroke;
	// facetDelay how long the facets wait after the list; poll how often
	// the window asks whether the archive changed (live.go).
	debounce, facetDelay, poll time.Duration
	settle                     time.Duration // how long the search waits before it runs as typed
	watching                   bool          // the archive is watched
	refreshes                  int           // times the window read the archive again after a change

	sidebar *sidebar
	list    *articleList
	search  *searchBar
	reader  *reader
	imports *imports
	exports *exports
	welcome *welcome
	dialogs dialogWidgets

	content *fyne.Container // holds either main or the welcome screen
	main    fyne.CanvasObject
	started time.Time
	ready   bool // the first list has been shown
}

// dialogWidgets are the inputs of the dialog open last, for tests.
type dialogWidgets struct {
	tag           *tagEditor
	collection    *widget.Select
	newCollection *widget.Entry
	help          *fyne.Container
	prefs         *prefsForm
}

// New builds the main window on a and starts loading the newest articles
// of lib. It does not show the window; call ShowAndRun (or Window().Show).
func New(a fyne.App, lib Library, opts ...Option) *UI {
	u := &UI{
		env:        env{log: slog.Default(), do: fyne.Do},
		app:        a,
		lib:        lib,
		debounce:   60 * time.Millisecond,
		facetDelay: facetDelay,
		poll:       livePoll,
		settle:     settleDelay,
		started:    time.Now(),
		notes:      idSet{m: map[int64]bool{}},
	}
	for _, o := range opts {
		o(u)
	}
	u.prefs = prefs{a.Preferences()}
	u.timing = newTiming(u.log)
	u.ctx, u.cancel = context.WithCancel(context.Background())
	u.applyTheme()
	u.win = a.NewWindow("Clippings")
	u.buildUI()
	if stop := startProfile(u.log); stop != nil {
		a.Lifecycle().SetOnStopped(stop)
	}
	u.win.SetOnClosed(u.cancel)
	u.win.Resize(fyne.NewSize(1280, 800))
	u.list.reload() // the rest loads once the list is shown (onListLoaded)
	if paths := filepath.SplitList(os.Getenv(importEnv)); len(paths) > 0 {
		u.imports.start(fixedPaths(paths...))
	}
	return u
}

// importEnv names files and folders (separated as in PATH) that the
// window imports when it opens, as if they were dropped on it; for
// scripts such as scripts/screenshots.sh.
const importEnv = "CLIPPINGS_IMPORT"

// Window returns the main window.
func (u *UI) Window() fyne.Window { return u.win }

// ShowAndRun shows the window and runs the application until it quits.
func (u *UI) ShowAndRun() {
	u.win.ShowAndRun()
}

// Close stops the work the window started (searches, imports) and closes
// it, once.
func (u *UI) Close() {
	if u.ctx.Err() != nil {
		return // closed already
	}
	u.cancel()
	u.win.Close()
}

func (u *UI) buildUI() {
	u.reader = u.newReader()
	u.list = u.newList()
	u.search = u.newSearch()
	u.sidebar = u.newSidebar()
	u.imports = u.newImports()
	u.exports = u.newExports()
	u.welcome = u.newWelcome()

	listPane := container.NewBorder(u.search.buildUI(), nil, nil, nil, u.list.buildUI())
	inner := container.NewHSplit(listPane, u.reader.buildUI())
	inner.Offset = 0.36
	outer := container.NewHSplit(u.sidebar.buildUI(), inner)
	outer.Offset = 0.17
	u.main = container.NewBorder(u.buildToolbar(), nil, nil, nil, outer)
	u.content = container.NewStack(u.main)

	u.win.SetContent(u.content)
	u.win.SetMainMenu(u.buildMenu())
	u.win.SetOnDropped(u.imports.onDropped)
	u.addShortcuts()
}

func (u *UI) buildToolbar() fyne.CanvasObject {
	button := func(text string, icon fyne.Resource, f func()) *widget.Button {
		return &widget.Button{Text: text, Icon: icon, OnTapped: f, Importance: widget.LowImportance}
	}
	return container.NewHBox(
		button("Import…", theme.FileIcon(), u.imports.chooseFiles),
		button("Import folder…", theme.FolderOpenIcon(), u.imports.chooseFolder),
		button("Export…", theme.DocumentSaveIcon(), u.exports.chooseScope),
		button("Preferences", theme.SettingsIcon(), u.showPreferences),
		button("Help", theme.HelpIcon(), u.showHelp),
	)
}

// loadNotes reads which articles have annotations, for the list's marks.
func (u *UI) loadNotes() {
	go func() {
		ids, err := u.lib.SearchIDs(u.ctx, "has:notes")
		if err != nil {
			u.log.Warn("load annotated articles", "err", err)
			return
		}
		u.notes.reset(ids)
		u.do(u.list.refreshNotes)
	}()
}

// onListLoaded is called on the UI goroutine each time the list shows a new
// selection: an empty archive (every article, and none) swaps in the
// welcome screen, anything else the main view. The facets follow the list.
func (u *UI) onListLoaded(sel archive.Selection, total int) {
	empty := sel.IsZero() && total == 0
	u.showWelcome(empty)
	if !u.ready {
		u.ready = true
		u.timing.since("window built to first list", u.started)
		u.timing.since("process start to first list", processStart)
		// What the first list does not need loads after it, not against it.
		u.loadNotes()
		u.tagsChanged()
		u.sidebar.reload()
		u.follow()
	}
	if !u.search.typed.IsZero() {
		u.timing.since("keystroke to list", u.search.typed)
		u.search.typed = time.Time{}
	}
	u.search.facets.load(sel)
}

func (u *UI) showWelcome(show bool) {
	want := u.main
	if show {
		want = u.welcome.view()
	}
	if len(u.content.Objects) == 1 && u.content.Objects[0] == want {
		return
	}
	u.content.Objects = []fyne.CanvasObject{want}
	u.content.Refresh()
}

// showError tells the user in one sentence what failed and logs the
// detail; cancelled work is not an error worth showing. It is the one way
// errors reach the user. It runs on the UI goroutine: background work hands
// its error, with its result, to its apply step through do (fyne.Do).
func (e env) showError(sentence string, err error) {
	if err == nil || errors.Is(err, context.Canceled) {
		return
	}
	e.log.Error(sentence, "err", err)
	dialog.ShowError(fmt.Errorf("%s\n\n%s", sentence, userDetail(err)), e.win)
}

// inform shows a short message.
func (e env) inform(title, message string) {
	dialog.ShowInformation(title, message, e.win)
}

// userDetail is the part of err worth showing under the sentence: what
// to do about it when the archive file is at fault, then the error.
func userDetail(err error) string {
	if errors.Is(err, archive.ErrNotFound) {
		return "It is no longer in the archive."
	}
	if h := archiveHint(err); h != "" {
		return h + "\n\n(" + err.Error() + ")"
	}
	return err.Error()
}

// archiveHint says what to do when the archive file cannot be used, or
// "" for other errors. (The command line says the same in its words.)
func archiveHint(err error) string {
	switch {
	case errors.Is(err, archive.ErrJournalReplaced):
		return "Another program deleted or replaced the archive's -wal and -shm files while Clippings had it open. " +
			"To keep the archive whole, Clippings writes nothing more to it: quit Clippings and open it again."
	case errors.Is(err, archive.ErrBusy):
		return "The archive is in use by another Clippings (a window or a command still running). " +
			"Close it, or wait until it has finished, and try again."
	case errors.Is(err, archive.ErrReadOnly):
		return "The archive is read-only: check the permissions of the file and its folder, " +
			"or copy it somewhere you may write and choose the copy in Preferences. Reading works meanwhile."
	case errors.Is(err, archive.ErrDiskFull):
		return "The disk holding the archive is full. Nothing stored was lost: " +
			"free some space and try again."
	case errors.Is(err, archive.ErrDamaged):
		return "The archive file is damaged (or not a Clippings archive); nothing was written to it. " +
			"Run \"clippings check\" to see what is wrong, and restore the archive from a backup " +
			"(\"clippings restore\" puts the newest automatic backup in its place). Keep the damaged file as it is."
	}
	return ""
}

// idSet is a set of article IDs shared with the loading goroutines.
type idSet struct {
	mu sync.RWMutex
	m  map[int64]bool
}

func (s *idSet) has(id int64) bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.m[id]
}

func (s *idSet) set(id int64, on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if on {
		s.m[id] = true
	} else {
		delete(s.m, id)
	}
}

func (s *idSet) reset(ids []int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m = make(map[int64]bool, len(ids))
	for _, id := range ids {
		s.m[id] = true
	}
}
