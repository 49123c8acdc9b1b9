package app

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/clippings/clippings/app/blockview"
	"github.com/clippings/clippings/archive"
)

const (
	sealsP1 = "Volunteers counting harbour seals"
	sealsP2 = "The count is made from the dunes"
)

// openSeals opens the seals article in a filled window and returns the
// article as the archive holds it.
func openSeals(t *testing.T) (*UI, *uiQueue, *archive.Article) {
	t.Helper()
	u, q := newFilledUI(t)
	row := slices.Index(shownTitles(u), sealsTitle)
	u.list.list.Select(row)
	waitFor(t, q, "the seals article", func() bool {
		return u.reader.doc != nil && u.reader.doc.article.Title == sealsTitle
	})
	return u, q, u.reader.doc.article
}

// itemIndex returns the first item of v whose text starts with prefix.
func itemIndex(t *testing.T, v *blockview.View, prefix string) int {
	t.Helper()
	for i := range v.Len() {
		if text, ok := v.ItemText(i); ok && strings.HasPrefix(text, prefix) {
			return i
		}
	}
	t.Fatalf("no item starts with %q", prefix)
	return -1
}

// runeIndex returns where sub starts in item i, in runes.
func runeIndex(v *blockview.View, i int, sub string) int {
	s, _ := v.ItemText(i)
	return len([]rune(s[:strings.Index(s, sub)]))
}

// pagePos returns the place on the page just right of the boundary before
// rune k of item i.
func pagePos(v *blockview.View, i, k int) fyne.Position {
	return v.PointAt(i, k)
}

// canvasPos is pagePos on the window's canvas.
func canvasPos(v *blockview.View, i, k int) fyne.Position {
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(v.Page()).Add(pagePos(v, i, k))
}

func TestReaderSelection(t *testing.T) {
	u, _, a := openSeals(t)
	v := u.reader.view
	body := []rune(a.Text())
	p1, p2 := itemIndex(t, v, sealsP1), itemIndex(t, v, sealsP2)
	from, to := runeIndex(v, p1, "harbour seals"), runeIndex(v, p2, " from the dunes")
	p1Str, _ := v.ItemText(p1)
	p2Str, _ := v.ItemText(p2)
	p1Text, p2Text := []rune(p1Str), []rune(p2Str)

	t.Run("Drag", func(t *testing.T) {
		start, end := canvasPos(v, p1, from), canvasPos(v, p2, to)
		test.Drag(u.win.Canvas(), end, end.X-start.X, end.Y-start.Y)
		want := string(p1Text[from:]) + "\n" + string(p2Text[:to])
		if got := v.SelectedText(); got != want {
			t.Errorf("selected %q, want %q", got, want)
		}
		s, e, ok := v.SelectionInBody()
		if !ok {
			t.Fatal("the selection covers no body text")
		}
		if got, want := string(body[s:e]), string(p1Text[from:])+"\n\n"+string(p2Text[:to]); got != want {
			t.Errorf("body[%d:%d] = %q, want %q", s, e, got, want)
		}
	})
	t.Run("ShiftClick", func(t *testing.T) {
		page := v.Page()
		page.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pagePos(v, p2, 4)}, Button: desktop.MouseButtonPrimary})
		page.MouseUp(&desktop.MouseEvent{Button: desktop.MouseButtonPrimary})
		if v.HasSelection() {
			t.Errorf("a click selects %q, want nothing", v.SelectedText())
		}
		page.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pagePos(v, p2, 9)},
			Button: desktop.MouseButtonPrimary, Modifier: fyne.KeyModifierShift})
		if got, want := v.SelectedText(), "count"; got != want {
			t.Errorf("shift-click selects %q, want %q", got, want)
		}
		if u.win.Canvas().Focused() != page {
			t.Error("clicking the reader does not focus it")
		}
	})
	t.Run("DoubleTapWord", func(t *testing.T) {
		at := runeIndex(v, p1, "colony") + 2
		test.DoubleTap(v.Page()) // at (1,1): the title's first word
		if got, want := v.SelectedText(), "Harbour"; got != want {
			t.Errorf("double tap selects %q, want %q", got, want)
		}
		v.Page().DoubleTapped(&fyne.PointEvent{Position: pagePos(v, p1, at)})
		if got, want := v.SelectedText(), "colony"; got != want {
			t.Errorf("double tap selects %q, want %q", got, want)
		}
	})
	t.Run("CopyAndSelectAll", func(t *testing.T) {
		clip := u.app.Clipboard()
		v.Page().TypedShortcut(&fyne.ShortcutCopy{Clipboard: clip})
		if got, want := clip.Content(), "colony"; got != want {
			t.Errorf("clipboard holds %q, want %q", got, want)
		}
		v.Page().TypedShortcut(&fyne.ShortcutSelectAll{})
		s, e, ok := v.SelectionInBody()
		if !ok || s != 0 || e != len(body) {
			t.Errorf("select all covers body %d–%d (%v), want 0–%d", s, e, ok, len(body))
		}
		v.Page().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
		if v.HasSelection() {
			t.Error("Escape leaves a selection")
		}
	})
	t.Run("TitleOnlyIsNotBody", func(t *testing.T) {
		v.SetSelection(blockview.Pos{Item: 0, Char: 0}, blockview.Pos{Item: 0, Char: 7})
		if _, _, ok := v.SelectionInBody(); ok {
			t.Error("a selection in the title maps to body text")
		}
	})
}

