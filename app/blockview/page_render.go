package blockview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// CreateRenderer links the page to its renderer; part of fyne.Widget.
func (p *Page) CreateRenderer() fyne.WidgetRenderer { return &pageRenderer{p} }

// pageRenderer draws a Page: the container of the items in view, as
// tall as the whole article.
type pageRenderer struct{ p *Page }

func (r *pageRenderer) Layout(size fyne.Size) { r.p.content.Resize(size) }

func (r *pageRenderer) MinSize() fyne.Size {
	v := r.p.v
	if len(v.tops) == 0 {
		return fyne.Size{}
	}
	return fyne.NewSize(0, v.tops[len(v.tops)-1])
}

func (r *pageRenderer) Refresh()                     { canvas.Refresh(r.p.content) }
func (r *pageRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.p.content} }
func (r *pageRenderer) Destroy()                     {}
