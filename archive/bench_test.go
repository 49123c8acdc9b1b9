package archive

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// benchWords is a small vocabulary; word i is drawn with weight 1/(i+1),
// so early words are common and late ones rare.
var benchWords = func() []string {
	w := make([]string, 5000)
	for i := range w {
		w[i] = fmt.Sprintf("w%dx", i)
	}
	w[0], w[1], w[4999] = "the", "harbour", "zeppelin"
	return w
}()

// benchArticle returns a generated article of about 700 words.
func benchArticle(r *rand.Rand, n int) (*Capture, error) {
	zipf := rand.NewZipf(r, 1.1, 1, uint64(len(benchWords)-1))
	text := func(k int) string {
		ws := make([]string, k)
		for i := range ws {
			ws[i] = benchWords[zipf.Uint64()]
		}
		return strings.Join(ws, " ")
	}
	a := &Article{Title: text(10), Byline: "By " + text(2)}
	for range 7 {
		a.Blocks = append(a.Blocks, Block{Kind: Paragraph, Text: text(100)})
	}
	data := fmt.Sprintf("<html><!-- %d -->%s</html>", n, a.Text())
	return newCapture(fmt.Sprintf("%d.html", n), data, a), nil
}

func BenchmarkAddCapture(b *testing.B) {
	s := mustOpen(b)
	r := rand.New(rand.NewPCG(1, 2))
	ctx := context.Background()
	n := 0
	for b.Loop() {
		b.StopTimer()
		c, _ := benchArticle(r, n)
		n++
		b.StartTimer()
		if _, err := s.AddCapture(ctx, c); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSearch(b *testing.B) {
	s := mustOpen(b)
	r := rand.New(rand.NewPCG(1, 2))
	ctx := context.Background()
	for n := range 2000 {
		c, _ := benchArticle(r, n)
		if _, err := s.AddCapture(ctx, c); err != nil {
			b.Fatal(err)
		}
	}
	for _, q := range []string{"the", "harbour", "zeppelin", "w10x w20x", `"the harbour"`, "w12*"} {
		b.Run(q, func(b *testing.B) {
			hits := 0
			for b.Loop() {
				h, err := s.Search(ctx, q, SearchOptions{})
				if err != nil {
					b.Fatal(err)
				}
				hits = len(h)
			}
			b.ReportMetric(float64(hits), "hits")
		})
	}
}

// BenchmarkAddCaptures stores generated articles (see genArticle) a
// hundred per transaction.
func BenchmarkAddCaptures(b *testing.B) {
	s := mustOpen(b)
	r := rand.New(rand.NewPCG(1, 2))
	zipf := rand.NewZipf(r, 1.07, 2, uint64(len(vocabulary)-1))
	ctx := context.Background()
	n := 0
	for b.Loop() {
		b.StopTimer()
		batch := make([]*Capture, 100)
		for i := range batch {
			batch[i] = genArticle(r, zipf, n)
			n++
		}
		b.StartTimer()
		if _, err := s.AddCaptures(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*100)/b.Elapsed().Seconds(), "articles/s")
}
