package importer

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/clippings/clippings/archive"
)

// benchPage is a page of the zyte-dev corpus, unzipped.
type benchPage struct {
	name string
	data []byte
}

// zytePages loads the HTML pages of ../shared/corpus/zyte-dev, gunzipping
// the .html.gz ones, or skips the benchmark when the corpus is absent.
func zytePages(b *testing.B) ([]benchPage, int64) {
	b.Helper()
	paths, _ := filepath.Glob(filepath.Join(sharedCorpus, "zyte-dev", "html", "*.html*"))
	if len(paths) == 0 {
		b.Skip("shared zyte-dev corpus not found")
	}
	var pages []benchPage
	var total int64
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		if strings.HasSuffix(p, ".gz") {
			zr, err := gzip.NewReader(bytes.NewReader(data))
			if err != nil {
				b.Fatal(err)
			}
			if data, err = io.ReadAll(zr); err != nil {
				b.Fatal(err)
			}
		}
		pages = append(pages, benchPage{strings.TrimSuffix(filepath.Base(p), ".gz"), data})
		total += int64(len(data))
	}
	return pages, total
}

// BenchmarkExtract cleans every zyte-dev page once per iteration, on one
// goroutine: MB/s is the corpus's bytes, pages/s its pages, cpu-ms/page
// the CPU time one page takes (which a busy machine does not inflate).
func BenchmarkExtract(b *testing.B) {
	pages, total := zytePages(b)
	b.SetBytes(total)
	b.ReportAllocs()
	start, cpu := time.Now(), cpuTime()
	for b.Loop() {
		for _, p := range pages {
			if _, err := Extract(p.name, p.data); err != nil {
				b.Fatalf("%s: %v", p.name, err)
			}
		}
	}
	n := float64(b.N * len(pages))
	b.ReportMetric(n/time.Since(start).Seconds(), "pages/s")
	b.ReportMetric(float64(cpuTime()-cpu)/float64(time.Millisecond)/n, "cpu-ms/page")
}

// BenchmarkImport imports every zyte-dev page, as files, into a fresh
// archive per iteration with Import on all cores: read, hash, clean,
// store and index. Opening and closing the archive are not timed.
func BenchmarkImport(b *testing.B) {
	pages, total := zytePages(b)
	dir := b.TempDir()
	for _, p := range pages {
		if err := os.WriteFile(filepath.Join(dir, p.name), p.data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(total)
	ctx := context.Background()
	var elapsed, cpu time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		store, err := archive.Open(ctx, filepath.Join(b.TempDir(), "archive.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start, cpu0 := time.Now(), cpuTime()
		rep, err := Import(ctx, store, []string{dir}, Options{}, nil)
		elapsed += time.Since(start)
		cpu += cpuTime() - cpu0
		b.StopTimer()
		if err != nil || rep.Failed > 0 || rep.Imported+rep.Versions+rep.Present != len(pages) {
			b.Fatalf("import: %d imported, %d failed: %v", rep.Imported, rep.Failed, err)
		}
		store.Close()
		b.StartTimer()
	}
	n := float64(b.N * len(pages))
	b.ReportMetric(n/elapsed.Seconds(), "pages/s")
	b.ReportMetric(float64(cpu)/float64(time.Millisecond)/n, "cpu-ms/page")
}
