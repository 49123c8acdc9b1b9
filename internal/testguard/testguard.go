// Package testguard runs code under test that is given hostile input,
// and fails the test when it runs too long; it reports how much heap the
// code took at its peak. It is shared by the tests of importer and
// importer/format.
package testguard

import (
	"runtime"
	"testing"
	"time"
)

// Bounded runs fn, fails t when it is still running after d (five times
// d under the race detector), and returns the peak growth of the heap in
// use while it ran, sampled every 5 ms.
func Bounded(t testing.TB, d time.Duration, what string, fn func()) uint64 {
	t.Helper()
	if Race {
		d *= 5
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base, peak := ms.HeapInuse, ms.HeapInuse
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	deadline := time.After(d)
	for {
		select {
		case <-done:
			return peak - base
		case <-tick.C:
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
		case <-deadline:
			t.Fatalf("%s: still running after %v", what, d)
		}
	}
}
