package importer

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Walk expands paths into the list of files to import: files are kept as
// given, folders are walked recursively in name order. Hidden files and the
// NAME_files/ resource folders of "Web page, complete" saves are skipped.
// A folder that cannot be read (no permission, a failing disk) is left out
// and returned in unreadable, with why, as a failed file is; the walk goes
// on. Walk fails only when a path given does not exist.
func Walk(paths []string) (files []string, unreadable []FileResult, err error) {
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, nil, fmt.Errorf("import %s: %w", p, errors.Unwrap(err))
		}
		if !info.IsDir() {
			files = append(files, p)
			continue
		}
		found, bad := walkFolder(folderFS(p), p)
		files = append(files, found...)
		unreadable = append(unreadable, bad...)
	}
	return files, unreadable, nil
}

// folderFS returns the files of a folder; tests replace it.
var folderFS = os.DirFS

// walkFolder returns the files to import in the folder root, whose files
// fsys holds, in name order, and the folders under it it could not read.
func walkFolder(fsys fs.FS, root string) (found []string, unreadable []FileResult) {
	fs.WalkDir(fsys, ".", func(rel string, d fs.DirEntry, err error) error {
		path := filepath.Join(root, filepath.FromSlash(rel))
		if err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			unreadable = append(unreadable, FileResult{Path: path, Err: fmt.Errorf("import %s: folder not read: %w", path, err)})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if rel != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if rel != "." && isResourceFolder(fsys, rel) {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			found = append(found, path)
		}
		return nil
	})
	sort.Strings(found)
	return found, unreadable
}

// isResourceFolder reports whether dir (in fsys) is the NAME_files folder
// of a saved NAME.html (or .htm) page beside it.
func isResourceFolder(fsys fs.FS, dir string) bool {
	base, ok := strings.CutSuffix(dir, "_files")
	if !ok {
		return false
	}
	for _, ext := range []string{".html", ".htm", ".xhtml"} {
		if _, err := fs.Stat(fsys, base+ext); err == nil {
			return true
		}
	}
	return false
}
