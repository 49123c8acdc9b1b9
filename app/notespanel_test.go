package app

import (
	"context"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/clippings/clippings/archive"
)

func TestFreeNote(t *testing.T) {
	u, q, a := openSeals(t)
	s := u.lib.(*archive.Store)
	p := u.reader.panel
	if p.note.Disabled() {
		t.Fatal("the note is disabled with an article open")
	}
	test.Type(p.note, "Check the 2019 count.")
	waitFor(t, q, "the note to be saved", func() bool {
		list, err := s.Annotations(context.Background(), archive.AnnotationFilter{ArticleID: a.ID, Kind: archive.KindNote})
		return err == nil && len(list) == 1 && list[0].Note == "Check the 2019 count."
	})

	// Another article, then back: the note is read from the archive.
	u.list.list.Select(slices.Index(shownTitles(u), beesTitle))
	waitFor(t, q, "the bees article", func() bool { return u.reader.doc.article.Title == beesTitle })
	if got := p.note.Text; got != "" {
		t.Errorf("the bees article shows note %q, want none", got)
	}
	u.list.list.Select(slices.Index(shownTitles(u), sealsTitle))
	waitFor(t, q, "the seals article again", func() bool { return u.reader.doc.article.Title == sealsTitle })
	if got, want := p.note.Text, "Check the 2019 count."; got != want {
		t.Errorf("note = %q, want %q", got, want)
	}
}

func TestTagEditor(t *testing.T) {
	u, q, a := openSeals(t)
	s := u.lib.(*archive.Store)
	ctx := context.Background()
	others, err := s.List(ctx, archive.ListFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var other int64
	for _, o := range others {
		if o.ID != a.ID {
			other = o.ID
		}
	}
	if _, err := s.AddTags(ctx, []int64{other}, "nature/seals", "politics"); err != nil {
		t.Fatal(err)
	}
	u.tagsChanged()
	waitFor(t, q, "the tags", func() bool { return slices.Contains(u.tagNames(), "nature/seals") })
	e := u.reader.panel.tags

	t.Run("Completes", func(t *testing.T) {
		test.Type(e.entry, "sea")
		if got := buttonTexts(e.suggest); !slices.Equal(got, []string{"nature/seals"}) {
			t.Fatalf("suggestions = %q, want the tag with a level starting sea", got)
		}
		test.Tap(e.suggest.Objects[0].(*widget.Button))
		waitFor(t, q, "the article to be tagged", func() bool { return slices.Equal(buttonTexts(e.chips), []string{"nature/seals"}) })
		got, _ := s.Article(ctx, a.ID)
		if !slices.Equal(got.Tags, []string{"nature/seals"}) {
			t.Errorf("archive tags = %q", got.Tags)
		}
		if e.entry.Text != "" {
			t.Errorf("entry keeps %q after adding", e.entry.Text)
		}
		waitFor(t, q, "the list row's tags", func() bool {
			r, _ := u.list.cur.row(u.list.indexOf(a.ID))
			return r.tags == "nature/seals"
		})
		if got := labelTexts(u.list.list); !containsText(got, "Coast Gazette · 12 Mar 2024 · nature/seals") {
			t.Errorf("list draws %q, want the row's site, date and tags", got)
		}
	})
	t.Run("NewTag", func(t *testing.T) {
		test.Type(e.entry, "estuaries")
		e.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		waitFor(t, q, "the new tag", func() bool { return len(e.tags) == 2 })
		waitFor(t, q, "completion to know it", func() bool { return slices.Contains(u.tagNames(), "estuaries") })
	})
	t.Run("Remove", func(t *testing.T) {
		test.Tap(e.chips.Objects[0].(*widget.Button)) // estuaries, by name
		waitFor(t, q, "the tag to go", func() bool { return slices.Equal(e.tags, []string{"nature/seals"}) })
	})
}

func TestSuggestTags(t *testing.T) {
	all := []string{"korea", "korea/diplomacy", "north", "asia/korea", "Koreana", "trade"}
	got := suggestTags(all, []string{"korea"}, "kor", 4)
	if want := []string{"korea/diplomacy", "Koreana", "asia/korea"}; !slices.Equal(got, want) {
		t.Errorf("suggestTags = %q, want %q", got, want)
	}
	if got := suggestTags(all, nil, "o", 2); len(got) != 2 {
		t.Errorf("suggestTags gives %d, want at most 2", len(got))
	}
}

// TestHighlightNoteWhole checks that a highlight's note is shown whole,
// wrapped, in the text's size and colour: not cut to a line of small
// grey italics.
func TestHighlightNoteWhole(t *testing.T) {
	u, q, a := openSeals(t)
	s := u.lib.(*archive.Store)
	note := "Compare with the 2019 survey: the count there was taken in December, after the pups had left the beach, so the two are not the same measure."
	if _, err := s.AddHighlight(context.Background(), a.ID, archive.NewHighlight{Exact: "the dunes", Note: note}); err != nil {
		t.Fatal(err)
	}
	u.reader.reload()
	waitFor(t, q, "the highlight in the panel", func() bool { return len(u.reader.panel.rows.Objects) == 1 })
	var found *widget.Label
	for _, o := range test.LaidOutObjects(u.reader.panel.rows) {
		if l, ok := o.(*widget.Label); ok && l.Text == note {
			found = l
		}
	}
	switch {
	case found == nil:
		t.Fatalf("no label holds the whole note")
	case found.Wrapping != fyne.TextWrapWord || found.Truncation != fyne.TextTruncateOff:
		t.Errorf("the note is not wrapped whole (wrapping %v, truncation %v)", found.Wrapping, found.Truncation)
	case found.SizeName != "" || found.TextStyle.Italic || found.Importance == widget.LowImportance:
		t.Errorf("the note is drawn small, italic or faint: size %q, style %+v, importance %v", found.SizeName, found.TextStyle, found.Importance)
	}
}
