package app

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// maxSuggestions is how many existing tags the tag editor proposes.
const maxSuggestions = 6

// tagEditor edits a set of tags in place: each tag a chip that removes it,
// and an entry that adds one, proposing the archive's tags that match
// what is typed.
type tagEditor struct {
	names    func() []string // the archive's tags, to propose
	onAdd    func(tag string)
	onRemove func(tag string)

	chips   *fyne.Container
	entry   *widget.Entry
	suggest *fyne.Container
	tags    []string
}

func (e *tagEditor) buildUI() fyne.CanvasObject {
	e.chips = container.New(&flowLayout{})
	e.entry = &widget.Entry{PlaceHolder: "Add a tag…", OnChanged: e.typed, OnSubmitted: e.submit}
	e.entry.ExtendBaseWidget(e.entry)
	e.suggest = container.NewVBox()
	return container.NewVBox(e.chips, e.entry, e.suggest)
}

// setTags shows tags as chips.
func (e *tagEditor) setTags(tags []string) {
	e.tags = slices.Clone(tags)
	objs := make([]fyne.CanvasObject, 0, len(tags))
	for _, t := range tags {
		objs = append(objs, &widget.Button{Text: t, Icon: theme.CancelIcon(), IconPlacement: widget.ButtonIconTrailingText,
			Importance: widget.LowImportance, OnTapped: func() {
				if e.onRemove != nil {
					e.onRemove(t)
				}
			}})
	}
	e.chips.Objects = objs
	e.chips.Refresh()
	e.typed(e.entry.Text)
}

// typed proposes existing tags matching text.
func (e *tagEditor) typed(text string) {
	var objs []fyne.CanvasObject
	if strings.TrimSpace(text) != "" {
		for _, s := range suggestTags(e.names(), e.tags, text, maxSuggestions) {
			objs = append(objs, &widget.Button{Text: s, Alignment: widget.ButtonAlignLeading,
				Importance: widget.LowImportance, OnTapped: func() { e.submit(s) }})
		}
	}
	e.suggest.Objects = objs
	e.suggest.Refresh()
}

// submit adds the tag typed or chosen.
func (e *tagEditor) submit(text string) {
	tag := strings.Trim(strings.TrimSpace(text), "/")
	if tag == "" {
		return
	}
	e.entry.SetText("")
	if !slices.ContainsFunc(e.tags, func(t string) bool { return strings.EqualFold(t, tag) }) && e.onAdd != nil {
		e.onAdd(tag)
	}
}

// suggestTags returns up to n of all that match typed and are not in have:
// tags starting with it first, then those with a level starting with it,
// then those containing it; without case.
func suggestTags(all, have []string, typed string, n int) []string {
	typed = strings.ToLower(strings.TrimSpace(typed))
	var starts, levels, contains []string
	for _, t := range all {
		lt := strings.ToLower(t)
		if slices.ContainsFunc(have, func(h string) bool { return strings.EqualFold(h, t) }) || lt == typed {
			continue
		}
		switch {
		case strings.HasPrefix(lt, typed):
			starts = append(starts, t)
		case strings.Contains(lt, "/"+typed):
			levels = append(levels, t)
		case strings.Contains(lt, typed):
			contains = append(contains, t)
		}
	}
	out := append(append(starts, levels...), contains...)
	return out[:min(n, len(out))]
}

// flowLayout places objects in rows, left to right, wrapping to the
// width, each at its minimum size. Its minimum height is that of the
// width it was last given.
type flowLayout struct{ width float32 }

func (f *flowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	f.width = size.Width
	f.place(objs, size.Width, true)
}

func (f *flowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	s := f.place(objs, f.width, false)
	s.Width = 0
	for _, o := range objs {
		s.Width = max(s.Width, o.MinSize().Width)
	}
	return s
}

// place lays objects out in rows of the width (the widest object's when
// width is 0) and returns the size they take.
func (f *flowLayout) place(objs []fyne.CanvasObject, width float32, move bool) fyne.Size {
	pad := theme.Padding()
	for _, o := range objs {
		width = max(width, o.MinSize().Width)
	}
	x, y, rowH := float32(0), float32(0), float32(0)
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		if x > 0 && x+m.Width > width {
			x, y, rowH = 0, y+rowH+pad, 0
		}
		if move {
			o.Move(fyne.NewPos(x, y))
			o.Resize(m)
		}
		x += m.Width + pad
		rowH = max(rowH, m.Height)
	}
	return fyne.NewSize(width, y+rowH)
}
