package blockview

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// tableItem makes a Table item of rows (the first a header row) as the
// reader does: the text is the rows a line each, cells apart by tabs,
// and each cell knows where its text is.
func tableItem(rows [][]string, links map[string]string) Item {
	it := Item{Kind: Table, InBody: true}
	var text strings.Builder
	for r, row := range rows {
		var cells []Cell
		for c, s := range row {
			if c > 0 {
				text.WriteString("\t")
			}
			cell := Cell{Text: s, Header: r == 0, Start: len([]rune(text.String()))}
			if href, ok := links[s]; ok {
				cell.Spans = []Span{{Start: 0, End: len([]rune(s)), Kind: SpanLink, Href: href}}
			}
			cells = append(cells, cell)
			text.WriteString(s)
		}
		text.WriteString("\n")
		it.Cells = append(it.Cells, cells)
	}
	it.Text = strings.TrimSuffix(text.String(), "\n")
	return it
}

// stocks is the table of the Motley Fool's page on cloud computing
// stocks (wcxb-dev 0046), its first rows.
func stocks() Item {
	return tableItem([][]string{
		{"Name and ticker", "Market cap", "Dividend yield", "Industry"},
		{"Salesforce (NYSE:CRM)", "$243.5 billion", "0.64%", "Software"},
		{"Adobe (NASDAQ:ADBE)", "$149.0 billion", "0.00%", "Software"},
		{"Snowflake (NYSE:SNOW)", "$76.1 billion", "0.00%", "IT Services"},
	}, map[string]string{"Adobe (NASDAQ:ADBE)": "https://www.fool.com/quote/nasdaq/adbe/"})
}

// drugs is the table of the Obesity Medicine Association's page on
// weight-loss medications (wcxb-dev 0065): five columns, too many for a
// narrow reader.
func drugs() Item {
	return tableItem([][]string{
		{"Drug name", "Brand name(s)", "Approved for", "How it’s administered", "Frequency"},
		{"Semaglutide", "Wegovy, Ozempic", "Adults, Children 12+", "Injection", "Once weekly"},
		{"Tirzepatide", "Zepbound, Mounjaro", "Adults", "Injection", "Once weekly"},
		{"Phentermine", "Adipex, Suprenza, Lomaira", "Age 17+", "Tablet, capsule, or ODT", "Daily (Lomaira 3x/day)"},
	}, nil)
}

func TestTableLaidOutAsGrid(t *testing.T) {
	v := newTestView(t)
	v.SetItems([]Item{{Kind: Paragraph, Text: "Before."}, stocks()})
	tl := v.tables[1]
	if tl.scrolls() {
		t.Fatalf("a four-column table is %v wide in %v: it should wrap its cells, not scroll", tl.width, tl.shown)
	}
	x := map[int]float32{}
	for _, c := range tl.cells {
		if prev, ok := x[c.col]; ok && prev != c.x {
			t.Errorf("cell %q of column %d at x %v, the column's others at %v", c.Text, c.col, c.x, prev)
		}
		x[c.col] = c.x
	}
	for k := 1; k < tl.cols; k++ {
		if x[k] <= x[k-1] {
			t.Errorf("column %d at x %v, left of column %d at %v", k, x[k], k-1, x[k-1])
		}
	}
	for r := 1; r < len(tl.rowTops); r++ {
		if tl.rowTops[r] <= tl.rowTops[r-1] {
			t.Errorf("row %d at y %v, above row %d", r, tl.rowTops[r], r-1)
		}
	}
	var drawn []string
	for _, o := range v.shown[1].grid.Objects {
		if txt, ok := o.(*canvas.Text); ok {
			drawn = append(drawn, txt.Text)
		}
	}
	if got := strings.Join(drawn, " "); !strings.Contains(got, "$243.5") || !strings.Contains(got, "Industry") {
		t.Errorf("the table draws %q", got)
	}
}

// TestTableSelection drags across cells: the selection is the body's
// text of the table, and a highlight in a cell is drawn in it.
func TestTableSelection(t *testing.T) {
	v := newTestView(t)
	it := stocks()
	v.SetItems([]Item{it})
	from := strings.Index(it.Text, "Salesforce")
	to := strings.Index(it.Text, "0.64%") + len("0.64")
	v.page.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: v.PointAt(0, from)}})
	v.page.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: v.PointAt(0, to)}})
	v.page.DragEnd()
	if got, want := v.SelectedText(), it.Text[from:to]; got != want {
		t.Errorf("selected %q, want %q", got, want)
	}
	v.SetMarks([]Mark{{ID: 1, Start: from, End: from + len("Salesforce"), Color: "blue"}})
	found := false
	for _, o := range v.shown[0].grid.Objects {
		if r, ok := o.(*canvas.Rectangle); ok && r.FillColor == HighlightColor("blue") {
			found = true
			if c := v.tables[0].cells[4]; r.Position().X < c.x || r.Position().Y < c.y {
				t.Errorf("the highlight is drawn at %v, outside its cell at %v, %v", r.Position(), c.x, c.y)
			}
		}
	}
	if !found {
		t.Error("the highlight in a cell is not drawn")
	}
}

