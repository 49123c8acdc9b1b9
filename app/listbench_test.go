package app

import (
	"context"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/clippings/clippings/archive"
)

// BenchmarkListShow measures showing a new first page of search hits in
// the list (titles, site and date, tags and snippets never seen before),
// as after a keystroke: the UI goroutine's work once the page is there.
func BenchmarkListShow(b *testing.B) {
	s, err := archive.Open(context.Background(), filepath.Join(b.TempDir(), "clippings.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = s.Close() })
	u := New(test.NewTempApp(b), s, func(u *UI) { u.do = func(func()) {} })
	u.win.Resize(fyne.NewSize(1280, 800))
	b.Cleanup(u.Close)
	u.list.search = archive.Selection{Query: "talks"}
	r := rand.New(rand.NewPCG(1, 2))
	zipf := rand.NewZipf(r, 1.1, 2, uint64(len(perfVocabulary)-1))
	words := func(n int) string {
		ws := make([]string, n)
		for i := range ws {
			ws[i] = perfVocabulary[zipf.Uint64()]
		}
		return strings.Join(ws, " ")
	}
	pages := make([][]row, b.N)
	for i := range pages {
		for k := range pageSize {
			pages[i] = append(pages[i], row{id: int64(i*pageSize + k + 1), title: words(10), meta: "site7.example · 3 Mar 2019",
				tags: "politics", snippet: []archive.Span{{Text: words(6) + " "}, {Text: "talks", Match: true}, {Text: " " + words(20)}}})
		}
	}
	b.ResetTimer()
	cpu := processCPU()
	for i := range b.N {
		m := newListModel(u.ctx, archive.Selection{Query: "talks*"}, orderRelevance)
		u.list.next = m
		u.list.applyFirst(m, listPage{rows: pages[i], total: 1000}, nil)
	}
	b.ReportMetric(float64((processCPU()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}
