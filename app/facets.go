package app

import (
	"context"
	"fmt"
	"regexp"
	"strings"
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
	// What tapping does: add a filter (site:"BBC") to the search, or
	// narrow it to the months from..to.
	onFilter func(filter string)
	onDates  func(from, to string)

	timeline *timeline
	chips    *fyne.Container // sites, then tags
	box      *fyne.Container

	query  string // the query the facets are of
	cancel context.CancelFunc
	timer  *time.Timer
}

// facetCounter counts the facets of a query.
type facetCounter interface {
	Facets(ctx context.Context, query string) (*archive.Facets, error)
}

func (f *facetPanel) buildUI() fyne.CanvasObject {
	f.timeline = newTimeline(f.pickDates)
	f.chips = container.New(&flowLayout{})
	f.box = container.NewVBox(f.timeline, f.chips)
	return f.box
}

// facetDelay is how long the facets wait after the list shows a query:
// while the user types on, they would only compete with the next search.
const facetDelay = 250 * time.Millisecond

// load counts the facets of query in the background after facetDelay,
// cancelling the count on its way.
func (f *facetPanel) load(query string) {
	f.stop()
	ctx, cancel := context.WithCancel(f.ctx)
	f.cancel, f.query = cancel, query
	lib := f.lib
	f.timer = time.AfterFunc(f.delay, func() {
		fc, err := lib.Facets(ctx, query)
		f.do(func() { f.apply(query, fc, err) })
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

// apply shows the facets fc of query, unless another query came since.
func (f *facetPanel) apply(query string, fc *archive.Facets, err error) {
	if query != f.query {
		return
	}
	if err != nil {
		if ctx := f.ctx; ctx.Err() == nil {
			f.log.Debug("facets", "query", query, "err", err)
		}
		return
	}
	f.timeline.setMonths(fc.Months)
	f.chips.Objects = append(f.facetChips("site", fc.Sites), f.facetChips("tag", fc.Tags)...)
	f.chips.Refresh()
	f.box.Refresh()
}

// facetChips makes a button per value, "BBC 12" (tags with a # before
// them), that adds field:value to the search.
func (f *facetPanel) facetChips(field string, values []archive.FacetCount) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, v := range values[:min(len(values), maxFacetValues)] {
		filter := field + ":" + quoteValue(v.Value)
		text := fmt.Sprintf("%s %d", v.Value, v.Count)
		if field == "tag" {
			text = "#" + text
		}
		out = append(out, &widget.Button{Text: text, Importance: widget.LowImportance,
			OnTapped: func() { f.onFilter(filter) }})
	}
	return out
}

// pickDates narrows the search to the months from..to.
func (f *facetPanel) pickDates(from, to string) {
	f.onDates(from, to)
}

// dateFilter matches a date filter in a query.
var dateFilter = regexp.MustCompile(`(^|\s)date:\S+`)

// withDates returns text with its date filter, if any, replaced by one for
// from..to (months, "2019-03").
func withDates(text, from, to string) string {
	text = strings.TrimSpace(dateFilter.ReplaceAllString(text, ""))
	filter := "date:" + from
	if to != from {
		filter += ".." + to
	}
	return strings.TrimSpace(text + " " + filter)
}
