package importer

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/clippings/clippings/archive"
)

// Sink stores captures; *archive.Store is one.
type Sink interface {
	AddCapture(ctx context.Context, c *archive.Capture) (archive.AddResult, error)
}

// FileResult is what happened to one file of a bulk import. Err is set when
// the file failed; Outcome is meaningful only when Err is nil.
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

// Report sums up a bulk import. Files is in the order the files were found.
type Report struct {
	Files    []FileResult
	Imported int // files that added articles
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

// Import reads every file named in paths (folders are walked recursively),
// cleans them in parallel and stores each capture in sink, one at a time.
// A bad file is recorded in the report and the import goes on. progress, if
// not nil, is called after each file from a worker goroutine. Import returns
// an error only when a path cannot be walked or ctx is cancelled; the report
// then holds what was done so far.
func Import(ctx context.Context, sink Sink, paths []string, opt Options, progress func(Progress)) (Report, error) {
	files, err := Walk(paths)
	if err != nil {
		return Report{}, err
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	results := make([]FileResult, len(files))
	jobs := make(chan int)
	var (
		wg      sync.WaitGroup
		storeMu sync.Mutex // one writer at a time: SQLite serialises writes anyway
		progMu  sync.Mutex
		done    int
	)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				res := importOne(ctx, sink, &storeMu, files[i])
				results[i] = res
				progMu.Lock()
				done++
				if progress != nil {
					progress(Progress{Done: done, Total: len(files), Last: res})
				}
				progMu.Unlock()
			}
		}()
	}
feed:
	for i := range files {
		select {
		case jobs <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()

	rep := Report{}
	for i, r := range results {
		if r.Path == "" { // never started: cancelled
			continue
		}
		rep.Files = append(rep.Files, results[i])
		switch {
		case r.Err != nil:
			rep.Failed++
		case r.Outcome == archive.AlreadyPresent:
			rep.Present++
		default:
			rep.Imported++
		}
	}
	return rep, ctx.Err()
}

func importOne(ctx context.Context, sink Sink, storeMu *sync.Mutex, path string) FileResult {
	res := FileResult{Path: path}
	capture, err := ReadFile(ctx, path)
	if err != nil {
		res.Err = err
		return res
	}
	storeMu.Lock()
	defer storeMu.Unlock()
	if err := ctx.Err(); err != nil {
		res.Err = fmt.Errorf("import %s: %w", path, err)
		return res
	}
	added, err := sink.AddCapture(ctx, capture)
	if err != nil {
		res.Err = fmt.Errorf("store %s: %w", path, err)
		return res
	}
	res.Outcome, res.IDs = added.Outcome, added.IDs
	return res
}

// Walk expands paths into the list of files to import: files are kept as
// given, folders are walked recursively in name order. Hidden files and the
// NAME_files/ resource folders of "Web page, complete" saves are skipped.
// It fails when a path does not exist.
func Walk(paths []string) ([]string, error) {
	var files []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("import %s: %w", p, errors.Unwrap(err))
		}
		if !info.IsDir() {
			files = append(files, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			name := d.Name()
			if path != p && strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if path != p && isResourceFolder(path) {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("import %s: %w", p, err)
		}
		sort.Strings(found)
		files = append(files, found...)
	}
	return files, nil
}

// isResourceFolder reports whether dir is the NAME_files folder of a saved
// NAME.html (or .htm) page beside it.
func isResourceFolder(dir string) bool {
	base, ok := strings.CutSuffix(dir, "_files")
	if !ok {
		return false
	}
	for _, ext := range []string{".html", ".htm", ".xhtml"} {
		if _, err := os.Stat(base + ext); err == nil {
			return true
		}
	}
	return false
}
