package app

import "testing"

// TestNewCollectionNameFits checks that the New collection dialog gives
// its name field room for a path, not ~110 pixels.
func TestNewCollectionNameFits(t *testing.T) {
	u, _ := newFilledUI(t)
	u.newCollection()
	name := u.dialogs.newCollection
	if name == nil || u.win.Canvas().Focused() != name {
		t.Fatal("the dialog's name field is not focused")
	}
	if w := name.Size().Width; w < 300 {
		t.Errorf("the name field is %.0f pixels wide, want room for Reading/Summits/2019", w)
	}
}
