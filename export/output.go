package export

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// writer is the buffered output of a single-file format.
type writer interface {
	io.Writer
	io.StringWriter
}

// checkFolder returns an error wrapping ErrNoFolder unless the folder
// that is to hold out exists: an export makes the file or folder it was
// asked for, never the folders above it.
func checkFolder(out string) error {
	parent := filepath.Dir(filepath.Clean(out))
	info, err := os.Stat(parent)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%w: %s", ErrNoFolder, parent)
	case err != nil:
		return err
	case !info.IsDir():
		return fmt.Errorf("%w: %s is a file", ErrNoFolder, parent)
	}
	return nil
}

// writeFile writes a single-file format: into a temporary file beside
// opt.Out, renamed to it once complete.
func writeFile(ctx context.Context, j *job, write func(context.Context, *job) error) error {
	out := j.opt.Out
	removeLeftovers(out)
	if info, err := os.Stat(out); err == nil {
		if info.IsDir() {
			return fmt.Errorf("export %s: %w (a folder)", out, ErrExists)
		}
		if !j.opt.Overwrite {
			return fmt.Errorf("export %s: %w", out, ErrExists)
		}
	}
	tmp, err := createTemp(out)
	if err != nil {
		return fmt.Errorf("export %s: %w", out, err)
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	bw := bufio.NewWriterSize(tmp, 1<<16)
	j.out = bw
	err = write(ctx, j)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), out)
	}
	if err != nil {
		return fmt.Errorf("export %s: %w", out, err)
	}
	j.files = 1
	return nil
}

// writeFolder writes a folder format into a temporary folder beside
// opt.Out, with a manifest of the files written, then puts it in place:
// renamed to a new or empty folder, or with Overwrite in the place of an
// existing one (replaceFolder). A failed export leaves opt.Out as it was.
func writeFolder(ctx context.Context, j *job, write func(context.Context, *job) error) error {
	out := j.opt.Out
	removeLeftovers(out)
	empty, exists, err := emptyDir(out)
	if err != nil {
		return fmt.Errorf("export %s: %w", out, err)
	}
	if exists && !empty && !j.opt.Overwrite {
		return fmt.Errorf("export %s: %w (a folder that is not empty)", out, ErrExists)
	}
	tmp, err := mkdirTemp(out)
	if err != nil {
		return fmt.Errorf("export %s: %w", out, err)
	}
	defer os.RemoveAll(tmp) // only our own temporary folder; gone once renamed
	j.dir = tmp
	if err := write(ctx, j); err != nil {
		return fmt.Errorf("export %s: %w", out, err)
	}
	err = writeManifest(tmp, j.written)
	switch {
	case err != nil:
	case exists && !empty:
		err = replaceFolder(out, tmp, j.written)
	case exists:
		if err = os.Remove(out); err == nil {
			err = os.Rename(tmp, out)
		}
	default:
		err = os.Rename(tmp, out)
	}
	if err != nil {
		return fmt.Errorf("export %s: %w", out, err)
	}
	return nil
}

// emptyDir reports whether path is a folder and whether it is empty. A
// path that is not a folder counts as existing and not empty.
func emptyDir(path string) (empty, exists bool, err error) {
	info, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, false, nil
	}
	if err != nil {
		return false, false, err
	}
	if !info.IsDir() {
		return false, true, nil
	}
	names, err := os.ReadDir(path)
	if err != nil {
		return false, true, err
	}
	return len(names) == 0, true, nil
}

// create creates the file rel (slash-separated, made of sanitised names)
// inside the output folder. It refuses a path that would leave the folder
// and never writes through an existing link: what is there is replaced.
func (j *job) create(rel string) (io.WriteCloser, error) {
	if !filepath.IsLocal(filepath.FromSlash(rel)) || strings.Contains(rel, `\`) {
		return nil, fmt.Errorf("refusing to write %q outside the output folder", rel)
	}
	path := filepath.Join(j.dir, filepath.FromSlash(rel))
	if err := j.mkdirs(rel); err != nil {
		return nil, err
	}
	if info, err := os.Lstat(path); err == nil && !info.Mode().IsRegular() {
		if err := os.Remove(path); err != nil {
			return nil, fmt.Errorf("replace %s: %w", rel, err)
		}
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o666)
	if err != nil {
		return nil, err
	}
	j.files++
	j.written = append(j.written, rel)
	return f, nil
}

// mkdirs makes the folders of rel inside the output folder, refusing to
// go through a link that an existing folder may hold.
func (j *job) mkdirs(rel string) error {
	parts := strings.Split(rel, "/")
	dir := j.dir
	for _, p := range parts[:len(parts)-1] {
		dir = filepath.Join(dir, p)
		info, err := os.Lstat(dir)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			if err := os.Mkdir(dir, 0o777); err != nil {
				return err
			}
		case err != nil:
			return err
		case !info.IsDir():
			return fmt.Errorf("refusing to write into %s: not a folder", dir)
		}
	}
	return nil
}

// writeTo creates rel and fills it with fn's output.
func (j *job) writeTo(rel string, fn func(w writer) error) error {
	f, err := j.create(rel)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	err = fn(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", rel, err)
	}
	return nil
}
