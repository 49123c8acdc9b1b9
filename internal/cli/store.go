package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/clippings/clippings/archive"
)

// errNoArchive is the error of a command other than import on an archive
// that does not exist.
var errNoArchive = errors.New("no such archive")

// path returns the archive file named by --archive, $CLIPPINGS_ARCHIVE or
// the default place.
func (c *cli) path() (string, error) {
	if c.archivePath != "" {
		return c.archivePath, nil
	}
	return archive.DefaultPath()
}

// open opens the archive. Unless create, it must exist: a command that
// reads the archive never makes one (nor its folder).
func (c *cli) open(ctx context.Context, create bool) (*archive.Store, error) {
	path, err := c.path()
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(path); !create && errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("open %s: %w", path, errNoArchive)
	}
	s, err := archive.Open(ctx, path) // its errors name the file
	if err == nil && s.ReadOnly() {
		fmt.Fprintf(c.stderr, "clippings: %s is in a folder that cannot be written (a read-only disk or folder): opened for reading only\n", path)
	}
	return s, err
}

// withStore opens the archive, which must exist, runs fn and closes it.
func (c *cli) withStore(ctx context.Context, fn func(s *archive.Store) error) error {
	return c.with(ctx, false, fn)
}

// withNewStore is withStore for the commands that may make the archive.
func (c *cli) withNewStore(ctx context.Context, fn func(s *archive.Store) error) error {
	return c.with(ctx, true, fn)
}

func (c *cli) with(ctx context.Context, create bool, fn func(s *archive.Store) error) error {
	s, err := c.open(ctx, create)
	if err != nil {
		return err
	}
	defer s.Close()
	c.dailyBackup(ctx, s)
	return c.explain(fn(s))
}

// explain prints where a malformed query went wrong.
func (c *cli) explain(err error) error {
	var qe *archive.QueryError
	if errors.As(err, &qe) {
		fmt.Fprintf(c.stderr, "%s\n", qe.Caret())
	}
	return err
}

// emitJSON prints v as indented JSON, not through termOut: JSON escapes
// control characters itself, and jsonControls the ones it leaves raw.
func emitJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := io.WriteString(rawWriter(w), jsonControls(buf.String()))
	return err
}

// output prints v as JSON when asJSON, else runs text; unless err.
func (c *cli) output(asJSON bool, v any, err error, text func()) error {
	switch {
	case err != nil:
		return err
	case asJSON:
		return emitJSON(c.stdout, v)
	}
	text()
	return nil
}

// printCount returns a function that prints n with format unless err.
func (c *cli) printCount(format string) func(n int, err error) error {
	return func(n int, err error) error {
		if err == nil {
			fmt.Fprintf(c.stdout, format, n)
		}
		return err
	}
}
