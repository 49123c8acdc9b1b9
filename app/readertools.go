package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/clippings/clippings/app/blockview"
)

// Icons the theme lacks, themed so that they follow light and dark.
var (
	starIcon = theme.NewThemedResource(fyne.NewStaticResource("star.svg", []byte(
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M12 2l3 7h7l-5.5 4.5 2 7.5-6.5-4.5-6.5 4.5 2-7.5L2 9h7z"/></svg>`)))
	starOutlineIcon = theme.NewThemedResource(fyne.NewStaticResource("star-outline.svg", []byte(
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path fill-rule="evenodd" d="M12 2l3 7h7l-5.5 4.5 2 7.5-6.5-4.5-6.5 4.5 2-7.5L2 9h7zm0 5l-1.7 3.8H6.5l3 2.5-1.1 4.2 3.6-2.5 3.6 2.5-1.1-4.2 3-2.5h-3.8z"/></svg>`)))
)

// readerTools is the toolbar above the article: highlight colours, a
// highlight with a note, the text size, the star, and the version shown.
type readerTools struct {
	r        *reader
	color    string // the colour of the next highlight
	swatches []*swatch
	withNote *widget.Button
	star     *widget.Button
	versions *widget.Select
	// versionNumbers maps the options of versions to version numbers.
	versionNumbers map[string]int
	changes        *widget.Check   // show what changed from the version before
	summary        *widget.Label   // what changed, in words
	versionBar     *fyne.Container // the versions' row, shown for an article of several
}

func (t *readerTools) buildUI() fyne.CanvasObject {
	t.color = blockview.HighlightColors[0]
	objs := []fyne.CanvasObject{widget.NewLabel("Highlight")}
	for _, c := range blockview.HighlightColors {
		s := newSwatch(c, func() { t.pick(c) })
		t.swatches = append(t.swatches, s)
		objs = append(objs, s)
	}
	t.swatches[0].setChosen(true)
	t.withNote = &widget.Button{Text: "With note…", Icon: theme.DocumentCreateIcon(), Importance: widget.LowImportance,
		OnTapped: func() { t.r.highlightWithNote(t.color) }}
	smaller := &widget.Button{Icon: theme.ZoomOutIcon(), Importance: widget.LowImportance, OnTapped: func() { t.r.onZoom(-1) }}
	larger := &widget.Button{Icon: theme.ZoomInIcon(), Importance: widget.LowImportance, OnTapped: func() { t.r.onZoom(1) }}
	t.star = &widget.Button{Icon: starOutlineIcon, Importance: widget.LowImportance, OnTapped: t.toggleStar}
	t.star.Disable()
	objs = append(objs, t.withNote, widget.NewSeparator(), smaller, larger, widget.NewSeparator(), t.star)
	t.selectionChanged(false)
	return container.NewVBox(container.NewHBox(objs...), t.buildVersionBar())
}

// pick makes c the highlight colour and highlights the selection in it.
func (t *readerTools) pick(c string) {
	t.color = c
	for _, s := range t.swatches {
		s.setChosen(s.name == c)
	}
	if t.r.view.HasSelection() {
		t.r.highlight(c, "")
	}
}

// selectionChanged enables the note button while text is selected.
func (t *readerTools) selectionChanged(selected bool) {
	if selected {
		t.withNote.Enable()
	} else {
		t.withNote.Disable()
	}
}

// update shows the state of doc: its star and its versions.
func (t *readerTools) update(doc *readerDoc) {
	t.star.Enable()
	t.showStar(doc.article.Starred)
	t.updateVersions(doc)
}

// clear disables the tools that act on an article, when none is shown.
func (t *readerTools) clear() {
	t.star.Disable()
	t.versionBar.Hide()
}

func (t *readerTools) showStar(on bool) {
	if on {
		t.star.SetIcon(starIcon)
		t.star.SetText("Starred")
	} else {
		t.star.SetIcon(starOutlineIcon)
		t.star.SetText("Star")
	}
}

// toggleStar stars or unstars the article shown.
func (t *readerTools) toggleStar() {
	doc := t.r.doc
	if doc == nil {
		return
	}
	on := !doc.article.Starred
	go func() {
		err := t.r.lib.SetStarred(t.r.ctx, on, doc.id)
		t.r.do(func() {
			if err != nil {
				t.r.showError("Could not star the article.", err)
				return
			}
			doc.article.Starred = on
			if t.r.doc == doc {
				t.showStar(on)
			}
			t.r.onChanged()
		})
	}()
}

// swatch is a small square of a highlight colour that can be tapped.
type swatch struct {
	widget.BaseWidget
	name   string
	onTap  func()
	chosen bool
	rect   *canvas.Rectangle
}

func newSwatch(name string, onTap func()) *swatch {
	s := &swatch{name: name, onTap: onTap}
	s.ExtendBaseWidget(s)
	return s
}

func (s *swatch) setChosen(on bool) {
	s.chosen = on
	s.Refresh()
}

// Tapped is part of fyne.Tappable.
func (s *swatch) Tapped(*fyne.PointEvent) {
	if s.onTap != nil {
		s.onTap()
	}
}

// CreateRenderer is part of fyne.Widget.
func (s *swatch) CreateRenderer() fyne.WidgetRenderer {
	s.rect = &canvas.Rectangle{CornerRadius: 4}
	r := &swatchRenderer{s: s}
	r.Refresh()
	return r
}

type swatchRenderer struct{ s *swatch }

func (r *swatchRenderer) Layout(size fyne.Size) {
	side := min(size.Width, size.Height) - 6
	r.s.rect.Resize(fyne.NewSize(side, side))
	r.s.rect.Move(fyne.NewPos((size.Width-side)/2, (size.Height-side)/2))
}

func (r *swatchRenderer) MinSize() fyne.Size { return fyne.NewSize(28, 28) }

func (r *swatchRenderer) Refresh() {
	c := blockview.HighlightColor(r.s.name).(color.NRGBA)
	c.A = 0xff
	r.s.rect.FillColor = c
	r.s.rect.StrokeWidth = 0
	if r.s.chosen {
		r.s.rect.StrokeColor = theme.ColorForWidget(theme.ColorNameForeground, r.s)
		r.s.rect.StrokeWidth = 2
	}
	r.s.rect.Refresh()
}

func (r *swatchRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.s.rect} }
func (r *swatchRenderer) Destroy()                     {}
