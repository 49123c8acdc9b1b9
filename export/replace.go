package export

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// An export is written under a temporary name beside its output, hidden
// and named after the output and the process writing it
// (".OUT.PID.RANDOM.tmp"), then renamed into place. An export killed
// half-way leaves that behind; the next export to the same output removes
// what a process no longer running left (removeLeftovers). New files and
// folders get the permissions the user's umask gives (0666 and 0777 less
// the umask), as any program's do.

// tempPath returns a new temporary name beside out.
func tempPath(out string) string {
	out = filepath.Clean(out)
	return filepath.Join(filepath.Dir(out), fmt.Sprintf(".%s.%d.%d.tmp", filepath.Base(out), os.Getpid(), rand.Uint32()))
}

// createTemp creates a temporary file beside out.
func createTemp(out string) (*os.File, error) {
	for {
		f, err := os.OpenFile(tempPath(out), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if !errors.Is(err, fs.ErrExist) {
			return f, err
		}
	}
}

// mkdirTemp creates a temporary folder beside out and returns its path.
func mkdirTemp(out string) (string, error) {
	for {
		dir := tempPath(out)
		err := os.Mkdir(dir, 0o777)
		if !errors.Is(err, fs.ErrExist) {
			return dir, err
		}
	}
}

// removeLeftovers removes the temporary files and folders that exports to
// out left beside it when their process was killed.
func removeLeftovers(out string) {
	out = filepath.Clean(out)
	dir, prefix := filepath.Dir(out), "."+filepath.Base(out)+"."
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		if rest, ok = strings.CutSuffix(rest, ".tmp"); !ok {
			continue
		}
		pid, random, ok := strings.Cut(rest, ".")
		n, err := strconv.Atoi(pid)
		if _, rerr := strconv.ParseUint(random, 10, 32); !ok || err != nil || rerr != nil || n == os.Getpid() || processAlive(n) {
			continue
		}
		os.RemoveAll(filepath.Join(dir, e.Name()))
	}
}

// processAlive reports whether the process pid may be running (where
// that cannot be told, it may).
func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	return !errors.Is(p.Signal(syscall.Signal(0)), os.ErrProcessDone)
}

// manifestName is the hidden file, in an exported folder, that lists the
// files the export wrote: the next export with Overwrite replaces those,
// and only those.
const manifestName = ".clippings-export"

// readManifest returns the files the export that wrote folder listed, by
// their slash-separated paths; none when it listed none.
func readManifest(folder string) map[string]bool {
	data, err := os.ReadFile(filepath.Join(folder, manifestName))
	if err != nil {
		return nil
	}
	files := map[string]bool{}
	for _, l := range strings.Split(string(data), "\n") {
		if l != "" && !strings.HasPrefix(l, "#") && filepath.IsLocal(filepath.FromSlash(l)) && !strings.Contains(l, `\`) {
			files[l] = true
		}
	}
	return files
}

// writeManifest writes the manifest of folder, listing files, replacing
// the one there at once.
func writeManifest(folder string, files []string) error {
	path := filepath.Join(folder, manifestName)
	f, err := createTemp(path)
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	w := bufio.NewWriter(f)
	w.WriteString("# The files a Clippings export wrote here; an export with --overwrite replaces them.\n")
	for _, rel := range files {
		w.WriteString(rel + "\n")
	}
	err = w.Flush()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	return err
}

// replaceFolder puts the export written in tmp in the place of the
// folder out. When out holds only what an earlier export wrote (its
// manifest lists every file), it is replaced whole: renamed aside, tmp
// renamed to out, then removed. Otherwise (a Markdown export into an
// Obsidian vault) the user's files stay: the new files are moved in,
// those of the earlier export the new one did not write are removed.
func replaceFolder(out, tmp string, written []string) error {
	old := readManifest(out)
	if info, err := os.Lstat(out); err == nil && info.IsDir() && onlyListed(out, old) {
		aside := tempPath(out)
		if err := os.Rename(out, aside); err != nil {
			return err
		}
		if err := os.Rename(tmp, out); err != nil {
			os.Rename(aside, out)
			return err
		}
		return os.RemoveAll(aside)
	}
	all := append([]string(nil), written...)
	for rel := range old {
		all = append(all, rel)
	}
	// Listed first, so that an export killed while moving leaves a list
	// of every file that may be its own.
	if err := writeManifest(out, all); err != nil {
		return err
	}
	into := &job{dir: out}
	now := map[string]bool{}
	for _, rel := range written {
		now[rel] = true
		if err := into.mkdirs(rel); err != nil {
			return err
		}
		if err := os.Rename(filepath.Join(tmp, filepath.FromSlash(rel)), filepath.Join(out, filepath.FromSlash(rel))); err != nil {
			return err
		}
	}
	for rel := range old {
		if !now[rel] && !throughLink(out, rel) {
			os.Remove(filepath.Join(out, filepath.FromSlash(rel)))
		}
	}
	return writeManifest(out, written)
}

// onlyListed reports whether every file under folder but the manifest is
// listed in files (and there is no link or special file).
func onlyListed(folder string, files map[string]bool) bool {
	if len(files) == 0 {
		return false
	}
	stray := errors.New("not listed")
	err := filepath.WalkDir(folder, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(folder, path)
		rel = filepath.ToSlash(rel)
		if d.IsDir() || rel == manifestName || files[rel] && d.Type().IsRegular() {
			return nil
		}
		return stray
	})
	return err == nil
}

// throughLink reports whether a folder on the way from folder to rel is
// a link (or missing): removing rel would then reach outside.
func throughLink(folder, rel string) bool {
	parts := strings.Split(rel, "/")
	dir := folder
	for _, p := range parts[:len(parts)-1] {
		dir = filepath.Join(dir, p)
		if info, err := os.Lstat(dir); err != nil || !info.IsDir() {
			return true
		}
	}
	return false
}
