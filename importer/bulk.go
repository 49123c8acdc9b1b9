package importer

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/clippings/clippings/archive"
)

// Sink stores captures; *archive.Store is one. A sink that also has the
// methods of batchSink, originalChecker or optimizer (the store has them
// all) is used through them: captures are stored many to a transaction,
// files already stored are not cleaned again, and the index is optimised
// after a large import.
type Sink interface {
	AddCapture(ctx context.Context, c *archive.Capture) (archive.AddResult, error)
}

// batchSink stores several captures in one transaction, all or nothing.
type batchSink interface {
	AddCaptures(ctx context.Context, cs []*archive.Capture) ([]archive.AddResult, error)
}

// originalChecker tells whether a file is already stored, by its SHA-256.
type originalChecker interface {
	HasOriginal(ctx context.Context, sha string) (bool, error)
}

// writableChecker tells whether the archive can be written at all.
type writableChecker interface {
	CheckWritable(ctx context.Context) error
}

// optimizer tidies the archive's index after a bulk load.
type optimizer interface {
	Optimize(ctx context.Context) error
}

// FileResult is what happened to one file of a bulk import. Err is set when
// the file failed; Outcome is meaningful only when Err is nil. IDs are the
// stored articles (none when the file was found already stored before
// cleaning it).
type FileResult struct {
	Path    string
	Outcome archive.Outcome
	IDs     []int64
	Err     error
}

// Progress is reported after each file of a bulk import.
type Progress struct {
	Done, Total int
	Last        FileResult
}

// Report sums up a bulk import. Files is in the order the files were found;
// files an interruption left unstored are not in it.
type Report struct {
	Files    []FileResult
	Imported int // files that added articles
	Versions int // files that only brought new versions of stored articles
	Present  int // files already in the archive
	Failed   int
}

// Failures returns the files that could not be imported.
func (r Report) Failures() []FileResult {
	var out []FileResult
	for _, f := range r.Files {
		if f.Err != nil {
			out = append(out, f)
		}
	}
	return out
}

// Options tune a bulk import.
type Options struct {
	Workers int // files cleaned at once; 0 means one per CPU
}

// Batching of the writes: a transaction holds at most batchFiles captures
// and about batchBytes of originals, and what is cleaned is committed at
// least every batchWait. Few large transactions store much faster than
// one a file (the full-text index merges less), and an interruption loses
// at most one batch, which the next run stores.
const (
	batchFiles = 64
	batchBytes = 32 << 20
	batchWait  = 500 * time.Millisecond
)

// optimizeAfter is how many stored files make an import large enough to
// optimise the index at its end.
const optimizeAfter = 200

// Import reads every file named in paths (folders are walked recursively)
// and stores what it cleans from them in sink. Each file is first hashed:
// one already stored is reported as such without being cleaned. The others
// are cleaned in parallel and stored by one writer goroutine,
// several to a transaction when the sink allows it, so that an
// interruption leaves whole files stored or not at all and the next run
// completes the work. A bad file, or a folder that cannot be read, is
// recorded in the report as failed and the import goes on. progress, if
// not nil, is called after each file from a worker goroutine, one call at
// a time.
//
// Import returns an error when a path does not exist, when ctx is
// cancelled (the report then holds what was stored) or when optimising the
// index after a large import fails. When the archive cannot be written
// (its full disk, read-only or damaged file, or another process holding
// it: an error wrapping archive.ErrDiskFull, ErrReadOnly, ErrDamaged or
// ErrBusy) no further file could be stored, so Import stops, before the
// first file when the sink can tell, and returns that error with the
// report of the files finished; the files left are not reported failed.
func Import(ctx context.Context, sink Sink, paths []string, opt Options, progress func(Progress)) (Report, error) {
	files, unreadable, err := Walk(paths)
	if err != nil {
		return Report{}, err
	}
	if w, ok := sink.(writableChecker); ok && len(files) > 0 {
		if err := w.CheckWritable(ctx); err != nil {
			return Report{}, fmt.Errorf("import: %w", err)
		}
	}
	inner, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	b := &bulk{ctx: inner, stop: stop, sink: sink, files: files, progress: progress, results: make([]FileResult, len(files))}
	b.checker, _ = sink.(originalChecker)
	b.batcher, _ = sink.(batchSink)
	b.run(max(opt.Workers, 0))
	rep := b.report()
	rep.Files, rep.Failed = append(rep.Files, unreadable...), rep.Failed+len(unreadable)
	if err := ctx.Err(); err != nil {
		return rep, err
	}
	if cause := context.Cause(inner); cause != nil {
		return rep, cause
	}
	if o, ok := sink.(optimizer); ok && rep.Imported+rep.Versions >= optimizeAfter {
		if err := o.Optimize(ctx); err != nil {
			return rep, fmt.Errorf("import: %w", err)
		}
	}
	return rep, nil
}

// bulk is one run of Import.
type bulk struct {
	ctx      context.Context
	stop     context.CancelCauseFunc // stops the import when the archive cannot be written
	sink     Sink
	checker  originalChecker // nil when the sink cannot tell
	batcher  batchSink       // nil when the sink stores one capture at a time
	files    []string
	progress func(Progress)
	mu       sync.Mutex   // guards results, done and the calls to progress
	results  []FileResult // by file; Path is empty for a file not finished
	done     int
}

// cleaned is a file a worker has read: a final result (failed, already
// stored), or a capture to store.
type cleaned struct {
	i       int
	capture *archive.Capture
	result  FileResult
}

