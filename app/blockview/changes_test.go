package blockview

import (
	"testing"

	"fyne.io/fyne/v2/canvas"
)

// TestChangesDrawn checks that an item's changes are drawn: a tint and
// a line for each, struck through for a deletion, under the text for an
// insertion.
func TestChangesDrawn(t *testing.T) {
	v := newTestView(t)
	text := "Emirates finalized signed a deal to buy 30 jets."
	v.SetItems([]Item{{Kind: Paragraph, Text: text, Changes: []Change{
		{Start: 9, End: 19, Deleted: true}, // "finalized "
		{Start: 19, End: 25},               // "signed"
	}}})
	b, ok := v.shown[0]
	if !ok {
		t.Fatal("the item is not shown")
	}
	var tints, lines []*canvas.Rectangle
	for _, o := range b.box.Objects {
		r, ok := o.(*canvas.Rectangle)
		if !ok {
			continue
		}
		switch r.FillColor {
		case insertedTint, deletedTint:
			tints = append(tints, r)
		case insertedLine, deletedLine:
			lines = append(lines, r)
		}
	}
	if len(tints) != 2 || len(lines) != 2 {
		t.Fatalf("%d tints and %d lines, want 2 and 2", len(tints), len(lines))
	}
	del, ins := tints[0], tints[1]
	if del.FillColor != deletedTint || ins.FillColor != insertedTint || del.Position().X >= ins.Position().X {
		t.Errorf("tints %v at %v and %v at %v: want the deletion, then the insertion right of it",
			del.FillColor, del.Position(), ins.FillColor, ins.Position())
	}
	strike, under := lines[0], lines[1]
	if mid := del.Position().Y + del.Size().Height/2; strike.Position().Y > mid+2 || strike.Position().Y < mid-4 {
		t.Errorf("the deletion's line is at y %v, not through the text (middle %v)", strike.Position().Y, mid)
	}
	if bottom := ins.Position().Y + ins.Size().Height; under.Position().Y < bottom-3 {
		t.Errorf("the insertion's line is at y %v, not under the text (bottom %v)", under.Position().Y, bottom)
	}
}
