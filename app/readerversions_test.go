package app

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/clippings/clippings/app/blockview"
)

// TestReaderVersionChanges shows what changed between two captures of
// an article: the version picker names each by date and time, and
// "Show changes" marks the words inserted and deleted.
func TestReaderVersionChanges(t *testing.T) {
	s := openStore(t)
	ids := addCapture(t, s, versioned("The talks began on Monday in Hanoi.", time.Date(2019, 2, 1, 9, 30, 0, 0, time.UTC)))
	addCapture(t, s, versioned("The talks began on Tuesday in Hanoi and ended early.", time.Date(2019, 2, 3, 17, 5, 0, 0, time.UTC)))
	u, q := newTestUI(t, s)
	waitFor(t, q, "the list", func() bool { return u.list.length() == 1 })
	u.reader.show(ids[0])
	waitFor(t, q, "the article", func() bool { return u.reader.doc != nil && u.reader.doc.id == ids[0] })
	tools := u.reader.tools
	if !tools.versionBar.Visible() {
		t.Fatal("no version bar for an article of two versions")
	}
	withTime := regexp.MustCompile(`^\d · \d+ \w+ 2019, \d\d:\d\d`)
	for _, o := range tools.versions.Options {
		if !withTime.MatchString(o) {
			t.Errorf("version option %q lacks the date and time", o)
		}
	}

	u.win.Content().Refresh() // lay out again, as the next frame does
	need := fyne.MeasureText(tools.versions.Selected, theme.TextSize(), fyne.TextStyle{}).Width + 2*theme.InnerPadding() + theme.IconInlineSize()
	if got := tools.versions.Size().Width; got < need {
		t.Errorf("the version picker is %.0f wide, too narrow for %q (%.0f)", got, tools.versions.Selected, need)
	}

	test.Tap(tools.changes)
	waitFor(t, q, "the comparison", func() bool { return u.reader.doc.diff != nil })
	var changed *blockview.Item
	for i := range u.reader.view.Len() {
		if text, _ := u.reader.view.ItemText(i); strings.Contains(text, "Hanoi") {
			changed = &u.reader.doc.items[i]
		}
	}
	if changed == nil {
		t.Fatalf("the comparison shows %q", itemTexts(u.reader.view))
	}
	var ins, del []string
	for _, c := range changed.Changes {
		part := string([]rune(changed.Text)[c.Start:c.End])
		if c.Deleted {
			del = append(del, part)
		} else {
			ins = append(ins, part)
		}
	}
	if strings.Join(del, "|") != "Monday" || !strings.Contains(strings.Join(ins, "|"), "Tuesday") || !strings.Contains(strings.Join(ins, "|"), "ended early") {
		t.Errorf("in %q: deleted %q, inserted %q", changed.Text, del, ins)
	}
	if got := tools.summary.Text; !strings.HasPrefix(got, "Since version 1: 1 of 1 paragraph changed: ") {
		t.Errorf("summary %q", got)
	}
	// A comparison is no text to highlight.
	u.reader.view.SelectAll()
	u.reader.highlight("yellow", "")
	if got := overlayTexts(u); !containsText(got, "Show the current version") {
		t.Errorf("highlighting a comparison says %q", got)
	}
	u.win.Canvas().Overlays().Top().Hide()

	test.Tap(tools.changes)
	waitFor(t, q, "the current text", func() bool { return u.reader.doc.diff == nil })
	if !u.reader.doc.current() {
		t.Error("after the comparison the current version is not shown")
	}
}
