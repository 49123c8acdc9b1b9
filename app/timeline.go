package app

import (
	"fmt"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/internal/words"
)

// timelineHeight is the height of the chart, with its labels.
const timelineHeight = 64

// minBarWidth is the narrowest a month's bar may be; narrower, the chart
// counts by year. maxBarWidth is the widest a bar is drawn.
const (
	minBarWidth = 5
	maxBarWidth = 28
)

// timeBin is one bar of the timeline: a month ("2019-03") or a year
// ("2019") and how many results fall in it.
type timeBin struct {
	from, to string // the range, as date filters take it
	label    string // "Mar 2019"
	count    int
}

// timeline is a bar chart of search results by month (by year when the
// months do not fit). Clicking a bar, or dragging across several, narrows
// the search to their dates.
type timeline struct {
	widget.BaseWidget
	months []archive.FacetCount // "2019-03", in order
	bins   []timeBin
	onPick func(from, to string)

	hover     int // the bar under the pointer; -1 for none
	dragStart int // the bar a drag began on; -1 when not dragging
	dragEnd   int
}

func newTimeline(onPick func(from, to string)) *timeline {
	t := &timeline{onPick: onPick, hover: -1, dragStart: -1}
	t.ExtendBaseWidget(t)
	return t
}

// setMonths shows the counts by month.
func (t *timeline) setMonths(months []archive.FacetCount) {
	t.months = months
	t.hover, t.dragStart = -1, -1
	t.Refresh()
}

// binsFor returns the bars of the months for a chart of the width: every
// month from the first to the last (empty ones too), or every year.
func binsFor(months []archive.FacetCount, width float32) []timeBin {
	if len(months) == 0 {
		return nil
	}
	first, err1 := time.Parse("2006-01", months[0].Value)
	last, err2 := time.Parse("2006-01", months[len(months)-1].Value)
	if err1 != nil || err2 != nil {
		return nil
	}
	counts := map[string]int{}
	for _, m := range months {
		counts[m.Value] += m.Count
		counts[m.Value[:4]] += m.Count
	}
	n := (last.Year()-first.Year())*12 + int(last.Month()-first.Month()) + 1
	var bins []timeBin
	if float32(n)*minBarWidth <= width || n <= 12 {
		for d := first; !d.After(last); d = d.AddDate(0, 1, 0) {
			v := d.Format("2006-01")
			bins = append(bins, timeBin{from: v, to: v, label: d.Format("Jan 2006"), count: counts[v]})
		}
		return bins
	}
	for y := first.Year(); y <= last.Year(); y++ {
		v := strconv.Itoa(y)
		bins = append(bins, timeBin{from: v + "-01", to: v + "-12", label: v, count: counts[v]})
	}
	return bins
}

// binAt returns the bar at x, clamped.
func (t *timeline) binAt(x float32) int {
	if len(t.bins) == 0 {
		return -1
	}
	i := int(x / min(t.Size().Width/float32(len(t.bins)), maxBarWidth))
	return min(max(i, 0), len(t.bins)-1)
}

// Tapped narrows to the bar tapped.
func (t *timeline) Tapped(ev *fyne.PointEvent) {
	if i := t.binAt(ev.Position.X); i >= 0 && t.onPick != nil {
		t.onPick(t.bins[i].from, t.bins[i].to)
	}
}

// Dragged marks the bars dragged across.
func (t *timeline) Dragged(ev *fyne.DragEvent) {
	if t.dragStart < 0 {
		t.dragStart = t.binAt(ev.Position.X - ev.Dragged.DX)
	}
	t.dragEnd = t.binAt(ev.Position.X)
	t.Refresh()
}

// DragEnd narrows to the bars dragged across.
func (t *timeline) DragEnd() {
	a, b := t.dragStart, t.dragEnd
	t.dragStart = -1
	t.Refresh()
	if a < 0 || b < 0 || t.onPick == nil {
		return
	}
	t.onPick(t.bins[min(a, b)].from, t.bins[max(a, b)].to)
}

// MouseIn is part of desktop.Hoverable.
func (t *timeline) MouseIn(ev *desktop.MouseEvent) { t.MouseMoved(ev) }

