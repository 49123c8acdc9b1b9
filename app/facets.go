package app

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/clippings/clippings/archive"
)

// maxFacetValues is how many sites, and how many tags, the facet panel
// offers.
const maxFacetValues = 4

// facetPanel shows what the list's results are made of: a timeline by
// month, and the sites and tags with the most results, each of which
// narrows the search when tapped.
type facetPanel struct {
	env
	lib   facetCounter
	delay time.Duration // facetDelay but in tests
	// What tapping does: narrow the search to a site or a tag (a
	// selection of that value), or to the months (or years) from..to.
	onPick  func(pick archive.Selection)
	onDates func(from, to string)

	timeline *timeline
	chips    *fyne.Container // sites, then tags
	box      *fyne.Container

	shown  archive.Selection // what the facets are of
	loads  int               // loads started; only the last one's result is shown
	cancel context.CancelFunc
	timer  *time.Timer
}

// facetCounter counts the facets of a selection.
type facetCounter interface {
	SelectFacets(ctx context.Context, sel archive.Selection) (*archive.Facets, error)
}

func (f *facetPanel) buildUI() fyne.CanvasObject {
	f.timeline = newTimeline(f.pickDates)
	// The sites and tags take one row, scrolled sideways: rows of them
	// would leave a small window little room for the list.
	f.chips = container.NewHBox()
	f.box = container.NewVBox(f.timeline, container.NewHScroll(f.chips))
	return f.box
}

// facetDelay is how long the facets wait after the list shows a
// selection: while the user types on, they would only compete with the
// next search.
const facetDelay = 250 * time.Millisecond

// load counts the facets of sel in the background after facetDelay,
// cancelling the count on its way.
func (f *facetPanel) load(sel archive.Selection) {
	f.stop()
	ctx, cancel := context.WithCancel(f.ctx)
	f.loads++
	n := f.loads
	f.cancel, f.shown = cancel, sel
	lib := f.lib
	f.timer = time.AfterFunc(f.delay, func() {
		fc, err := lib.SelectFacets(ctx, sel)
		f.do(func() { f.apply(n, fc, err) })
	})
}

// stop cancels the facets on their way (the user typed).
func (f *facetPanel) stop() {
	if f.timer != nil {
		f.timer.Stop()
	}
	if f.cancel != nil {
		f.cancel()
	}
}

// apply shows the facets fc of load n, unless another load came since.
func (f *facetPanel) apply(n int, fc *archive.Facets, err error) {
	if n != f.loads {
		return
	}
	if err != nil {
		if ctx := f.ctx; ctx.Err() == nil {
			f.log.Debug("facets", "selection", selText(f.shown), "err", err)
		}
		return
	}
	f.timeline.setMonths(fc.Months)
	f.chips.Objects = append(f.facetChips("site", fc.Sites), f.facetChips("tag", fc.Tags)...)
	f.chips.Refresh()
	f.box.Refresh()
}

// facetChips makes a button per value, "BBC 12" (tags with a # before
// them), that narrows the search to that site or tag.
func (f *facetPanel) facetChips(field string, values []archive.FacetCount) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, v := range values[:min(len(values), maxFacetValues)] {
		pick := archive.Selection{Site: v.Value}
		text := fmt.Sprintf("%s %d", v.Value, v.Count)
		if field == "tag" {
			pick, text = archive.Selection{Tags: []string{v.Value}}, "#"+text
		}
		out = append(out, &widget.Button{Text: text, Importance: widget.LowImportance,
			OnTapped: func() { f.onPick(pick) }})
	}
	return out
}

// pickDates narrows the search to the months from..to.
func (f *facetPanel) pickDates(from, to string) {
	f.onDates(from, to)
}

// binDates returns the dates [start, end) of the timeline's bars from..to
// ("2019-03" or "2019"); false when one is neither.
func binDates(from, to string) (start, end time.Time, ok bool) {
	layouts := map[int]string{4: "2006", 7: "2006-01"}
	start, err := time.Parse(layouts[len(from)], from)
	if err != nil || layouts[len(from)] == "" {
		return start, end, false
	}
	last, err := time.Parse(layouts[len(to)], to)
	if err != nil || layouts[len(to)] == "" {
		return start, end, false
	}
	if len(to) == 4 {
		return start, last.AddDate(1, 0, 0), true
	}
	return start, last.AddDate(0, 1, 0), true
}

// datesLabel names the dates [from, to) as the timeline does: "Mar 2019",
// "Mar 2019 – May 2019", "2019 – 2020".
func datesLabel(from, to time.Time) string {
	layout, last := "Jan 2006", to.AddDate(0, 0, -1)
	if from.YearDay() == 1 && to.YearDay() == 1 {
		layout = "2006"
	}
	a, b := from.Format(layout), last.Format(layout)
	switch {
	case from.IsZero():
		return "until " + b
	case to.IsZero():
		return "from " + a
	case a == b:
		return a
	}
	return a + " – " + b
}
