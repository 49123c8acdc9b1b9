package blockview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// CreateRenderer links the view to its renderer; part of fyne.Widget.
func (v *View) CreateRenderer() fyne.WidgetRenderer {
	return &viewRenderer{v}
}

// viewRenderer draws a View: its scroll, which holds the page.
type viewRenderer struct {
	v *View
}

func (r *viewRenderer) Layout(size fyne.Size) {
	r.v.scroll.Resize(size)
	r.v.relayout(size.Width)
}

func (r *viewRenderer) MinSize() fyne.Size { return r.v.scroll.MinSize() }

// Refresh measures everything again: a theme change alters text sizes
// and colours.
func (r *viewRenderer) Refresh() {
	r.v.remeasure()
	r.v.relayout(r.v.Size().Width)
	r.v.redraw()
	canvas.Refresh(r.v.page)
}

func (r *viewRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.v.scroll} }

func (r *viewRenderer) Destroy() {}