// MouseMoved shows the count of the bar under the pointer.
func (t *timeline) MouseMoved(ev *desktop.MouseEvent) {
	if i := t.binAt(ev.Position.X); i != t.hover {
		t.hover = i
		t.Refresh()
	}
}

// MouseOut is part of desktop.Hoverable.
func (t *timeline) MouseOut() {
	t.hover = -1
	t.Refresh()
}

// CreateRenderer is part of fyne.Widget.
func (t *timeline) CreateRenderer() fyne.WidgetRenderer {
	r := &timelineRenderer{t: t, caption: &canvas.Text{TextSize: theme.CaptionTextSize()}}
	return r
}

type timelineRenderer struct {
	t       *timeline
	bars    []*canvas.Rectangle
	labels  []*canvas.Text
	caption *canvas.Text
	objs    []fyne.CanvasObject
}

func (r *timelineRenderer) MinSize() fyne.Size { return fyne.NewSize(120, timelineHeight) }

func (r *timelineRenderer) Objects() []fyne.CanvasObject { return r.objs }

func (r *timelineRenderer) Destroy() {}

func (r *timelineRenderer) Refresh() { r.Layout(r.t.Size()) }

// Layout draws the bars, a year label under the first bar of each year
// that has room, and the count of the bar pointed at.
func (r *timelineRenderer) Layout(size fyne.Size) {
	t := r.t
	t.bins = binsFor(t.months, size.Width)
	r.objs = r.objs[:0]
	labelH := theme.CaptionTextSize() + 2
	chartH := size.Height - 2*labelH
	peak := 1
	for _, b := range t.bins {
		peak = max(peak, b.count)
	}
	w := min(size.Width/float32(max(len(t.bins), 1)), maxBarWidth)
	lo, hi := t.dragStart, t.dragEnd
	if lo > hi {
		lo, hi = hi, lo
	}
	nl, lastLabel := 0, float32(-100)
	for i, b := range t.bins {
		c := theme.Color(theme.ColorNamePrimary)
		if i == t.hover || t.dragStart >= 0 && i >= lo && i <= hi {
			c = theme.Color(theme.ColorNameForeground)
		}
		h := max(chartH*float32(b.count)/float32(peak), 1)
		r.bar(i).FillColor = c
		r.bars[i].Move(fyne.NewPos(float32(i)*w, labelH+chartH-h))
		r.bars[i].Resize(fyne.NewSize(max(w-1, 1), h))
		r.objs = append(r.objs, r.bars[i])
		if x := float32(i) * w; (i == 0 || b.from[5:] == "01") && x-lastLabel > 40 {
			r.objs = append(r.objs, r.label(nl, b.from[:4], x, labelH+chartH))
			nl, lastLabel = nl+1, x
		}
	}
	r.caption.Text = r.captionText()
	r.caption.Color = theme.Color(theme.ColorNameForeground)
	r.caption.Move(fyne.NewPos(0, 0))
	r.objs = append(r.objs, r.caption)
	for _, o := range r.objs {
		o.Refresh()
	}
}

// captionText names the bar pointed at, or the span of the chart.
func (r *timelineRenderer) captionText() string {
	t := r.t
	switch {
	case len(t.bins) == 0:
		return "No dates"
	case t.hover >= 0 && t.hover < len(t.bins):
		b := t.bins[t.hover]
		return fmt.Sprintf("%s: %s — click to narrow", b.label, words.Plural(b.count, "article", "articles"))
	}
	return fmt.Sprintf("%s – %s by %s", t.bins[0].label, t.bins[len(t.bins)-1].label, map[bool]string{true: "month", false: "year"}[t.bins[0].from == t.bins[0].to])
}

func (r *timelineRenderer) bar(i int) *canvas.Rectangle {
	for len(r.bars) <= i {
		r.bars = append(r.bars, &canvas.Rectangle{})
	}
	return r.bars[i]
}

func (r *timelineRenderer) label(i int, text string, x, y float32) *canvas.Text {
	for len(r.labels) <= i {
		r.labels = append(r.labels, &canvas.Text{TextSize: theme.CaptionTextSize()})
	}
	l := r.labels[i]
	l.Text, l.Color = text, theme.Color(theme.ColorNamePlaceHolder)
	l.Move(fyne.NewPos(x, y))
	return l
}