// run cleans the files on workers goroutines (0: one per CPU) and stores
// what they clean on one more, the writer, in batches. SQLite has one
// writer at a time anyway; with the storing on its own goroutine the
// cleaners never wait for a transaction, and the import keeps every core
// busy (docs/importer-bench.md).
func (b *bulk) run(workers int) {
	if workers == 0 {
		workers = runtime.NumCPU()
	}
	jobs := make(chan int)
	// A few captures may wait for the writer; a full queue holds the
	// cleaners back, so memory stays bounded.
	queue := make(chan cleaned, 2*workers)
	var cleaners sync.WaitGroup
	for w := 0; w < workers; w++ {
		cleaners.Add(1)
		go func() {
			defer cleaners.Done()
			b.clean(jobs, queue)
		}()
	}
	written := make(chan struct{})
	go func() {
		defer close(written)
		b.write(queue)
	}()
	for i := range b.files {
		select {
		case jobs <- i:
			continue
		case <-b.ctx.Done():
		}
		break
	}
	close(jobs)
	cleaners.Wait()
	close(queue)
	<-written
}

// clean cleans the files it is given and queues the captures to store.
func (b *bulk) clean(jobs <-chan int, queue chan<- cleaned) {
	for i := range jobs {
		item := b.cleanFile(i)
		if item.capture == nil {
			b.record(item.i, item.result)
			continue
		}
		queue <- item
	}
}

// write stores the queued captures in batches of at most batchFiles files
// and batchBytes of originals, committing at least every batchWait.
func (b *bulk) write(queue <-chan cleaned) {
	var (
		batch []cleaned
		size  int
	)
	timer := time.NewTimer(batchWait)
	timer.Stop()
	flush := func() {
		timer.Stop()
		b.flush(batch)
		batch, size = nil, 0
	}
	for {
		select {
		case item, ok := <-queue:
			if !ok {
				flush()
				return
			}
			if len(batch) == 0 {
				timer.Reset(batchWait)
			}
			batch = append(batch, item)
			size += len(item.capture.Original.Data)
			if len(batch) >= batchFiles || size >= batchBytes {
				flush()
			}
		case <-timer.C:
			flush()
		}
	}
}

// cleanFile reads, hashes and cleans file i.
func (b *bulk) cleanFile(i int) cleaned {
	path := b.files[i]
	res := FileResult{Path: path}
	fail := func(err error) cleaned {
		res.Err = fmt.Errorf("import %s: %w", path, err)
		return cleaned{i: i, result: res}
	}
	if err := b.ctx.Err(); err != nil {
		return fail(err)
	}
	data, err := readLimited(path)
	if err != nil {
		return fail(err)
	}
	sum := sha256.Sum256(data)
	sha := hex.EncodeToString(sum[:])
	if b.checker != nil {
		has, err := b.checker.HasOriginal(b.ctx, sha)
		if b.fatal(err) {
			return fail(b.ctx.Err()) // stopped, not failed
		}
		if err != nil {
			return fail(err)
		}
		if has {
			res.Outcome = archive.AlreadyPresent
			return cleaned{i: i, result: res}
		}
	}
	c, err := extractInput(input{name: path, path: path, data: data, sha: sha})
	if err != nil {
		return fail(err)
	}
	return cleaned{i: i, capture: c}
}

// flush stores a batch of captures: in one transaction when the sink can,
// else (or when that fails, to find the file at fault) one by one.
func (b *bulk) flush(batch []cleaned) {
	if len(batch) == 0 || b.ctx.Err() != nil {
		return
	}
	if b.batcher != nil && len(batch) > 1 {
		cs := make([]*archive.Capture, len(batch))
		for i, it := range batch {
			cs[i] = it.capture
		}
		added, err := b.batcher.AddCaptures(b.ctx, cs)
		if err == nil {
			for i, it := range batch {
				b.record(it.i, FileResult{Path: b.files[it.i], Outcome: added[i].Outcome, IDs: added[i].IDs})
			}
			return
		}
		if b.fatal(err) {
			return
		}
	}
	for _, it := range batch {
		if b.ctx.Err() != nil {
			return
		}
		path := b.files[it.i]
		added, err := b.sink.AddCapture(b.ctx, it.capture)
		if b.fatal(err) {
			return
		}
		if err != nil {
			b.record(it.i, FileResult{Path: path, Err: fmt.Errorf("store %s: %w", path, err)})
			continue
		}
		b.record(it.i, FileResult{Path: path, Outcome: added.Outcome, IDs: added.IDs})
	}
}

// fatal stops the import and reports true when err means that the archive
// cannot be written (disk full, read-only, damaged, busy): then every
// further file would fail too.
func (b *bulk) fatal(err error) bool {
	if !archive.IsFileFault(err) {
		return false
	}
	b.stop(err)
	return true
}

// record keeps the result of file i and reports progress.
func (b *bulk) record(i int, r FileResult) {
	if r.Err != nil && b.ctx.Err() != nil && errors.Is(r.Err, b.ctx.Err()) {
		return // not failed: interrupted
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.results[i] = r
	b.done++
	if b.progress != nil {
		b.progress(Progress{Done: b.done, Total: len(b.files), Last: r})
	}
}

// report sums up the finished files.
func (b *bulk) report() Report {
	rep := Report{}
	for _, r := range b.results {
		if r.Path == "" {
			continue // not finished: interrupted
		}
		rep.Files = append(rep.Files, r)
		switch {
		case r.Err != nil:
			rep.Failed++
		case r.Outcome == archive.AlreadyPresent:
			rep.Present++
		case r.Outcome == archive.NewVersion:
			rep.Versions++
		default:
			rep.Imported++
		}
	}
	return rep
}