func TestListItemOffsets(t *testing.T) {
	u, _, a := openSeals(t)
	v := u.reader.view
	i := itemIndex(t, v, "• quiet zones")
	text, _ := v.ItemText(i)
	v.SetSelection(blockview.Pos{Item: i, Char: 0}, blockview.Pos{Item: i, Char: len([]rune(text))}) // with the marker
	s, e, ok := v.SelectionInBody()
	if got, want := string([]rune(a.Text())[s:e]), "quiet zones on the sandbanks, closed to boats from May to August;"; !ok || got != want {
		t.Errorf("body of a list item = %q, want %q", got, want)
	}
}

func TestHighlight(t *testing.T) {
	u, q, a := openSeals(t)
	s := u.lib.(*archive.Store)
	v, r := u.reader.view, u.reader
	p2 := itemIndex(t, v, sealsP2)
	from, to := runeIndex(v, p2, "the dunes"), runeIndex(v, p2, " at low tide")

	t.Run("Create", func(t *testing.T) {
		v.SetSelection(blockview.Pos{Item: p2, Char: from}, blockview.Pos{Item: p2, Char: to})
		test.Tap(r.tools.swatches[1]) // green
		waitFor(t, q, "the highlight", func() bool { return len(v.Marks()) == 1 })
		list, err := s.Annotations(context.Background(), archive.AnnotationFilter{ArticleID: a.ID})
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 1 || list[0].Quote.Exact != "the dunes" || list[0].Color != "green" {
			t.Fatalf("archive holds %+v, want one green highlight of %q", list, "the dunes")
		}
		if v.HasSelection() {
			t.Error("the selection stays after highlighting")
		}
		if got := len(r.panel.marks); got != 1 {
			t.Errorf("panel lists %d highlights, want 1", got)
		}
		if !drawsColor(v, blockview.HighlightColor("green")) {
			t.Error("the reader draws no green rectangle")
		}
		if r, _ := u.list.cur.row(u.list.indexOf(a.ID)); !r.notes {
			t.Error("the list row has no annotation mark")
		}
	})
	t.Run("Golden", func(t *testing.T) {
		v.ScrollToItem(p2, 0)
		test.AssertObjectRendersToMarkup(t, "reader_highlight.xml", v)
	})
	t.Run("PanelJumps", func(t *testing.T) {
		v.ScrollToItem(0, 0)
		test.Tap(r.panel.rows.Objects[0].(*highlightRow))
		if got, want := v.SelectedText(), "the dunes"; got != want {
			t.Errorf("jumping to the highlight selects %q, want %q", got, want)
		}
		if first, last := v.VisibleRange(); p2 < first || p2 >= last {
			t.Errorf("items %d–%d in view, want the highlight's item %d", first, last, p2)
		}
	})
	t.Run("TapOpensMenu", func(t *testing.T) {
		v.SetSelection(blockview.Pos{}, blockview.Pos{})
		test.TapCanvas(u.win.Canvas(), canvasPos(v, p2, from+2))
		top := u.win.Canvas().Overlays().Top()
		if top == nil || !strings.Contains(test.RenderObjectToMarkup(top), "Delete highlight") {
			t.Error("tapping a highlight shows no menu with Delete highlight")
		}
		u.win.Canvas().Overlays().Top().Hide()
	})
	t.Run("WithNote", func(t *testing.T) {
		v.SetSelection(blockview.Pos{Item: p2, Char: to + 1}, blockview.Pos{Item: p2, Char: to + 12})
		r.highlightWithNote("blue")
		test.Type(u.win.Canvas().Focused(), "Counted at low tide")
		tapButton(t, u, "Highlight")
		waitFor(t, q, "the second highlight", func() bool { return len(v.Marks()) == 2 })
		list, _ := s.Annotations(context.Background(), archive.AnnotationFilter{ArticleID: a.ID})
		if got := list[1]; got.Quote.Exact != "at low tide" || got.Note != "Counted at low tide" || got.Color != "blue" {
			t.Errorf("second highlight = %+v", got)
		}
	})
	t.Run("Delete", func(t *testing.T) {
		r.deleteAnnotation(v.Marks()[0].ID)
		waitFor(t, q, "the highlight to go", func() bool { return len(v.Marks()) == 1 })
		if got := len(r.panel.marks); got != 1 {
			t.Errorf("panel lists %d highlights, want 1", got)
		}
	})
	t.Run("NothingSelected", func(t *testing.T) {
		v.SetSelection(blockview.Pos{}, blockview.Pos{})
		r.highlight("yellow", "")
		if got := overlayTexts(u); !containsText(got, "Select a passage") {
			t.Errorf("dialog says %q, want a hint to select text", got)
		}
	})
}