func TestTableLinkTapped(t *testing.T) {
	v := newTestView(t)
	it := stocks()
	v.SetItems([]Item{it})
	var got string
	v.OnHref = func(href, text string) { got = href + " " + text }
	v.page.Tapped(&fyne.PointEvent{Position: v.PointAt(0, strings.Index(it.Text, "Adobe")+2)})
	if got != "https://www.fool.com/quote/nasdaq/adbe/ Adobe (NASDAQ:ADBE)" {
		t.Errorf("tapping the link in a cell gave %q", got)
	}
}

// TestWideTableScrolls shows a table too wide for the reader: it keeps
// its columns and scrolls sideways under a sideways scroll, while a
// vertical scroll over it still moves the article.
func TestWideTableScrolls(t *testing.T) {
	v := newTestView(t)
	items := []Item{drugs()}
	for range 30 {
		items = append(items, Item{Kind: Paragraph, Text: "A paragraph after the table, to scroll."})
	}
	v.SetItems(items)
	tl := v.tables[0]
	if !tl.scrolls() {
		t.Fatalf("a five-column table is %v wide in %v: it should scroll", tl.width, tl.shown)
	}
	for _, c := range tl.cells {
		if lo, _ := c.layout.widest(); lo > c.w {
			t.Errorf("cell %q is %v wide, narrower than its longest word (%v)", c.Text, c.w, lo)
		}
	}
	at := v.PointAt(0, 1)
	v.page.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: at}, Scrolled: fyne.NewDelta(-40, 0)})
	if tl.offset != 40 {
		t.Errorf("after a sideways scroll the table is at %v, want 40", tl.offset)
	}
	v.page.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: at}, Scrolled: fyne.NewDelta(-5000, 0)})
	if want := tl.width - tl.shown; tl.offset != want {
		t.Errorf("scrolled far right the table is at %v, want its end %v", tl.offset, want)
	}
	v.page.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: at}, Scrolled: fyne.NewDelta(0, -100)})
	if v.scroll.Offset.Y != 100 {
		t.Errorf("a vertical scroll over the table moved the article to %v, want 100", v.scroll.Offset.Y)
	}
	// The bar under the table drags it back.
	bar := fyne.NewPos(v.left(&items[0])+tl.shown-2, v.tops[0]+tl.rowTops[len(tl.rowTops)-1]+tableBar)
	v.page.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: bar}, Dragged: fyne.NewDelta(-tl.shown, 0)})
	v.page.DragEnd()
	if tl.offset != 0 || v.HasSelection() {
		t.Errorf("after dragging the bar left the table is at %v (want 0), selection %v", tl.offset, v.HasSelection())
	}
}

// TestLongTableDrawsRowsInView shows a table of a thousand rows: like the
// view its items, the table draws only the rows in view, and others as
// they are scrolled to.
func TestLongTableDrawsRowsInView(t *testing.T) {
	v := newTestView(t)
	rows := [][]string{{"Rank", "Company", "Market cap"}}
	for r := 1; r <= 1000; r++ {
		rows = append(rows, []string{strings.Repeat("I", r%7+1), "Salesforce (NYSE:CRM)", "$243.5 billion"})
	}
	rows[900][1] = "Adobe (NASDAQ:ADBE)"
	v.SetItems([]Item{tableItem(rows, nil)})
	texts := func() (n int, all string) {
		for _, o := range v.shown[0].grid.Objects {
			if txt, ok := o.(*canvas.Text); ok {
				n++
				all += txt.Text + " "
			}
		}
		return n, all
	}
	if n, _ := texts(); n == 0 || n > 300 {
		t.Fatalf("%d texts drawn for a table of 1000 rows in a 600-high view", n)
	}
	tl := v.tables[0]
	v.scroll.Offset.Y = v.tops[0] + tl.rowTops[900] - 100
	v.scroll.Refresh()
	v.showVisible()
	if n, all := texts(); !strings.Contains(all, "Adobe") || n > 300 {
		t.Errorf("scrolled to row 900 the table draws %d texts, Adobe among them: %v", n, strings.Contains(all, "Adobe"))
	}
}
