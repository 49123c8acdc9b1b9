package app

// Raise shows the window and asks for the focus: a second start of
// Clippings on the same archive brings this window to the front
// (internal/single) instead of opening another. It runs on the UI
// goroutine.
func (u *UI) Raise() {
	u.win.Show()
	u.win.RequestFocus()
}
